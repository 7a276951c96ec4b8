import { describe, expect, it } from 'vitest';
import { buildMeta, ifMatchSatisfied, resourceLocation, weakETag } from '../index.ts';

describe('meta helpers', () => {
  it('builds meta with ISO dates and a weak ETag, omitting what is absent', () => {
    expect(
      buildMeta({
        resourceType: 'User',
        created: new Date(Date.UTC(2024, 0, 2)),
        lastModified: '2024-01-03T10:00:00+01:00',
        version: 'abc',
      }),
    ).toEqual({
      resourceType: 'User',
      created: '2024-01-02T00:00:00.000Z',
      lastModified: '2024-01-03T09:00:00.000Z',
      version: 'W/"abc"',
    });
    expect(buildMeta({ resourceType: 'User' })).toEqual({ resourceType: 'User' });
    expect(() => buildMeta({ resourceType: 'User', created: 'yesterday' })).toThrow(
      /meta.created is not a valid date/,
    );
  });

  it('encodes DN ids in locations', () => {
    expect(
      resourceLocation('https://h:8585/ecma2host_LDAP/scim/', '/Users', 'cn=Brian Simon,dc=example,dc=org'),
    ).toBe('https://h:8585/ecma2host_LDAP/scim/Users/cn%3DBrian%20Simon%2Cdc%3Dexample%2Cdc%3Dorg');
  });

  it('compares If-Match weakly, with * and lists', () => {
    expect(weakETag('W/"x"')).toBe('W/"x"');
    expect(ifMatchSatisfied('W/"abc"', 'abc')).toBe(true);
    expect(ifMatchSatisfied('"abc"', 'abc')).toBe(true);
    expect(ifMatchSatisfied('W/"old", W/"abc"', 'abc')).toBe(true);
    expect(ifMatchSatisfied('*', 'abc')).toBe(true);
    expect(ifMatchSatisfied('W/"old"', 'abc')).toBe(false);
  });
});
