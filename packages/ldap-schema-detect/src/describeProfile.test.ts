import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, fixtureNames, fixtureProfile } from '../test/fixtures.ts';
import { describeCertificate, describeProfile } from './index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('describeProfile', () => {
  it('renders the Global-page report for 389 DS', () => {
    const text = describeProfile(fixtureProfile('389ds-2.3.1.captured.ldif'));
    expect(text).toContain('Product:          389 Directory Server 2.3.1 (389ds)');
    expect(text).toContain('Mandatory features NOT found');
    expect(text).toContain('[ ] Absolute True/False filters (RFC 4526)');
    expect(text).toContain('cn=changelog  — changelog (Root DSE changelog; not offered for users)');
    expect(text).toContain('Change log cn=changelog: readable not checked, changes 1–2');
    expect(text).toContain('Anchor:       nsUniqueId');
    expect(text).toMatch(/Warnings\n {2}! /);
  });

  it('shows the certificate when the profile has one', () => {
    const profile = {
      ...fixtureProfile('openldap-2.5.13.captured.ldif'),
      tls: describeCertificate(readFileSync(join(FIXTURES_DIR, 'tls', 'selfsigned.pem'), 'utf8')),
    };
    const text = describeProfile(profile);
    expect(text).toContain('SHA-256:          B3:8B:B3');
    expect(text).toContain('(self-signed)');
  });

  it('renders every fixture and survives a JSON round trip of the profile', () => {
    for (const name of fixtureNames()) {
      const profile = fixtureProfile(name);
      const copy = JSON.parse(JSON.stringify(profile));
      expect(copy).toEqual(profile);
      expect(describeProfile(copy)).toBe(describeProfile(profile));
    }
  });
});
