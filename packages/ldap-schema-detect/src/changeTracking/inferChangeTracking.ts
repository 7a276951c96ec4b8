import type { ChangeTracking } from '../DirectoryProfile.ts';
import type { Capabilities } from '../rootDse/capabilities.ts';
import type { Partition } from '../rootDse/classifyNamingContexts.ts';
import { type RootDse, rootDseValue } from '../rootDse/RootDse.ts';
import type { ResolvedSchema } from '../schema/ResolvedSchema.ts';

const toNumber = (v: string | null): number | null => {
  if (v === null || !/^\s*\d+\s*$/.test(v)) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : null;
};

/**
 * What the Root DSE alone says about change tracking: an accesslog partition, a `cn=changelog` with the
 * first/last change numbers the Root DSE announces, AD's highestCommittedUSN, syncrepl and persistent search.
 * Readability stays `null` (unknown) — {@link discoverChangeTracking} checks it against the server.
 * @param rootDse a normalised Root DSE
 * @param partitions classified naming contexts
 * @param capabilities capability flags
 * @param schema resolved schema, to see whether modifyTimestamp exists
 */
export function inferChangeTracking(
  rootDse: RootDse,
  partitions: readonly Partition[],
  capabilities: Capabilities,
  schema: ResolvedSchema | null,
): ChangeTracking {
  const accesslogPartition = partitions.find((p) => p.role === 'accesslog');
  const users = partitions.filter((p) => p.role === 'user');
  const changelogDn =
    rootDseValue(rootDse, 'changelog') ?? partitions.find((p) => p.role === 'changelog')?.dn ?? null;
  const first = toNumber(rootDseValue(rootDse, 'firstChangeNumber'));
  const last = toNumber(rootDseValue(rootDse, 'lastChangeNumber'));
  const adUsn = rootDseValue(rootDse, 'highestCommittedUSN');
  const lastUsn = rootDseValue(rootDse, 'lastusn');
  return {
    accesslog: accesslogPartition
      ? {
          dn: accesslogPartition.dn,
          readable: null,
          hasEntries: null,
          suffixes: users.length === 1 ? [(users[0] as Partition).dn] : [],
          suffixSource: users.length === 1 ? 'single-user-partition' : null,
        }
      : null,
    changelog:
      changelogDn === null
        ? null
        : {
            dn: changelogDn,
            readable: null,
            firstChangeNumber: first,
            lastChangeNumber: last,
            numbersSource: first !== null || last !== null ? 'rootDse' : null,
          },
    usn:
      adUsn !== null
        ? { highest: adUsn, attribute: 'uSNChanged' }
        : lastUsn !== null
          ? { highest: lastUsn, attribute: 'entryUSN' }
          : null,
    syncrepl: capabilities.contentSync,
    persistentSearch: capabilities.persistentSearch,
    dirSync: capabilities.dirSync,
    timestamps: schema === null ? true : 'modifytimestamp' in schema.index.attributeTypes,
  };
}
