import { isObject } from './getKey.ts';

/**
 * Structural equality of JSON values; object keys compare case-insensitively (SCIM attribute names are), and
 * strings compare case-insensitively unless `caseExact`.
 */
export function jsonEqual(a: unknown, b: unknown, caseExact = true): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string')
    return !caseExact && a.toLowerCase() === b.toLowerCase();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i], caseExact));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const aKeys = Object.keys(a).filter((key) => a[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => b[key] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  const bLower = new Map(bKeys.map((key) => [key.toLowerCase(), key]));
  return aKeys.every((key) => {
    const other = bLower.get(key.toLowerCase());
    return other !== undefined && jsonEqual(a[key], b[other], caseExact);
  });
}
