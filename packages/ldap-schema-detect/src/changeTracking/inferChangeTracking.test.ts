import { describe, expect, it } from 'vitest';
import { fixtureProfile } from '../../test/fixtures.ts';

describe('inferChangeTracking (Root DSE only)', () => {
  it('OpenLDAP: accesslog partition for the only user suffix, readability unknown offline', () => {
    expect(fixtureProfile('openldap-2.5.13.captured.ldif').changeTracking).toMatchObject({
      accesslog: {
        dn: 'cn=accesslog',
        readable: null,
        suffixes: ['dc=example,dc=org'],
        suffixSource: 'single-user-partition',
      },
      changelog: null,
      syncrepl: true,
      timestamps: true,
    });
  });

  it('389 DS and OpenDJ: change numbers from the Root DSE', () => {
    expect(fixtureProfile('389ds-2.3.1.captured.ldif').changeTracking.changelog).toEqual({
      dn: 'cn=changelog',
      readable: null,
      firstChangeNumber: 1,
      lastChangeNumber: 2,
      numbersSource: 'rootDse',
    });
    expect(fixtureProfile('opendj.documented.ldif').changeTracking.changelog).toMatchObject({
      firstChangeNumber: 1,
      lastChangeNumber: 42,
    });
  });

  it('Isode: cn=changelog naming context without numbers; AD LDS: highestCommittedUSN', () => {
    expect(fixtureProfile('isode.documented.ldif').changeTracking.changelog).toMatchObject({
      dn: 'cn=changelog',
      firstChangeNumber: null,
      numbersSource: null,
    });
    expect(fixtureProfile('ad-lds.documented.ldif').changeTracking.usn).toEqual({
      highest: '13829',
      attribute: 'uSNChanged',
    });
  });
});
