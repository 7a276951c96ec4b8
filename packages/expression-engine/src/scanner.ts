/** Token kinds produced by `scan`. */
export type TokenKind =
  | 'identifier'
  | 'attribute'
  | 'string'
  | 'number'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'operator'
  | 'eof';

/** One token with its source offsets; `value` is the decoded text (string contents, attribute name, …). */
export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** A scanning problem, turned into a syntax issue by the parser. */
export interface ScanProblem {
  readonly message: string;
  readonly offset: number;
  readonly expected: readonly string[];
  readonly found: string;
}

const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHexDigit = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;

/**
 * Splits an expression into tokens with offsets, or reports the first problem. Hand-written so every token
 * knows where it came from and errors can point at the exact character.
 * @param source the expression text (already size-checked)
 */
export function scan(source: string): Token[] | ScanProblem {
  const tokens: Token[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === 40 || c === 41 || c === 44) {
      tokens.push({
        kind: c === 40 ? 'lparen' : c === 41 ? 'rparen' : 'comma',
        value: source[i]!,
        start,
        end: i + 1,
      });
      i++;
    } else if (c === 34) {
      const result = scanString(source, i);
      if (typeof result === 'object' && 'message' in result) return result;
      tokens.push(result.token);
      i = result.token.end;
    } else if (c === 91) {
      const close = source.indexOf(']', i + 1);
      const newline = source.slice(i + 1, close < 0 ? n : close).search(/[\r\n[]/);
      if (close < 0 || newline >= 0) {
        return {
          message: 'Unterminated attribute reference',
          offset: i,
          expected: ['"]"'],
          found: 'end of line',
        };
      }
      const name = source.slice(i + 1, close).trim();
      if (name === '')
        return {
          message: 'Empty attribute reference',
          offset: i,
          expected: ['an attribute name'],
          found: '"[]"',
        };
      tokens.push({ kind: 'attribute', value: name, start, end: close + 1 });
      i = close + 1;
    } else if (c === 38 && (source.charCodeAt(i + 1) | 32) === 104) {
      let j = i + 2;
      while (j < n && isHexDigit(source.charCodeAt(j))) j++;
      if (j === i + 2)
        return {
          message: 'Hex literal without digits',
          offset: j,
          expected: ['a hex digit'],
          found: describe(source, j),
        };
      if (j - i - 2 > 16)
        return {
          message: 'Hex literal longer than 64 bits',
          offset: i,
          expected: ['at most 16 hex digits'],
          found: `${j - i - 2} digits`,
        };
      tokens.push({ kind: 'number', value: BigInt(`0x${source.slice(i + 2, j)}`).toString(), start, end: j });
      i = j;
    } else if (isDigit(c) || (c === 45 && isDigit(source.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < n && isDigit(source.charCodeAt(j))) j++;
      if (source.charCodeAt(j) === 46 && isDigit(source.charCodeAt(j + 1))) {
        j += 2;
        while (j < n && isDigit(source.charCodeAt(j))) j++;
      }
      tokens.push({ kind: 'number', value: source.slice(i, j), start, end: j });
      i = j;
    } else if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(source.charCodeAt(j))) j++;
      tokens.push({ kind: 'identifier', value: source.slice(i, j), start, end: j });
      i = j;
    } else if (c === 61 || c === 60 || c === 62) {
      const two = source.slice(i, i + 2);
      const op = two === '<>' || two === '<=' || two === '>=' ? two : source[i]!;
      tokens.push({ kind: 'operator', value: op, start, end: i + op.length });
      i += op.length;
    } else {
      return {
        message: `Unexpected character ${describe(source, i)}`,
        offset: i,
        expected: ['a function call', 'an [attribute]', 'a "string"', 'a number'],
        found: describe(source, i),
      };
    }
  }
  tokens.push({ kind: 'eof', value: '', start: n, end: n });
  return tokens;
}

function scanString(source: string, open: number): { token: Token } | ScanProblem {
  let value = '';
  let i = open + 1;
  let chunk = i;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 34) {
      value += source.slice(chunk, i);
      return { token: { kind: 'string', value, start: open, end: i + 1 } };
    }
    if (c === 92) {
      const next = source.charCodeAt(i + 1);
      // Only \" and \\ are escapes; any other backslash is kept, so regex text such as "\d" survives.
      if (next === 34 || next === 92) {
        value += source.slice(chunk, i) + source[i + 1];
        i += 2;
        chunk = i;
        continue;
      }
    }
    i++;
  }
  return {
    message: 'Unterminated string literal',
    offset: open,
    expected: ["a closing '\"'"],
    found: 'end of input',
  };
}

/** Names a character for messages: printable ones quoted, others as U+XXXX, or "end of input". */
export function describe(source: string, offset: number): string {
  if (offset >= source.length) return 'end of input';
  const ch = String.fromCodePoint(source.codePointAt(offset)!);
  const code = ch.codePointAt(0)!;
  return code < 32 || code === 127 ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `"${ch}"`;
}
