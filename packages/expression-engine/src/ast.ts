/** Comparison operators allowed in IIF/CBool conditions. */
export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** Offsets of a node in the source: `start` inclusive, `end` exclusive (0-based UTF-16 indexes). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** `Fn(arg1, …, argN)`: a function call; omitted positional arguments are `OmittedArgument` nodes. */
export interface CallExpression extends Span {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Argument[];
}

/** `[attributeName]`: the value of a source attribute. */
export interface AttributeReference extends Span {
  readonly kind: 'attribute';
  readonly name: string;
}

/** `"text"` with `\"` and `\\` unescaped. */
export interface StringLiteral extends Span {
  readonly kind: 'string';
  readonly value: string;
}

/** `42`, `-10`, `1.5` or `&HF7`; `value` is the decimal text (numbers are string constants at runtime). */
export interface NumberLiteral extends Span {
  readonly kind: 'number';
  readonly value: string;
  readonly raw: string;
}

/** A bare word that is not a call, such as `vbTextCompare`; it evaluates to its own name. */
export interface Identifier extends Span {
  readonly kind: 'identifier';
  readonly name: string;
}

/** `left op right`, evaluating to "True" or "False". */
export interface Comparison extends Span {
  readonly kind: 'comparison';
  readonly operator: ComparisonOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** An argument position left empty, as in `Replace([x], , "re", , "", , )`. */
export interface OmittedArgument extends Span {
  readonly kind: 'omitted';
}

/** Any expression node. */
export type Expression =
  | CallExpression
  | AttributeReference
  | StringLiteral
  | NumberLiteral
  | Identifier
  | Comparison;

/** A call argument: an expression or an omitted position. */
export type Argument = Expression | OmittedArgument;
