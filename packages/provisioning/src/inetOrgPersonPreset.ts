import type { MappingConfig, MappingRule } from './MappingConfig.ts';
import { parseDn } from './parseDn.ts';

/** Options of {@link inetOrgPersonPreset}. */
export interface InetOrgPersonPresetOptions {
  /** The container new users are created in, e.g. `ou=people,dc=example,dc=org`. */
  readonly parentDn: string;
  /** The naming attribute of new entries' RDN: `uid` (default) or `cn`. */
  readonly rdnAttribute?: 'uid' | 'cn';
}

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/**
 * The core SCIM User ⇄ inetOrgPerson rules the presets share: names, mail, phones, title, enterprise
 * attributes. Every rule is Direct or has a reverse rule, so GET shows them all.
 */
export function inetOrgPersonRules(): MappingRule[] {
  const direct = (source: string, target: string): MappingRule => ({ type: 'direct', source, target });
  return [
    direct('userName', 'uid'),
    direct('name.givenName', 'givenName'),
    // sn is mandatory too; a client that sends no family name gets the display or user name there.
    {
      type: 'expression',
      target: 'sn',
      expression: 'Coalesce([name.familyName], [displayName], [userName])',
      reverse: { target: 'name.familyName', source: 'sn' },
    },
    direct('displayName', 'displayName'),
    // cn is mandatory in inetOrgPerson: the display name, else the user name. Both invert through their own
    // Direct rules, so cn needs no reverse rule.
    { type: 'expression', target: 'cn', expression: 'Coalesce([displayName], [userName])' },
    direct('emails[type eq "work"].value', 'mail'),
    direct('phoneNumbers[type eq "work"].value', 'telephoneNumber'),
    direct('phoneNumbers[type eq "mobile"].value', 'mobile'),
    direct('phoneNumbers[type eq "fax"].value', 'facsimileTelephoneNumber'),
    direct('addresses[type eq "work"].streetAddress', 'street'),
    direct('addresses[type eq "work"].locality', 'l'),
    direct('addresses[type eq "work"].region', 'st'),
    direct('addresses[type eq "work"].postalCode', 'postalCode'),
    direct('title', 'title'),
    direct('preferredLanguage', 'preferredLanguage'),
    direct(`${ENTERPRISE}:employeeNumber`, 'employeeNumber'),
    direct(`${ENTERPRISE}:department`, 'departmentNumber'),
    direct(`${ENTERPRISE}:organization`, 'o'),
    direct(`${ENTERPRISE}:manager.value`, 'manager'),
  ];
}

/**
 * A mapping for generic SCIM clients that send only the core User schema (and the enterprise extension):
 * `userName`→`uid`, names, `displayName`→`displayName`/`cn`, work email→`mail`, phones, title, enterprise
 * attributes; new entries are inetOrgPerson under `parentDn`, named by `uid` (or `cn`); matched by `uid`
 * then `mail`.
 * @param options the container and naming attribute
 * @example
 * const mapping = inetOrgPersonPreset({ parentDn: 'ou=people,dc=example,dc=org' });
 */
export function inetOrgPersonPreset(options: InetOrgPersonPresetOptions): MappingConfig {
  parseDn(options.parentDn); // a bad container is a configuration error, reported now
  const rdn = options.rdnAttribute ?? 'uid';
  const rdnSource = rdn === 'uid' ? '[userName]' : '[cn]';
  return {
    rules: [
      ...inetOrgPersonRules(),
      {
        type: 'expression',
        target: '-dn-',
        // Values referenced by a DN rule arrive RFC 4514-escaped; the container is escaped here once.
        expression: `Join("", "${rdn}=", ${rdn === 'uid' ? rdnSource : 'Coalesce([displayName], [userName])'}, ",${quote(options.parentDn)}")`,
        // Always: a new user name (or display name, for cn-named entries) renames the entry, so the RDN and the
        // naming attribute keep the same value.
        apply: 'always',
      },
    ],
    objectClasses: ['inetOrgPerson'],
    matching: [
      { attribute: 'uid', precedence: 1 },
      { attribute: 'mail', precedence: 2 },
    ],
    userNameAttribute: 'uid',
  };
}

/** Quotes text for an expression string literal. */
export function quote(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
