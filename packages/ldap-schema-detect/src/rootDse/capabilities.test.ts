import { describe, expect, it } from 'vitest';
import { fixtureProfile } from '../../test/fixtures.ts';
import { detectCapabilities, namedOids, normalizeRootDse, oidName } from '../index.ts';

describe('detectCapabilities', () => {
  it('matches the OID matrix of the captured servers', () => {
    const ol = fixtureProfile('openldap-2.5.13.captured.ldif').capabilities;
    const ds = fixtureProfile('389ds-2.3.1.captured.ldif').capabilities;
    const ads = fixtureProfile('apacheds-2.0.0-M26.captured.ldif').capabilities;
    expect(ol).toMatchObject({
      pagedResults: true,
      vlv: false,
      serverSideSort: false,
      contentSync: true,
      assertion: true,
      preRead: true,
      postRead: true,
      absoluteTrueFalseFilters: true,
      allOperationalAttributes: true,
      passwordModify: true,
      whoAmI: true,
      startTls: true,
      persistentSearch: false,
      treeDelete: false,
    });
    expect(ds).toMatchObject({
      pagedResults: true,
      vlv: true,
      serverSideSort: true,
      persistentSearch: true,
      contentSync: false,
      preRead: true,
      absoluteTrueFalseFilters: false,
      allOperationalAttributes: true,
    });
    expect(ads).toMatchObject({
      treeDelete: true,
      showDeleted: true,
      permissiveModify: true,
      contentSync: true,
      persistentSearch: true,
      vlv: true,
      preRead: false,
      dirSync: true,
    });
  });

  it('counts an OID wherever it is listed (RadiantOne lists features among controls)', () => {
    expect(fixtureProfile('radiantone.documented.ldif').capabilities).toMatchObject({
      absoluteTrueFalseFilters: true,
      allOperationalAttributes: true,
      treeDelete: true,
    });
  });

  it('names known OIDs and leaves unknown ones null', () => {
    const rd = normalizeRootDse({ supportedControl: ['1.2.840.113556.1.4.319', '1.9.9.9'] });
    expect(namedOids(rd, 'supportedControl')).toEqual([
      { oid: '1.2.840.113556.1.4.319', name: 'Simple Paged Results (RFC 2696)' },
      { oid: '1.9.9.9', name: null },
    ]);
    expect(oidName('1.3.6.1.4.1.4203.1.11.1')).toBe('Password Modify (RFC 3062)');
    expect(Object.values(detectCapabilities(normalizeRootDse({}))).every((v) => v === false)).toBe(true);
  });

  it('normalizes attribute case and Buffers', () => {
    const rd = normalizeRootDse({
      dn: '',
      SupportedControl: Buffer.from('1.3.6.1.1.12'),
      supportedcontrol: ['1.3.6.1.1.13.1'],
    });
    expect(rd).toEqual({ supportedcontrol: ['1.3.6.1.1.12', '1.3.6.1.1.13.1'] });
  });
});
