/** Keys whose values never reach a log line. */
const secretKey = /pass(word)?|secret|token|authorization|credential|^export_password$/i;

/**
 * Deep-copies `value` with every secret-looking key (password, userPassword, export_password, token,
 * Authorization, …) replaced by `"[redacted]"`, and any known secret string removed wherever it occurs.
 * @param value what is about to be logged
 * @param secrets literal secrets (tokens, bind passwords) to scrub from any string
 */
export function redact(value: unknown, secrets: readonly string[] = []): unknown {
  const scrub = (s: string): string => {
    let out = s;
    for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
    return out;
  };
  const walk = (node: unknown, key?: string): unknown => {
    if (key !== undefined && secretKey.test(key.split(':').pop() ?? key)) return '[redacted]';
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
