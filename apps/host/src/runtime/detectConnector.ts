import { type DirectoryProfile, detectDirectory } from '@scim2ldap/ldap-schema-detect';
import { type LdapConnectionOptions, openClient } from '@scim2ldap/run-profiles';

/**
 * Connects with the connector's settings (TLS, StartTLS, bind) on a short-lived client from run-profiles'
 * `openClient`, runs `detectDirectory` — the wizard's step after the Connectivity page — and unbinds.
 * @param options connection options from {@link connectionOptions}
 */
export async function detectConnector(options: LdapConnectionOptions): Promise<DirectoryProfile> {
  const client = await openClient(options);
  try {
    const port = Number(/:(\d+)$/.exec(options.url)?.[1] ?? 0);
    return await detectDirectory(client, port ? { port } : {});
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
