import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../log/createLogger.ts';
import { type RequestContext, registerRequestContext } from '../log/requestContext.ts';
import type { HostMetrics } from '../metrics/hostMetrics.ts';
import type { HostedConnector } from '../runtime/HostedConnector.ts';
import type { ServerCertificate } from '../tls/ensureCertificate.ts';
import { authenticate } from './authenticate.ts';
import { canonicalPath } from './canonicalPath.ts';
import { HostHttpError } from './HostHttpError.ts';
import { bodyTooLarge } from './readBodyText.ts';
import { newRequestContext, recordRequest } from './recordRequest.ts';
import { renderError } from './renderError.ts';
import { requestHeader } from './requestHeader.ts';
import { scimRoutes } from './scimRoutes.ts';
import { toScimError } from './toScimError.ts';

/** What the HTTP app needs. */
export interface HostAppOptions {
  readonly connectors: readonly HostedConnector[];
  readonly metrics: HostMetrics;
  readonly logger: Logger;
  readonly certificate?: ServerCertificate;
  /** Largest accepted request body (413 above it). */
  readonly bodyLimitBytes?: number;
  readonly now?: () => Date;
}

/** Hono variables set per request. */
export interface HostEnv {
  Variables: { ctx: RequestContext; connector: HostedConnector };
}

const scimType = 'application/scim+json';

/**
 * Builds the host's HTTP app: per connector the SCIM endpoint at `/ecma2host_<name>/scim` (bearer token
 * checked in constant time), `/healthz`, `/readyz`, `/metrics`; one provisioning-log line and metrics per
 * request; every error rendered as SCIM error JSON by one `onError`.
 * @param options connectors, metrics, logger, certificate and limits
 * @example
 * const app = createHostApp({ connectors, metrics: createHostMetrics(), logger: createLogger() });
 * const res = await app.request('/healthz');
 */
export function createHostApp(options: HostAppOptions): Hono<HostEnv> {
  const { metrics, logger } = options;
  const now = options.now ?? (() => new Date());
  const byName = new Map(options.connectors.map((c) => [c.name, c]));
  const app = new Hono<HostEnv>({ getPath: canonicalPath });

  app.use('*', async (c, next) => {
    const started = performance.now();
    const ctx = newRequestContext(requestHeader(c, 'x-request-id'));
    c.set('ctx', ctx);
    c.header('x-request-id', ctx.requestId);
    const release = registerRequestContext(ctx);
    try {
      await next();
    } finally {
      release();
    }
    recordRequest(options, ctx, {
      method: c.req.method,
      path: pathOf(c.req.url),
      status: c.res.status,
      started,
    });
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/readyz', async (c) => {
    const connectors = await Promise.all(
      options.connectors.map(async (conn) => {
        const s = conn.status();
        const directoryReachable = await conn.checkDirectory().catch(() => false);
        const ready = s.initialImportDone && directoryReachable;
        const message =
          s.phase === 'importing' || s.phase === 'starting'
            ? 'currently importing data from the target directory'
            : s.phase === 'failed'
              ? `the import failed: ${s.error ?? 'unknown error'}`
              : directoryReachable
                ? 'ready'
                : 'the directory does not answer';
        return {
          name: conn.name,
          ready,
          phase: s.phase,
          directoryReachable,
          initialImportDone: s.initialImportDone,
          entries: s.entries,
          message,
          lastRuns: s.lastRuns.slice(0, 3),
        };
      }),
    );
    const cert = options.certificate;
    const certificate = cert && {
      subject: cert.subject,
      subjectAltName: cert.subjectAltName,
      notAfter: cert.notAfter.toISOString(),
      daysLeft: Math.floor((cert.notAfter.getTime() - now().getTime()) / 86_400_000),
      fingerprint256: cert.fingerprint256,
      origin: cert.origin,
    };
    const ready = connectors.every((x) => x.ready);
    return c.json(
      { status: ready ? 'ready' : 'not ready', connectors, ...(certificate ? { certificate } : {}) },
      ready ? 200 : 503,
    );
  });

  app.get('/metrics', (c) => {
    for (const conn of options.connectors) {
      const s = conn.status();
      metrics.cacheEntries.set(s.entries, { connector: conn.name });
      metrics.ready.set(s.initialImportDone ? 1 : 0, { connector: conn.name });
    }
    if (options.certificate)
      metrics.certNotAfter.set(Math.floor(options.certificate.notAfter.getTime() / 1000));
    return c.body(metrics.registry.render(), 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    });
  });

  // Under @hono/node-server the routes read the body from Node's request with the limit (readBodyText);
  // hono's bodyLimit covers `app.request()` only. It reads `c.req.raw.body`, which would make the adapter
  // build a full WHATWG Request (headers, AbortController, web stream) for every request, GETs included.
  const maxBody = options.bodyLimitBytes ?? 1024 * 1024;
  const limitBody = bodyLimit({
    maxSize: maxBody,
    onError: () => {
      throw bodyTooLarge(maxBody);
    },
  });
  app.use('/:base{ecma2host_[^/]+}/scim/*', (c, next) => {
    const name = c.req.param('base').slice('ecma2host_'.length);
    const conn = byName.get(name);
    if (!conn) {
      throw new HostHttpError(
        404,
        `invalid resource: no connector named "${name}" (connector names are case-sensitive; the tenant URL is https://<host>:<port>/ecma2host_<connector>/scim)`,
      );
    }
    c.set('connector', conn);
    authenticate(conn, requestHeader(c, 'authorization'), c.get('ctx'));
    return (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined
      ? next()
      : limitBody(c, next);
  });

  app.route('/:base{ecma2host_[^/]+}/scim', scimRoutes(maxBody));

  app.notFound((c) => {
    const err = toScimError(
      new HostHttpError(
        404,
        'invalid resource: the SCIM endpoint is https://<host>:<port>/ecma2host_<connector>/scim',
      ),
    );
    return c.body(JSON.stringify(err.body), 404, { 'content-type': scimType });
  });

  app.onError((error, c) => {
    const answer = renderError(error, c.get('ctx'), logger);
    return c.body(answer.body, answer.status as 400, answer.headers);
  });

  return app;
}

/** The path of a request URL as sent (what `new URL(url).pathname` gives for the URLs a server sees). */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start < 0) return '/';
  const query = url.indexOf('?', start);
  return url.slice(start, query < 0 ? undefined : query);
}
