import { readFileSync } from 'node:fs';
import type { LdapConnectionOptions } from '@scim2ldap/run-profiles';
import type { ConnectorConfig } from '../config/configSchema.ts';

function readPem(file: string, key: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new Error(`${key}: cannot read ${file} (${code}); check the path and permissions`, {
      cause: error,
    });
  }
}

/**
 * Turns a connector's Connectivity settings into run-profiles' connection options (reading the CA, client
 * certificate and key files here: only the host reads files).
 * @param config the connector's configuration
 */
export function connectionOptions(config: ConnectorConfig): LdapConnectionOptions {
  const c = config.connectivity;
  const port = c.port ?? (c.security === 'ldaps' ? 636 : 389);
  const host = c.host.includes(':') ? `[${c.host}]` : c.host;
  const t = c.tls;
  const tls = {
    ...(t.caFile === undefined ? {} : { ca: readPem(t.caFile, 'connectivity.tls.caFile') }),
    ...(t.clientCertFile === undefined
      ? {}
      : { cert: readPem(t.clientCertFile, 'connectivity.tls.clientCertFile') }),
    ...(t.clientKeyFile === undefined
      ? {}
      : { key: readPem(t.clientKeyFile, 'connectivity.tls.clientKeyFile') }),
    ...(t.insecureSkipVerify ? { insecureSkipVerify: true } : {}),
  };
  const b = c.bind;
  return {
    url: `${c.security === 'ldaps' ? 'ldaps' : 'ldap'}://${host}:${port}`,
    startTls: c.security === 'starttls',
    tls,
    bind:
      b.type === 'simple'
        ? { method: 'simple', dn: b.dn, password: b.password }
        : b.type === 'sasl-external'
          ? { method: 'saslExternal' }
          : { method: 'anonymous' },
    connectTimeoutMs: c.timeoutSeconds * 1000,
    operationTimeoutMs: c.timeoutSeconds * 1000,
    // A SCIM request should fail fast with 503 + Retry-After when the directory is down (Entra retries),
    // not wait run-profiles' default 30 s of reconnect attempts.
    reconnect: { maxElapsedMs: 5_000 },
  };
}
