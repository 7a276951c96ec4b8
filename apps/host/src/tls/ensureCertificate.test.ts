import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCertificate } from '../index.ts';

describe('ensureCertificate', () => {
  it('generates a self-signed cert with the host name and localhost in the SAN, then reuses it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'scim2ldap-tls-')), 'tls');
    const first = ensureCertificate(dir, { hostnames: ['app3.contoso.lab'], validityDays: 30 });
    expect(first.origin).toBe('generated');
    expect(first.subjectAltName).toContain('DNS:app3.contoso.lab');
    expect(first.subjectAltName).toContain('DNS:localhost');
    const days = (first.notAfter.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThan(31);
    expect(new X509Certificate(first.cert).checkPrivateKey(createPrivateKey(first.key))).toBe(true);
    expect(statSync(join(dir, 'key.pem')).mode & 0o077).toBe(0);

    const second = ensureCertificate(dir, { hostnames: ['app3.contoso.lab'] });
    expect(second.origin).toBe('persisted');
    expect(second.fingerprint256).toBe(first.fingerprint256);

    const renamed = ensureCertificate(dir, { hostnames: ['other-host'] });
    expect(renamed.origin).toBe('generated');
    expect(renamed.fingerprint256).not.toBe(first.fingerprint256);
  });
});
