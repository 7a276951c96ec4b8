/**
 * What kind of failure an LDAP operation met, so callers can decide without parsing messages:
 * `conflict` (the entry or value already exists / has children), `schema` (the directory's schema rejected
 * the data), `noSuchObject`, `access` (not allowed for this bind), `retryable` (busy, unavailable,
 * connection lost — try again later), `tls`, `bind` (credentials refused), `network` (cannot reach the
 * server), `timeout`, `unsupported` (the server lacks a control / extended operation), `invalid` (the
 * request itself is malformed, caught before it reached the server) and `other`.
 */
export type LdapErrorKind =
  | 'conflict'
  | 'schema'
  | 'noSuchObject'
  | 'access'
  | 'retryable'
  | 'tls'
  | 'bind'
  | 'network'
  | 'timeout'
  | 'unsupported'
  | 'invalid'
  | 'other';

/** Details attached to an {@link LdapOperationError}. */
export interface LdapOperationErrorOptions {
  /** LDAP result-code name (`entryAlreadyExists`) or client-side code (`connectError`, `timeout`). */
  readonly code: string;
  readonly kind: LdapErrorKind;
  /** The operation that failed (`add`, `modify`, `bind`, …). */
  readonly operation?: string;
  /** The DN the operation was about. */
  readonly dn?: string;
  /** The attribute or objectClass at fault, when the diagnostic names one. */
  readonly attribute?: string;
  /** The server's diagnostic message, verbatim. */
  readonly diagnostic?: string;
  readonly cause?: unknown;
}

/**
 * The one error class of run-profiles: every failure talking to a directory is turned into one, with the
 * LDAP result-code name, a kind to branch on and a message that says what to check. Secrets never appear.
 */
export class LdapOperationError extends Error {
  override readonly name = 'LdapOperationError';
  readonly code: string;
  readonly kind: LdapErrorKind;
  readonly operation: string | undefined;
  readonly dn: string | undefined;
  readonly attribute: string | undefined;
  readonly diagnostic: string | undefined;

  /**
   * @param message what failed and what to check
   * @param options code, kind, context and the original error as `cause`
   */
  constructor(message: string, options: LdapOperationErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.kind = options.kind;
    this.operation = options.operation;
    this.dn = options.dn;
    this.attribute = options.attribute;
    this.diagnostic = options.diagnostic;
  }
}
