import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../test/fixtures.ts';
import { DetectError, describeCertificate } from '../index.ts';

const pem = readFileSync(join(FIXTURES_DIR, 'tls', 'selfsigned.pem'), 'utf8');

describe('describeCertificate', () => {
  it('gives the same thumbprints, names and validity as openssl', () => {
    const d = describeCertificate(pem);
    // expected values printed by `openssl x509 -noout -fingerprint -sha1 / -sha256 -dates` for this file
    expect(d.sha1Thumbprint).toBe('CF:3E:C0:90:6B:CE:11:2E:69:F7:81:C9:48:61:44:16:C0:68:FF:66');
    expect(d.sha256Thumbprint).toBe(
      'B3:8B:B3:7C:24:AB:AD:6D:00:EC:3B:AA:96:FB:74:B2:C6:69:05:F7:47:F5:CD:73:BC:27:E1:EB:D5:F3:52:A4',
    );
    expect(d.subject).toBe('CN=ldap.example.org, O=scim2ldap test');
    expect(d.issuer).toBe(d.subject);
    expect(d.selfSigned).toBe(true);
    expect(d.subjectAltNames).toEqual(['DNS:ldap.example.org', 'IP Address:127.0.0.1']);
    expect(d.validFrom).toBe('2026-11-26T05:56:53.000Z');
    expect(d.validTo).toBe('2036-11-23T05:56:53.000Z');
    expect(d.serialNumber).toBe('5B6245168B00564A8FC64E519D5AB8B621B88E02');
  });

  it('accepts DER bytes, an X509Certificate and a PeerCertificate-like object alike', () => {
    const x = new X509Certificate(pem);
    const fromPem = describeCertificate(pem);
    expect(describeCertificate(x.raw)).toEqual(fromPem);
    expect(describeCertificate(x)).toEqual(fromPem);
    expect(describeCertificate({ raw: x.raw } as never)).toEqual(fromPem);
  });

  it('throws certificate-invalid on garbage', () => {
    expect(() => describeCertificate('not a certificate')).toThrow(DetectError);
    try {
      describeCertificate({} as never);
    } catch (error) {
      expect((error as DetectError).code).toBe('certificate-invalid');
    }
  });
});
