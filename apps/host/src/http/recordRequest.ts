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
  // Built property by property in the line's key order (no conditional spreads): this runs for every request.
  const fields: Record<string, unknown> = {
    requestId: ctx.requestId,
    connector: ctx.connector,
    operation,
    method: request.method,
    path: request.path,
  };
  const scimId = ctx.provisioning?.scimId ?? ctx.scimId;
  if (scimId !== undefined) fields.scimId = scimId;
  const dn = ctx.provisioning?.dn ?? ctx.dn;
  if (dn !== undefined) fields.dn = dn;
  fields.ldapOps = ctx.provisioning?.directoryOperations ?? ctx.ldapOps;
  if (ctx.provisioning?.warnings) fields.warnings = ctx.provisioning.warnings;
  fields.status = status;
  fields.outcome = status < 400 ? 'success' : 'failure';
  if (ctx.error !== undefined) fields.error = ctx.error;
  fields.durationMs = Math.round(seconds * 10_000) / 10;
  deps.logger.request(fields);
}
