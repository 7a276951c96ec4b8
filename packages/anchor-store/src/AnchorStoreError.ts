/** Machine-readable reason of an `AnchorStoreError`. */
export type AnchorStoreErrorCode =
  | 'invalid-entry'
  | 'invalid-dn'
  | 'invalid-option'
  | 'not-indexed'
  | 'unknown-run'
  | 'run-finished'
  | 'sweep-threshold'
  | 'schema-too-new'
  | 'closed'
  | 'storage';

/**
 * The one error class of this package: `code` says what went wrong, the message names the field, anchor or
 * DN and the fix, and `cause` keeps the underlying error (e.g. SQLite's).
 */
export class AnchorStoreError extends Error {
  override readonly name = 'AnchorStoreError';
  readonly code: AnchorStoreErrorCode;

  /**
   * @param code machine-readable reason
   * @param message what failed and how to fix it
   * @param options `cause`, the underlying error
   */
  constructor(code: AnchorStoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
