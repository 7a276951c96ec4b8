import type { EntryInput } from '../AnchorStore.ts';
import { AnchorStoreError } from '../AnchorStoreError.ts';
import { normalizeDn } from '../normalizeDn.ts';
import { _canonicalEntry, _hashOf, type CanonicalEntry, type HashInput } from './canonicalEntry.ts';
import { _indexKeysSorted, type ResolvedIndexes } from './indexes.ts';

/** A validated entry with everything a driver stores next to it. @internal */
export interface PreparedEntry {
  readonly anchor: string;
  readonly dn: string;
  readonly dnNorm: string;
  /**
   * The entry in canonical order (`_canonicalEntry`; its forms and how to read it: `_parseBody`): the
   * stored snapshot, so the caller's object is never aliased.
   */
  readonly body: string;
  /** The content hash (computed when first read; see `hashPrefix`). */
  readonly hash: string;
  /** `CanonicalEntry.hashPrefix`: lets a thread holding the DN and body compute the hash instead. */
  readonly hashPrefix: string | undefined;
  readonly indexKeys: [string, string][];
}

/**
 * Validates an entry and derives its normalised DN, JSON body, hash and index keys. Throws `invalid-entry`
 * naming the anchor, DN and field.
 * @internal
 */
export function _prepareEntry(entry: EntryInput, indexes: ResolvedIndexes): PreparedEntry {
  const anchor: unknown = entry?.anchor;
  if (typeof anchor !== 'string' || anchor.length === 0) {
    throw invalid(entry, `anchor must be a non-empty string; got ${describe(anchor)}`);
  }
  if (typeof entry.dn !== 'string' || entry.dn.trim().length === 0) {
    throw invalid(entry, `dn must be a non-empty string; got ${describe(entry.dn)}`);
  }
  let dnNorm: string;
  try {
    dnNorm = normalizeDn(entry.dn);
  } catch (cause) {
    throw invalid(entry, `dn is not a valid DN: ${(cause as Error).message}`, cause);
  }
  const objectClasses = entry.objectClasses;
  if (!Array.isArray(objectClasses) || !allStrings(objectClasses, false)) {
    throw invalid(entry, 'objectClasses must be an array of non-empty strings');
  }
  const attributes = entry.attributes;
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    throw invalid(entry, 'attributes must be an object of attribute name → string[]');
  }
  for (const name in attributes) {
    const values = attributes[name];
    if (!Array.isArray(values) || !allStrings(values, true)) {
      throw invalid(entry, `attribute "${name}" must be an array of strings (binary values base64-encoded)`);
    }
    if (name.length === 0 && values.length > 0) throw invalid(entry, 'an attribute has an empty name');
  }
  const canonical = _canonicalEntry(entry.dn, objectClasses, attributes);
  if (canonical.duplicate !== undefined) {
    throw invalid(
      entry,
      `attribute "${canonical.duplicate}" is given twice (names compare case-insensitively); merge them`,
    );
  }
  return new Prepared(
    anchor,
    entry.dn,
    dnNorm,
    canonical,
    _indexKeysSorted(objectClasses, canonical.lowerNames, canonical.values, indexes),
  );
}

/** A prepared entry: strings only (its hash input until the hash is read, then the hash). */
class Prepared implements PreparedEntry {
  readonly anchor: string;
  readonly dn: string;
  readonly dnNorm: string;
  readonly body: string;
  readonly hashPrefix: string | undefined;
  readonly indexKeys: [string, string][];
  #hashInput: HashInput | undefined;
  #hash: string | undefined = undefined;

  constructor(
    anchor: string,
    dn: string,
    dnNorm: string,
    canonical: CanonicalEntry,
    indexKeys: [string, string][],
  ) {
    this.anchor = anchor;
    this.dn = dn;
    this.dnNorm = dnNorm;
    this.body = canonical.body;
    this.hashPrefix = canonical.hashPrefix;
    this.indexKeys = indexKeys;
    this.#hashInput = canonical.hashInput;
  }

  get hash(): string {
    if (this.#hash === undefined) {
      this.#hash = _hashOf(this.#hashInput!);
      this.#hashInput = undefined;
    }
    return this.#hash;
  }
}

function allStrings(values: readonly unknown[], emptyAllowed: boolean): boolean {
  for (const value of values)
    if (typeof value !== 'string' || (!emptyAllowed && value.length === 0)) return false;
  return true;
}

function invalid(entry: EntryInput, problem: string, cause?: unknown): AnchorStoreError {
  const anchor = typeof entry?.anchor === 'string' ? JSON.stringify(entry.anchor.slice(0, 100)) : '(none)';
  const dn = typeof entry?.dn === 'string' ? JSON.stringify(entry.dn.slice(0, 200)) : '(none)';
  return new AnchorStoreError('invalid-entry', `Entry with anchor ${anchor}, dn ${dn}: ${problem}`, {
    cause,
  });
}

function describe(value: unknown): string {
  return value === undefined ? 'undefined' : (JSON.stringify(value)?.slice(0, 100) ?? String(value));
}
