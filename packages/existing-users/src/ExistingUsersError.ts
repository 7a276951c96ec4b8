/** Machine-readable codes of {@link ExistingUsersError}. */
export type ExistingUsersErrorCode =
  | 'CSV_SYNTAX'
  | 'JSON_SYNTAX'
  | 'SOURCE_SHAPE'
  | 'TOO_LARGE'
  | 'UNKNOWN_COLUMN'
  | 'LDIF_VALUE';

/**
 * The one error class of this package: a code scripts can test, a message naming the file position or
 * column and the fix, and the underlying error as `cause`.
 */
export class ExistingUsersError extends Error {
  override readonly name = 'ExistingUsersError';
  readonly code: ExistingUsersErrorCode;

  /**
   * @param code what went wrong, machine-readable
   * @param message what went wrong and how to fix it
   * @param options the underlying error
   */
  constructor(code: ExistingUsersErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
