import { type AnchorStore, hashEntry, type StoredEntry } from '@scim2ldap/anchor-store';
import type { CacheWrite, CacheWriter } from './createCacheWriter.ts';
import type { DirectoryEntry, DirectoryTarget } from './DirectoryTarget.ts';
import { DnSyntaxError, formatDn, normalizeDn, parseDn } from './parseDn.ts';

/** One equality lookup: by anchor (`id`), by DN (`-dn-`), by a directory attribute, or one that matches nothing. */
export type EntryLookup =
  | { readonly kind: 'anchor'; readonly value: string }
  | { readonly kind: 'dn'; readonly value: string }
  | { readonly kind: 'attribute'; readonly attribute: string; readonly value: string }
  | { readonly kind: 'none' };

/** The directory and its cache, as lookups use them. */
export interface LookupContext {
  readonly target: DirectoryTarget;
  readonly store: AnchorStore;
  /** Writes to `store`, committing concurrent requests' writes together. */
  readonly cache: CacheWriter;
  /** Called when the cache could not be updated; the directory operation itself succeeded. */
  readonly onCacheError: (error: unknown) => void;
}

/**
 * Finds the entries an equality lookup names, correct for changes made outside the host since the last
 * import: the anchor-store index answers first and every hit is re-read from the directory (an entry deleted
 * or changed outside is dropped from the cache, not returned); on a miss the directory is searched live and
 * what it finds is added to the cache.
 * @param context the directory and the cache
 * @param lookup what to find
 * @param options `live: false` answers attribute lookups from the cache only (hits are still re-read)
 */
export async function findEntries(
  context: LookupContext,
  lookup: EntryLookup,
  options: { readonly live?: boolean } = {},
): Promise<DirectoryEntry[]> {
  switch (lookup.kind) {
    case 'none':
      return [];
    case 'anchor': {
      const entry = await readByAnchor(context, lookup.value);
      return entry ? [entry] : [];
    }
    case 'dn': {
      let dn: string;
      try {
        dn = formatDn(parseDn(lookup.value));
      } catch (error) {
        if (error instanceof DnSyntaxError) return []; // no entry can have a malformed DN
        throw error;
      }
      const entry = await context.target.readByDn(dn);
      if (entry) await remember(context, entry);
      return entry ? [entry] : [];
    }
    case 'attribute':
      return findByAttribute(context, lookup.attribute, lookup.value, options.live !== false);
  }
}

/**
 * Reads the entry with this anchor: through the cached DN when there is one (a base read), else by anchor.
 * A cached entry the directory no longer has is removed from the cache.
 * @param context the directory and the cache
 * @param anchor the anchor value (the SCIM `id`)
 */
export async function readByAnchor(
  context: LookupContext,
  anchor: string,
): Promise<DirectoryEntry | undefined> {
  const cached = await cacheRead(
    context,
    () => context.store.get(anchor),
    (write) => (write.kind === 'upsert' ? write.entry.anchor : write.anchor) === anchor,
  );
  return cached ? refresh(context, cached) : readLive(context, anchor, undefined);
}

/** Re-reads a cached entry from the directory (a base read of its DN, else a search by anchor). */
async function refresh(context: LookupContext, cached: StoredEntry): Promise<DirectoryEntry | undefined> {
  const entry = await context.target.readByDn(cached.dn);
  if (entry && entry.anchor === cached.anchor) {
    if (hashEntry(entry) !== cached.hash) await remember(context, entry);
    return entry;
  }
  return readLive(context, cached.anchor, cached);
}

async function readLive(
  context: LookupContext,
  anchor: string,
  cached: StoredEntry | undefined,
): Promise<DirectoryEntry | undefined> {
  const entry = await context.target.readByAnchor(anchor);
  if (entry) await remember(context, entry);
  else if (cached) await forget(context, anchor);
  return entry;
}

async function findByAttribute(
  context: LookupContext,
  attribute: string,
  value: string,
  live: boolean,
): Promise<DirectoryEntry[]> {
  const hits =
    (await cacheRead(
      context,
      () => context.store.findByAttribute(attribute, value),
      // A lingering write matters if it adds the value, or removes / changes an entry (which may hold it).
      (write) => write.kind === 'delete' || holdsValue(write.entry, attribute, value),
    )) ?? [];
  const current: DirectoryEntry[] = [];
  for (const hit of hits) {
    const entry = await refresh(context, hit);
    if (entry && holdsValue(entry, attribute, value)) current.push(entry);
  }
  if (current.length > 0 || !live) return current;
  const found = await context.target.search(attribute, value);
  for (const entry of found) await remember(context, entry);
  return found;
}

/**
 * Whether the entry still holds the value (case-insensitively; the directory decided the match first).
 * @param entry the entry as read (or as queued for the cache: only its object classes and attributes count)
 * @param attribute the attribute name (any case)
 * @param value the value looked for
 */
export function holdsValue(
  entry: Pick<DirectoryEntry, 'objectClasses' | 'attributes'>,
  attribute: string,
  value: string,
): boolean {
  const wanted = attribute.toLowerCase();
  if (wanted === 'objectclass')
    return entry.objectClasses.some((v) => v.toLowerCase() === value.toLowerCase());
  const values = Object.entries(entry.attributes).find(([name]) => name.toLowerCase() === wanted)?.[1] ?? [];
  const key = value.trim().toLowerCase();
  return values.some((v) => v.trim().toLowerCase() === key);
}

/** Adds or refreshes an entry in the cache; a cache failure is reported, never turned into a request failure. */
export async function remember(context: LookupContext, entry: DirectoryEntry): Promise<void> {
  try {
    await context.cache.upsert({
      anchor: entry.anchor,
      dn: entry.dn,
      objectClasses: entry.objectClasses,
      attributes: entry.attributes,
    });
  } catch (error) {
    context.onCacheError(error);
  }
}

/**
 * Adds a new entry to the cache without making the request wait for the commit (see
 * `CacheWriter.upsertLater`); a failure is reported through `onCacheError`. Until it is committed (a few ms),
 * lookups miss the cache and search the directory, so answers stay correct.
 * @param context the directory and the cache
 * @param entry the entry as the directory returned it
 */
export function rememberLater(context: LookupContext, entry: DirectoryEntry): void {
  context.cache
    .upsertLater({
      anchor: entry.anchor,
      dn: entry.dn,
      objectClasses: entry.objectClasses,
      attributes: entry.attributes,
    })
    .catch((error: unknown) => context.onCacheError(error));
}

/** Removes an entry from the cache (after a delete, or when the directory no longer has it). */
export async function forget(context: LookupContext, anchor: string): Promise<void> {
  try {
    await context.cache.delete(anchor);
  } catch (error) {
    context.onCacheError(error);
  }
}

/** A cache read; an attribute without an index or a failing store means "not cached", and the directory decides. */
async function cacheRead<T extends StoredEntry | StoredEntry[]>(
  context: LookupContext,
  read: () => Promise<T | undefined>,
  affects: (write: CacheWrite) => boolean,
): Promise<T | undefined> {
  try {
    await context.cache.settle(affects); // see what earlier requests wrote, even while their writes linger
    return await read();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'not-indexed') context.onCacheError(error);
    return undefined;
  }
}

/** Whether two DNs name the same entry (RFC 4514 normalisation, case-insensitive). */
export function sameDn(a: string, b: string): boolean {
  try {
    return normalizeDn(a) === normalizeDn(b);
  } catch {
    return a.toLowerCase() === b.toLowerCase();
  }
}
