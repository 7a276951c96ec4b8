import { type RootDse, rootDseValue, rootDseValues } from './RootDse.ts';

/** What a naming context holds: user data, or something the connector must not import as users. */
export type PartitionRole = 'user' | 'accesslog' | 'changelog' | 'config' | 'schema' | 'system' | 'monitor';

/** A naming context with its role and why that role was chosen. */
export interface Partition {
  readonly dn: string;
  readonly role: PartitionRole;
  readonly reason: string;
}

/** The default naming context chosen, and where it came from. */
export interface DefaultNamingContext {
  readonly dn: string | null;
  readonly source: 'rootDse' | 'first-user-partition' | 'none';
  readonly warning: string | null;
}

const canon = (dn: string): string =>
  dn
    .replace(/\s*([,=+])\s*/g, '$1')
    .trim()
    .toLowerCase();

const FIXED: Readonly<Record<string, { role: PartitionRole; reason: string }>> = {
  'cn=accesslog': { role: 'accesslog', reason: 'OpenLDAP slapo-accesslog database' },
  'cn=changelog': { role: 'changelog', reason: 'draft-good-ldap-changelog change log' },
  'ou=system': { role: 'system', reason: 'ApacheDS system partition' },
  'ou=schema': { role: 'schema', reason: 'ApacheDS schema partition' },
  'ou=config': { role: 'config', reason: 'ApacheDS configuration partition' },
  'cn=config': { role: 'config', reason: 'server configuration' },
  'cn=configuration': { role: 'config', reason: 'IBM configuration suffix' },
  'cn=schema': { role: 'schema', reason: 'subschema subentry' },
  'cn=monitor': { role: 'monitor', reason: 'monitoring backend' },
  'o=netscaperoot': { role: 'config', reason: 'Netscape/389 administration server data' },
  'cn=ibmpolicies': { role: 'system', reason: 'IBM password and replication policies' },
  'cn=localhost': { role: 'system', reason: 'IBM local server data' },
  'cn=pwdpolicies': { role: 'system', reason: 'password policies' },
  'cn=tasks': { role: 'system', reason: 'server task entries' },
};

/**
 * Assigns a role to every naming context: user data, or a change log / config / schema / system partition that
 * must not be offered as a place for users. Uses well-known DNs plus what the Root DSE itself points at
 * (`changelog`, `configContext`, AD's configuration and schema naming contexts, the subschema DN).
 * @param rootDse a normalised Root DSE
 * @param extraAccesslogDns naming contexts found (live) to hold an accesslog database under another DN
 * @example
 * classifyNamingContexts(rootDse).filter((p) => p.role === 'user'); // [{ dn: 'dc=example,dc=org', … }]
 */
export function classifyNamingContexts(
  rootDse: RootDse,
  extraAccesslogDns: readonly string[] = [],
): Partition[] {
  const pointers = new Map<string, { role: PartitionRole; reason: string }>();
  const point = (attr: string, role: PartitionRole): void => {
    for (const v of rootDseValues(rootDse, attr))
      pointers.set(canon(v), { role, reason: `Root DSE ${attr}` });
  };
  point('changelog', 'changelog');
  point('configContext', 'config');
  point('configurationNamingContext', 'config');
  point('schemaNamingContext', 'schema');
  point('ibm-configurationnamingcontext', 'config');
  point('subschemaSubentry', 'schema');
  point('monitorContext', 'monitor');
  for (const dn of extraAccesslogDns)
    pointers.set(canon(dn), { role: 'accesslog', reason: 'entry is an auditContainer' });
  const seen = new Set<string>();
  const out: Partition[] = [];
  for (const dn of rootDseValues(rootDse, 'namingContexts')) {
    const key = canon(dn);
    if (seen.has(key)) continue;
    seen.add(key);
    const hit = pointers.get(key) ?? FIXED[key] ?? adSystemPartition(key);
    out.push(hit ? { dn, ...hit } : { dn, role: 'user', reason: 'holds directory data' });
  }
  return out;
}

function adSystemPartition(key: string): { role: PartitionRole; reason: string } | undefined {
  if (/^dc=(domaindnszones|forestdnszones),/.test(key))
    return { role: 'system', reason: 'AD DNS application partition' };
  return undefined;
}

/**
 * Chooses the naming context to use by default. The Root DSE's defaultNamingContext is used only if it names a
 * user partition: 389 DS, for one, may announce `cn=changelog` there.
 * @param rootDse a normalised Root DSE
 * @param partitions the classified naming contexts
 */
export function chooseDefaultNamingContext(
  rootDse: RootDse,
  partitions: readonly Partition[],
): DefaultNamingContext {
  const announced = rootDseValue(rootDse, 'defaultNamingContext');
  const users = partitions.filter((p) => p.role === 'user');
  if (announced !== null && announced !== '') {
    const match = partitions.find((p) => canon(p.dn) === canon(announced));
    if (!match || match.role === 'user') return { dn: announced, source: 'rootDse', warning: null };
    const fallback = users[0]?.dn ?? null;
    return {
      dn: fallback,
      source: fallback === null ? 'none' : 'first-user-partition',
      warning:
        `The Root DSE's defaultNamingContext is '${announced}', a ${match.role} partition; ` +
        (fallback === null ? 'no user partition was found.' : `using '${fallback}' instead.`),
    };
  }
  const first = users[0]?.dn ?? null;
  return { dn: first, source: first === null ? 'none' : 'first-user-partition', warning: null };
}
