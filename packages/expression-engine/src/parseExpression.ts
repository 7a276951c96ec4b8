/*
 * Grammar of Entra's attribute-mapping expression language (VBA-like; function names are case-sensitive):
 *
 *   root        := expression EOF
 *   expression  := operand ( compareOp operand )?
 *   operand     := call | attribute | string | number | identifier
 *   call        := IDENTIFIER "(" arguments? ")"
 *   arguments   := argument ( "," argument )*
 *   argument    := expression | ε                      an empty position: Replace([x], , "re", , "", , )
 *   attribute   := "[" any characters but "]" and line breaks "]"
 *   string      := '"' ( '\"' | '\\' | any other character )* '"'
 *   number      := "-"? DIGIT+ ( "." DIGIT+ )? | "&H" HEXDIGIT+
 *   identifier  := IDENTIFIER                          a bare enum token such as vbTextCompare
 *   compareOp   := "=" | "<>" | "<" | "<=" | ">" | ">="
 *
 * Whitespace (space, tab, CR, LF, NBSP) separates tokens. Sources over 10,000 characters are rejected, as
 * Entra does, and calls nest at most 256 deep.
 */
import type { Argument, ComparisonOperator, Expression } from './ast.ts';
import { ExpressionSyntaxError } from './ExpressionSyntaxError.ts';
import type { ExpressionIssue } from './ExpressionIssue.ts';
import { locate } from './locate.ts';
import { type Token, describe, scan } from './scanner.ts';

/** Longest expression accepted, in characters (Entra's documented limit). */
export const MAX_EXPRESSION_LENGTH = 10_000;
const MAX_DEPTH = 256;

/** Outcome of `safeParseExpression`. */
export type SafeParseResult =
  | { readonly success: true; readonly output: Expression }
  | { readonly success: false; readonly issues: readonly ExpressionIssue[] };

/**
 * Parses an expression into a readonly AST whose nodes carry source offsets.
 * @param source the expression text, at most 10,000 characters
 * @throws ExpressionSyntaxError with line, column, caret line, expected and found
 * @example
 * const ast = parseExpression('Join("", "CN=", Word([userPrincipalName], 1, "@"), ",DC=Contoso,DC=lab")');
 * // ast.kind === 'call', ast.name === 'Join', ast.args.length === 4
 */
export function parseExpression(source: string): Expression {
  if (typeof source !== 'string') {
    throw syntaxError('', {
      message: 'An expression must be a string',
      offset: 0,
      expected: ['a string'],
      found: typeof source,
    });
  }
  if (source.length > MAX_EXPRESSION_LENGTH) {
    const issue: ExpressionIssue = {
      code: 'too-long',
      message: `Expression is ${source.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}. Split it into several mappings.`,
      start: MAX_EXPRESSION_LENGTH,
      end: source.length,
      line: locate(source, MAX_EXPRESSION_LENGTH).line,
      column: locate(source, MAX_EXPRESSION_LENGTH).column,
      expected: [`at most ${MAX_EXPRESSION_LENGTH} characters`],
      found: `${source.length} characters`,
    };
    throw new ExpressionSyntaxError(issue, '');
  }
  const tokens = scan(source);
  if (!Array.isArray(tokens)) throw syntaxError(source, tokens);
  return new Parser(source, tokens).parseRoot();
}

/**
 * Parses like `parseExpression` but returns the syntax issue instead of throwing.
 * @param source the expression text
 * @example
 * const result = safeParseExpression('Join(",", [a]');
 * if (!result.success) console.log(result.issues[0]?.message); // Expected "," or ")" but found end of input …
 */
export function safeParseExpression(source: string): SafeParseResult {
  try {
    return { success: true, output: parseExpression(source) };
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return { success: false, issues: [error.issue] };
    throw error;
  }
}

interface Problem {
  readonly message: string;
  readonly offset: number;
  readonly expected: readonly string[];
  readonly found: string;
}

function syntaxError(source: string, problem: Problem): ExpressionSyntaxError {
  const where = locate(source, problem.offset);
  const issue: ExpressionIssue = {
    code: 'syntax',
    message: `${problem.message} at line ${where.line}, column ${where.column}`,
    start: problem.offset,
    end: Math.min(problem.offset + 1, Math.max(source.length, problem.offset)),
    line: where.line,
    column: where.column,
    expected: problem.expected,
    found: problem.found,
  };
  return new ExpressionSyntaxError(issue, where.caret);
}

const OPERAND = ['a function call', 'an [attribute]', 'a "string"', 'a number'];

/** Recursive-descent parser: one method per production of the grammar above. */
class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  parseRoot(): Expression {
    const expression = this.parseExpressionRule();
    const next = this.peek();
    if (next.kind !== 'eof') {
      const canCompare = expression.kind !== 'comparison' && next.kind !== 'comma' && next.kind !== 'rparen';
      this.fail(next, canCompare ? ['a comparison operator', 'end of input'] : ['end of input']);
    }
    return expression;
  }

  private parseExpressionRule(): Expression {
    const left = this.parseOperand();
    const next = this.peek();
    if (next.kind !== 'operator') return left;
    this.pos++;
    const right = this.parseOperand();
    return {
      kind: 'comparison',
      operator: next.value as ComparisonOperator,
      left,
      right,
      start: left.start,
      end: right.end,
    };
  }

  private parseOperand(): Expression {
    const token = this.next();
    switch (token.kind) {
      case 'identifier':
        if (this.peek().kind === 'lparen') return this.parseCall(token);
        return { kind: 'identifier', name: token.value, start: token.start, end: token.end };
      case 'attribute':
        return { kind: 'attribute', name: token.value, start: token.start, end: token.end };
      case 'string':
        return { kind: 'string', value: token.value, start: token.start, end: token.end };
      case 'number':
        return {
          kind: 'number',
          value: token.value,
          raw: this.source.slice(token.start, token.end),
          start: token.start,
          end: token.end,
        };
      case 'lparen':
      case 'rparen':
      case 'comma':
      case 'operator':
      case 'eof':
        return this.fail(token, OPERAND);
    }
  }

  private parseCall(name: Token): Expression {
    if (++this.depth > MAX_DEPTH) {
      this.fail(name, [`at most ${MAX_DEPTH} nested calls`], 'Expression nests calls too deeply');
    }
    this.pos++; // "("
    const args = this.peek().kind === 'rparen' ? [] : this.parseArguments();
    const close = this.next();
    if (close.kind !== 'rparen') this.fail(close, ['","', '")"']);
    this.depth--;
    return { kind: 'call', name: name.value, args, start: name.start, end: close.end };
  }

  private parseArguments(): Argument[] {
    const args: Argument[] = [this.parseArgument()];
    while (this.peek().kind === 'comma') {
      this.pos++;
      args.push(this.parseArgument());
    }
    return args;
  }

  private parseArgument(): Argument {
    const next = this.peek();
    if (next.kind === 'comma' || next.kind === 'rparen')
      return { kind: 'omitted', start: next.start, end: next.start };
    return this.parseExpressionRule();
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    const token = this.tokens[this.pos]!;
    if (token.kind !== 'eof') this.pos++;
    return token;
  }

  private fail(token: Token, expected: readonly string[], message?: string): never {
    const found =
      token.kind === 'eof'
        ? 'end of input'
        : token.kind === 'string'
          ? 'a string'
          : describeToken(this.source, token);
    throw syntaxError(this.source, {
      message: message ?? `Expected ${oneOf(expected)} but found ${found}`,
      offset: token.start,
      expected,
      found,
    });
  }
}

function oneOf(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function describeToken(source: string, token: Token): string {
  if (token.end - token.start <= 1) return describe(source, token.start);
  const text = source.slice(token.start, Math.min(token.end, token.start + 40));
  return `"${text}${token.end - token.start > 40 ? '…' : ''}"`;
}
