export type {
  Argument,
  AttributeReference,
  CallExpression,
  Comparison,
  ComparisonOperator,
  Expression,
  Identifier,
  NumberLiteral,
  OmittedArgument,
  Span,
  StringLiteral,
} from './ast.ts';
export { ExpressionError, type ExpressionErrorCode } from './ExpressionError.ts';
export type { ExpressionIssue, ExpressionIssueCode } from './ExpressionIssue.ts';
export { ExpressionSyntaxError } from './ExpressionSyntaxError.ts';
export {
  MAX_EXPRESSION_LENGTH,
  parseExpression,
  type SafeParseResult,
  safeParseExpression,
} from './parseExpression.ts';
