import { type ConnectionOptions, connect } from 'node:tls';
import { DetectError } from '../DetectError.ts';
import { type CertificateDetails, describeCertificate } from './describeCertificate.ts';

/** Options of {@link readServerCertificate}. */
export interface ReadServerCertificateOptions {
  /** TLS options (ca, servername, …); `rejectUnauthorized` defaults to false so an untrusted cert can be shown. */
  readonly tls?: ConnectionOptions;
  /** Milliseconds before giving up; default 10 000. */
  readonly timeoutMs?: number;
}

/**
 * Connects to an `ldaps://` URL, reads the server certificate and disconnects, so the Global page can show it
 * (issuer, subject, thumbprints) before the admin decides to trust it. Nothing is sent over LDAP.
 * Also reports whether the certificate verified against the given trust options.
 * @param url `ldaps://host:port`
 * @param options TLS options and timeout
 * @example
 * const { certificate, authorized } = await readServerCertificate('ldaps://127.0.0.1:636', { tls: { ca } });
 */
export function readServerCertificate(
  url: string,
  options: ReadServerCertificateOptions = {},
): Promise<{ certificate: CertificateDetails; authorized: boolean; authorizationError: string | null }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    return Promise.reject(
      new DetectError('tls-connect-failed', `'${url}' is not a URL; use ldaps://host:port.`, { cause }),
    );
  }
  if (parsed.protocol !== 'ldaps:') {
    return Promise.reject(
      new DetectError(
        'tls-connect-failed',
        `'${url}' is not an ldaps:// URL; StartTLS certificates come from the LDAP client's socket.`,
      ),
    );
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const port = Number(parsed.port || 636);
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port,
      ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      ...options.tls,
    });
    socket.setTimeout(options.timeoutMs ?? 10_000, () => {
      socket.destroy();
      reject(
        new DetectError(
          'tls-connect-failed',
          `No TLS handshake with ${host}:${port} within ${options.timeoutMs ?? 10_000} ms.`,
        ),
      );
    });
    socket.once('secureConnect', () => {
      try {
        const peer = socket.getPeerCertificate(false);
        const authError = socket.authorizationError;
        resolve({
          certificate: describeCertificate(peer),
          authorized: socket.authorized,
          authorizationError: authError ? String(authError) : null,
        });
      } catch (error) {
        reject(error);
      } finally {
        socket.end();
      }
    });
    socket.once('error', (cause) => {
      reject(
        new DetectError('tls-connect-failed', `TLS connection to ${host}:${port} failed: ${cause.message}`, {
          cause,
        }),
      );
    });
  });
}
