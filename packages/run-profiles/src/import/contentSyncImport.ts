import type { AnchorStore, EntryInput } from '@scim2ldap/anchor-store';
import type { ConnectionPool } from '../connection/createConnectionPool.ts';
import { contentSyncRefresh } from '../delta/contentSync.ts';
import { isWithinDn } from '../dn/formatDn.ts';
import { LdapOperationError } from '../errors/LdapOperationError.ts';
import type { DeltaImportResult } from './deltaImport.ts';
import { entryConverter, type ImportScope, scopeAttributes, scopeFilter } from './importScope.ts';

/**
 * Delta Import by RFC 4533 content synchronisation (refreshOnly, OpenLDAP syncprov): one sync search per
 * base with the cookie of the last run; changed entries arrive whole, deletes as entryUUIDs (or, in the
 * present phase, as the entries the server no longer lists). Without a cookie the first refresh loads
 * everything and sweeps the rest — a full import. The anchor must be entryUUID, which is what the protocol
 * reports. The watermark is the JSON map base → cookie (base64).
 * @param options scope, pool and store
 */
export async function contentSyncImport(
  options: ImportScope & { readonly pool: ConnectionPool; readonly store: AnchorStore },
): Promise<DeltaImportResult> {
  const { store, pool } = options;
  if (options.anchor.toLowerCase() !== 'entryuuid') {
    throw new LdapOperationError(
      `content sync reports changes by entryUUID, but the anchor is "${options.anchor}"; use anchor entryUUID or another delta method.`,
      { code: 'unwillingToPerform', kind: 'invalid', operation: 'deltaImport' },
    );
  }
  const saved = await store.getWatermark('syncrepl');
  const cookies = saved === undefined ? {} : (JSON.parse(saved) as Record<string, string>);
  const initial = saved === undefined;
  const runId = await store.beginRun(initial ? 'full-import' : 'delta-import');
  const convert = entryConverter(options);
  const counts = { changes: 0, added: 0, updated: 0, unchanged: 0, deleted: 0 };
  try {
    for (const base of options.bases) {
      const cookie = cookies[base] === undefined ? undefined : Buffer.from(cookies[base], 'base64');
      const result = await contentSyncRefresh(
        pool.connectionOptions,
        { base, filter: scopeFilter(options), attributes: scopeAttributes(options) },
        cookie,
      );
      const inputs = result.changed.map(convert).filter((e): e is EntryInput => e !== undefined);
      const totals = await store.bulkUpsert(inputs, { runId });
      counts.added += totals.added;
      counts.updated += totals.updated;
      counts.unchanged += totals.unchanged;
      counts.changes += result.changed.length + result.deleted.length;
      for (const uuid of result.deleted) if (await store.delete(uuid)) counts.deleted++;
      if (cookie === undefined || !result.refreshDeletes) {
        // An initial load (the server sent everything) or a present phase: what the server neither sent
        // nor listed as present is gone.
        const keep = new Set([...result.present, ...inputs.map((e) => e.anchor)]);
        const gone: string[] = [];
        for await (const stored of store.iterate()) {
          if (isWithinDn(stored.dn, base) && !keep.has(stored.anchor)) gone.push(stored.anchor);
        }
        for (const anchor of gone) if (await store.delete(anchor)) counts.deleted++;
      }
      if (result.cookie !== undefined) cookies[base] = result.cookie.toString('base64');
    }
    const watermark = JSON.stringify(cookies);
    await store.setWatermark('syncrepl', watermark);
    await store.finishRun(runId, {
      counts: { added: counts.added, updated: counts.updated, deleted: counts.deleted },
    });
    return {
      mode: initial ? 'full' : 'delta',
      ...(initial ? { reason: 'no content-sync cookie yet: the first refresh loads everything' } : {}),
      runId,
      ...counts,
      watermark,
    };
  } catch (error) {
    await store
      .finishRun(runId, { error: error instanceof Error ? error.message : String(error) })
      .catch(() => undefined);
    throw error;
  }
}
