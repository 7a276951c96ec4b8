import { describe, expect, it } from 'vitest';
import { schemas, user } from '../../test/fixtures/entra.ts';
import { evaluateFilter, parseFilter, ScimError } from '../index.ts';

const matches = (filter: string, resource: Record<string, unknown> = user): boolean =>
  evaluateFilter(parseFilter(filter), resource, schemas);

describe('evaluateFilter', () => {
  it('answers the Entra matching queries against a user', () => {
    expect(matches('userName eq "BSIMON@contoso.com"')).toBe(true);
    expect(
      matches('urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:mail eq "bsimon@contoso.com"'),
    ).toBe(true);
    expect(matches('emails[type eq "work"].value eq "bsimon@contoso.com"')).toBe(true);
    expect(matches('emails[type eq "home"].value eq "bsimon@contoso.com"')).toBe(false);
  });

  it('matches nothing for the test-connection probe on an unknown attribute instead of failing', () => {
    expect(matches('PLACEHOLDER eq "8646d011-1693-4cd3-9ee6-0d7482ca2219"')).toBe(false);
  });

  it('honours caseExact: externalId and id are case-exact, userName is not', () => {
    expect(matches('externalId eq "0A21F0F2-8D2A-4F8E-BF98-7363C4AED4EF"')).toBe(false);
    expect(matches('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"')).toBe(true);
    expect(matches('id eq "CN=bsimon,ou=people,dc=example,dc=org"')).toBe(false);
    expect(matches('USERNAME co "SIMON"')).toBe(true);
  });

  it('applies co, sw, ew, gt, ge, lt, le to strings, numbers and dateTimes', () => {
    expect(matches('displayName co "ian S"')).toBe(true);
    expect(matches('displayName sw "brian"')).toBe(true);
    expect(matches('displayName ew "SIMON"')).toBe(true);
    expect(matches('urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:uidNumber gt 10010')).toBe(
      true,
    );
    expect(matches('urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:uidNumber lt 10011')).toBe(
      false,
    );
    expect(matches('urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:uidNumber le 10011')).toBe(
      true,
    );
    // 2024-01-01T01:00:00+02:00 is before 2024-01-01T00:00:00Z although it sorts after it as text.
    expect(matches('meta.created gt "2024-01-01T01:00:00+02:00"')).toBe(true);
    expect(matches('meta.lastModified ge "2024-01-01T00:00:00Z"')).toBe(true);
  });

  it('addresses elements of a simple multi-valued attribute as value inside brackets', () => {
    expect(
      matches(
        'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:objectClass[value eq "posixAccount"]',
      ),
    ).toBe(true);
    expect(
      matches(
        'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:objectClass[value eq "shadowAccount"]',
      ),
    ).toBe(false);
  });

  it('treats a multi-valued attribute as matching when any value matches', () => {
    expect(matches('emails.type eq "home"')).toBe(true);
    expect(matches('emails co "example.net"')).toBe(true);
    expect(
      matches('urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:objectClass eq "POSIXACCOUNT"'),
    ).toBe(true);
  });

  it('evaluates pr, not, and/or with precedence, and null comparisons', () => {
    expect(matches('title pr')).toBe(false);
    expect(matches('displayName pr and not (title pr)')).toBe(true);
    expect(matches('title pr or userName sw "bsi" and active eq true')).toBe(true);
    expect(matches('title eq null')).toBe(true);
    expect(matches('displayName ne null')).toBe(true);
    expect(matches('emails[type eq "work" and primary eq true]')).toBe(true);
    expect(matches('emails[type eq "home" and primary eq true]')).toBe(false);
  });

  it('holds "ne" when no value equals, so an absent attribute is ne anything', () => {
    expect(matches('title ne "Boss"')).toBe(true);
    expect(matches('userName ne "bsimon@contoso.com"')).toBe(false);
  });

  it('compares booleans stored as booleans with true/false and rejects ordering on them', () => {
    expect(matches('active eq true')).toBe(true);
    expect(matches('active ne true')).toBe(false);
    expect(() => matches('active gt true')).toThrow(ScimError);
    try {
      matches('active gt true');
    } catch (error) {
      expect((error as ScimError).scimType).toBe('invalidFilter');
    }
  });

  it('never matches on writeOnly or never-returned attributes, so filters cannot probe passwords', () => {
    const withPassword = { ...user, password: 'S3cret!' };
    expect(matches('password eq "S3cret!"', withPassword)).toBe(false);
    expect(matches('password pr', withPassword)).toBe(false);
    expect(matches('password sw "S"', withPassword)).toBe(false);
  });

  it('evaluates without schemas, case-insensitively', () => {
    expect(evaluateFilter(parseFilter('USERNAME eq "A"'), { userName: 'a' })).toBe(true);
  });
});
