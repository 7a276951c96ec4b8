import type { Context } from 'hono';
import { Hono } from 'hono';
import type { HostEnv } from './createHostApp.ts';
import { createUserAnswer } from './createUserAnswer.ts';
import { HostHttpError } from './HostHttpError.ts';
import { readBodyText } from './readBodyText.ts';
import { readScimJson } from './readScimJson.ts';
import { requestHeader } from './requestHeader.ts';
import { requireReady } from './requireReady.ts';

const scimType = 'application/scim+json';

function send(
  c: Context<HostEnv>,
  body: unknown,
  status: 200 | 201 = 200,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify(body), status, { ...headers, 'content-type': scimType });
}

function readJson(c: Context<HostEnv>, limit: number): Promise<unknown> {
  return readScimJson(requestHeader(c, 'content-type'), () => readBodyText(c, limit));
}

/** Refuses /Users work until the first import has filled the cache, as ECMA2Host does. */
function ready(c: Context<HostEnv>): void {
  requireReady(c.get('connector'));
}

function info(c: Context<HostEnv>): { requestId: string } {
  return { requestId: c.get('ctx').requestId };
}

function decodeId(c: Context<HostEnv>): string {
  const id = c.req.param('id') ?? '';
  const ctx = c.get('ctx');
  ctx.scimId = id;
  return id;
}

/**
 * The SCIM routes of one connector (mounted under `/ecma2host_<name>/scim`); each hands the request to the
 * connector's service and renders the answer as `application/scim+json`.
 * @param bodyLimitBytes the largest request body accepted (413 above it)
 */
export function scimRoutes(bodyLimitBytes: number): Hono<HostEnv> {
  const r = new Hono<HostEnv>();
  const op = (c: Context<HostEnv>, name: string): void => {
    c.get('ctx').operation = name;
  };

  r.get('/Users', async (c) => {
    op(c, 'queryUsers');
    ready(c);
    const query = new URL(c.req.url).searchParams;
    return send(c, await c.get('connector').users.queryUsers(query, info(c)));
  });
  r.post('/Users', async (c) => {
    const answer = await createUserAnswer(
      c.get('connector'),
      c.get('ctx'),
      requestHeader(c, 'content-type'),
      () => readBodyText(c, bodyLimitBytes),
    );
    return c.body(answer.body, 201, answer.headers);
  });
  r.get('/Users/:id', async (c) => {
    op(c, 'getUser');
    ready(c);
    const id = decodeId(c);
    return send(c, await c.get('connector').users.getUser(id, new URL(c.req.url).searchParams, info(c)));
  });
  r.patch('/Users/:id', async (c) => {
    op(c, 'patchUser');
    ready(c);
    const id = decodeId(c);
    return send(c, await c.get('connector').users.patchUser(id, await readJson(c, bodyLimitBytes), info(c)));
  });
  r.put('/Users/:id', async (c) => {
    op(c, 'replaceUser');
    ready(c);
    const id = decodeId(c);
    return send(
      c,
      await c.get('connector').users.replaceUser(id, await readJson(c, bodyLimitBytes), info(c)),
    );
  });
  r.delete('/Users/:id', async (c) => {
    op(c, 'deleteUser');
    ready(c);
    await c.get('connector').users.deleteUser(decodeId(c), info(c));
    return c.body(null, 204);
  });

  r.get('/Schemas', (c) => {
    op(c, 'getSchemas');
    return send(c, c.get('connector').users.schemas());
  });
  r.get('/Schemas/:id', (c) => {
    op(c, 'getSchemas');
    const id = c.req.param('id');
    const list = c.get('connector').users.schemas() as { Resources?: Array<{ id?: string }> };
    const found = list.Resources?.find((s) => s.id === id);
    if (!found) throw new HostHttpError(404, `no schema with id "${id}"`);
    return send(c, found);
  });
  r.get('/ResourceTypes', (c) => {
    op(c, 'getResourceTypes');
    return send(c, c.get('connector').users.resourceTypes());
  });
  r.get('/ResourceTypes/:id', (c) => {
    op(c, 'getResourceTypes');
    const id = c.req.param('id');
    const list = c.get('connector').users.resourceTypes() as {
      Resources?: Array<{ id?: string; name?: string }>;
    };
    const found = list.Resources?.find((s) => s.id === id || s.name === id);
    if (!found) throw new HostHttpError(404, `no resource type "${id}"`);
    return send(c, found);
  });
  r.get('/ServiceProviderConfig', (c) => {
    op(c, 'getServiceProviderConfig');
    return send(c, c.get('connector').users.serviceProviderConfig());
  });

  r.get('/cache', async (c) => {
    op(c, 'getCache');
    const q = new URL(c.req.url).searchParams;
    const startIndex = Math.max(1, Number.parseInt(q.get('startIndex') ?? '1', 10) || 1);
    const count = Math.min(1000, Math.max(0, Number.parseInt(q.get('count') ?? '100', 10) || 0));
    const conn = c.get('connector');
    const page = await conn.cache(startIndex, count);
    const s = conn.status();
    return send(c, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: page.totalResults,
      startIndex: page.startIndex,
      itemsPerPage: page.itemsPerPage,
      phase: s.phase,
      initialImportDone: s.initialImportDone,
      lastRuns: s.lastRuns,
      Resources: page.entries,
    });
  });

  r.all('/Users', () => {
    throw new HostHttpError(405, 'method not allowed on /Users: use GET (query) or POST (create)');
  });
  r.all('/Users/:id', () => {
    throw new HostHttpError(405, 'method not allowed on /Users/{id}: use GET, PUT, PATCH or DELETE');
  });
  r.all('/Groups', () => {
    throw new HostHttpError(
      404,
      'groups are not provisioned by this host yet (ECMA2Host does not support them either)',
    );
  });
  r.all('/Groups/*', () => {
    throw new HostHttpError(
      404,
      'groups are not provisioned by this host yet (ECMA2Host does not support them either)',
    );
  });
  return r;
}
