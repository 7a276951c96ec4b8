import { createHash, X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import { DetectError } from '../DetectError.ts';

/** The server certificate as the Global page shows it, for the admin to confirm. */
export interface CertificateDetails {
  readonly subject: string;
  readonly issuer: string;
  /** subjectAltName entries, e.g. `DNS:ldap.example.org`, `IP Address:127.0.0.1`. */
  readonly subjectAltNames: readonly string[];
  readonly serialNumber: string;
  /** Upper-case hex with colons, as Windows and openssl print them. */
  readonly sha1Thumbprint: string;
  readonly sha256Thumbprint: string;
  /** ISO 8601. */
  readonly validFrom: string;
  readonly validTo: string;
  readonly selfSigned: boolean;
  /** The certificate in PEM, so it can be pinned or added to a trust store. */
  readonly pem: string;
}

const thumbprint = (der: Buffer, algorithm: 'sha1' | 'sha256'): string =>
  createHash(algorithm)
    .update(der)
    .digest('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');

/**
 * Describes a server certificate: subject, issuer, SANs, SHA-1 / SHA-256 thumbprints and validity.
 * @param certificate a PEM string or DER buffer, a node:crypto X509Certificate, or a node:tls PeerCertificate
 *   (as `socket.getPeerCertificate()` returns)
 * @example
 * describeCertificate(readFileSync('server.crt', 'utf8')).sha256Thumbprint; // 'AB:CD:…'
 */
export function describeCertificate(
  certificate: string | Buffer | X509Certificate | PeerCertificate,
): CertificateDetails {
  let x509: X509Certificate;
  try {
    if (certificate instanceof X509Certificate) x509 = certificate;
    else if (typeof certificate === 'string' || Buffer.isBuffer(certificate))
      x509 = new X509Certificate(certificate);
    else if (Buffer.isBuffer(certificate.raw)) x509 = new X509Certificate(certificate.raw);
    else throw new Error('the peer certificate carries no raw DER bytes (was the TLS session established?)');
  } catch (cause) {
    throw new DetectError(
      'certificate-invalid',
      `Could not read the certificate: ${(cause as Error).message}. Pass a PEM string, DER bytes or a PeerCertificate.`,
      { cause },
    );
  }
  const flat = (dn: string): string => dn.split('\n').filter(Boolean).join(', ');
  return {
    subject: flat(x509.subject),
    issuer: flat(x509.issuer),
    subjectAltNames: (x509.subjectAltName ?? '').split(/,\s*/).filter(Boolean),
    serialNumber: x509.serialNumber,
    sha1Thumbprint: thumbprint(x509.raw, 'sha1'),
    sha256Thumbprint: thumbprint(x509.raw, 'sha256'),
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
    selfSigned: x509.checkIssued(x509) && x509.verify(x509.publicKey),
    pem: x509.toString(),
  };
}
