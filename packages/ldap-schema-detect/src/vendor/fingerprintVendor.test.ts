import { describe, expect, it } from 'vitest';
import { fixtureNames, fixtureProfile } from '../../test/fixtures.ts';
import { fingerprintVendor, normalizeRootDse, resolveSchema } from '../index.ts';

const expected: Record<string, { id: string; version: string | null; evidence: RegExp }> = {
  'openldap-2.5.13.captured.ldif': { id: 'openldap', version: null, evidence: /OpenLDAProotDSE/ },
  '389ds-2.3.1.captured.ldif': { id: '389ds', version: '2.3.1', evidence: /vendorName: 389 Project/ },
  'apacheds-2.0.0-M26.captured.ldif': {
    id: 'apacheds',
    version: '2.0.0.AM26',
    evidence: /Apache Software Foundation/,
  },
  'ad-lds.documented.ldif': {
    id: 'ad-lds',
    version: 'Windows Server 2016 or later',
    evidence: /1\.2\.840\.113556\.1\.4\.1851/,
  },
  'opendj.documented.ldif': { id: 'opendj', version: '2.6.4', evidence: /vendorVersion: OpenDJ/ },
  'edirectory.documented.ldif': { id: 'edirectory', version: '9.2.4', evidence: /NetIQ/ },
  'dsee.documented.ldif': { id: 'dsee', version: '11.1.1.7.0', evidence: /Sun-Directory-Server/ },
  'tivoli.documented.ldif': { id: 'tivoli', version: '6.3', evidence: /International Business Machines/ },
  'isode.documented.ldif': { id: 'isode', version: '19.0', evidence: /Isode/ },
  'radiantone.documented.ldif': { id: 'radiantone', version: '7.2', evidence: /RadiantOne 7\.2/ },
};

describe('fingerprintVendor on the recorded fixtures', () => {
  it('has an expectation for every fixture file', () => {
    expect(fixtureNames().sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s → %o', (file, want) => {
    const { vendor } = fixtureProfile(file);
    expect(vendor.id).toBe(want.id);
    expect(vendor.version).toBe(want.version);
    expect(vendor.evidence.join('\n')).toMatch(want.evidence);
  });
});

describe('fingerprintVendor rules', () => {
  const ad = {
    supportedCapabilities: ['1.2.840.113556.1.4.800'],
    isGlobalCatalogReady: 'TRUE',
    domainControllerFunctionality: '6',
  };

  it('tells an AD Global Catalog (port 3268) from a domain controller', () => {
    expect(fingerprintVendor({ rootDse: normalizeRootDse(ad), port: 3268 })).toMatchObject({
      id: 'ad-gc',
      version: 'Windows Server 2012 R2',
    });
    expect(fingerprintVendor({ rootDse: normalizeRootDse(ad), port: 389 }).id).toBe('ad-ds');
  });

  it('reads the OpenLDAP version from cn=Monitor when given', () => {
    const v = fingerprintVendor({
      rootDse: normalizeRootDse({ objectClass: ['top', 'OpenLDAProotDSE'] }),
      monitoredInfo: 'OpenLDAP: slapd 2.6.8 (Jan 1 2025)',
    });
    expect(v.version).toBe('2.6.8');
  });

  it('names OpenDS, Oracle Unified Directory and Sun ONE from their vendorVersion', () => {
    const v = (vv: string, vn = 'Sun Microsystems, Inc.') =>
      fingerprintVendor({ rootDse: normalizeRootDse({ vendorName: vn, vendorVersion: vv }) });
    expect(v('OpenDS Directory Server 2.2.1')).toMatchObject({
      id: 'opendj',
      name: 'OpenDS',
      version: '2.2.1',
    });
    expect(v('Oracle Unified Directory 11.1.2.3.0', 'Oracle Corporation')).toMatchObject({
      id: 'opendj',
      name: 'Oracle Unified Directory',
    });
    expect(v('Sun-ONE-Directory/5.2')).toMatchObject({
      id: 'dsee',
      name: 'Sun ONE Directory Server',
      version: '5.2',
    });
    expect(v('Oracle Internet Directory 11.1.1.9.0', 'Oracle Corporation').id).toBe('oracle-oid');
  });

  it('falls back to schema markers, then to unknown LDAPv3 with what was seen', () => {
    const schema = resolveSchema({ attributeTypes: ["( 1.3.6.1.4.1.26027.1.1.373 NAME 'ds-sync-hist' )"] });
    expect(fingerprintVendor({ rootDse: normalizeRootDse({ namingContexts: 'o=x' }), schema })).toMatchObject(
      {
        id: 'opendj',
        evidence: ['schema marker: attribute type ds-sync-hist'],
      },
    );
    expect(
      fingerprintVendor({
        rootDse: normalizeRootDse({ vendorName: 'Example Corp', vendorVersion: 'ExampleDS 1.2' }),
      }),
    ).toMatchObject({
      id: 'unknown',
      version: '1.2',
      evidence: ['vendorName: Example Corp', 'vendorVersion: ExampleDS 1.2'],
    });
    expect(fingerprintVendor({ rootDse: normalizeRootDse({}) }).evidence).toEqual([
      'no vendorName/vendorVersion in the Root DSE',
    ]);
  });
});
