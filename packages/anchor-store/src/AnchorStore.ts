/**
 * An attribute whose values can be looked up with `findByAttribute` (Entra's matching attributes: `mail`,
 * `uid`, `employeeNumber`, …). Attribute names compare case-insensitively. Values compare after RFC 4518
 * insignificant-space handling (trimmed, inner runs of spaces collapsed), and case-insensitively unless
 * `caseExact` (the attribute's equality rule is `caseExactMatch`, `octetStringMatch`, …).
 */
export interface IndexSpec {
  readonly attribute: string;
  readonly caseExact?: boolean;
}

/** Options every driver takes. */
export interface AnchorStoreOptions {
  /** Attributes to index for `findByAttribute`; fixed for the life of the handle. */
  readonly indexes?: readonly IndexSpec[];
  /** Clock for run start/finish times; injectable so packages never read the clock themselves. */
  readonly now?: () => Date;
}

/**
 * A directory entry as written to the store: what the directory returned. `DirectoryEntry` from
 * `@scim2ldap/provisioning` and `StoredEntry` both fit this shape.
 */
export interface EntryInput {
  /** The anchor value (entryUUID, nsUniqueId, objectGUID, … or the DN when the anchor is the DN). */
  readonly anchor: string;
  readonly dn: string;
  readonly objectClasses: readonly string[];
  /** Attribute values as the directory returned them; an attribute with no values is treated as absent. */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

/** An entry as held in the store; every read returns a fresh copy. */
export interface StoredEntry {
  anchor: string;
  dn: string;
  objectClasses: string[];
  attributes: Record<string, string[]>;
  /** Content hash of DN, object classes and attributes; stable over attribute order and name case. */
  hash: string;
  /** The run that last wrote or saw this entry; absent when it was written before any run began. */
  lastSeenRun?: number;
}

/** What `upsert` did. */
export type UpsertOutcome = 'added' | 'updated' | 'unchanged';

/** Options of `upsert`. */
export interface UpsertOptions {
  /**
   * The run that saw the entry. Defaults to the newest run begun on this store, so an export that writes
   * during a full import is not swept by it.
   */
  readonly runId?: number;
}

/** Options of `bulkUpsert`. */
export interface BulkUpsertOptions extends UpsertOptions {
  /** Entries per transaction (default 1000). Each batch is committed whole or not at all. */
  readonly batchSize?: number;
  /**
   * Called for an entry that fails validation; the entry is skipped and counted as `failed`. Without it, an
   * invalid entry throws and its batch is not written (earlier batches stay committed).
   */
  readonly onInvalidEntry?: (error: Error, entry: EntryInput) => void;
}

/** Totals of one `bulkUpsert` call. */
export interface BulkUpsertResult {
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Transactions committed. */
  batches: number;
}

/** Options of `sweepUnseen`. */
export interface SweepOptions {
  /**
   * Refuse (throw `sweep-threshold`, delete nothing) when more entries than this would be deleted — a guard
   * against an import that saw far less than it should have (wrong base, lost ACL).
   */
  readonly maxDeletes?: number;
}

/** Counts a run reports when it finishes. */
export interface RunCounts {
  added: number;
  updated: number;
  deleted: number;
  failed: number;
}

/** How a run ended; `unfinished` is a run still going or one whose process died (no `finishRun`). */
export type RunStatus = 'unfinished' | 'succeeded' | 'failed';

/** One run in the history. */
export interface RunRecord {
  id: number;
  /** The run profile, e.g. `full-import`, `delta-import`, `export`. */
  profile: string;
  startedAt: Date;
  finishedAt?: Date;
  status: RunStatus;
  counts: RunCounts;
  /** Error summary of a failed run (capped at 2000 characters). */
  error?: string;
}

/** What `finishRun` records. A run with `error` is `failed`, otherwise `succeeded`. */
export interface FinishRunInput {
  readonly counts?: Partial<RunCounts>;
  readonly error?: string;
}

/**
 * A delta method whose position is kept: `accesslog` (reqEnd/CSN), `changelog` (changeNumber), `usn`
 * (AD LDS highestCommittedUSN), `modifyTimestamp`, `syncrepl` (RFC 4533 cookie), or any other name.
 */
export type WatermarkMethod =
  | 'accesslog'
  | 'changelog'
  | 'usn'
  | 'modifyTimestamp'
  | 'syncrepl'
  | (string & {});

/** Options of `iterate`. */
export interface IterateOptions {
  /** Entries read per page (default 500); memory use is bounded by one page. */
  readonly batchSize?: number;
}

/**
 * The connector space of one connector: every in-scope entry by anchor, with DN and attribute indexes, run
 * history and delta watermarks. One store per connector (one SQLite file each). Methods are async so a
 * networked driver fits behind the same interface.
 */
export interface AnchorStore {
  /** Driver name (`memory`, `sqlite`). */
  readonly driver: string;
  /** The entry with this anchor value (compared exactly), or `undefined`. */
  get(anchor: string): Promise<StoredEntry | undefined>;
  /** The entry at this DN, compared after RFC 4514 normalisation (`normalizeDn`), or `undefined`. */
  getByDn(dn: string): Promise<StoredEntry | undefined>;
  /** Entries with `value` among the values of the indexed attribute `name`; throws `not-indexed` otherwise. */
  findByAttribute(name: string, value: string): Promise<StoredEntry[]>;
  /** Adds or replaces one entry (by anchor) and marks it seen by the run. */
  upsert(entry: EntryInput, options?: UpsertOptions): Promise<UpsertOutcome>;
  /** Removes the entry with this anchor; `false` when there was none. */
  delete(anchor: string): Promise<boolean>;
  /** Upserts many entries in transactions of `batchSize`; accepts sync or async iterables (streamed). */
  bulkUpsert(
    entries: Iterable<EntryInput> | AsyncIterable<EntryInput>,
    options?: BulkUpsertOptions,
  ): Promise<BulkUpsertResult>;
  /** Starts a run (import or export) and returns its id; ids only grow. */
  beginRun(profile: string): Promise<number>;
  /** Records the end of a run: counts, and an error summary when it failed. */
  finishRun(runId: number, result?: FinishRunInput): Promise<RunRecord>;
  /** One run, or `undefined`. */
  getRun(runId: number): Promise<RunRecord | undefined>;
  /** Run history, newest first. */
  listRuns(options?: { readonly limit?: number }): Promise<RunRecord[]>;
  /**
   * Deletes the entries a full import did not see — last seen by an earlier run, or by none — and returns
   * them. Call it after the run's import completed, before `finishRun`.
   */
  sweepUnseen(runId: number, options?: SweepOptions): Promise<StoredEntry[]>;
  /** The saved position of a delta method, or `undefined`. */
  getWatermark(method: WatermarkMethod): Promise<string | undefined>;
  /** Saves the position of a delta method. Save it after the changes up to it are written. */
  setWatermark(method: WatermarkMethod, value: string): Promise<void>;
  /** Number of entries. */
  count(): Promise<number>;
  /** Streams every entry, a page at a time; writes between pages are allowed. */
  iterate(options?: IterateOptions): AsyncIterableIterator<StoredEntry>;
  /** Releases the store; later calls throw `closed`. */
  close(): Promise<void>;
}
