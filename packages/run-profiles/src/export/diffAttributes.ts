import type { Modification } from '../connection/types.ts';

/** Tells whether an attribute is single-valued (from the directory schema or configuration); `undefined` = unknown. */
export type SingleValuedLookup = (attribute: string) => boolean | undefined;

/**
 * The minimal LDAP modification that brings the named attributes of `current` to `desired`:
 * `replace` for a single-valued attribute whose value changed, `delete`/`add` of just the values that
 * differ for a multi-valued (or unknown) one, `delete` of the whole attribute when no value remains. Empty
 * strings and duplicate values are dropped (a directory never stores an empty string); attributes not named
 * in `desired` are left alone, and an unchanged attribute produces nothing.
 * @param current the entry as read (attribute names compared case-insensitively)
 * @param desired target values per attribute; `null` or `[]` removes the attribute
 * @param isSingleValued schema lookup
 * @example
 * diffAttributes({ mail: ['a@x', 'b@x'] }, { mail: ['b@x', 'c@x'] }, () => false)
 * // [{ operation: 'delete', attribute: 'mail', values: ['a@x'] }, { operation: 'add', attribute: 'mail', values: ['c@x'] }]
 */
export function diffAttributes(
  current: Readonly<Record<string, readonly string[]>>,
  desired: Readonly<Record<string, readonly string[] | null>>,
  isSingleValued: SingleValuedLookup,
): Modification[] {
  const currentByLower = new Map<string, readonly string[]>();
  for (const [name, values] of Object.entries(current)) currentByLower.set(name.toLowerCase(), values);
  const deletes: Modification[] = [];
  const adds: Modification[] = [];
  for (const [attribute, wanted] of Object.entries(desired)) {
    const want = cleanValues(wanted ?? []);
    const have = currentByLower.get(attribute.toLowerCase()) ?? [];
    if (sameSet(have, want)) continue;
    if (want.length === 0) {
      deletes.push({ operation: 'delete', attribute, values: [] });
      continue;
    }
    if (have.length === 0) {
      adds.push({ operation: 'add', attribute, values: want });
      continue;
    }
    if (
      isSingleValued(attribute) === true ||
      (want.length === 1 && have.length === 1 && isSingleValued(attribute) !== false)
    ) {
      // One value for another: a replace is one change and is valid whatever the matching rule says.
      adds.push({ operation: 'replace', attribute, values: want });
      continue;
    }
    const haveSet = new Set(have);
    const wantSet = new Set(want);
    const removed = have.filter((v) => !wantSet.has(v));
    const added = want.filter((v) => !haveSet.has(v));
    // Deletes go first so a case-only change ("A@x" → "a@x") is not rejected as an existing value.
    if (removed.length > 0) deletes.push({ operation: 'delete', attribute, values: removed });
    if (added.length > 0) adds.push({ operation: 'add', attribute, values: added });
  }
  return [...deletes, ...adds];
}

/**
 * Drops empty strings and exact duplicates, keeping order.
 * @param values the values as given
 */
export function cleanValues(values: readonly string[]): string[] {
  // One value (most attributes): nothing to dedupe; a copy all the same, the caller may keep it.
  if (values.length === 1) return values[0] === '' ? [] : [values[0]!];
  return [...new Set(values.filter((v) => v !== ''))];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((v) => set.has(v));
}
