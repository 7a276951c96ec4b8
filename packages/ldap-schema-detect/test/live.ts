import type { RunningDirectory } from '@scim2ldap/ldap-testkit';
import { Client } from 'ldapts';

/** How to reach a test directory. */
export interface ConnectOptions {
  /** Bind as the admin (default) or stay anonymous. */
  readonly anonymous?: boolean;
  /** `ldaps` (LDAPS URL), `starttls` (upgrade the plain connection) or `plain` (default). */
  readonly transport?: 'plain' | 'ldaps' | 'starttls';
}

/** Opens an ldapts client to a testkit directory; the caller unbinds it. */
export async function connect(dir: RunningDirectory, options: ConnectOptions = {}): Promise<Client> {
  const tlsOptions = { ca: dir.caCert };
  const client =
    options.transport === 'ldaps'
      ? new Client({ url: dir.ldapsUrl, tlsOptions })
      : new Client({ url: dir.ldapUrl });
  if (options.transport === 'starttls') await client.startTLS(tlsOptions);
  if (!options.anonymous) await client.bind(dir.adminDn, dir.adminPassword);
  return client;
}

/** Port of an ldap(s):// URL. */
export const portOf = (url: string): number => Number(new URL(url).port);
