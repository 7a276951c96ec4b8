import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConnectorStatus,
  createHostApp,
  createHostMetrics,
  createLogger,
  type HostedConnector,
  type NodeRequestListener,
  type ScimJson,
  tokenDigest,
  withFastCreateUser,
} from '../index.ts';

const token = 'fast-path-token-0123';
const userSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** A connector whose create refuses a repeated userName (409) and records every body it gets. */
function connector(name: string, status: Partial<ConnectorStatus> = {}): HostedConnector {
  const users = new Map<string, ScimJson>();
  return {
    name,
    tokenDigest: tokenDigest(token),
    status: () => ({ phase: 'ready', initialImportDone: true, entries: users.size, lastRuns: [], ...status }),
    checkDirectory: async () => true,
    cache: async () => ({ totalResults: 0, startIndex: 1, itemsPerPage: 0, entries: [] }),
    users: {
      async createUser(body) {
        const userName = (body as { userName?: string }).userName;
        if (userName === 'explode') throw new Error('unexpected failure below the routes');
        if ([...users.values()].some((u) => u.userName === userName))
          throw Object.assign(new Error(`entry cn=${userName} already exists`), {
            kind: 'conflict',
            code: 'entryAlreadyExists',
          });
        const id = `id-${users.size + 1}`;
        const user = { schemas: [userSchema], id, userName, meta: { location: `/Users/${id}` } };
        users.set(id, user);
        return user;
      },
      getUser: async () => ({}),
      queryUsers: async () => ({}),
      patchUser: async () => ({}),
      replaceUser: async () => ({}),
      async deleteUser() {},
      schemas: () => ({}),
      resourceTypes: () => ({}),
      serviceProviderConfig: () => ({}),
    },
  };
}

/** One host (the app alone, or the app behind the fast path) with its own connectors, log and metrics. */
async function host(fast: boolean) {
  const lines: string[] = [];
  const logger = createLogger({ write: (l) => lines.push(l) });
  logger.addSecrets([token]);
  const options = {
    connectors: [connector('LDAP'), connector('Importing', { phase: 'importing', initialImportDone: false })],
    metrics: createHostMetrics(),
    logger,
    bodyLimitBytes: 2048,
  };
  const app = createHostApp(options);
  let appCalls = 0;
  const appListener = getRequestListener(app.fetch);
  const counted: NodeRequestListener = (req, res) => {
    appCalls++;
    void appListener(req, res);
  };
  const server: Server = createServer(fast ? withFastCreateUser(counted, options) : counted);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base, lines, options, appCalls: () => appCalls };
}

/** Requests both hosts must answer alike (path, headers, body). */
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
const create = (userName: string) => JSON.stringify({ schemas: [userSchema], userName });
const cases: Array<{
  name: string;
  path: string;
  headers: Record<string, string>;
  body: string | 'chunked';
}> = [
  { name: 'create', path: '/ecma2host_LDAP/scim/Users', headers: auth, body: create('a') },
  { name: 'duplicate', path: '/ecma2host_LDAP/scim/Users', headers: auth, body: create('a') },
  { name: 'lower case, slash', path: '/ecma2host_LDAP/SCIM/users/', headers: auth, body: create('b') },
  {
    name: 'client request id',
    path: '/ecma2host_LDAP/scim/Users',
    headers: { ...auth, 'x-request-id': 'entra-123' },
    body: create('c'),
  },
  {
    name: 'wrong token',
    path: '/ecma2host_LDAP/scim/Users',
    headers: { ...auth, authorization: 'Bearer nope-nope-nope' },
    body: create('d'),
  },
  { name: 'no token', path: '/ecma2host_LDAP/scim/Users', headers: {}, body: create('e') },
  {
    name: 'wrong type',
    path: '/ecma2host_LDAP/scim/Users',
    headers: { ...auth, 'content-type': 'text/plain' },
    body: create('f'),
  },
  { name: 'bad JSON', path: '/ecma2host_LDAP/scim/Users', headers: auth, body: '{"userName": ' },
  { name: 'too large', path: '/ecma2host_LDAP/scim/Users', headers: auth, body: create('x'.repeat(5000)) },
  { name: 'too large, chunked', path: '/ecma2host_LDAP/scim/Users', headers: auth, body: 'chunked' },
  { name: 'importing', path: '/ecma2host_Importing/scim/Users', headers: auth, body: create('g') },
  { name: 'unknown connector', path: '/ecma2host_ldap/scim/Users', headers: auth, body: create('h') },
  { name: 'internal error', path: '/ecma2host_LDAP/scim/Users', headers: auth, body: create('explode') },
];

async function send(base: string, c: (typeof cases)[number]) {
  const body =
    c.body === 'chunked'
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
            controller.close();
          },
        })
      : c.body;
  const res = await fetch(`${base}${c.path}`, {
    method: 'POST',
    headers: c.headers,
    body,
    duplex: 'half',
  } as RequestInit);
  const text = await res.text();
  const header = (n: string) => res.headers.get(n);
  return {
    status: res.status,
    body: text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>'),
    contentType: header('content-type'),
    location: header('location'),
    retryAfter: header('retry-after'),
    wwwAuthenticate: header('www-authenticate'),
    requestId: header('x-request-id')?.replace(/^[0-9a-f-]{36}$/, '<uuid>'),
  };
}

/** A log line without what differs by run (time, random request id, duration). */
function stable(line: string): Record<string, unknown> {
  const { time: _t, durationMs: _d, ...rest } = JSON.parse(line) as Record<string, unknown>;
  if (typeof rest.requestId === 'string' && /^[0-9a-f-]{36}$/.test(rest.requestId)) rest.requestId = '<uuid>';
  return rest;
}

describe('withFastCreateUser', () => {
  let plain: Awaited<ReturnType<typeof host>>;
  let fast: Awaited<ReturnType<typeof host>>;
  beforeAll(async () => {
    plain = await host(false);
    fast = await host(true);
  });
  afterAll(async () => {
    for (const h of [plain, fast]) await new Promise((resolve) => h.server.close(resolve));
  });

  it('answers POST /Users exactly as the app does: status, body, headers, log line, metrics', async () => {
    for (const c of cases) {
      const expected = await send(plain.base, c);
      const got = await send(fast.base, c);
      expect({ case: c.name, ...got }).toEqual({ case: c.name, ...expected });
    }
    expect(fast.lines.map(stable)).toEqual(plain.lines.map(stable));
    expect(fast.lines.length).toBeGreaterThanOrEqual(cases.length - 1);
    // The request counters and latency counts alike (the latencies themselves differ by run).
    const counts = (text: string) =>
      text.split('\n').filter((l) => l.startsWith('scim2ldap_scim_requests_total') || l.includes('_count{'));
    const fastCounts = counts(fast.options.metrics.registry.render());
    expect(fastCounts).toEqual(counts(plain.options.metrics.registry.render()));
    expect(fastCounts).toContain(
      'scim2ldap_scim_requests_total{connector="LDAP",operation="createUser",status="201"} 3',
    );
    // Only the unknown connector went to the app; the wrong-token line names no token.
    expect(fast.appCalls()).toBe(1);
    expect(fast.lines.join('')).not.toContain(token);
  });

  it('leaves every other request to the app', async () => {
    const before = fast.appCalls();
    const list = await fetch(`${fast.base}/ecma2host_LDAP/scim/Users?filter=x`, { headers: auth });
    const withQuery = await fetch(`${fast.base}/ecma2host_LDAP/scim/Users?x=1`, {
      method: 'POST',
      headers: auth,
      body: create('q'),
    });
    const health = await fetch(`${fast.base}/healthz`);
    expect([list.status, withQuery.status, health.status]).toEqual([200, 201, 200]);
    expect(fast.appCalls() - before).toBe(3);
  });
});
