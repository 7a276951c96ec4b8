import type { AnchorStore } from '@scim2ldap/anchor-store';
import type { ConnectionPool } from '../connection/createConnectionPool.ts';
import { normalizeDn } from '../dn/formatDn.ts';
import {
  hasScopeClass,
  type ImportScope,
  inScope,
  scopeAttributes,
  toEntryInput,
} from '../import/importScope.ts';
import type { ChangeRecord } from './ChangeRecord.ts';

/** Totals of applying change records to the store. */
export interface ApplyCounts {
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/** What {@link applyChanges} needs. */
export interface ApplyContext {
  readonly store: AnchorStore;
  readonly pool: ConnectionPool;
  readonly scope: ImportScope;
  readonly runId: number;
  /** Bookkeeping attributes read with entries but not stored. */
  readonly drop?: readonly string[];
}

/**
 * Applies change records, in order, to the store. Deletes and renames are applied from the log (by anchor,
 * else by DN); every entry a log record added, modified or renamed into is then read once from the
 * directory, so the store gets the entry as it is now — in scope, with its anchor and the selected
 * attributes, values untouched — however many times it changed. Entry records (uSNChanged,
 * modifyTimestamp) are stored as they are.
 * @param records change records in log order
 * @param context store, pool, scope and run
 */
export async function applyChanges(
  records: readonly ChangeRecord[],
  context: ApplyContext,
): Promise<ApplyCounts> {
  const counts: ApplyCounts = { added: 0, updated: 0, unchanged: 0, deleted: 0 };
  const { store, scope } = context;
  const refresh = new Map<string, string>();
  const origins = new Map<string, { readonly dn: string; readonly anchor?: string }>();
  const removeAt = async (dn: string | undefined, anchor: string | undefined): Promise<void> => {
    if (anchor !== undefined && (await store.delete(anchor))) {
      counts.deleted++;
      return;
    }
    if (dn === undefined) return;
    const existing = await store.getByDn(dn);
    if (existing !== undefined && (await store.delete(existing.anchor))) counts.deleted++;
  };
  const upsert = async (outcome: Promise<'added' | 'updated' | 'unchanged'>): Promise<void> => {
    counts[await outcome]++;
  };
  for (const record of records) {
    switch (record.kind) {
      case 'add':
      case 'modify':
        refresh.set(normalizeDn(record.dn), record.dn);
        break;
      case 'modrdn': {
        const from = normalizeDn(record.dn);
        refresh.delete(from);
        // With the DN as anchor the old name is another entry: drop it now. Otherwise reading the new DN
        // below moves the stored entry (same anchor), and the origin is dropped only if it left the scope.
        if (scope.anchor.toLowerCase() === 'dn') await removeAt(record.dn, undefined);
        const to = normalizeDn(record.newDn);
        origins.set(
          to,
          origins.get(from) ?? {
            dn: record.dn,
            ...(record.anchor === undefined ? {} : { anchor: record.anchor }),
          },
        );
        origins.delete(from);
        refresh.set(to, record.newDn);
        break;
      }
      case 'delete':
        refresh.delete(normalizeDn(record.dn));
        await removeAt(record.dn, record.anchor);
        break;
      case 'deleted':
        await removeAt(record.dn, record.anchor);
        break;
      case 'entry': {
        const input =
          inScope(scope, record.entry.dn) && hasScopeClass(scope, record.entry)
            ? toEntryInput(scope, record.entry, context.drop)
            : undefined;
        if (input === undefined) await removeAt(record.entry.dn, undefined);
        else await upsert(store.upsert(input, { runId: context.runId }));
        break;
      }
    }
  }
  const dns = [...refresh.values()];
  const attributes = scopeAttributes(scope);
  let next = 0;
  const worker = async (): Promise<void> =>
    context.pool.use(async (connection) => {
      while (next < dns.length) {
        const dn = dns[next++] as string;
        const entry = inScope(scope, dn) ? await connection.read(dn, attributes) : undefined;
        const input =
          entry !== undefined && hasScopeClass(scope, entry) ? toEntryInput(scope, entry) : undefined;
        if (input !== undefined) {
          await upsert(store.upsert(input, { runId: context.runId }));
          continue;
        }
        await removeAt(dn, undefined);
        const origin = origins.get(normalizeDn(dn));
        if (origin !== undefined) await removeAt(origin.dn, origin.anchor);
      }
    });
  await Promise.all(Array.from({ length: Math.min(context.pool.size, dns.length) }, worker));
  return counts;
}
