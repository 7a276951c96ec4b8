import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/createLogger.ts';
import type { RequestContext } from '../log/requestContext.ts';
import type { HostMetrics } from '../metrics/hostMetrics.ts';

const requestIdPattern = /^[\w.:-]{1,100}$/;

/**
 * A new request's context: the client's `X-Request-Id` when it is a plain token of at most 100 characters,
 * else a random UUID.
 * @param incoming the request's X-Request-Id header
 */
export function newRequestContext(incoming: string | undefined): RequestContext {
  return {
    requestId: incoming && requestIdPattern.test(incoming) ? incoming : randomUUID(),
    ldapOps: [],
  };
}

/** The request as its log line names it. */
export interface AnsweredRequest {
  readonly method: string;
  /** The path as sent, without the query. */
  readonly path: string;
  readonly status: number;
  /** `performance.now()` when the request arrived. */
  readonly started: number;
}

/**
 * Counts a connector's request in the metrics and writes its provisioning-log line (requests that reached
 * no connector — `/healthz`, unknown paths — are neither counted nor logged).
 * @param deps the metrics and the logger
 * @param ctx the request's context
 * @param request method, path, status and start time
 */
export function recordRequest(
  deps: { readonly metrics: HostMetrics; readonly logger: Logger },
  ctx: RequestContext,
  request: AnsweredRequest,
): void {
  if (ctx.connector === undefined) return;
  const seconds = (performance.now() - request.started) / 1000;
  const operation = ctx.operation ?? 'unknown';
  const status = request.status;
  deps.metrics.requests.inc({ connector: ctx.connector, operation, status: String(status) });
  deps.metrics.requestSeconds.observe(seconds, { connector: ctx.connector, operation });
  const error = ctx.error;
  const scimId = ctx.provisioning?.scimId ?? ctx.scimId;
  const dn = ctx.provisioning?.dn ?? ctx.dn;
  deps.logger.request({
    requestId: ctx.requestId,
    connector: ctx.connector,
    operation,
    method: request.method,
    path: request.path,
    ...(scimId === undefined ? {} : { scimId }),
    ...(dn === undefined ? {} : { dn }),
    ldapOps: ctx.provisioning?.directoryOperations ?? ctx.ldapOps,
    ...(ctx.provisioning?.warnings ? { warnings: ctx.provisioning.warnings } : {}),
    status,
    outcome: status < 400 ? 'success' : 'failure',
    ...(error === undefined ? {} : { error }),
    durationMs: Math.round(seconds * 10_000) / 10,
  });
}
