import type { EntryInput } from '../AnchorStore.ts';
import { AnchorStoreError } from '../AnchorStoreError.ts';
import { _hashCanonical } from '../hashEntry.ts';
import { normalizeDn } from '../normalizeDn.ts';
import { _indexKeysOf, type ResolvedIndexes } from './indexes.ts';

/** A validated entry with everything a driver stores next to it. @internal */
export interface PreparedEntry {
  readonly anchor: string;
  readonly dn: string;
  readonly dnNorm: string;
  /** JSON `[objectClasses, attributes]`: the stored snapshot, so the caller's object is never aliased. */
  readonly body: string;
  readonly hash: string;
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
  const byName = new Map<string, readonly string[]>();
  let hasEmpty = false;
  for (const name in attributes) {
    const values = attributes[name];
    if (!Array.isArray(values) || !allStrings(values, true)) {
      throw invalid(entry, `attribute "${name}" must be an array of strings (binary values base64-encoded)`);
    }
    if (values.length === 0) {
      hasEmpty = true;
      continue;
    }
    const lower = name.toLowerCase();
    if (name.length === 0 || byName.has(lower)) {
      throw invalid(
        entry,
        `attribute "${name}" is given twice (names compare case-insensitively); merge them`,
      );
    }
    byName.set(lower, values);
  }
  const stored = hasEmpty ? withoutEmpty(attributes) : attributes;
  return {
    anchor,
    dn: entry.dn,
    dnNorm,
    body: JSON.stringify([objectClasses, stored]),
    hash: _hashCanonical(entry.dn, objectClasses, byName),
    indexKeys: _indexKeysOf(objectClasses, byName, indexes),
  };
}

function withoutEmpty(
  attributes: Readonly<Record<string, readonly string[]>>,
): Record<string, readonly string[]> {
  const kept: Record<string, readonly string[]> = {};
  for (const name in attributes) if (attributes[name]!.length > 0) kept[name] = attributes[name]!;
  return kept;
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
