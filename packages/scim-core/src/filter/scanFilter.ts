import type { ParseIssue } from './ast.ts';

/** A token of the filter/path language, with its offsets in the source. */
export interface FilterToken {
  readonly kind: 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'string' | 'word' | 'eof';
  /** Raw text (for strings: the decoded value). */
  readonly text: string;
  readonly offset: number;
}

/** Thrown inside the scanner/parser and turned into a ScimError or a ParseIssue at the public edge. */
export class FilterSyntaxError extends Error implements ParseIssue {
  readonly offset: number;
  readonly expected?: string;
  readonly found?: string;
  constructor(message: string, offset: number, expected?: string, found?: string) {
    super(message);
    this.offset = offset;
    if (expected !== undefined) this.expected = expected;
    if (found !== undefined) this.found = found;
  }
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isDelimiter(code: number): boolean {
  return (
    code === SPACE ||
    code === TAB ||
    code === LF ||
    code === CR ||
    code === QUOTE ||
    code === 0x28 ||
    code === 0x29 ||
    code === 0x5b ||
    code === 0x5d
  );
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

// A JSON string (RFC 7644 §3.4.2.2 says filter strings follow RFC 7159), starting at the opening quote.
function scanString(source: string, start: number): { value: string; end: number } {
  let value = '';
  let chunk = start + 1;
  for (let i = start + 1; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === QUOTE) return { value: value + source.slice(chunk, i), end: i + 1 };
    if (code !== BACKSLASH) continue;
    value += source.slice(chunk, i);
    const escaped = source[i + 1];
    if (escaped === 'u') {
      const hex = source.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        throw new FilterSyntaxError('Invalid \\u escape in string', i, 'four hex digits', hex);
      }
      value += String.fromCharCode(Number.parseInt(hex, 16));
      i += 5;
    } else {
      const decoded = escaped === undefined ? undefined : ESCAPES[escaped];
      if (decoded === undefined) {
        throw new FilterSyntaxError(
          'Invalid escape in string',
          i,
          'one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
          `\\${escaped ?? ''}`,
        );
      }
      value += decoded;
      i += 1;
    }
    chunk = i + 1;
  }
  throw new FilterSyntaxError('Unterminated string', start, 'a closing "', 'end of input');
}

/** Splits filter or path text into tokens; words are every run of characters that are not space, quote or bracket. */
export function scanFilter(source: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < source.length) {
    const code = source.charCodeAt(i);
    if (code === SPACE || code === TAB || code === LF || code === CR) {
      i++;
    } else if (code === 0x28 || code === 0x29 || code === 0x5b || code === 0x5d) {
      const kind =
        code === 0x28 ? 'lparen' : code === 0x29 ? 'rparen' : code === 0x5b ? 'lbracket' : 'rbracket';
      tokens.push({ kind, text: source[i]!, offset: i });
      i++;
    } else if (code === QUOTE) {
      const { value, end } = scanString(source, i);
      tokens.push({ kind: 'string', text: value, offset: i });
      i = end;
    } else {
      const start = i;
      while (i < source.length && !isDelimiter(source.charCodeAt(i))) i++;
      tokens.push({ kind: 'word', text: source.slice(start, i), offset: start });
    }
  }
  tokens.push({ kind: 'eof', text: '', offset: source.length });
  return tokens;
}
