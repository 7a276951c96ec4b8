/** Machine-readable reason of an `ExpressionError`. */
export type ExpressionErrorCode =
  | 'syntax'
  | 'too-long'
  | 'invalid-expression'
  | 'invalid-argument'
  | 'invalid-date'
  | 'invalid-number'
  | 'invalid-regex'
  | 'missing-context'
  | 'async-required'
  | 'unique-value-exhausted'
  | 'callback-failed'
  | 'evaluation-failed';

/**
 * The one error base of this package: `code` says what went wrong, the message names the function or
 * attribute and the fix, and `cause` keeps the underlying error. Values of expressions that use Redact are
 * never put into messages.
 */
export class ExpressionError extends Error {
  override readonly name: string = 'ExpressionError';
  readonly code: ExpressionErrorCode;

  /**
   * @param code machine-readable reason
   * @param message what failed and how to fix it
   * @param options `cause`, the underlying error
   */
  constructor(code: ExpressionErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
