import { parseFilter, ScimError } from '@scim2ldap/scim-core';
import { describe, expect, it } from 'vitest';
import { compileMapping, type MappingConfig } from './index.ts';
import { planQuery } from './planQuery.ts';

const EXT = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';
const mapping = compileMapping({
  rules: [
    { type: 'direct', source: 'userName', target: 'uid' },
    { type: 'direct', source: 'emails[type eq "work"].value', target: 'mail' },
    {
      type: 'direct',
      source: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
      target: 'employeeNumber',
    },
  ],
  externalIdAttribute: 'employeeID',
} satisfies MappingConfig);

const plan = (filter: string) => planQuery(parseFilter(filter), mapping, filter);

describe('planQuery', () => {
  it('answers an ECMA2Host extension attribute with that directory attribute', () => {
    expect(plan(`${EXT}:mail eq "bsimon@contoso.com"`)).toEqual({
      lookups: [{ kind: 'attribute', attribute: 'mail', value: 'bsimon@contoso.com' }],
      recheck: false,
    });
  });

  it('answers -dn- and _distinguishedName by DN, id by anchor', () => {
    expect(plan(`${EXT}:-dn- eq "CN=bsimon,DC=Contoso,DC=lab"`).lookups).toEqual([
      { kind: 'dn', value: 'CN=bsimon,DC=Contoso,DC=lab' },
    ]);
    expect(plan(`${EXT}:_distinguishedName eq "cn=x"`).lookups).toEqual([{ kind: 'dn', value: 'cn=x' }]);
    expect(plan('id eq "5e0c6a46"').lookups).toEqual([{ kind: 'anchor', value: '5e0c6a46' }]);
  });

  it('maps core attributes through Direct rules, case-insensitively and URN-qualified', () => {
    expect(plan('USERNAME eq "bob"').lookups).toEqual([
      { kind: 'attribute', attribute: 'uid', value: 'bob' },
    ]);
    expect(plan('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "bob"').lookups).toEqual([
      { kind: 'attribute', attribute: 'uid', value: 'bob' },
    ]);
    expect(
      plan('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "42"').lookups,
    ).toEqual([{ kind: 'attribute', attribute: 'employeeNumber', value: '42' }]);
    expect(plan('externalId eq "e-1"').lookups).toEqual([
      { kind: 'attribute', attribute: 'employeeID', value: 'e-1' },
    ]);
  });

  it("answers Entra's value-path form on emails", () => {
    expect(plan('emails[type eq "work"].value eq "a@b.c"').lookups).toEqual([
      { kind: 'attribute', attribute: 'mail', value: 'a@b.c' },
    ]);
  });

  it("matches nothing for an unknown attribute (Entra's test-connection probe)", () => {
    expect(plan('PLACEHOLDER eq "8646d011-1693-4cd3-9ee6-0d7482ca2219"').lookups).toEqual([{ kind: 'none' }]);
  });

  it('unions "or", answers "and" by one side and rechecks', () => {
    expect(plan('userName eq "a" or userName eq "b"').lookups).toHaveLength(2);
    expect(plan('userName pr and not (title eq "x") and userName eq "a"').lookups).toEqual([
      { kind: 'attribute', attribute: 'uid', value: 'a' },
    ]);
    expect(plan('active eq true and userName eq "a"')).toEqual({
      lookups: [{ kind: 'attribute', attribute: 'uid', value: 'a' }],
      recheck: true,
    });
  });

  it('rejects what the directory cannot answer with 400 invalidFilter naming the construct', () => {
    for (const filter of [
      'userName sw "a"',
      'userName pr',
      'not (userName eq "a")',
      'userName eq "a" or userName co "b"',
    ]) {
      let error: unknown;
      try {
        plan(filter);
      } catch (e) {
        error = e;
      }
      expect(error, filter).toBeInstanceOf(ScimError);
      expect((error as ScimError).status).toBe(400);
      expect((error as ScimError).scimType).toBe('invalidFilter');
      expect((error as ScimError).detail).toContain('userName');
    }
  });
});
