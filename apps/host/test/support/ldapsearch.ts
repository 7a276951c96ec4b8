import { execFileSync } from 'node:child_process';
import type { RunningDirectory } from '@scim2ldap/ldap-testkit';

/** One entry parsed from ldapsearch's LDIF output; attribute names lower-cased. */
export interface LdifRecord {
  readonly dn: string;
  readonly attributes: Record<string, string[]>;
}

/**
 * Runs the real `ldapsearch` (OpenLDAP's client) against a testkit directory, bound as its admin, and
 * returns the raw LDIF — so tests check directory state with a tool that shares no code with the host.
 * @param dir the running directory
 * @param filter an LDAP filter
 * @param attributes attributes to return (default all user attributes)
 * @param base search base (default the directory's base DN)
 */
export function ldapsearchLdif(
  dir: RunningDirectory,
  filter: string,
  attributes: readonly string[] = [],
  base?: string,
): string {
  return execFileSync(
    'ldapsearch',
    [
      '-x',
      '-LLL',
      '-o',
      'ldif-wrap=no',
      '-H',
      dir.ldapUrl,
      '-D',
      dir.adminDn,
      '-w',
      dir.adminPassword,
      '-b',
      base ?? dir.baseDn,
      filter,
      ...attributes,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, LDAPTLS_REQCERT: 'never' } },
  );
}

/** {@link ldapsearchLdif}, parsed (base64 values decoded). */
export function ldapsearch(
  dir: RunningDirectory,
  filter: string,
  attributes: readonly string[] = [],
  base?: string,
): LdifRecord[] {
  const out: LdifRecord[] = [];
  for (const block of ldapsearchLdif(dir, filter, attributes, base).split(/\n\n+/)) {
    const lines = block.split('\n').filter((l) => l && !l.startsWith('#'));
    if (lines.length === 0) continue;
    let dn = '';
    const attrs: Record<string, string[]> = {};
    for (const line of lines) {
      const m = /^([^:]+)(::?) ?(.*)$/.exec(line);
      if (!m) continue;
      const [, name = '', sep, raw = ''] = m;
      const value = sep === '::' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      if (name.toLowerCase() === 'dn') dn = value;
      else {
        const key = name.toLowerCase();
        attrs[key] = [...(attrs[key] ?? []), value];
      }
    }
    out.push({ dn, attributes: attrs });
  }
  return out;
}
