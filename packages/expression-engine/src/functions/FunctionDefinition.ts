import type { CallExpression } from '../ast.ts';
import type { Evaluator, RuntimeValue, Scope } from '../RuntimeValue.ts';
import type { SourceObject, Value } from '../Value.ts';

/** One parameter of a function, as the registry lists it. */
export interface ParameterInfo {
  readonly name: string;
  readonly description: string;
  /** The position may be left empty (`Fn(a, , b)`) or, at the end, left out. */
  readonly optional?: boolean;
  /** The parameter repeats; several variadic parameters at the end repeat as a group (Switch's key, value). */
  readonly variadic?: boolean;
}

/** A worked example: the expression, the source attributes it reads, and what it returns. */
export interface FunctionExample {
  readonly expression: string;
  readonly input?: SourceObject;
  /** The result; absent for examples whose result is random or time-dependent (see `note`). */
  readonly output?: Value;
  readonly note?: string;
}

/** A function as data: what the CLI's `expr` command and generated docs list. */
export interface FunctionInfo {
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly ParameterInfo[];
  readonly examples: readonly FunctionExample[];
  /** Fewest and most arguments accepted (`maxArgs` is `Infinity` for variadic functions). */
  readonly minArgs: number;
  readonly maxArgs: number;
  /** The function must be the whole expression (SelectUniqueValue). */
  readonly topLevelOnly?: boolean;
  /** The function awaits a callback, so only `evaluate` (not `evaluateSync`) can run it. */
  readonly async?: boolean;
}

/** A compiled argument: its evaluator, and its value when it is a constant known at compile time. */
export interface CompiledArgument {
  readonly evaluate: Evaluator;
  readonly constant: boolean;
  readonly value: RuntimeValue;
}

/** Arguments as a function's compiler receives them; `undefined` marks an omitted or absent position. */
export type CompiledArguments = readonly (CompiledArgument | undefined)[];

/** Internal: a function's data plus how to compile a call to it into a closure. */
export interface FunctionDefinition extends Omit<FunctionInfo, 'minArgs' | 'maxArgs'> {
  /** False for functions whose result changes between calls with the same arguments (Now, Guid, …). */
  readonly pure?: boolean;
  readonly compile: (args: CompiledArguments, call: CallExpression) => Evaluator;
  readonly compileAsync?: (
    args: CompiledArguments,
    call: CallExpression,
  ) => (scope: Scope) => Promise<RuntimeValue>;
}

/** Fewest and most arguments a parameter list accepts. */
export function arityOf(parameters: readonly ParameterInfo[]): { minArgs: number; maxArgs: number } {
  let minArgs = 0;
  parameters.forEach((parameter, index) => {
    if (!parameter.optional) minArgs = index + 1;
  });
  const variadic = parameters.some((parameter) => parameter.variadic);
  return { minArgs, maxArgs: variadic ? Number.POSITIVE_INFINITY : parameters.length };
}

/** Evaluates an optional argument: null when it was omitted. */
export const optional = (arg: CompiledArgument | undefined, scope: Scope): RuntimeValue =>
  arg === undefined ? null : arg.evaluate(scope);
