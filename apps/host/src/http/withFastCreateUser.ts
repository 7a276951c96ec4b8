import type { IncomingMessage, ServerResponse } from 'node:http';
import { registerRequestContext } from '../log/requestContext.ts';
import { authenticate } from './authenticate.ts';
import type { HostAppOptions } from './createHostApp.ts';
import { createUserAnswer } from './createUserAnswer.ts';
import { readIncomingText } from './readBodyText.ts';
import { newRequestContext, recordRequest } from './recordRequest.ts';
import { type RenderedAnswer, renderError } from './renderError.ts';
import { incomingHeader } from './requestHeader.ts';

/** A Node HTTP request listener. */
export type NodeRequestListener = (incoming: IncomingMessage, outgoing: ServerResponse) => void;

// `POST /ecma2host_<connector>/scim/Users` as the hono app routes it (canonicalPath: the resource and `scim`
// in any case, a trailing slash allowed; connector names are 1–64 of [A-Za-z0-9_-], case-sensitive), with
// no query and nothing the adapter's URL parsing would rewrite.
const createUserPath = /^\/ecma2host_([\w-]{1,64})\/[Ss][Cc][Ii][Mm]\/[Uu][Ss][Ee][Rr][Ss]\/?$/;

/**
 * Wraps the hono app's Node listener so that `POST /Users` — Entra's create, the host's busiest write — is
 * answered straight from Node's request and response: no WHATWG Request and Response, no router, no
 * middleware chain, no `Headers`. It answers exactly as the app does (it calls the same authentication,
 * create, error rendering and request record: X-Request-Id, 401/415/400/413/503/409 as SCIM errors, the log
 * line and the metrics); any other request, an unknown connector, or a request the adapter would reject
 * (Host header) goes to the app.
 * @param app the hono app's listener (`@hono/node-server`)
 * @param options the app's options (connectors, metrics, logger, body limit)
 */
export function withFastCreateUser(app: NodeRequestListener, options: HostAppOptions): NodeRequestListener {
  const byName = new Map(options.connectors.map((c) => [c.name, c]));
  const maxBody = options.bodyLimitBytes ?? 1024 * 1024;
  const hostOk = hostCheck();

  const serve = async (
    conn: HostAppOptions['connectors'][number],
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    path: string,
  ): Promise<void> => {
    const started = performance.now();
    const ctx = newRequestContext(incomingHeader(incoming, 'x-request-id'));
    const release = registerRequestContext(ctx);
    let answer: RenderedAnswer;
    try {
      authenticate(conn, incomingHeader(incoming, 'authorization'), ctx);
      answer = await createUserAnswer(conn, ctx, incomingHeader(incoming, 'content-type'), () =>
        readIncomingText(incoming, maxBody),
      );
    } catch (error) {
      answer = renderError(error, ctx, options.logger);
    } finally {
      release();
    }
    recordRequest(options, ctx, { method: 'POST', path, status: answer.status, started });
    outgoing.writeHead(answer.status, {
      'x-request-id': ctx.requestId,
      ...answer.headers,
      'Content-Length': Buffer.byteLength(answer.body),
    });
    outgoing.end(answer.body);
  };

  return (incoming, outgoing) => {
    const url = incoming.url;
    if (incoming.method !== 'POST' || url === undefined) return app(incoming, outgoing);
    const name = createUserPath.exec(url)?.[1];
    const conn = name === undefined ? undefined : byName.get(name);
    if (conn === undefined || !hostOk(incoming.headers.host)) return app(incoming, outgoing);
    serve(conn, incoming, outgoing, url).catch((error: unknown) => {
      options.logger.event('error', 'request failed', { error: String(error) });
      outgoing.destroy();
    });
  };
}

/**
 * Whether @hono/node-server would accept this Host header (it answers 400 when the URL parser rewrites the
 * host name); remembered per distinct value, as clients send one or a few.
 */
function hostCheck(): (host: string | undefined) => boolean {
  const seen = new Map<string, boolean>();
  return (host) => {
    if (!host) return false;
    let ok = seen.get(host);
    if (ok !== undefined) return ok;
    try {
      const parsed = new URL(`http://${host}/`).hostname;
      ok = parsed.length === host.length || parsed === host.replace(/:\d+$/, '');
    } catch {
      ok = false;
    }
    if (seen.size >= 64) seen.clear();
    seen.set(host, ok);
    return ok;
  };
}
