import { ExpressionError } from './ExpressionError.ts';
import type { ExpressionIssue } from './ExpressionIssue.ts';

/** Thrown by `compileExpression` when `validateExpression` finds issues; `issues` lists every one. */
export class ExpressionValidationError extends ExpressionError {
  override readonly name: string = 'ExpressionValidationError';
  readonly issues: readonly ExpressionIssue[];

  /** @param issues what validation found (at least one) */
  constructor(issues: readonly ExpressionIssue[]) {
    super('invalid-expression', issues.map((issue) => issue.message).join('\n'));
    this.issues = issues;
  }
}
