/** Machine-readable reasons a testkit call fails. */
export type TestkitErrorCode =
  | 'MISSING_PREREQUISITE'
  | 'INVALID_OPTION'
  | 'START_FAILED'
  | 'STOP_FAILED'
  | 'SEED_FAILED';

/** The one error class of the testkit: a code plus a message that says what to do. */
export class TestkitError extends Error {
  override readonly name = 'TestkitError';
  readonly code: TestkitErrorCode;

  /**
   * @param code what went wrong, for programs
   * @param message what went wrong and how to fix it, for people
   * @param options the underlying error, if any
   */
  constructor(code: TestkitErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
