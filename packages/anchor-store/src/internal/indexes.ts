import type { IndexSpec } from '../AnchorStore.ts';
import { AnchorStoreError } from '../AnchorStoreError.ts';

/** Indexed attributes by lower-case name → case-exact or not. @internal */
export type ResolvedIndexes = ReadonlyMap<string, boolean>;

/**
 * Checks the `indexes` option and keys it by lower-case attribute name.
 * @internal
 */
export function _resolveIndexes(indexes: readonly IndexSpec[] | undefined): ResolvedIndexes {
  const resolved = new Map<string, boolean>();
  for (const [i, spec] of (indexes ?? []).entries()) {
    const name = typeof spec?.attribute === 'string' ? spec.attribute.trim().toLowerCase() : '';
    if (!/^[a-z][a-z0-9-]*$|^[0-9]+(\.[0-9]+)+$/.test(name)) {
      throw new AnchorStoreError(
        'invalid-option',
        `indexes[${i}].attribute must be an attribute name such as "mail"; got ${JSON.stringify(spec?.attribute)}`,
      );
    }
    const caseExact = spec.caseExact === true;
    if (resolved.has(name) && resolved.get(name) !== caseExact) {
      throw new AnchorStoreError(
        'invalid-option',
        `indexes lists "${spec.attribute}" twice with different caseExact; keep one entry`,
      );
    }
    resolved.set(name, caseExact);
  }
  return resolved;
}

/**
 * The value an index stores and a lookup compares: RFC 4518 insignificant spaces removed, and lower-cased
 * (after NFKC) unless the attribute is case-exact.
 * @internal
 */
export function _indexValue(value: string, caseExact: boolean): string {
  // Plain printable ASCII with single inner spaces (the common case) needs no NFKC and no space rewrite.
  const plain = PLAIN.test(value);
  const folded = caseExact ? value : plain ? value.toLowerCase() : value.normalize('NFKC').toLowerCase();
  return plain ? folded : folded.replace(/\s+/g, ' ').trim();
}

const PLAIN = /^(?:[\x21-\x7e]+(?: [\x21-\x7e]+)*)?$/;

/**
 * The `(attribute, value)` keys a stored entry contributes to the indexes, without duplicates: the same rule
 * as {@link _indexKeysSorted}, which preparing an entry uses, so the keys removed are the keys added.
 * @internal
 */
export function _indexKeys(
  objectClasses: readonly string[],
  attributes: Readonly<Record<string, readonly string[]>>,
  indexes: ResolvedIndexes,
): [string, string][] {
  const lowerNames: string[] = [];
  const values: (readonly string[])[] = [];
  for (const name in attributes) {
    const list = attributes[name]!;
    if (list.length === 0) continue;
    lowerNames.push(name.toLowerCase());
    values.push(list);
  }
  return _indexKeysSorted(objectClasses, lowerNames, values, indexes);
}

/**
 * The index keys of an entry in canonical form (`_canonicalEntry`: lower-case names and their values), so
 * preparing an entry needs no name map; `objectClass` also takes the object classes.
 * @internal
 */
export function _indexKeysSorted(
  objectClasses: readonly string[],
  lowerNames: readonly string[],
  values: readonly (readonly string[])[],
  indexes: ResolvedIndexes,
): [string, string][] {
  const keys: [string, string][] = [];
  const classes = indexes.get('objectclass');
  let classesDone = classes === undefined;
  for (let i = 0; i < lowerNames.length; i++) {
    const name = lowerNames[i]!;
    const caseExact = indexes.get(name);
    if (caseExact === undefined) continue;
    let v = values[i]!;
    if (name === 'objectclass') {
      v = [...objectClasses, ...v];
      classesDone = true;
    }
    if (v.length === 1) keys.push([name, _indexValue(v[0]!, caseExact)]);
    else for (const value of new Set(v.map((x) => _indexValue(x, caseExact)))) keys.push([name, value]);
  }
  if (!classesDone) {
    for (const value of new Set(objectClasses.map((x) => _indexValue(x, classes!)))) {
      keys.push(['objectclass', value]);
    }
  }
  return keys;
}

/** The error for a lookup on an attribute that is not indexed. @internal */
export function _notIndexed(name: string, indexes: ResolvedIndexes): AnchorStoreError {
  const configured = [...indexes.keys()].join(', ') || 'none';
  return new AnchorStoreError(
    'not-indexed',
    `findByAttribute: attribute "${name}" is not indexed (indexed: ${configured}); ` +
      `add { attribute: "${name}" } to the indexes option`,
  );
}
