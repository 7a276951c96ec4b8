import { describe, expect, it } from 'vitest';
import { checkRequired, expressionInputs, requiredAttributes, type RequiredSchemaView } from './index.ts';

const schema: RequiredSchemaView = {
  objectClasses: {
    person: { name: 'person', effectiveMust: ['objectClass', 'sn', 'cn'], kind: 'structural' },
    inetOrgPerson: { name: 'inetOrgPerson', effectiveMust: ['objectClass', 'sn', 'cn'], kind: 'structural' },
    posixAccount: {
      name: 'posixAccount',
      effectiveMust: ['objectClass', 'cn', 'uid', 'uidNumber', 'gidNumber', 'homeDirectory'],
      kind: 'auxiliary',
    },
  },
  attributeTypes: {
    sn: { name: 'sn', names: ['sn', 'surname'] },
    cn: { name: 'cn', names: ['cn', 'commonName'] },
  },
  index: {
    objectClasses: { person: 'person', inetorgperson: 'inetOrgPerson', posixaccount: 'posixAccount' },
    attributeTypes: { sn: 'sn', surname: 'sn', cn: 'cn', commonname: 'cn' },
  },
};

describe('requiredAttributes / checkRequired', () => {
  it('collects MUST of structural and auxiliary classes once, and names unknown classes', () => {
    const { required, unknownClasses } = requiredAttributes(
      ['inetOrgPerson', 'posixAccount', 'shadowThing'],
      schema,
    );
    expect(required.map((r) => r.name)).toEqual([
      'sn',
      'cn',
      'uid',
      'uidNumber',
      'gidNumber',
      'homeDirectory',
    ]);
    expect(required.find((r) => r.name === 'uidNumber')?.reason).toBe('MUST of posixAccount (auxiliary)');
    expect(unknownClasses).toEqual(['shadowThing']);
  });

  it('reports per user each attribute without a value, accepting aliases, and a missing DN with its inputs', () => {
    const { required } = requiredAttributes(['inetOrgPerson'], schema);
    const base = { user: 'ada@x.org', position: 2 };
    expect(
      checkRequired({ ...base, dn: 'uid=ada,dc=x', attributes: { surname: ['L'], cn: ['Ada'] } }, required),
    ).toEqual([]);
    expect(
      checkRequired({ ...base, dn: undefined, attributes: { sn: null, cn: ['  '] } }, required, ['userName']),
    ).toEqual([
      { ...base, attribute: '-dn-', reason: 'the DN rule yields no DN; it reads userName' },
      { ...base, attribute: 'sn', reason: 'MUST of inetOrgPerson (structural)' },
      { ...base, attribute: 'cn', reason: 'MUST of inetOrgPerson (structural)' },
    ]);
    expect(
      checkRequired({ ...base, dn: 'CN=,ou=people,dc=x', attributes: { sn: ['L'], cn: ['A'] } }, required),
    ).toEqual([
      {
        ...base,
        attribute: '-dn-',
        reason: 'the DN rule yields "CN=,ou=people,dc=x", whose RDN has no value',
      },
    ]);
    expect(
      checkRequired({ ...base, dn: 'CN=a\\,b,dc=x', attributes: { sn: ['L'], cn: ['A'] } }, required),
    ).toEqual([]);
    // The RDN supplies cn (provisioning adds RDN values on create), also in a multi-valued RDN.
    expect(checkRequired({ ...base, dn: 'cn=Ada,dc=x', attributes: { sn: ['L'] } }, required)).toEqual([]);
    expect(
      checkRequired({ ...base, dn: 'uid=ada+CN=Ada,dc=x', attributes: { sn: ['L'] } }, required),
    ).toEqual([]);
    expect(checkRequired({ ...base, dn: 'uid=ada,dc=x', attributes: { sn: ['L'] } }, required)).toEqual([
      { ...base, attribute: 'cn', reason: 'MUST of inetOrgPerson (structural)' },
    ]);
    expect(checkRequired({ ...base, dn: undefined, attributes: {}, error: 'bad value' }, required)).toEqual([
      { ...base, attribute: '(mapping)', reason: 'bad value' },
    ]);
  });

  it("reports the DN rule's failure under -dn- with its inputs, and still checks the other attributes", () => {
    const { required } = requiredAttributes(['inetOrgPerson'], schema);
    const base = { user: 'row 3', position: 3 };
    const dnError = 'The DN rule produced a DN that is not a valid DN: "uid=,dc=x" has an empty name';
    expect(
      checkRequired({ ...base, dn: undefined, dnError, attributes: { cn: ['Ada'] } }, required, ['userName']),
    ).toEqual([
      { ...base, attribute: '-dn-', reason: `${dnError}; it reads userName` },
      { ...base, attribute: 'sn', reason: 'MUST of inetOrgPerson (structural)' },
    ]);
  });

  it('finds the attribute references of a DN rule, ignoring brackets in strings', () => {
    expect(
      expressionInputs('Join("", "uid=", [userName], ",[ou]=x", [name.familyName], [userName])'),
    ).toEqual(['userName', 'name.familyName']);
  });
});
