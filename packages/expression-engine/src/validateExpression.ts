import type { Argument, CallExpression, Expression, Span } from './ast.ts';
import type { ExpressionIssue, ExpressionIssueCode } from './ExpressionIssue.ts';
import type { FunctionInfo, ParameterInfo } from './functions/FunctionDefinition.ts';
import { functionRegistry } from './functions/functionRegistry.ts';
import { locate } from './locate.ts';
import { suggest } from './suggest.ts';

let registryByName: ReadonlyMap<string, FunctionInfo> | undefined;
const defaultFunctions = (): ReadonlyMap<string, FunctionInfo> =>
  (registryByName ??= new Map(functionRegistry.map((info) => [info.name, info])));

const shapes = new WeakMap<FunctionInfo, { group: readonly ParameterInfo[]; fixed: number }>();
/** The repeating parameter group and the count of fixed parameters of a function, computed once. */
function shapeOf(info: FunctionInfo): { group: readonly ParameterInfo[]; fixed: number } {
  let shape = shapes.get(info);
  if (!shape) {
    const group = info.parameters.filter((p) => p.variadic);
    shape = { group, fixed: info.parameters.length - group.length };
    shapes.set(info, shape);
  }
  return shape;
}

/** What `validateExpression` checks against. */
export interface ValidateOptions {
  /** Known source attribute names (matched case-insensitively); when absent, attributes are not checked. */
  readonly attributes?: readonly string[];
  /** Known functions; defaults to every function of this package (`functionRegistry`). */
  readonly functions?: readonly FunctionInfo[];
  /** The expression text, so issues get a line and column. */
  readonly source?: string;
}

/**
 * Checks a parsed expression before anything runs: unknown functions (with a "did you mean"), wrong argument
 * counts, required arguments left empty, SelectUniqueValue below the top level, and unknown attributes.
 * @param ast a parsed expression
 * @param options known attributes and functions
 * @returns every issue found, in source order; empty when the expression is valid
 * @example
 * validateExpression(parseExpression('ToLowr([mail])'), { attributes: ['mail'] });
 * // [{ code: 'unknown-function', message: 'Unknown function "ToLowr"; did you mean "ToLower"?', … }]
 */
export function validateExpression(ast: Expression, options: ValidateOptions = {}): ExpressionIssue[] {
  const validator = new Validator(options);
  validator.visit(ast, true);
  return validator.issues.sort((a, b) => a.start - b.start);
}

/** Walks the AST once, collecting issues; a class so no closures are created per validation. */
class Validator {
  readonly issues: ExpressionIssue[] = [];
  private readonly functions: ReadonlyMap<string, FunctionInfo>;
  private readonly attributes: ReadonlyMap<string, string> | undefined;

  constructor(private readonly options: ValidateOptions) {
    this.functions = options.functions
      ? new Map(options.functions.map((info) => [info.name, info]))
      : defaultFunctions();
    this.attributes =
      options.attributes && new Map(options.attributes.map((name) => [name.toLowerCase(), name]));
  }

  visit(node: Argument, root: boolean): void {
    switch (node.kind) {
      case 'call':
        this.checkCall(node, root);
        for (const arg of node.args) this.visit(arg, false);
        return;
      case 'attribute':
        if (this.attributes && !this.attributes.has(node.name.toLowerCase())) {
          const hint = suggest(node.name, this.attributes.values());
          const mean = hint === undefined ? '' : `; did you mean [${hint}]?`;
          this.report('unknown-attribute', node, `Unknown attribute [${node.name}]${mean}`, hint);
        }
        return;
      case 'comparison':
        this.visit(node.left, false);
        this.visit(node.right, false);
        return;
      case 'string':
      case 'number':
      case 'identifier':
      case 'omitted':
        return;
    }
  }

  private checkCall(call: CallExpression, root: boolean): void {
    const info = this.functions.get(call.name);
    if (!info) {
      const hint = suggest(call.name, this.functions.keys());
      const casing =
        hint !== undefined && hint.toLowerCase() === call.name.toLowerCase()
          ? ' (function names are case-sensitive)'
          : '';
      const mean = hint === undefined ? '' : `; did you mean "${hint}"?${casing}`;
      this.report('unknown-function', call, `Unknown function "${call.name}"${mean}`, hint);
      return;
    }
    const count = call.args.length;
    const { group, fixed } = shapeOf(info);
    const pairing =
      group.length > 1 && count >= info.minArgs && (count - fixed) % group.length !== 0
        ? `: ${group.map((p) => p.name).join(' and ')} must come in ${group.length === 2 ? 'pairs' : `groups of ${group.length}`}`
        : '';
    if (count < info.minArgs || count > info.maxArgs || pairing) {
      const fixedNames = info.parameters
        .filter((p) => !p.variadic)
        .map((p) => (p.optional ? `${p.name}?` : p.name));
      const list = [...fixedNames, ...group.map((p) => p.name)].join(', ') + (group.length > 0 ? ', …' : '');
      const range =
        info.maxArgs === info.minArgs
          ? `${info.minArgs}`
          : info.maxArgs === Number.POSITIVE_INFINITY
            ? `at least ${info.minArgs}`
            : `${info.minArgs} to ${info.maxArgs}`;
      const plural = range === '1' ? '' : 's';
      this.report(
        'arity',
        call,
        `${info.name}(${list}) takes ${range} argument${plural}, got ${count}${pairing}`,
      );
    }
    for (let index = 0; index < count; index++) {
      const arg = call.args[index]!;
      if (arg.kind !== 'omitted') continue;
      const parameter = info.parameters[Math.min(index, info.parameters.length - 1)];
      if (parameter && !parameter.optional) {
        const message = `${info.name}: argument ${index + 1} (${parameter.name}) is required but was left empty`;
        this.report('missing-argument', arg, message);
      }
    }
    if (info.topLevelOnly && !root) {
      this.report(
        'misplaced-function',
        call,
        `${info.name} must be the whole expression, not nested inside another function`,
      );
    }
  }

  private report(code: ExpressionIssueCode, node: Span, message: string, suggestion?: string): void {
    const source = this.options.source;
    const where = source === undefined ? undefined : locate(source, node.start);
    this.issues.push({
      code,
      message: where ? `${message} (line ${where.line}, column ${where.column})` : message,
      start: node.start,
      end: node.end,
      ...(where && { line: where.line, column: where.column }),
      ...(suggestion !== undefined && { suggestion }),
    });
  }
}
