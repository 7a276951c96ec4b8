import type { RequestContext } from '../log/requestContext.ts';
import type { HostedConnector } from '../runtime/HostedConnector.ts';
import { readScimJson } from './readScimJson.ts';
import type { RenderedAnswer } from './renderError.ts';
import { requireReady } from './requireReady.ts';

/**
 * Serves `POST /Users` for an authenticated request: readiness, the JSON body, the create, and the 201 with
 * `Location`. The hono route and the Node fast path (`withFastCreateUser`) both answer through it.
 * @param conn the request's connector
 * @param ctx the request's context
 * @param contentType the request's Content-Type header
 * @param read reads the body text (with the body limit)
 */
export async function createUserAnswer(
  conn: HostedConnector,
  ctx: RequestContext,
  contentType: string | undefined,
  read: () => Promise<string>,
): Promise<RenderedAnswer> {
  ctx.operation = 'createUser';
  requireReady(conn);
  const created = await conn.users.createUser(await readScimJson(contentType, read), {
    requestId: ctx.requestId,
  });
  if (typeof created.id === 'string') ctx.scimId = created.id;
  const location = (created.meta as { location?: unknown } | undefined)?.location;
  return {
    status: 201,
    headers:
      typeof location === 'string'
        ? { Location: location, 'content-type': 'application/scim+json' }
        : { 'content-type': 'application/scim+json' },
    body: JSON.stringify(created),
  };
}
