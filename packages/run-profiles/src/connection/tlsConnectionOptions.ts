import net from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { LdapConnectionOptions } from './types.ts';

/**
 * Node TLS options for a connection: CA, client certificate, the host to verify (IP addresses are checked
 * against IP SANs, names are also sent as SNI), verification on unless `insecureSkipVerify` — which logs a
 * warning every time it is used.
 * @param options the connection options
 */
export function tlsConnectionOptions(options: LdapConnectionOptions): ConnectionOptions {
  const tls = options.tls ?? {};
  const host = /^ldaps?:\/\/\[?([^\]/:]+)/i.exec(options.url)?.[1] ?? 'localhost';
  if (tls.insecureSkipVerify === true) {
    const warn =
      options.logger?.warn ?? ((message: string) => process.emitWarning(message, 'LdapTlsWarning'));
    warn(
      `TLS certificate verification is OFF for ${options.url} (insecureSkipVerify); the connection can be intercepted. Configure tls.ca instead.`,
      { url: options.url },
    );
  }
  return {
    host,
    ...(tls.servername === undefined
      ? net.isIP(host) === 0
        ? { servername: host }
        : {}
      : { servername: tls.servername }),
    ...(tls.ca === undefined ? {} : { ca: typeof tls.ca === 'string' ? tls.ca : [...tls.ca] }),
    ...(tls.cert === undefined ? {} : { cert: tls.cert }),
    ...(tls.key === undefined ? {} : { key: tls.key }),
    ...(tls.minVersion === undefined ? {} : { minVersion: tls.minVersion }),
    rejectUnauthorized: tls.insecureSkipVerify !== true,
  };
}
