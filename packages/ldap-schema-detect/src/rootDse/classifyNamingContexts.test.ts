import { describe, expect, it } from 'vitest';
import { fixtureProfile } from '../../test/fixtures.ts';
import { chooseDefaultNamingContext, classifyNamingContexts, normalizeRootDse } from '../index.ts';

describe('classifyNamingContexts', () => {
  it('marks accesslog, changelog and ApacheDS system partitions as non-user', () => {
    const roles = (file: string) =>
      Object.fromEntries(fixtureProfile(file).namingContexts.map((p) => [p.dn, p.role]));
    expect(roles('openldap-2.5.13.captured.ldif')).toEqual({
      'cn=accesslog': 'accesslog',
      'dc=example,dc=org': 'user',
    });
    expect(roles('389ds-2.3.1.captured.ldif')).toEqual({
      'dc=example,dc=org': 'user',
      'cn=changelog': 'changelog',
    });
    expect(roles('apacheds-2.0.0-M26.captured.ldif')).toEqual({
      'ou=system': 'system',
      'dc=example,dc=org': 'user',
      'ou=schema': 'schema',
      'ou=config': 'config',
    });
    expect(roles('ad-lds.documented.ldif')).toMatchObject({ 'CN=App,DC=contoso,DC=lab': 'user' });
    expect(Object.values(roles('ad-lds.documented.ldif')).sort()).toEqual(['config', 'schema', 'user']);
  });

  it('uses what the Root DSE points at (changelog attribute under any DN) and live accesslog findings', () => {
    const rd = normalizeRootDse({
      namingContexts: ['cn=log', 'o=Changes', 'o=Corp'],
      changelog: 'o=changes',
    });
    expect(classifyNamingContexts(rd, ['CN=Log']).map((p) => p.role)).toEqual([
      'accesslog',
      'changelog',
      'user',
    ]);
  });
});

describe('chooseDefaultNamingContext', () => {
  it('does not trust a defaultNamingContext that names the change log (389 with Retro Changelog)', () => {
    const rd = normalizeRootDse({
      namingContexts: ['cn=changelog', 'dc=example,dc=org'],
      defaultNamingContext: 'cn=changelog',
      changelog: 'cn=changelog',
    });
    const d = chooseDefaultNamingContext(rd, classifyNamingContexts(rd));
    expect(d).toMatchObject({ dn: 'dc=example,dc=org', source: 'first-user-partition' });
    expect(d.warning).toContain("'cn=changelog', a changelog partition");
  });

  it('uses a sane Root DSE value, else the first user partition, else none', () => {
    expect(fixtureProfile('389ds-2.3.1.captured.ldif').defaultNamingContext).toEqual({
      dn: 'dc=example,dc=org',
      source: 'rootDse',
      warning: null,
    });
    expect(fixtureProfile('openldap-2.5.13.captured.ldif').defaultNamingContext).toEqual({
      dn: 'dc=example,dc=org',
      source: 'first-user-partition',
      warning: null,
    });
    const rd = normalizeRootDse({ namingContexts: ['cn=accesslog'] });
    expect(chooseDefaultNamingContext(rd, classifyNamingContexts(rd))).toEqual({
      dn: null,
      source: 'none',
      warning: null,
    });
  });
});
