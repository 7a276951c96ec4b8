/** Values of one SCIM attribute path, as strings (booleans as Entra's "True"/"False"). */
export type SourceValues = Readonly<Record<string, readonly string[]>>;

const SKIPPED = new Set(['schemas', 'meta', 'id']);

/**
 * Flattens a SCIM resource into attribute-path → values, the input of mapping rules: `userName`,
 * `name.givenName`, `emails[type eq "work"].value` (also written `emails.work.value`, and `emails.value` for the
 * primary or first element), `urn:…:enterprise:2.0:User:department`, `urn:…:enterprise:2.0:User:manager.value`.
 * Keys keep the resource's spelling; {@link lookupSource} finds them case-insensitively.
 * @param resource the SCIM resource (core attributes at the top, extensions under their URN)
 */
export function flattenResource(resource: Readonly<Record<string, unknown>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (SKIPPED.has(key)) continue;
    if (key.toLowerCase().startsWith('urn:') && isObject(value)) {
      for (const [name, inner] of Object.entries(value)) addAttribute(out, `${key}:${name}`, inner);
    } else {
      addAttribute(out, key, value);
    }
  }
  return out;
}

function addAttribute(out: Record<string, string[]>, path: string, value: unknown): void {
  if (Array.isArray(value)) {
    const objects = value.filter(isObject);
    if (objects.length === 0) {
      put(out, path, value.flatMap(scalar));
      return;
    }
    const primary =
      objects.find((element) => element.primary === true || element.primary === 'True') ?? objects[0];
    for (const element of objects) {
      const type = typeof element.type === 'string' ? element.type : undefined;
      for (const [sub, inner] of Object.entries(element)) {
        if (type !== undefined) {
          put(out, `${path}[type eq "${type}"].${sub}`, scalar(inner));
          put(out, `${path}.${type}.${sub}`, scalar(inner));
        }
        if (element === primary) put(out, `${path}.${sub}`, scalar(inner));
      }
    }
    return;
  }
  if (isObject(value)) {
    for (const [sub, inner] of Object.entries(value)) put(out, `${path}.${sub}`, scalar(inner));
    return;
  }
  put(out, path, scalar(value));
}

function put(out: Record<string, string[]>, path: string, values: string[]): void {
  if (values.length === 0) return;
  const existing = out[path];
  out[path] = existing ? [...existing, ...values] : values;
}

function scalar(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (typeof value === 'number' || typeof value === 'bigint') return [String(value)];
  if (typeof value === 'boolean') return [value ? 'True' : 'False'];
  if (Array.isArray(value)) return value.flatMap(scalar);
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const indexes = new WeakMap<SourceValues, Map<string, readonly string[]>>();

/**
 * Reads one attribute path from flattened values, comparing names case-insensitively as SCIM does
 * (RFC 7643 §2.1); `emails[type eq "work"].value` and `emails.work.value` are the same path.
 * @param values the flattened resource (or a directory entry's attributes)
 * @param path the attribute path of a rule
 */
export function lookupSource(values: SourceValues, path: string): readonly string[] | undefined {
  return values[path] ?? lookupCanonical(values, canonicalPath(path));
}

/**
 * Reads a path already in canonical form (see {@link canonicalPath}); the canonical index of `values` is built
 * once per object, so a mapping's many lookups cost one pass over the resource.
 * @param values the flattened resource (or a directory entry's attributes)
 * @param canonical the canonical path
 */
export function lookupCanonical(values: SourceValues, canonical: string): readonly string[] | undefined {
  let index = indexes.get(values);
  if (!index) {
    index = new Map();
    for (const [key, found] of Object.entries(values)) {
      const name = canonicalPath(key);
      if (!index.has(name)) index.set(name, found);
    }
    indexes.set(values, index);
  }
  return index.get(canonical);
}

/** Lower-cases a path and rewrites `attr[type eq "x"].sub` to `attr.x.sub`, for comparisons. */
export function canonicalPath(path: string): string {
  const lower = path.toLowerCase();
  return lower.includes('[') ? lower.replace(/\[\s*type\s+eq\s+"([^"]*)"\s*\]/, '.$1') : lower;
}
