/** SCIM error `scimType` values from RFC 7644 §3.12 (Table 9). */
export type ScimErrorType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** The SCIM error URN every error body carries (RFC 7644 §3.12). */
export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The JSON body of a SCIM error response. */
export interface ScimErrorBody {
  readonly schemas: readonly [typeof SCIM_ERROR_SCHEMA];
  readonly status: string;
  readonly scimType?: ScimErrorType;
  readonly detail?: string;
}

/** Options of the {@link ScimError} constructor. */
export interface ScimErrorOptions {
  /** RFC 7644 `scimType`; only meaningful with status 400 (and 409 `uniqueness`, 413 `tooMany`). */
  readonly scimType?: ScimErrorType;
  /** The underlying error, kept for logs; never rendered into the response body. */
  readonly cause?: unknown;
  /** Character offset in the filter/path text the error refers to, when there is one. */
  readonly offset?: number;
}

/**
 * The one error class of scim-core: an HTTP status plus RFC 7644 `scimType` and a human `detail`, so the host
 * can render any failure as a SCIM error body with {@link ScimError.toScimErrorBody}.
 *
 * @example
 * throw new ScimError(400, 'Attribute "nickName" must be a string, got 42', { scimType: 'invalidValue' });
 */
export class ScimError extends Error {
  /** HTTP status code (400, 404, 409, …). */
  readonly status: number;
  /** RFC 7644 error type, when one applies. */
  readonly scimType: ScimErrorType | undefined;
  /** Human-readable description: what failed, what was expected, what was received. */
  readonly detail: string;
  /** Offset in the parsed text, for filter and path errors. */
  readonly offset: number | undefined;

  /**
   * @param status HTTP status code
   * @param detail what failed and how to fix it (never include secrets)
   * @param options scimType, cause and offset
   */
  constructor(status: number, detail: string, options: ScimErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ScimError';
    this.status = status;
    this.scimType = options.scimType;
    this.detail = detail;
    this.offset = options.offset;
  }

  /** Renders this error as the RFC 7644 §3.12 JSON body (status as a string, as the RFC shows). */
  toScimErrorBody(): ScimErrorBody {
    return toScimErrorBody(this);
  }
}

/**
 * Renders any thrown value as a SCIM error body: a {@link ScimError} keeps its status, type and detail;
 * anything else becomes a 500 whose detail does not leak the internal message.
 *
 * @param error the caught value
 * @example
 * const body = toScimErrorBody(new ScimError(404, 'Resource 42 not found'));
 */
export function toScimErrorBody(error: unknown): ScimErrorBody {
  if (error instanceof ScimError) {
    return {
      schemas: [SCIM_ERROR_SCHEMA],
      status: String(error.status),
      ...(error.scimType === undefined ? {} : { scimType: error.scimType }),
      detail: error.detail,
    };
  }
  return { schemas: [SCIM_ERROR_SCHEMA], status: '500', detail: 'Internal server error' };
}

/** A 400 with the given scimType; the shorthand used throughout the package. */
export function badRequest(
  scimType: ScimErrorType,
  detail: string,
  options: Omit<ScimErrorOptions, 'scimType'> = {},
): ScimError {
  return new ScimError(400, detail, { ...options, scimType });
}
