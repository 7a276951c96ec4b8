import net from 'node:net';
import tls from 'node:tls';
import { Client } from 'ldapts';
import { classifyError } from '../errors/classifyError.ts';
import { tlsConnectionOptions } from './tlsConnectionOptions.ts';
import type { LdapConnectionOptions } from './types.ts';

/** Clients whose StartTLS socket closed (ldapts keeps reporting them connected). */
const deadClients = new WeakSet<Client>();

/**
 * ldapts 8 tracks the close of the plain socket only while it is the active one; after StartTLS the TLS
 * socket replaces it and a server restart leaves the client "connected" to a dead socket. Watch the TLS
 * socket ourselves so the next operation reconnects instead of waiting for a timeout.
 * @param client a client just upgraded with StartTLS
 */
function watchUpgradedSocket(client: Client): void {
  const socket = (client as unknown as { socket?: net.Socket }).socket;
  socket?.once('close', () => deadClients.add(client));
}

/**
 * Whether an ldapts client still has a live, usable socket.
 * @param client the client
 */
export function isClientAlive(client: Client): boolean {
  return client.isConnected && !deadClients.has(client);
}

/**
 * Opens an ldapts client and makes it ready: connects (LDAP, LDAPS or ldapi), upgrades with StartTLS when
 * asked, binds. Failures come out classified, naming the phase (connect, startTLS, bind).
 * @param options the connection options
 */
export async function openClient(options: LdapConnectionOptions): Promise<Client> {
  const { url, bind = { method: 'anonymous' } } = options;
  const tlsOptions = tlsConnectionOptions(options);
  const ldapi = /^ldapi:\/\/(.+)$/i.exec(url);
  const client = new Client({
    url: ldapi === null ? url : 'ldap://localhost',
    timeout: options.operationTimeoutMs ?? 30_000,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
    strictDN: false,
    ...(/^ldaps:/i.test(url) ? { tlsOptions } : {}),
    // Request/response traffic: send each request at once (no Nagle delay).
    createConnection: ((port: number, host: string) =>
      ldapi === null
        ? net.connect({ port, host, noDelay: true })
        : net.connect(decodeURIComponent(ldapi[1] ?? ''))) as typeof net.connect,
    // ldapts calls this with (port, host, options) for LDAPS and with (options) for StartTLS.
    createSecureConnection: ((...args: [number, string, tls.ConnectionOptions] | [tls.ConnectionOptions]) =>
      (args.length === 1
        ? tls.connect(args[0])
        : tls.connect({ ...args[2], port: args[0], host: args[1] })
      ).setNoDelay(true)) as typeof tls.connect,
  });
  let phase = 'connect';
  try {
    if (options.startTls === true) {
      phase = 'startTLS';
      await client.startTLS({ ...tlsOptions });
      watchUpgradedSocket(client);
    }
    phase = 'bind';
    if (bind.method === 'simple') await client.bind(bind.dn, bind.password);
    else if (bind.method === 'saslExternal') await client.bind('EXTERNAL');
    else if (!client.isConnected) {
      // Anonymous: connect now with a Root DSE read — the one request every LDAPv3 server answers
      // anonymously (RFC 4512 §5.1) — so TLS and network failures surface here, named as a connect.
      phase = 'connect';
      await client.search('', {
        scope: 'base',
        filter: '(objectClass=*)',
        attributes: ['supportedLDAPVersion'],
      });
    }
  } catch (error) {
    await client.unbind().catch(() => undefined);
    throw classifyError(error, {
      operation: phase,
      url,
      secrets: bind.method === 'simple' ? [bind.password] : [],
      ...(bind.method === 'simple' ? { bindDn: bind.dn } : {}),
    });
  }
  return client;
}
