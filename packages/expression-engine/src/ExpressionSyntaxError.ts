import { ExpressionError } from './ExpressionError.ts';
import type { ExpressionIssue } from './ExpressionIssue.ts';

/**
 * Thrown by `parseExpression` when the source is not a well-formed expression: carries the offset, line,
 * column, what was expected and what was found, and a caret line pointing at the spot.
 */
export class ExpressionSyntaxError extends ExpressionError {
  override readonly name: string = 'ExpressionSyntaxError';
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly expected: readonly string[];
  readonly found: string;
  /** The offending source line and a `^` under the offending column. */
  readonly caret: string;
  /** The same problem as an issue, for `safeParseExpression`. */
  readonly issue: ExpressionIssue;

  /**
   * @param issue the located problem
   * @param caret the source line with a caret under the column
   */
  constructor(issue: ExpressionIssue, caret: string) {
    super(issue.code === 'too-long' ? 'too-long' : 'syntax', `${issue.message}\n${caret}`);
    this.issue = issue;
    this.offset = issue.start;
    this.line = issue.line ?? 1;
    this.column = issue.column ?? 1;
    this.expected = issue.expected ?? [];
    this.found = issue.found ?? '';
    this.caret = caret;
  }
}
