import { describe, expect, it } from 'vitest';
import { fixtureProfile } from '../../test/fixtures.ts';
import { buildProfile, checkMandatoryFeatures, detectCapabilities, normalizeRootDse } from '../index.ts';

const expected: Record<
  string,
  [anchor: string, delta: string, changelogDn: string | null, userClass: string]
> = {
  'openldap-2.5.13.captured.ldif': ['entryUUID', 'accesslog', 'cn=accesslog', 'inetOrgPerson'],
  '389ds-2.3.1.captured.ldif': ['nsUniqueId', 'changelog', 'cn=changelog', 'inetOrgPerson'],
  'apacheds-2.0.0-M26.captured.ldif': ['entryUUID', 'timestamp', null, 'inetOrgPerson'],
  'ad-lds.documented.ldif': ['objectGUID', 'usn', null, 'user'],
  'opendj.documented.ldif': ['entryUUID', 'changelog', 'cn=changelog', 'inetOrgPerson'],
  'edirectory.documented.ldif': ['GUID', 'timestamp', null, 'inetOrgPerson'],
  'dsee.documented.ldif': ['nsUniqueId', 'changelog', 'cn=changelog', 'inetOrgPerson'],
  'tivoli.documented.ldif': ['ibm-entryUuid', 'changelog', 'CN=CHANGELOG', 'inetOrgPerson'],
  'isode.documented.ldif': ['dn', 'changelog', 'cn=changelog', 'inetOrgPerson'],
  'radiantone.documented.ldif': ['dn', 'changelog', 'cn=changelog', 'inetOrgPerson'],
};

describe('recommendations per server', () => {
  it.each(Object.entries(expected))('%s', (file, [anchor, delta, dn, userClass]) => {
    const r = fixtureProfile(file).recommendations;
    expect([r.anchor, r.deltaMethod, r.changelogDn, r.userClass]).toEqual([anchor, delta, dn, userClass]);
    expect(r.reasons.anchor.length).toBeGreaterThan(20);
    expect(r.reasons.deltaMethod.length).toBeGreaterThan(20);
  });

  it('lists the attributes a new user must be given, leaving out what AD sets itself', () => {
    expect(new Set(fixtureProfile('openldap-2.5.13.captured.ldif').recommendations.userClassMust)).toEqual(
      new Set(['objectClass', 'cn', 'sn']),
    );
    const ad = fixtureProfile('ad-lds.documented.ldif').recommendations;
    expect(ad.userClassMust).toEqual(['cn', 'objectClass']);
    expect(ad.reasons.userClass).toContain(
      'instanceType, nTSecurityDescriptor, objectCategory are set by Active Directory itself',
    );
  });

  it('offers the auxiliary classes the schema defines', () => {
    expect(fixtureProfile('openldap-2.5.13.captured.ldif').recommendations.userAuxiliaryClasses).toEqual([
      'posixAccount',
      'shadowAccount',
    ]);
  });

  it('prefers an anchor present on the base entry (live probe) and skips ones that are absent', () => {
    const rootDse = {
      vendorName: '389 Project',
      vendorVersion: '389-Directory/2.3.1',
      namingContexts: 'dc=x',
    };
    const subschema = {
      attributeTypes: [
        "( 1.1 NAME 'nsUniqueId' SINGLE-VALUE USAGE directoryOperation )",
        "( 1.2 NAME 'entryUUID' SINGLE-VALUE USAGE directoryOperation )",
      ],
    };
    expect(buildProfile({ rootDse, subschema, anchorsPresent: ['entryUUID'] }).recommendations.anchor).toBe(
      'entryUUID',
    );
    expect(buildProfile({ rootDse, subschema, anchorsPresent: [] }).recommendations.anchor).toBe('dn');
  });

  it('falls back when the accesslog is not readable and says why', () => {
    const base = fixtureProfile('openldap-2.5.13.captured.ldif');
    const p = buildProfile({
      rootDse: base.rootDse,
      changeTracking: {
        ...base.changeTracking,
        accesslog: {
          ...(base.changeTracking.accesslog as NonNullable<typeof base.changeTracking.accesslog>),
          readable: false,
        },
      },
    });
    expect(p.recommendations.deltaMethod).toBe('syncrepl');
    expect(p.warnings.join('\n')).toContain('cn=accesslog exists but the bind DN cannot read it');
  });

  it('uses syncrepl/timestamp/none in that order when no log exists', () => {
    expect(
      buildProfile({ rootDse: { supportedControl: '1.3.6.1.4.1.4203.1.9.1.1' } }).recommendations.deltaMethod,
    ).toBe('syncrepl');
    expect(
      buildProfile({ rootDse: {}, subschema: { attributeTypes: ["( 2.5.18.2 NAME 'modifyTimestamp' )"] } })
        .recommendations.deltaMethod,
    ).toBe('timestamp');
    expect(buildProfile({ rootDse: {}, subschema: { attributeTypes: [] } }).recommendations.deltaMethod).toBe(
      'none',
    );
  });
});

describe('checkMandatoryFeatures', () => {
  it('passes OpenLDAP, and warns on 389 about RFC 4526 filters', () => {
    expect(fixtureProfile('openldap-2.5.13.captured.ldif').recommendations.mandatoryFeatures).toMatchObject({
      allFound: true,
      warnings: [],
    });
    const ds = fixtureProfile('389ds-2.3.1.captured.ldif').recommendations.mandatoryFeatures;
    expect(ds.allFound).toBe(false);
    expect(ds.warnings).toEqual([expect.stringContaining('absolute True/False filters (RFC 4526)')]);
  });

  it('calls the missing filters harmless on AD LDS and requires + only for unique-id anchors', () => {
    const ad = fixtureProfile('ad-lds.documented.ldif').recommendations.mandatoryFeatures;
    expect(ad.warnings).toEqual([expect.stringContaining('Active Directory never advertises it')]);
    // objectGUID is returned with '*' on AD, so RFC 3673 '+' is not needed there
    expect(ad.checks.find((c) => c.oid === '1.3.6.1.4.1.4203.1.5.1')?.required).toBe(false);
    const caps = detectCapabilities(
      normalizeRootDse({
        supportedControl: '1.2.840.113556.1.4.319',
        supportedFeatures: '1.3.6.1.4.1.4203.1.5.3',
      }),
    );
    expect(checkMandatoryFeatures(caps, 'unknown', 'dn').allFound).toBe(true);
    expect(checkMandatoryFeatures(caps, 'unknown', 'entryUUID').allFound).toBe(false);
  });

  it('warns when no paging control is advertised', () => {
    const caps = detectCapabilities(
      normalizeRootDse({ supportedFeatures: ['1.3.6.1.4.1.4203.1.5.3', '1.3.6.1.4.1.4203.1.5.1'] }),
    );
    expect(checkMandatoryFeatures(caps, 'unknown', 'dn').warnings).toEqual([
      expect.stringContaining('no paging control'),
    ]);
  });
});
