import type { AnchorStore } from '@scim2ldap/anchor-store';
import type { CachePage } from './HostedConnector.ts';

/**
 * One page of the connector's cache for `/cache` (ECMA2Host's troubleshooting view): each entry's anchor,
 * DN, object classes and attribute values as last imported, password attributes left out.
 * @param store the connector's anchor store
 * @param startIndex 1-based first entry
 * @param count entries per page
 */
export async function cachePage(store: AnchorStore, startIndex: number, count: number): Promise<CachePage> {
  const total = await store.count();
  const entries: CachePage['entries'][number][] = [];
  let index = 0;
  if (count > 0 && startIndex <= total) {
    for await (const entry of store.iterate({ batchSize: Math.min(500, startIndex - 1 + count) })) {
      index++;
      if (index < startIndex) continue;
      const attributes: Record<string, string[]> = {};
      for (const [name, values] of Object.entries(entry.attributes)) {
        if (!/password|unicodePwd/i.test(name)) attributes[name] = values;
      }
      entries.push({
        id: entry.anchor,
        dn: entry.dn,
        objectClasses: entry.objectClasses,
        attributes,
        lastSeenRun: entry.lastSeenRun ?? null,
      });
      if (entries.length >= count) break;
    }
  }
  return { totalResults: total, startIndex, itemsPerPage: entries.length, entries };
}
