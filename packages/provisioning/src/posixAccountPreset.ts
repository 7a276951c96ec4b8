import { inetOrgPersonRules, quote } from './inetOrgPersonPreset.ts';
import type { MappingConfig, MappingRule } from './MappingConfig.ts';
import { parseDn } from './parseDn.ts';

/** Options of {@link posixAccountPreset}. */
export interface PosixAccountPresetOptions {
  /** The container new users are created in, e.g. `dc=Contoso,dc=lab` (the seed's flat layout). */
  readonly parentDn: string;
  /** The SCIM attribute holding each user's unique uidNumber; default the enterprise `employeeNumber`. */
  readonly uidNumberSource?: string;
  /** The gidNumber every user gets (the seed's Constant 10000). */
  readonly gidNumber?: string;
  /** The login shell of new users; default `/bin/bash`. */
  readonly loginShell?: string;
}

const ALIAS = 'ToLower(Word([userName], 1, "@"), )';

/**
 * The seed's OpenLDAP POSIX example as a mapping: `objectClass` inetOrgPerson + posixAccount + shadowAccount,
 * DN `CN=<alias>,<parentDn>` where alias is the part of `userName` before "@", `uid` = the alias in lower
 * case, `homeDirectory` = `/home/<alias>`, constant `gidNumber`, `uidNumber` from a SCIM attribute, `mail`
 * from `userName` (the seed maps userPrincipalName to mail and matches on it). Pair it with
 * `policy.password.initialRandom` for the seed's initial random password.
 * @param options container, uidNumber source, gidNumber, login shell
 * @example
 * const mapping = posixAccountPreset({ parentDn: 'dc=Contoso,dc=lab' });
 */
export function posixAccountPreset(options: PosixAccountPresetOptions): MappingConfig {
  parseDn(options.parentDn);
  const shared = inetOrgPersonRules().filter(
    (rule) => !['uid', 'mail', 'cn', 'employeeNumber'].includes(rule.target),
  );
  const rules: MappingRule[] = [
    ...shared,
    { type: 'direct', source: 'userName', target: 'mail' },
    { type: 'expression', target: 'uid', expression: ALIAS },
    { type: 'expression', target: 'cn', expression: `Coalesce([displayName], ${ALIAS})` },
    { type: 'expression', target: 'homeDirectory', expression: `Join("/", "/home", ${ALIAS})` },
    { type: 'constant', target: 'gidNumber', value: options.gidNumber ?? '10000' },
    {
      type: 'direct',
      target: 'uidNumber',
      source:
        options.uidNumberSource ??
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
    },
    { type: 'constant', target: 'loginShell', value: options.loginShell ?? '/bin/bash', apply: 'create' },
    {
      type: 'expression',
      target: 'objectClass',
      expression: 'Split("inetOrgPerson,posixAccount,shadowAccount", ",")',
      apply: 'create',
    },
    {
      type: 'expression',
      target: '-dn-',
      expression: `Join("", "CN=", Word([userName], 1, "@"), ",${quote(options.parentDn)}")`,
      apply: 'create',
    },
  ];
  return {
    rules,
    objectClasses: ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
    matching: [{ attribute: 'mail', precedence: 1 }],
    userNameAttribute: 'mail',
  };
}
