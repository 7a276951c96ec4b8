/** Machine-readable codes of {@link DetectError}. */
export type DetectErrorCode =
  | 'schema-syntax'
  | 'input-too-large'
  | 'root-dse-unreadable'
  | 'subschema-unreadable'
  | 'ldif-syntax'
  | 'certificate-invalid'
  | 'tls-connect-failed';

/**
 * The one error class of this package: every failure carries a machine-readable `code` and, where it wraps
 * another error, the original as `cause`, so callers can branch on the code and still log the root cause.
 */
export class DetectError extends Error {
  /** What went wrong, stable across releases. */
  readonly code: DetectErrorCode;

  /**
   * @param code machine-readable reason
   * @param message human-readable text naming the field and the fix
   * @param options `cause` of the failure, if any
   */
  constructor(code: DetectErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DetectError';
    this.code = code;
  }
}
