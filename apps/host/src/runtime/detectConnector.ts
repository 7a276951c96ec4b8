import { type DirectoryProfile, detectDirectory } from '@scim2ldap/ldap-schema-detect';
import { classifyError, type LdapConnectionOptions } from '@scim2ldap/run-profiles';
import { Client } from 'ldapts';

/**
 * Connects with the connector's settings (TLS, StartTLS, bind) on a short-lived ldapts client, runs
 * `detectDirectory` — the wizard's step after the Connectivity page — and unbinds.
 * @param options connection options from {@link connectionOptions}
 */
export async function detectConnector(options: LdapConnectionOptions): Promise<DirectoryProfile> {
  const tls = options.tls ?? {};
  const host = /^ldaps?:\/\/\[?([^\]/:]+)/i.exec(options.url)?.[1] ?? 'localhost';
  const tlsOptions = {
    host,
    ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
    ...(tls.ca === undefined ? {} : { ca: typeof tls.ca === 'string' ? tls.ca : [...tls.ca] }),
    ...(tls.cert === undefined ? {} : { cert: tls.cert }),
    ...(tls.key === undefined ? {} : { key: tls.key }),
    rejectUnauthorized: tls.insecureSkipVerify !== true,
  };
  const client = new Client({
    url: options.url,
    timeout: options.operationTimeoutMs ?? 30_000,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
    strictDN: false,
    ...(/^ldaps:/i.test(options.url) ? { tlsOptions } : {}),
  });
  const bind = options.bind ?? { method: 'anonymous' };
  let phase = 'connect';
  try {
    if (options.startTls) {
      phase = 'startTLS';
      await client.startTLS(tlsOptions);
    }
    phase = 'bind';
    if (bind.method === 'simple') await client.bind(bind.dn, bind.password);
    else if (bind.method === 'saslExternal') await client.bind('EXTERNAL');
    else {
      // Anonymous: connect now (a Root DSE read), so TLS and network failures are reported as such.
      phase = 'connect';
      await client.search('', {
        scope: 'base',
        filter: '(objectClass=*)',
        attributes: ['supportedLDAPVersion'],
      });
    }
    phase = 'detect';
    const port = Number(/:(\d+)$/.exec(options.url)?.[1] ?? 0);
    return await detectDirectory(client, port ? { port } : {});
  } catch (error) {
    if (phase === 'detect') throw error;
    throw classifyError(error, {
      operation: phase,
      url: options.url,
      ...(bind.method === 'simple' ? { bindDn: bind.dn, secrets: [bind.password] } : {}),
    });
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
