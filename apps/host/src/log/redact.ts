/** Words that make a key secret (password, userPassword, export_password, token, Authorization, …). */
const secretWords = 'pass|secret|token|authorization|credential';
/** Keys whose values never reach a log line. */
const secretKey = new RegExp(secretWords, 'i');

const isSecretKey = (key: string): boolean => {
  const colon = key.lastIndexOf(':');
  return secretKey.test(colon < 0 ? key : key.slice(colon + 1));
};

const scrubber =
  (secrets: readonly string[]) =>
  (s: string): string => {
    let out = s;
    for (const secret of secrets)
      if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join('[redacted]');
    return out;
  };

/**
 * Deep-copies `value` with every secret-looking key (password, userPassword, export_password, token,
 * Authorization, …) replaced by `"[redacted]"`, and any known secret string removed wherever it occurs.
 * @param value what is about to be logged
 * @param secrets literal secrets (tokens, bind passwords) to scrub from any string
 */
export function redact(value: unknown, secrets: readonly string[] = []): unknown {
  const scrub = scrubber(secrets);
  const walk = (node: unknown, key?: string): unknown => {
    if (key !== undefined && isSecretKey(key)) return '[redacted]';
    if (typeof node === 'string') return scrub(node);
    if (Array.isArray(node)) return node.map((item) => walk(item));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) out[k] = walk(v, k);
      return out;
    }
    return node;
  };
  return walk(value);
}

// A JSON object key (`"…":`) with a secret-looking word anywhere in it: every key `isSecretKey` accepts (it
// tests the part after the last colon) matches, so a line without a match needs no key redaction.
const secretKeyInJson = new RegExp(`"(?:[^"\\\\]|\\\\.)*(?:${secretWords})(?:[^"\\\\]|\\\\.)*":`, 'i');
const surrogate = /[\ud800-\udfff]/;

/** Whether serialised JSON may contain one of the secrets the scrubber removes (as JSON escapes it). */
function holdsSecret(json: string, secrets: readonly string[]): boolean {
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    // A lone surrogate at a secret's edge is escaped alone but not inside a pair: take the full pass.
    if (surrogate.test(secret) || json.includes(JSON.stringify(secret).slice(1, -1))) return true;
  }
  return false;
}

/**
 * `JSON.stringify(redact(value, secrets))` in one pass, without the deep copy: the log writes one line per
 * request, so the redaction runs as the JSON is built.
 * @param value what is about to be logged
 * @param secrets literal secrets (tokens, bind passwords) to scrub from any string
 */
export function redactedJson(value: unknown, secrets: readonly string[] = []): string {
  // Most lines hold no secret-looking key and no secret: then the plain serialisation is the answer. The
  // checks below can only err towards the full pass (a key-like text inside a value, a secret's escaped form).
  const plain = JSON.stringify(value);
  const keyLike = secretKey.test(plain) && secretKeyInJson.test(plain); // the first test is 4× faster
  if (typeof plain !== 'string' || (!keyLike && !holdsSecret(plain, secrets))) return plain;
  const scrub = scrubber(secrets);
  return JSON.stringify(value, function (this: unknown, key: string, node: unknown): unknown {
    // Array items are called with their index as key; only object properties are named.
    if (key !== '' && !Array.isArray(this) && isSecretKey(key)) return '[redacted]';
    return typeof node === 'string' ? scrub(node) : node;
  });
}
