/** Machine-readable kind of an `ExpressionIssue`. */
export type ExpressionIssueCode =
  | 'syntax'
  | 'too-long'
  | 'unknown-function'
  | 'arity'
  | 'missing-argument'
  | 'unknown-attribute'
  | 'misplaced-function';

/**
 * One problem found in an expression, by the parser (`syntax`, `too-long`) or by `validateExpression`.
 * Offsets are 0-based UTF-16 indexes into the source; `line` and `column` are 1-based.
 */
export interface ExpressionIssue {
  readonly code: ExpressionIssueCode;
  /** A full sentence: what is wrong, where, and what would fix it. */
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly line?: number;
  readonly column?: number;
  /** What the parser expected at `start` (syntax issues only). */
  readonly expected?: readonly string[];
  /** What the parser found at `start` (syntax issues only). */
  readonly found?: string;
  /** A close known name, for unknown functions and attributes. */
  readonly suggestion?: string;
}
