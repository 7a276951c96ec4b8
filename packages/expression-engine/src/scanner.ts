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
  let i = 0;
  while (i < source.length) {
    if (isSpace(source.charCodeAt(i))) {
      i++;
      continue;
    }
    const token = scanToken(source, i);
    if ('message' in token) return token;
    tokens.push(token);
    i = token.end;
  }
  tokens.push({ kind: 'eof', value: '', start: source.length, end: source.length });
  return tokens;
}

function scanToken(source: string, i: number): Token | ScanProblem {
  const c = source.charCodeAt(i);
  if (c === 40) return { kind: 'lparen', value: '(', start: i, end: i + 1 };
  if (c === 41) return { kind: 'rparen', value: ')', start: i, end: i + 1 };
  if (c === 44) return { kind: 'comma', value: ',', start: i, end: i + 1 };
  if (c === 34) return scanString(source, i);
  if (c === 91) return scanAttribute(source, i);
  if (c === 38 && (source.charCodeAt(i + 1) | 32) === 104) return scanHex(source, i);
  if (isDigit(c) || (c === 45 && isDigit(source.charCodeAt(i + 1)))) return scanNumber(source, i);
  if (isIdentStart(c)) {
    let j = i + 1;
    while (j < source.length && isIdentPart(source.charCodeAt(j))) j++;
    return { kind: 'identifier', value: source.slice(i, j), start: i, end: j };
  }
  if (c === 61 || c === 60 || c === 62) {
    const two = source.slice(i, i + 2);
    const op = two === '<>' || two === '<=' || two === '>=' ? two : source[i]!;
    return { kind: 'operator', value: op, start: i, end: i + op.length };
  }
  return {
    message: `Unexpected character ${describe(source, i)}`,
    offset: i,
    expected: ['a function call', 'an [attribute]', 'a "string"', 'a number'],
    found: describe(source, i),
  };
}

function scanAttribute(source: string, open: number): Token | ScanProblem {
  let j = open + 1;
  let c = source.charCodeAt(j);
  // Stop at "]" (93), or at a line break or "[" (13, 10, 91), which mean the reference was never closed.
  while (j < source.length && c !== 93 && c !== 13 && c !== 10 && c !== 91) c = source.charCodeAt(++j);
  if (c !== 93 || j >= source.length) {
    return {
      message: 'Attribute reference is not closed with "]"',
      offset: j,
      expected: ['"]"'],
      found: j >= source.length ? 'end of input' : describe(source, j),
    };
  }
  const name = source.slice(open + 1, j).trim();
  if (name === '') {
    return {
      message: 'Empty attribute reference',
      offset: open,
      expected: ['an attribute name'],
      found: '"[]"',
    };
  }
  return { kind: 'attribute', value: name, start: open, end: j + 1 };
}

function scanHex(source: string, start: number): Token | ScanProblem {
  let j = start + 2;
  while (j < source.length && isHexDigit(source.charCodeAt(j))) j++;
  const digits = j - start - 2;
  if (digits === 0) {
    return {
      message: 'Hex literal without digits',
      offset: j,
      expected: ['a hex digit'],
      found: describe(source, j),
    };
  }
  if (digits > 16) {
    const found = `${digits} digits`;
    return {
      message: 'Hex literal longer than 64 bits',
      offset: start,
      expected: ['at most 16 hex digits'],
      found,
    };
  }
  return { kind: 'number', value: BigInt(`0x${source.slice(start + 2, j)}`).toString(), start, end: j };
}

function scanNumber(source: string, start: number): Token {
  let j = start + 1;
  while (j < source.length && isDigit(source.charCodeAt(j))) j++;
  if (source.charCodeAt(j) === 46 && isDigit(source.charCodeAt(j + 1))) {
    j += 2;
    while (j < source.length && isDigit(source.charCodeAt(j))) j++;
  }
  return { kind: 'number', value: source.slice(start, j), start, end: j };
}

function scanString(source: string, open: number): Token | ScanProblem {
  let value = '';
  let i = open + 1;
  let chunk = i;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 34) {
      value += source.slice(chunk, i);
      return { kind: 'string', value, start: open, end: i + 1 };
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
