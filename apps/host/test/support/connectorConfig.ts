// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env:NAME} is the config file's secret syntax
import type { RunningDirectory } from '@scim2ldap/ldap-testkit';

/** The seed's OpenLDAP POSIX "Select Attributes" list. */
export const posixAttributes = [
  '_distinguishedName',
  '-dn-',
  'export_password',
  { name: 'cn', treatAsSingleValue: true },
  'gidNumber',
  'homeDirectory',
  { name: 'mail', treatAsSingleValue: true },
  'objectClass',
  { name: 'sn', treatAsSingleValue: true },
  { name: 'uid', treatAsSingleValue: true },
  'uidNumber',
  { name: 'userPassword', treatAsSingleValue: true },
];

/** The seed's OpenLDAP inetOrgPerson "Select Attributes" list. */
export const inetOrgPersonAttributes = [
  '-dn-',
  { name: 'cn', treatAsSingleValue: true },
  { name: 'mail', treatAsSingleValue: true },
  'objectClass',
  { name: 'sn', treatAsSingleValue: true },
  { name: 'userPassword', treatAsSingleValue: true },
];

/**
 * The walkthrough's OpenLDAP POSIX connector settings: POSIX auxiliary classes and attributes, no mapping
 * preset, matching on mail, lock to disable, delete to delete. Spread into {@link connectorFor}'s overrides.
 */
export const posixConnectorSettings = {
  auxiliaryClasses: ['posixAccount', 'shadowAccount'],
  attributes: posixAttributes,
  mapping: { preset: 'none' },
  matching: [{ attribute: 'mail', precedence: 1 }],
  deprovisioning: { disableFlow: { type: 'lock' }, deleteFlow: 'delete' },
};

/**
 * A connector block for a testkit directory, bound as its admin over plain LDAP; `overrides` replace keys.
 * @param dir the running directory
 * @param overrides keys to set or replace
 */
export function connectorFor(
  dir: RunningDirectory,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: 'LDAP',
    secretToken: '${env:TEST_TOKEN}',
    autosyncMinutes: 0,
    connectivity: {
      host: '127.0.0.1',
      port: Number(new URL(dir.ldapUrl).port),
      bind: { type: 'simple', dn: dir.adminDn, password: '${env:TEST_BIND_PASSWORD}' },
    },
    partitions: [{ dn: dir.baseDn }],
    objectClass: 'inetOrgPerson',
    ...overrides,
  };
}
