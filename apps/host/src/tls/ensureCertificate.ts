import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** The certificate the HTTPS listener serves, with what start-up logs and `/readyz` show. */
export interface ServerCertificate {
  readonly cert: string;
  readonly key: string;
  readonly subject: string;
  readonly subjectAltName: string;
  readonly notAfter: Date;
  readonly fingerprint256: string;
  /** `generated` when this call made it, `persisted` when reused, `configured` for admin-provided files. */
  readonly origin: 'generated' | 'persisted' | 'configured';
}

function describe(cert: string, key: string, origin: ServerCertificate['origin']): ServerCertificate {
  const x = new X509Certificate(cert);
  return {
    cert,
    key,
    subject: x.subject,
    subjectAltName: x.subjectAltName ?? '',
    notAfter: new Date(x.validTo),
    fingerprint256: x.fingerprint256,
    origin,
  };
}

/**
 * Loads the admin's certificate and key (PEM files).
 * @param certFile certificate (with chain)
 * @param keyFile private key
 */
export function loadCertificate(certFile: string, keyFile: string): ServerCertificate {
  return describe(readFileSync(certFile, 'utf8'), readFileSync(keyFile, 'utf8'), 'configured');
}

/**
 * Returns the persisted self-signed certificate in `dir`, generating one (RSA 2048, SAN = every host name
 * given, plus localhost and 127.0.0.1) when none exists, it has expired, or its SAN lacks a host name — as
 * ECMA2Host's wizard does with "Generate certificate". Generation uses the `openssl` command, which every
 * supported platform has; the key file is written mode 0600.
 * @param dir directory that keeps `cert.pem` and `key.pem`
 * @param options host names for the SAN, validity, and a clock
 * @example
 * const cert = ensureCertificate('/var/lib/scim2ldap/tls', { hostnames: [os.hostname()] });
 * console.log(cert.notAfter.toISOString());
 */
export function ensureCertificate(
  dir: string,
  options: { hostnames: readonly string[]; validityDays?: number; now?: Date },
): ServerCertificate {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  const names = [...new Set([...options.hostnames, 'localhost'])];
  const now = options.now ?? new Date();
  if (existsSync(certFile) && existsSync(keyFile)) {
    const current = describe(readFileSync(certFile, 'utf8'), readFileSync(keyFile, 'utf8'), 'persisted');
    const covers = names.every((n) => current.subjectAltName.includes(`DNS:${n}`));
    if (covers && current.notAfter.getTime() > now.getTime() + 24 * 3600_000) return current;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const san = [...names.map((n) => `DNS:${n}`), 'IP:127.0.0.1', 'IP:0:0:0:0:0:0:0:1'].join(',');
  const tmpCert = `${certFile}.tmp`;
  const tmpKey = `${keyFile}.tmp`;
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-sha256',
        '-keyout',
        tmpKey,
        '-out',
        tmpCert,
        '-days',
        String(options.validityDays ?? 730),
        '-subj',
        `/CN=${names[0] ?? 'localhost'}/O=scim2ldap self-signed`,
        '-addext',
        `subjectAltName=${san}`,
        '-addext',
        'extendedKeyUsage=serverAuth',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (error) {
    throw new Error(
      `could not generate the self-signed certificate in ${dir} with openssl; install openssl or set server.tls.mode: files`,
      { cause: error },
    );
  }
  chmodSync(tmpKey, 0o600);
  renameSync(tmpKey, keyFile);
  renameSync(tmpCert, certFile);
  return describe(readFileSync(certFile, 'utf8'), readFileSync(keyFile, 'utf8'), 'generated');
}
