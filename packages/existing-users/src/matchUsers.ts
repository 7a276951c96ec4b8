import { normalizeMatchValue } from './normalizeMatchValue.ts';
import { fieldOf, type SourceRow, textOf } from './SourceRow.ts';

/**
 * The outcome of one source row, as the walkthrough's matching script sorts them: no value in the column,
 * a value an earlier row already had, no directory entry, several directory entries, one entry but the
 * source user is disabled (blocked from sign-in), one entry.
 */
export type MatchCategory =
  | 'noValue'
  | 'duplicate'
  | 'notMatched'
  | 'ambiguous'
  | 'matchedDisabled'
  | 'matched';

/** Every category, in the order the summary lists them. */
export const MATCH_CATEGORIES: readonly MatchCategory[] = [
  'noValue',
  'duplicate',
  'notMatched',
  'ambiguous',
  'matchedDisabled',
  'matched',
];

/** A directory entry as the matcher needs it: DN and the attributes read. */
export interface DirectoryCandidate {
  readonly dn: string;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

/** One source row and what it matched. */
export interface RowOutcome {
  readonly row: SourceRow;
  readonly category: MatchCategory;
  /** The row's value in the match column, when it had one. */
  readonly value?: string;
  /** The directory entries with that value (one for matched, several for ambiguous). */
  readonly entries: readonly DirectoryCandidate[];
}

/** The whole result of {@link matchUsers}. */
export interface MatchReport {
  readonly outcomes: Readonly<Record<MatchCategory, readonly RowOutcome[]>>;
  /** Directory entries no source row has a value for (the walkthrough's "create the missing users" list). */
  readonly directoryOnly: readonly DirectoryCandidate[];
  readonly directoryEntries: number;
  readonly sourceRows: number;
  /** True when nothing needs attention: only matched rows and no directory-only entries. */
  readonly clean: boolean;
}

/** A hash index of directory entries by the normalized values of one attribute. */
export interface DirectoryIndex {
  readonly attribute: string;
  readonly caseInsensitive: boolean;
  /** Adds an entry (every value of the attribute is indexed). */
  add(entry: DirectoryCandidate): void;
  /** Entries with this value. */
  lookup(value: string): readonly DirectoryCandidate[];
  /** Every entry added, in order. */
  entries(): readonly DirectoryCandidate[];
}

/**
 * Creates the index the matcher looks source values up in: a `Map` from the normalized value to its entries,
 * so matching is one hash lookup per row (100,000 × 100,000 in well under a second).
 * @param attribute the LDAP attribute matched on
 * @param caseInsensitive whether its equality rule ignores case (from the detected schema)
 */
export function createDirectoryIndex(attribute: string, caseInsensitive: boolean): DirectoryIndex {
  const byValue = new Map<string, DirectoryCandidate[]>();
  const all: DirectoryCandidate[] = [];
  const wanted = attribute.toLowerCase();
  return {
    attribute,
    caseInsensitive,
    add(entry) {
      all.push(entry);
      for (const [name, values] of Object.entries(entry.attributes)) {
        if (name.toLowerCase() !== wanted) continue;
        const keys = new Set(values.map((v) => normalizeMatchValue(v, caseInsensitive)));
        for (const key of keys) {
          if (key === '') continue;
          const list = byValue.get(key);
          if (list) list.push(entry);
          else byValue.set(key, [entry]);
        }
      }
    },
    lookup(value) {
      return byValue.get(normalizeMatchValue(value, caseInsensitive)) ?? [];
    },
    entries: () => all,
  };
}

/** Options of {@link matchUsers}. */
export interface MatchUsersOptions {
  /** The source column (CSV) or property (JSON) holding the value to match, e.g. `userPrincipalName`. */
  readonly column: string;
  /**
   * The column telling whether the source user may sign in; default `accountEnabled`, else `active`. False
   * values: `false`, `False`, `0`, `no`.
   */
  readonly enabledColumn?: string;
}

/**
 * Whether a source row says the user is disabled (blocked from sign-in).
 * @param fields the row's fields
 * @param enabledColumn the column; default `accountEnabled`, falling back to `active`
 */
export function isDisabledInSource(
  fields: Readonly<Record<string, unknown>>,
  enabledColumn?: string,
): boolean {
  const value =
    enabledColumn === undefined
      ? (fieldOf(fields, 'accountEnabled') ?? fieldOf(fields, 'active'))
      : fieldOf(fields, enabledColumn);
  if (value === false) return true;
  return typeof value === 'string' && /^(false|0|no)$/i.test(value.trim());
}

/**
 * Matches source users (an Entra export) against directory entries, row by row as the walkthrough's script
 * does: a row without a value is not looked up; a value seen in an earlier row is a duplicate; otherwise the
 * directory index gives none, one or several entries. Directory entries left without a source row are listed
 * too.
 * @param rows the source rows
 * @param index the directory entries, indexed by the matched attribute
 * @param options the source column, the enabled column
 * @example
 * const index = createDirectoryIndex('mail', true);
 * for (const e of entries) index.add(e);
 * const report = await matchUsers(readCsv(file), index, { column: 'userPrincipalName' });
 */
export async function matchUsers(
  rows: AsyncIterable<SourceRow> | Iterable<SourceRow>,
  index: DirectoryIndex,
  options: MatchUsersOptions,
): Promise<MatchReport> {
  const outcomes: Record<MatchCategory, RowOutcome[]> = {
    noValue: [],
    duplicate: [],
    notMatched: [],
    ambiguous: [],
    matchedDisabled: [],
    matched: [],
  };
  const seen = new Set<string>();
  const referenced = new Set<DirectoryCandidate>();
  let sourceRows = 0;
  for await (const row of rows) {
    sourceRows++;
    const raw = textOf(fieldOf(row.fields, options.column));
    const key = raw === undefined ? '' : normalizeMatchValue(raw, index.caseInsensitive);
    if (raw === undefined || key === '') {
      outcomes.noValue.push({ row, category: 'noValue', entries: [] });
      continue;
    }
    const entries = index.lookup(raw);
    for (const e of entries) referenced.add(e);
    if (seen.has(key)) {
      outcomes.duplicate.push({ row, category: 'duplicate', value: raw, entries });
      continue;
    }
    seen.add(key);
    const category: MatchCategory =
      entries.length === 0
        ? 'notMatched'
        : entries.length > 1
          ? 'ambiguous'
          : isDisabledInSource(row.fields, options.enabledColumn)
            ? 'matchedDisabled'
            : 'matched';
    outcomes[category].push({ row, category, value: raw, entries });
  }
  const directoryOnly = index.entries().filter((e) => !referenced.has(e));
  const clean =
    directoryOnly.length === 0 && MATCH_CATEGORIES.every((c) => c === 'matched' || outcomes[c].length === 0);
  return { outcomes, directoryOnly, directoryEntries: index.entries().length, sourceRows, clean };
}
