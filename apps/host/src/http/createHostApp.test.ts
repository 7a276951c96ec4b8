import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import {
  type ConnectorStatus,
  createHostApp,
  createHostMetrics,
  createLogger,
  HostHttpError,
  type HostedConnector,
  type ScimJson,
  tokenDigest,
} from '../index.ts';

const token = 'route-test-token-0123';
const listSchema = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** A connector whose service records calls; the HTTP layer is what these tests exercise. */
function fakeConnector(status: Partial<ConnectorStatus> = {}) {
  const calls: Array<[string, unknown]> = [];
  const users = new Map<string, ScimJson>();
  const conn: HostedConnector = {
    name: 'LDAP',
    tokenDigest: tokenDigest(token),
    status: () => ({ phase: 'ready', initialImportDone: true, entries: users.size, lastRuns: [], ...status }),
    checkDirectory: async () => true,
    cache: async (startIndex, count) => ({
      totalResults: users.size,
      startIndex,
      itemsPerPage: count,
      entries: [...users.values()],
    }),
    users: {
      async createUser(body) {
        calls.push(['createUser', body]);
        const b = body as { userName?: string; password?: string };
        if ([...users.values()].some((u) => u.userName === b.userName)) {
          throw Object.assign(new Error(`entry cn=${b.userName} already exists`), {
            kind: 'conflict',
            code: 'entryAlreadyExists',
          });
        }
        const user = {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          id: `id-${users.size + 1}`,
          userName: b.userName,
        };
        users.set(user.id, user);
        return user;
      },
      async getUser(id) {
        const u = users.get(id);
        if (!u) throw Object.assign(new Error(`Resource ${id} not found`), { status: 404 });
        return u;
      },
      async queryUsers(query) {
        calls.push(['queryUsers', query.get('filter')]);
        return { schemas: [listSchema], totalResults: 0, Resources: [], startIndex: 1, itemsPerPage: 0 };
      },
      async patchUser(id, body) {
        calls.push(['patchUser', [id, body]]);
        throw Object.assign(new Error('the directory is down'), { kind: 'network', code: 'ECONNREFUSED' });
      },
      async replaceUser(id) {
        throw new HostHttpError(400, `attribute uidNumber of ${id}: invalid per syntax`, {
          scimType: 'invalidValue',
        });
      },
      async deleteUser(id) {
        calls.push(['deleteUser', id]);
      },
      schemas: () => ({ schemas: [listSchema], totalResults: 1, Resources: [{ id: 'urn:x:User' }] }),
      resourceTypes: () => ({
        schemas: [listSchema],
        totalResults: 1,
        Resources: [{ id: 'User', name: 'User' }],
      }),
      serviceProviderConfig: () => ({ patch: { supported: true } }),
    },
  };
  return { conn, calls };
}

function setup(status: Partial<ConnectorStatus> = {}) {
  const lines: string[] = [];
  const logger = createLogger({ write: (l) => lines.push(l) });
  logger.addSecrets([token]);
  const { conn, calls } = fakeConnector(status);
  const app = createHostApp({
    connectors: [conn],
    metrics: createHostMetrics(),
    logger,
    bodyLimitBytes: 2048,
  });
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
  return { app, lines, calls, auth };
}

describe('SCIM routes', () => {
  it('answers the test-connection probe with 200 and an empty ListResponse, as application/scim+json', async () => {
    const { app, auth, calls } = setup();
    const res = await app.request(
      '/ecma2host_LDAP/scim/Users?filter=PLACEHOLDER+eq+%228646d011-1693-4cd3-9ee6-0d7482ca2219%22',
      { headers: auth },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/scim+json');
    expect(await res.json()).toMatchObject({ schemas: [listSchema], totalResults: 0, Resources: [] });
    expect(calls).toContainEqual(['queryUsers', 'PLACEHOLDER eq "8646d011-1693-4cd3-9ee6-0d7482ca2219"']);
  });

  it('rejects a missing or wrong token with a 401 SCIM error and never calls the service', async () => {
    const { app, calls } = setup();
    for (const authorization of [undefined, 'Bearer wrong-token-xxxxxx', `Basic ${token}`]) {
      const res = await app.request('/ecma2host_LDAP/scim/Users', {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '401',
      });
    }
    expect(calls).toEqual([]);
  });

  it('treats the connector name as case-sensitive but the resource name case-insensitively', async () => {
    const { app, auth } = setup();
    expect((await app.request('/ecma2host_ldap/scim/Users', { headers: auth })).status).toBe(404);
    expect((await app.request('/ecma2host_LDAP/scim/users', { headers: auth })).status).toBe(200);
    expect((await app.request('/ecma2host_LDAP/scim/schemas', { headers: auth })).status).toBe(200);
    expect((await app.request('/ecma2host_LDAP/scim/ResourceTypes/User', { headers: auth })).status).toBe(
      200,
    );
    const wrong = await app.request('/scim/Users', { headers: auth });
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { detail: string }).detail).toContain('invalid resource');
  });

  it('creates with 201, maps a conflict to 409 uniqueness and an unknown id to 404', async () => {
    const { app, auth } = setup();
    const body = JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'bsimon',
    });
    const created = await app.request('/ecma2host_LDAP/scim/Users', { method: 'POST', headers: auth, body });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'id-1', userName: 'bsimon' });
    const dup = await app.request('/ecma2host_LDAP/scim/Users', { method: 'POST', headers: auth, body });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ status: '409', scimType: 'uniqueness' });
    const missing = await app.request('/ecma2host_LDAP/scim/Users/nope', { headers: auth });
    expect(missing.status).toBe(404);
  });

  it('answers malformed JSON with 400 invalidSyntax and an oversized body with 413', async () => {
    const { app, auth, calls } = setup();
    const bad = await app.request('/ecma2host_LDAP/scim/Users', {
      method: 'POST',
      headers: auth,
      body: '{"userName": ',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ scimType: 'invalidSyntax' });
    const big = await app.request('/ecma2host_LDAP/scim/Users', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ userName: 'x'.repeat(5000) }),
    });
    expect(big.status).toBe(413);
    expect(calls.filter(([n]) => n === 'createUser')).toEqual([]);
  });

  it('reads bodies under the Node server with the same limit: 413 by Content-Length or chunked, JSON parsed', async () => {
    const { app, auth, calls } = setup();
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ecma2host_LDAP/scim/Users`;
    try {
      const post = (body: string | ReadableStream<Uint8Array>, extra: Record<string, string> = {}) =>
        fetch(base, { method: 'POST', headers: { ...auth, ...extra }, body, duplex: 'half' } as RequestInit);
      const ok = await post(JSON.stringify({ userName: 'node-path' }));
      expect(ok.status).toBe(201);
      expect(calls).toContainEqual(['createUser', { userName: 'node-path' }]);
      expect((await post(JSON.stringify({ userName: 'x'.repeat(5000) }))).status).toBe(413);
      const chunked = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
          controller.close();
        },
      });
      const streamed = await post(chunked);
      expect(streamed.status).toBe(413);
      expect(await streamed.json()).toMatchObject({ scimType: 'tooLarge' });
      const bad = await post('{"userName": ');
      expect(bad.status).toBe(400);
      expect(calls.filter(([n]) => n === 'createUser')).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('maps a directory outage to 503 with Retry-After and a schema problem to 400', async () => {
    const { app, auth } = setup();
    const patch = await app.request('/ecma2host_LDAP/scim/Users/id-1', {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [] }),
    });
    expect(patch.status).toBe(503);
    expect(patch.headers.get('retry-after')).toBe('30');
    const put = await app.request('/ecma2host_LDAP/scim/Users/id-1', {
      method: 'PUT',
      headers: auth,
      body: '{}',
    });
    expect(put.status).toBe(400);
    expect(((await put.json()) as { detail: string }).detail).toContain('uidNumber');
    const del = await app.request('/ecma2host_LDAP/scim/Users/id-1', { method: 'DELETE', headers: auth });
    expect(del.status).toBe(204);
  });

  it('says "currently importing" while the first import runs, and /readyz agrees', async () => {
    const { app, auth } = setup({ phase: 'importing', initialImportDone: false, entries: 42 });
    const res = await app.request('/ecma2host_LDAP/scim/Users?filter=userName+eq+%22x%22', { headers: auth });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { detail: string }).detail).toContain('currently importing');
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'not ready',
      connectors: [{ name: 'LDAP', phase: 'importing', entries: 42 }],
    });
    expect((await app.request('/ecma2host_LDAP/scim/Schemas', { headers: auth })).status).toBe(200);
  });

  it('writes one JSON log line per request with no token or password in it', async () => {
    const { app, auth, lines } = setup();
    const body = JSON.stringify({ userName: 'pw-user', password: 'Sup3r-Secret-Pa55' });
    await app.request('/ecma2host_LDAP/scim/Users', { method: 'POST', headers: auth, body });
    await app.request('/ecma2host_LDAP/scim/Users', { method: 'POST', headers: auth, body });
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0] ?? '{}');
    expect(first).toMatchObject({
      kind: 'request',
      connector: 'LDAP',
      operation: 'createUser',
      status: 201,
      scimId: 'id-1',
      outcome: 'success',
    });
    expect(JSON.parse(lines[1] ?? '{}')).toMatchObject({
      status: 409,
      outcome: 'failure',
      error: { code: 'entryAlreadyExists' },
    });
    const all = lines.join('');
    expect(all).not.toContain(token);
    expect(all).not.toContain('Sup3r-Secret-Pa55');
  });

  it('exports request counts by operation and status on /metrics', async () => {
    const { app, auth } = setup();
    await app.request('/ecma2host_LDAP/scim/Users?filter=x', { headers: auth });
    await app.request('/ecma2host_LDAP/scim/Users', { headers: {} });
    const text = await (await app.request('/metrics')).text();
    expect(text).toContain(
      'scim2ldap_scim_requests_total{connector="LDAP",operation="queryUsers",status="200"} 1',
    );
    expect(text).toContain(
      'scim2ldap_scim_requests_total{connector="LDAP",operation="authenticate",status="401"} 1',
    );
    expect(text).toContain('scim2ldap_cache_entries{connector="LDAP"} 0');
  });
});
