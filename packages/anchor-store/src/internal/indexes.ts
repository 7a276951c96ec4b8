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
 * The `(attribute, value)` keys an entry contributes to the indexes, without duplicates.
 * @internal
 */
export function _indexKeys(
  objectClasses: readonly string[],
  attributes: Readonly<Record<string, readonly string[]>>,
  indexes: ResolvedIndexes,
): [string, string][] {
  if (indexes.size === 0) return [];
  const keys: [string, string][] = [];
  const seen = new Set<string>();
  const add = (name: string, caseExact: boolean, values: readonly string[]): void => {
    for (const value of values) {
      const key = _indexValue(value, caseExact);
      const id = `${name}\u0000${key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      keys.push([name, key]);
    }
  };
  for (const [name, values] of Object.entries(attributes)) {
    const lower = name.toLowerCase();
    const caseExact = indexes.get(lower);
    if (caseExact !== undefined) add(lower, caseExact, values);
  }
  const objectClassExact = indexes.get('objectclass');
  if (objectClassExact !== undefined) add('objectclass', objectClassExact, objectClasses);
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
