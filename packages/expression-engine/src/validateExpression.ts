import type { Argument, CallExpression, Expression } from './ast.ts';
import type { ExpressionIssue, ExpressionIssueCode } from './ExpressionIssue.ts';
import type { FunctionInfo } from './functions/FunctionDefinition.ts';
import { functionRegistry } from './functions/registry.ts';
import { locate } from './locate.ts';
import { suggest } from './suggest.ts';

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
  const functions = new Map((options.functions ?? functionRegistry).map((info) => [info.name, info]));
  const attributes =
    options.attributes && new Map(options.attributes.map((name) => [name.toLowerCase(), name]));
  const issues: ExpressionIssue[] = [];
  const report = (
    code: ExpressionIssueCode,
    node: { start: number; end: number },
    message: string,
    suggestion?: string,
  ): void => {
    const where = options.source === undefined ? undefined : locate(options.source, node.start);
    issues.push({
      code,
      message: where ? `${message} (line ${where.line}, column ${where.column})` : message,
      start: node.start,
      end: node.end,
      ...(where && { line: where.line, column: where.column }),
      ...(suggestion !== undefined && { suggestion }),
    });
  };

  const visit = (node: Argument, root: boolean): void => {
    switch (node.kind) {
      case 'call':
        checkCall(node, root);
        for (const arg of node.args) visit(arg, false);
        return;
      case 'attribute':
        if (attributes && !attributes.has(node.name.toLowerCase())) {
          const hint = suggest(node.name, attributes.values());
          report(
            'unknown-attribute',
            node,
            `Unknown attribute [${node.name}]${hint === undefined ? '' : `; did you mean [${hint}]?`}`,
            hint,
          );
        }
        return;
      case 'comparison':
        visit(node.left, false);
        visit(node.right, false);
        return;
      case 'string':
      case 'number':
      case 'identifier':
      case 'omitted':
        return;
    }
  };

  const checkCall = (call: CallExpression, root: boolean): void => {
    const info = functions.get(call.name);
    if (!info) {
      const hint = suggest(call.name, functions.keys());
      const casing =
        hint !== undefined && hint.toLowerCase() === call.name.toLowerCase()
          ? ' (function names are case-sensitive)'
          : '';
      report(
        'unknown-function',
        call,
        `Unknown function "${call.name}"${hint === undefined ? '' : `; did you mean "${hint}"?${casing}`}`,
        hint,
      );
      return;
    }
    const count = call.args.length;
    const list = info.parameters
      .map((p) => (p.variadic ? `${p.name}, …` : p.optional ? `${p.name}?` : p.name))
      .join(', ');
    const group = info.parameters.filter((p) => p.variadic);
    const fixed = info.parameters.length - group.length;
    const custom =
      group.length > 1 && count >= info.minArgs && (count - fixed) % group.length !== 0
        ? `${group.map((p) => p.name).join(' and ')} must come in ${group.length === 2 ? 'pairs' : `groups of ${group.length}`}`
        : undefined;
    if (count < info.minArgs || count > info.maxArgs || custom) {
      const range =
        info.maxArgs === info.minArgs
          ? `${info.minArgs}`
          : info.maxArgs === Number.POSITIVE_INFINITY
            ? `at least ${info.minArgs}`
            : `${info.minArgs} to ${info.maxArgs}`;
      report(
        'arity',
        call,
        `${info.name}(${list}) takes ${range} argument${range === '1' ? '' : 's'}, got ${count}${custom ? `: ${custom}` : ''}`,
      );
    }
    call.args.forEach((arg, index) => {
      const parameter = info.parameters[Math.min(index, info.parameters.length - 1)];
      if (
        arg.kind === 'omitted' &&
        parameter &&
        !parameter.optional &&
        index < Math.max(info.minArgs, count)
      ) {
        report(
          'missing-argument',
          arg,
          `${info.name}: argument ${index + 1} (${parameter.name}) is required but was left empty`,
        );
      }
    });
    if (info.topLevelOnly && !root) {
      report(
        'misplaced-function',
        call,
        `${info.name} must be the whole expression, not nested inside another function`,
      );
    }
  };

  visit(ast, true);
  return issues.sort((a, b) => a.start - b.start);
}
