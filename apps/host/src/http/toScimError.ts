import { HostHttpError } from './HostHttpError.ts';

/** A failure as the SCIM client sees it. */
export interface ScimErrorResponse {
  readonly status: number;
  readonly body: {
    readonly schemas: readonly string[];
    readonly status: string;
    readonly scimType?: string;
    readonly detail: string;
  };
  readonly headers: Readonly<Record<string, string>>;
  /** For the provisioning log: the LDAP result code or error code behind it, when there is one. */
  readonly code?: string;
}

const errorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';
const retryAfterSeconds = '30';

function field(error: unknown, name: string): unknown {
  return error !== null && typeof error === 'object' ? (error as Record<string, unknown>)[name] : undefined;
}

function make(
  status: number,
  detail: string,
  extra: { scimType?: string; headers?: Record<string, string>; code?: string } = {},
): ScimErrorResponse {
  return {
    status,
    body: {
      schemas: [errorSchema],
      status: String(status),
      ...(extra.scimType === undefined ? {} : { scimType: extra.scimType }),
      detail,
    },
    headers: extra.headers ?? {},
    ...(extra.code === undefined ? {} : { code: extra.code }),
  };
}

/**
 * Maps any error thrown below the routes to the SCIM error response (RFC 7644 §3.12). Domain errors are
 * recognised by shape so the host does not need their classes: scim-core's ScimError (`status` +
 * `scimType`), and run-profiles' LdapOperationError (`kind` + `code`): conflicts → 409 uniqueness, schema
 * violations and invalid values (a bad DN, filter value) → 400 invalidValue, a directory that is down or slow
 * → 503 with Retry-After (Entra retries), any other directory refusal → 502, so there is never a false
 * success and never a 500 for the client's mistake.
 * @param error what was thrown
 */
export function toScimError(error: unknown): ScimErrorResponse {
  if (error instanceof HostHttpError) {
    return make(error.status, error.message, {
      ...(error.scimType === undefined ? {} : { scimType: error.scimType }),
      headers: { ...error.headers },
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  const status = field(error, 'status');
  const numericStatus =
    typeof status === 'number' ? status : typeof status === 'string' ? Number(status) : Number.NaN;
  if (Number.isInteger(numericStatus) && numericStatus >= 400 && numericStatus < 600) {
    const scimType = field(error, 'scimType');
    const code = field(error, 'code');
    return make(numericStatus, message, {
      ...(typeof scimType === 'string' ? { scimType } : {}),
      ...(numericStatus === 503 ? { headers: { 'Retry-After': retryAfterSeconds } } : {}),
      ...(typeof code === 'string' ? { code } : {}),
    });
  }
  const kind = field(error, 'kind');
  const code = typeof field(error, 'code') === 'string' ? (field(error, 'code') as string) : undefined;
  const withCode = code === undefined ? {} : { code };
  switch (kind) {
    case 'conflict':
      return make(409, message, { scimType: 'uniqueness', ...withCode });
    case 'schema':
    case 'invalid':
      return make(400, message, { scimType: 'invalidValue', ...withCode });
    case 'noSuchObject':
      return make(404, message, withCode);
    case 'access':
      return make(
        403,
        `the directory refused the operation for the host's bind account: ${message}`,
        withCode,
      );
    case 'retryable':
    case 'network':
    case 'timeout':
    case 'bind':
    case 'tls':
      return make(503, `the directory is not available: ${message}`, {
        headers: { 'Retry-After': retryAfterSeconds },
        ...withCode,
      });
    default:
      // A directory answer of another kind (unsupported control, `other`) is the directory's refusal, not
      // a fault of ours: 502, as provisioning maps it. Only an error nobody classified is a 500.
      return typeof kind === 'string' && code !== undefined
        ? make(502, `the directory refused the operation: ${message}`, withCode)
        : make(500, `internal error: ${message}`, withCode);
  }
}
