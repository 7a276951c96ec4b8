import type { Argument, CallExpression, Expression } from './ast.ts';
import { compileComparison } from './compileComparison.ts';
import { ExpressionError } from './ExpressionError.ts';
import { ExpressionValidationError } from './ExpressionValidationError.ts';
import type { CompiledArgument, CompiledArguments } from './functions/FunctionDefinition.ts';
import { definitionsByName } from './functions/functionRegistry.ts';
import { parseExpression } from './parseExpression.ts';
import { readAttribute } from './readAttribute.ts';
import { type Evaluator, type RuntimeValue, type Scope, toOutput } from './RuntimeValue.ts';
import { validateExpression } from './validateExpression.ts';
import type { EvaluationResult, SourceObject } from './Value.ts';

/** Services an evaluation may use; everything is optional and injectable for tests. */
export interface EvaluationContext {
  /** The current time for Now(); defaults to the system clock. */
  readonly clock?: () => Date;
  /** `size` random bytes for Guid() and RandomString(); defaults to node:crypto's CSPRNG. */
  readonly random?: (size: number) => Uint8Array;
  /** SelectUniqueValue's "does this value already exist in the target" check. */
  readonly exists?: (value: string) => boolean | Promise<boolean>;
  /** The tenant's default domain, for DefaultDomain(). */
  readonly defaultDomain?: string;
}

/** Options of `compileExpression`. */
export interface CompileOptions {
  /** Known source attribute names; when given, unknown `[attributes]` are compile errors. */
  readonly attributes?: readonly string[];
}

/** An expression compiled once into closures, ready to evaluate many times. */
export interface CompiledExpression {
  readonly ast: Expression;
  /** True when the expression awaits a callback (SelectUniqueValue): use `evaluate`, not `evaluateSync`. */
  readonly async: boolean;
  /** True when the expression uses Redact: every result is secret. */
  readonly secret: boolean;
  /** The source attributes the expression reads, in order of first use. */
  readonly attributes: readonly string[];
  /** Evaluates against a source object; resolves to the value, or to "ignore" (IgnoreFlowIfNullOrEmpty). */
  evaluate(source: SourceObject, context?: EvaluationContext): Promise<EvaluationResult>;
  /** Same as `evaluate`, synchronously; throws `async-required` for expressions with SelectUniqueValue. */
  evaluateSync(source: SourceObject, context?: EvaluationContext): EvaluationResult;
}

const NO_CONTEXT: EvaluationContext = {};

/**
 * Compiles an expression (text or AST) once into a tree of closures, validating it first.
 * @param input the expression text or a parsed AST
 * @param options known attributes to check references against
 * @throws ExpressionSyntaxError for bad text, ExpressionValidationError for unknown functions, wrong arity, …
 * @example
 * const dn = compileExpression('Join("", "CN=", Word([userPrincipalName], 1, "@"), ",DC=Contoso,DC=lab")');
 * dn.evaluateSync({ userPrincipalName: 'bsimon@contoso.com' });
 * // { kind: 'value', value: 'CN=bsimon,DC=Contoso,DC=lab', secret: false }
 */
export function compileExpression(
  input: Expression | string,
  options: CompileOptions = {},
): CompiledExpression {
  const source = typeof input === 'string' ? input : undefined;
  const ast = typeof input === 'string' ? parseExpression(input) : input;
  const issues = validateExpression(ast, { ...options, ...(source !== undefined && { source }) });
  if (issues.length > 0) throw new ExpressionValidationError(issues);

  const attributes: string[] = [];
  const rootDefinition = ast.kind === 'call' ? definitionsByName.get(ast.name) : undefined;
  const asyncRoot =
    ast.kind === 'call' && rootDefinition?.compileAsync
      ? rootDefinition.compileAsync(compileArgs(ast, attributes), ast)
      : undefined;
  const root = asyncRoot ? undefined : compileNode(ast, attributes).evaluate;
  const secret = containsRedact(ast);

  // Method shorthand, no `this`: callers may destructure { evaluateSync }.
  return {
    ast,
    async: asyncRoot !== undefined,
    secret,
    attributes,
    evaluateSync(input: SourceObject, context: EvaluationContext = NO_CONTEXT): EvaluationResult {
      return runSync(root, rootDefinition?.name, secret, input, context);
    },
    async evaluate(input: SourceObject, context: EvaluationContext = NO_CONTEXT): Promise<EvaluationResult> {
      if (!asyncRoot) return runSync(root, rootDefinition?.name, secret, input, context);
      const scope = makeScope(input, context, secret);
      try {
        return result(scope, await asyncRoot(scope), secret);
      } catch (error) {
        throw wrap(error);
      }
    },
  };
}

function runSync(
  root: Evaluator | undefined,
  rootName: string | undefined,
  secret: boolean,
  input: SourceObject,
  context: EvaluationContext,
): EvaluationResult {
  if (!root) {
    throw new ExpressionError(
      'async-required',
      `${rootName} awaits a callback; call evaluate(), not evaluateSync()`,
    );
  }
  const scope = makeScope(input, context, secret);
  let value: RuntimeValue;
  try {
    value = root(scope);
  } catch (error) {
    throw wrap(error);
  }
  return result(scope, value, secret);
}

/** Compiles one node into a closure; `attributes` collects the attribute names read. */
function compileNode(node: Expression, attributes: string[]): CompiledArgument {
  switch (node.kind) {
    case 'string':
    case 'number':
      return constant(node.value);
    case 'identifier':
      return constant(node.name);
    case 'attribute':
      if (!attributes.includes(node.name)) attributes.push(node.name);
      return { evaluate: readAttribute(node.name), constant: false, value: null };
    case 'comparison': {
      const left = compileNode(node.left, attributes);
      const right = compileNode(node.right, attributes);
      return fold(compileComparison(node, left, right), [left, right]);
    }
    case 'call': {
      const definition = definitionsByName.get(node.name)!;
      const args = compileArgs(node, attributes);
      const evaluate = definition.compile(args, node);
      return definition.pure === false ? { evaluate, constant: false, value: null } : fold(evaluate, args);
    }
  }
}

function compileArgs(call: CallExpression, attributes: string[]): CompiledArguments {
  return call.args.map((arg) => (arg.kind === 'omitted' ? undefined : compileNode(arg, attributes)));
}

function makeScope(source: SourceObject, context: EvaluationContext, secret: boolean): Scope {
  if (typeof source !== 'object' || source === null) {
    throw new ExpressionError(
      'invalid-argument',
      `The source must be an object of attribute values, got ${source === null ? 'null' : typeof source}`,
    );
  }
  return { source, context: context ?? NO_CONTEXT, secret, ignore: false };
}

function result(scope: Scope, value: RuntimeValue, secret: boolean): EvaluationResult {
  if (scope.ignore) return { kind: 'ignore', secret };
  return { kind: 'value', value: typeof value === 'string' ? value : toOutput(value), secret };
}

function wrap(error: unknown): ExpressionError {
  if (error instanceof ExpressionError) return error;
  // A RangeError from a runaway regex or a bug must still surface as this package's error, with the cause.
  return new ExpressionError('evaluation-failed', 'The expression could not be evaluated', { cause: error });
}

/**
 * Runs a pure call or comparison whose arguments are all constants once, at compile time. If that fails the
 * closure is kept, so the failure is reported when (and only if) that branch is evaluated.
 */
function fold(evaluate: Evaluator, args: CompiledArguments): CompiledArgument {
  for (const arg of args)
    if (arg !== undefined && !arg.constant) return { evaluate, constant: false, value: null };
  try {
    const scope: Scope = { source: {}, context: NO_CONTEXT, secret: true, ignore: false };
    const value = evaluate(scope);
    return scope.ignore ? { evaluate, constant: false, value: null } : constant(value);
  } catch {
    return { evaluate, constant: false, value: null };
  }
}

function constant(value: RuntimeValue): CompiledArgument {
  return { evaluate: constantEvaluator(value), constant: true, value };
}

function constantEvaluator(value: RuntimeValue): Evaluator {
  return () => value;
}

function containsRedact(node: Argument): boolean {
  if (node.kind === 'call') return node.name === 'Redact' || node.args.some(containsRedact);
  if (node.kind === 'comparison') return containsRedact(node.left) || containsRedact(node.right);
  return false;
}
