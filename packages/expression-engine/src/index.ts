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
export {
  type CompiledExpression,
  type CompileOptions,
  compileExpression,
  type EvaluationContext,
} from './compileExpression.ts';
export { ExpressionError, type ExpressionErrorCode } from './ExpressionError.ts';
export type { ExpressionIssue, ExpressionIssueCode } from './ExpressionIssue.ts';
export { ExpressionSyntaxError } from './ExpressionSyntaxError.ts';
export { ExpressionValidationError } from './ExpressionValidationError.ts';
export { formatForLog } from './formatForLog.ts';
export type { FunctionExample, FunctionInfo, ParameterInfo } from './functions/FunctionDefinition.ts';
export { functionRegistry } from './functions/functionRegistry.ts';
export {
  MAX_EXPRESSION_LENGTH,
  parseExpression,
  type SafeParseResult,
  safeParseExpression,
} from './parseExpression.ts';
export { type ValidateOptions, validateExpression } from './validateExpression.ts';
export type {
  AppRoleAssignment,
  EvaluationResult,
  InputScalar,
  InputValue,
  ScimRole,
  SourceObject,
  Value,
} from './Value.ts';
