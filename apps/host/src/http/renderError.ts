import type { Logger } from '../log/createLogger.ts';
import type { RequestContext } from '../log/requestContext.ts';
import { toScimError } from './toScimError.ts';

/** An answer ready to send: status, headers (without X-Request-Id) and the body text. */
export interface RenderedAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Renders any error as the SCIM error answer (`toScimError`), notes it in the request's context for the log
 * line, and logs the cause of a 5xx as a host event.
 * @param error what was thrown
 * @param ctx the request's context (absent when the failure came before it existed)
 * @param logger the host's logger
 */
export function renderError(error: unknown, ctx: RequestContext | undefined, logger: Logger): RenderedAnswer {
  const err = toScimError(error);
  if (ctx) {
    if (err.status >= 500)
      logger.event('error', 'request failed', {
        requestId: ctx.requestId,
        error: String(error),
        cause: String((error as Error).cause ?? ''),
      });
    ctx.error = { detail: err.body.detail, ...(err.code === undefined ? {} : { code: err.code }) };
  }
  return {
    status: err.status,
    headers: { ...err.headers, 'content-type': 'application/scim+json' },
    body: JSON.stringify(err.body),
  };
}
