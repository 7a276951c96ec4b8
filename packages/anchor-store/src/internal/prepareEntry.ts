import type { EntryInput } from '../AnchorStore.ts';
import { AnchorStoreError } from '../AnchorStoreError.ts';
import { hashEntry } from '../hashEntry.ts';
import { normalizeDn } from '../normalizeDn.ts';
import { _indexKeys, type ResolvedIndexes } from './indexes.ts';

/** A validated entry with everything a driver stores next to it. @internal */
export interface PreparedEntry {
  readonly anchor: string;
  readonly dn: string;
  readonly dnNorm: string;
  readonly objectClasses: string[];
  readonly attributes: Record<string, string[]>;
  readonly hash: string;
  readonly indexKeys: [string, string][];
}

/**
 * Validates an entry and derives its normalised DN, hash and index keys; copies every array so the caller's
 * object is never aliased. Throws `invalid-entry` naming the anchor, DN and field.
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
  if (!Array.isArray(entry.objectClasses) || !entry.objectClasses.every((c) => typeof c === 'string' && c)) {
    throw invalid(entry, 'objectClasses must be an array of non-empty strings');
  }
  if (typeof entry.attributes !== 'object' || entry.attributes === null) {
    throw invalid(entry, 'attributes must be an object of attribute name → string[]');
  }
  const attributes: Record<string, string[]> = {};
  const names = new Set<string>();
  for (const [name, values] of Object.entries(entry.attributes)) {
    if (!Array.isArray(values) || !allStrings(values)) {
      throw invalid(entry, `attribute "${name}" must be an array of strings (binary values base64-encoded)`);
    }
    if (values.length === 0) continue;
    const lower = name.toLowerCase();
    if (name.length === 0 || names.has(lower)) {
      throw invalid(
        entry,
        `attribute "${name}" is given twice (names compare case-insensitively); merge them`,
      );
    }
    names.add(lower);
    attributes[name] = [...values];
  }
  const objectClasses = [...entry.objectClasses];
  return {
    anchor,
    dn: entry.dn,
    dnNorm,
    objectClasses,
    attributes,
    hash: hashEntry({ dn: entry.dn, objectClasses, attributes }),
    indexKeys: _indexKeys(objectClasses, attributes, indexes),
  };
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

function allStrings(values: readonly unknown[]): boolean {
  for (const value of values) if (typeof value !== 'string') return false;
  return true;
}
