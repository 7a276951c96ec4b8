import { expect, it } from 'vitest';
import { _person } from './fixtures.ts';
import type { ContractContext } from './testAnchorStore.ts';

const indexes = [
  { attribute: 'mail' },
  { attribute: 'employeeNumber', caseExact: true },
  { attribute: 'proxyAddresses' },
];

/** Contract tests for lookups by DN and by indexed attribute value. @internal */
export function lookupContract({ open }: ContractContext): void {
  it('finds an entry by DN regardless of case, escaping and spaces around separators', async () => {
    const store = await open();
    await store.upsert({ ..._person(1), dn: 'cn=Jürgen Smith+uid=js,ou=People,dc=example,dc=org' });
    for (const dn of [
      'CN=jürgen smith+UID=JS,OU=people,DC=Example,DC=ORG',
      'uid=js + cn=J\\C3\\BCrgen\\20Smith , ou=People ; dc=example,dc=org',
      '2.5.4.3=JÜRGEN   SMITH+uid=js,ou=People,dc=example,dc=org',
    ]) {
      expect((await store.getByDn(dn))?.anchor, dn).toBe(_person(1).anchor);
    }
    expect(await store.getByDn('cn=Jurgen Smith+uid=js,ou=People,dc=example,dc=org')).toBeUndefined();
    await expect(store.getByDn('cn=x,,dc=org')).rejects.toMatchObject({ code: 'invalid-dn' });
  });

  it('follows a rename: the new DN finds the entry, the old one does not', async () => {
    const store = await open();
    await store.upsert(_person(1));
    await store.upsert({ ..._person(1), dn: 'uid=user1,ou=Former,dc=example,dc=org' });
    expect(await store.getByDn(_person(1).dn)).toBeUndefined();
    expect((await store.getByDn('UID=user1,OU=former,DC=example,DC=org'))?.anchor).toBe(_person(1).anchor);
  });

  it('finds entries by an indexed value, case-insensitively and with any attribute-name case', async () => {
    const store = await open({ indexes });
    await store.bulkUpsert([_person(1), _person(2)]);
    const found = await store.findByAttribute('MAIL', '  user1@EXAMPLE.org ');
    expect(found.map((e) => e.anchor)).toEqual([_person(1).anchor]);
    expect(found[0]).toMatchObject({ dn: _person(1).dn, attributes: _person(1).attributes });
    expect(await store.findByAttribute('mail', 'nobody@example.org')).toEqual([]);
  });

  it('compares case-exact attributes exactly', async () => {
    const store = await open({ indexes });
    await store.upsert(_person(1));
    expect(await store.findByAttribute('employeenumber', 'e1')).toEqual([]);
    expect((await store.findByAttribute('employeeNumber', 'E1')).map((e) => e.anchor)).toEqual([
      _person(1).anchor,
    ]);
  });

  it('indexes every value of a multi-valued attribute and returns every entry holding a value', async () => {
    const store = await open({ indexes });
    const a = {
      ..._person(1),
      attributes: { proxyAddresses: ['SMTP:a@example.org', 'smtp:shared@example.org'] },
    };
    const b = {
      ..._person(2),
      attributes: { ProxyAddresses: ['SMTP:b@example.org', 'smtp:SHARED@example.org'] },
    };
    await store.bulkUpsert([a, b]);
    expect(
      (await store.findByAttribute('proxyaddresses', 'smtp:a@example.org')).map((e) => e.anchor),
    ).toEqual([a.anchor]);
    const shared = await store.findByAttribute('proxyAddresses', 'smtp:shared@example.org');
    expect(shared.map((e) => e.anchor).sort()).toEqual([a.anchor, b.anchor].sort());
  });

  it('indexes objectClass from the object classes', async () => {
    const store = await open({ indexes: [{ attribute: 'objectClass' }] });
    await store.upsert(_person(1));
    await store.upsert({ ..._person(2), objectClasses: ['top', 'groupOfNames'] });
    const people = await store.findByAttribute('objectclass', 'INETORGPERSON');
    expect(people.map((e) => e.anchor)).toEqual([_person(1).anchor]);
    expect(await store.findByAttribute('objectClass', 'top')).toHaveLength(2);
  });

  it('forgets old values after an update and all values after a delete', async () => {
    const store = await open({ indexes });
    await store.upsert(_person(1));
    await store.upsert({
      ..._person(1),
      attributes: { ..._person(1).attributes, mail: ['renamed@example.org'] },
    });
    expect(await store.findByAttribute('mail', 'user1@example.org')).toEqual([]);
    expect(await store.findByAttribute('mail', 'renamed@example.org')).toHaveLength(1);
    await store.delete(_person(1).anchor);
    expect(await store.findByAttribute('mail', 'renamed@example.org')).toEqual([]);
  });

  it('refuses lookups on attributes that are not indexed, naming the fix', async () => {
    const store = await open({ indexes });
    await expect(store.findByAttribute('telephoneNumber', '1')).rejects.toMatchObject({
      code: 'not-indexed',
      message: expect.stringMatching(/"telephoneNumber" is not indexed.*indexes option/),
    });
  });

  it('rejects an invalid indexes option with the offending position', async () => {
    await expect(
      Promise.resolve().then(() => open({ indexes: [{ attribute: 'mail' }, { attribute: '' }] })),
    ).rejects.toMatchObject({
      code: 'invalid-option',
      message: expect.stringMatching(/indexes\[1\]\.attribute/),
    });
  });
}
