import { describe, expect, it } from 'vitest';
import { LdapOperationError, parseAccesslogEntry, parseReqMods } from '../index.ts';

const entry = (attributes: Record<string, string[]>) => ({
  dn: `reqStart=${attributes['reqStart']?.[0]},cn=accesslog`,
  attributes,
});

describe('accesslog records', () => {
  it('parses reqMod values after the one separating space, keeping leading and trailing whitespace', () => {
    expect(
      parseReqMods([
        'description:=   two  spaces  ',
        'mail:+ a@x',
        'mail:+ b@x',
        'title:-',
        'mail:- old@x',
        'uidNumber:# 1',
        'cn:= x:y',
      ]),
    ).toEqual([
      { operation: 'replace', attribute: 'description', values: ['  two  spaces  '] },
      { operation: 'add', attribute: 'mail', values: ['a@x', 'b@x'] },
      { operation: 'delete', attribute: 'title', values: [] },
      { operation: 'delete', attribute: 'mail', values: ['old@x'] },
      { operation: 'increment', attribute: 'uidNumber', values: ['1'] },
      { operation: 'replace', attribute: 'cn', values: ['x:y'] },
    ]);
  });

  it('turns auditAdd / auditModify / auditDelete into records with the entryUUID', () => {
    expect(
      parseAccesslogEntry(
        entry({
          reqStart: ['20261126060000.000001Z'],
          reqType: ['add'],
          reqDN: ['uid=a,ou=people,dc=example,dc=org'],
          reqEntryUUID: ['1b2c'],
          reqMod: ['uid:+ a', 'objectClass:+ inetOrgPerson'],
        }),
      ),
    ).toEqual({
      kind: 'add',
      position: '20261126060000.000001Z',
      dn: 'uid=a,ou=people,dc=example,dc=org',
      anchor: '1b2c',
      changes: [
        { operation: 'add', attribute: 'uid', values: ['a'] },
        { operation: 'add', attribute: 'objectClass', values: ['inetOrgPerson'] },
      ],
    });
    expect(
      parseAccesslogEntry(
        entry({ reqStart: ['20261126060000.000002Z'], reqType: ['delete'], reqDN: ['uid=a,dc=x'] }),
      ),
    ).toEqual({ kind: 'delete', position: '20261126060000.000002Z', dn: 'uid=a,dc=x' });
  });

  it('computes the new DN of a modrdn, with and without a new superior', () => {
    const base = {
      reqStart: ['20261126060000.000003Z'],
      reqType: ['modrdn'],
      reqDN: ['uid=a,ou=people,dc=x'],
    };
    expect(
      parseAccesslogEntry(entry({ ...base, reqNewRDN: ['uid=b'], reqDeleteOldRDN: ['TRUE'] })),
    ).toMatchObject({
      kind: 'modrdn',
      newDn: 'uid=b,ou=people,dc=x',
      deleteOldRdn: true,
    });
    expect(
      parseAccesslogEntry(
        entry({
          ...base,
          reqNewRDN: ['uid=b\\, c'],
          reqDeleteOldRDN: ['FALSE'],
          reqNewSuperior: ['ou=groups,dc=x'],
        }),
      ),
    ).toMatchObject({ newDn: 'uid=b\\, c,ou=groups,dc=x', deleteOldRdn: false });
  });

  it('ignores non-write request types and rejects entries that lack the essentials', () => {
    expect(
      parseAccesslogEntry(entry({ reqStart: ['1'], reqType: ['extended'], reqDN: [''] })),
    ).toBeUndefined();
    expect(() => parseAccesslogEntry(entry({ reqType: ['add'] }))).toThrow(LdapOperationError);
    expect(() => parseAccesslogEntry(entry({ reqType: ['add'] }))).toThrow(
      /lacks reqStart, reqType or reqDN/,
    );
  });
});
