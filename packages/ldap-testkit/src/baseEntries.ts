import { escapeDnValue, type LdifEntry } from './ldif.ts';
import type { DirectoryKind } from './types.ts';

/** The suffix every testkit directory serves. */
export const BASE_DN = 'dc=example,dc=org';

/** What {@link baseEntries} needs to know. */
export interface BaseEntryOptions {
  readonly kind: DirectoryKind;
  /** The OU of the seed users (default `people`). */
  readonly usersOu: string;
  /** OpenLDAP: add the default password policy entry for the ppolicy overlay. */
  readonly ppolicy: boolean;
}

/**
 * The entries every testkit directory starts with: the suffix entry (unless the server creates it
 * itself, as ApacheDS does from its partition configuration), `ou=people`, `ou=groups`, the seed OU
 * and, for OpenLDAP with ppolicy, `cn=default,ou=policies`.
 * @param options server kind and toggles
 */
export function baseEntries(options: BaseEntryOptions): LdifEntry[] {
  const entries: LdifEntry[] = [];
  if (options.kind !== 'apacheds') {
    const suffix: Record<string, string[]> = {
      objectClass: ['top', 'dcObject', 'organization'],
      dc: ['example'],
      o: ['Example Org'],
    };
    if (options.kind === '389ds') {
      // Directory Manager bypasses ACIs; these let ordinary users read entries and change their password
      suffix['aci'] = [
        '(targetattr!="userPassword")(version 3.0; acl "testkit: users read"; allow (read,search,compare) userdn="ldap:///all";)',
        '(targetattr="userPassword")(version 3.0; acl "testkit: self write"; allow (write) userdn="ldap:///self";)',
      ];
    }
    entries.push({ dn: BASE_DN, attributes: suffix });
  }
  const ous = new Set(['people', 'groups', options.usersOu]);
  if (options.kind === 'openldap' && options.ppolicy) ous.add('policies');
  for (const ou of ous) {
    entries.push({
      dn: `ou=${escapeDnValue(ou)},${BASE_DN}`,
      attributes: { objectClass: ['top', 'organizationalUnit'], ou: [ou] },
    });
  }
  if (options.kind === 'openldap' && options.ppolicy) {
    entries.push({
      dn: `cn=default,ou=policies,${BASE_DN}`,
      attributes: {
        objectClass: ['top', 'organizationalRole', 'pwdPolicy'],
        cn: ['default'],
        pwdAttribute: ['userPassword'],
        pwdAllowUserChange: ['TRUE'],
        pwdCheckQuality: ['0'],
        pwdLockout: ['FALSE'],
      },
    });
  }
  return entries;
}
