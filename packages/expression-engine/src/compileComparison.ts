import type { Comparison } from './ast.ts';
import type { CompiledArgument } from './functions/FunctionDefinition.ts';
import { type Evaluator, type RuntimeValue, bool, isNullOrEmpty, toText } from './RuntimeValue.ts';

/**
 * Compiles a comparison to "True"/"False": by time when both sides are dates, numeric when both are numbers,
 * otherwise ordinal and case-sensitive. Per Entra's docs a condition on a null or empty value "fails": every
 * operator then yields "False".
 * @param node the comparison node
 * @param left the compiled left operand
 * @param right the compiled right operand
 */
export function compileComparison(
  node: Comparison,
  left: CompiledArgument,
  right: CompiledArgument,
): Evaluator {
  const test = TESTS[node.operator];
  return (scope) => {
    const a = left.evaluate(scope);
    const b = right.evaluate(scope);
    if (isNullOrEmpty(a) || isNullOrEmpty(b)) return 'False';
    if (a instanceof Date && b instanceof Date) return bool(test(a.getTime() - b.getTime()));
    return bool(test(order(a, b)));
  };
}

function order(a: RuntimeValue, b: RuntimeValue): number {
  const x = toText(a)!;
  const y = toText(b)!;
  const nx = Number(x);
  const ny = Number(y);
  if (x.trim() !== '' && y.trim() !== '' && !Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
  return x < y ? -1 : x > y ? 1 : 0;
}

const TESTS: Readonly<Record<Comparison['operator'], (order: number) => boolean>> = {
  '=': (o) => o === 0,
  '<>': (o) => o !== 0,
  '<': (o) => o < 0,
  '<=': (o) => o <= 0,
  '>': (o) => o > 0,
  '>=': (o) => o >= 0,
};
