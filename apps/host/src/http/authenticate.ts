import type { RequestContext } from '../log/requestContext.ts';
import type { HostedConnector } from '../runtime/HostedConnector.ts';
import { HostHttpError } from './HostHttpError.ts';
import { verifyBearer } from './verifyBearer.ts';

/**
 * Checks a SCIM request's bearer token against its connector's (in constant time) and notes the connector in
 * the request's context; a missing or wrong token is a 401 with `WWW-Authenticate`.
 * @param conn the connector the URL names
 * @param authorization the request's Authorization header
 * @param ctx the request's context
 */
export function authenticate(
  conn: HostedConnector,
  authorization: string | undefined,
  ctx: RequestContext,
): void {
  ctx.connector = conn.name;
  if (verifyBearer(authorization, conn.tokenDigest)) return;
  ctx.operation = 'authenticate';
  throw new HostHttpError(
    401,
    'missing or wrong bearer token: send Authorization: Bearer <the connector secret token>',
    { headers: { 'WWW-Authenticate': 'Bearer realm="scim2ldap"' } },
  );
}
