/**
 * Finds the key of `object` that equals `name` case-insensitively (SCIM attribute names are case-insensitive,
 * RFC 7643 §2.1), preferring an exact match. Returns undefined when there is none.
 */
export function findKey(object: { readonly [key: string]: unknown }, name: string): string | undefined {
  if (Object.hasOwn(object, name)) return name;
  const lower = name.toLowerCase();
  for (const key in object) {
    if (key.length === name.length && key.toLowerCase() === lower && Object.hasOwn(object, key)) return key;
  }
  return undefined;
}

/** Reads `object[name]` case-insensitively. */
export function getKey(object: { readonly [key: string]: unknown }, name: string): unknown {
  const key = findKey(object, name);
  return key === undefined ? undefined : object[key];
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
