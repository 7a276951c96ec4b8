/**
 * Tokens of an RFC 4512 schema definition. `word` covers numeric OIDs, descriptors and keywords (anything
 * that is not whitespace, a parenthesis, `$` or a quote); `quoted` is a qdstring with its escapes decoded.
 */
export type SchemaToken =
  | { readonly type: 'lparen'; readonly offset: number }
  | { readonly type: 'rparen'; readonly offset: number }
  | { readonly type: 'dollar'; readonly offset: number }
  | { readonly type: 'word'; readonly value: string; readonly offset: number }
  | { readonly type: 'quoted'; readonly value: string; readonly offset: number }
  | { readonly type: 'end'; readonly offset: number };

/** A scanner failure: where it happened and what was expected there. */
export interface ScanFailure {
  readonly offset: number;
  readonly expected: string;
  readonly found: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const DELIMITERS = new Set(['(', ')', '$', "'"]);

/**
 * Splits one schema definition into tokens with offsets. Tolerates what real servers emit: missing spaces
 * around parentheses and quotes (`MUST (cn$sn)`, `NAME 'cn'SUP name`), tabs and newlines.
 * qdstring escapes `\27` (quote) and `\5C` (backslash) are decoded, as RFC 4512 §4.1 defines.
 * @param input one definition, e.g. `( 2.5.6.6 NAME 'person' SUP top STRUCTURAL MUST ( sn $ cn ) )`
 */
export function scanSchema(input: string): { tokens: SchemaToken[] } | { failure: ScanFailure } {
  const tokens: SchemaToken[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const c = input[i] as string;
    if (WHITESPACE.has(c)) {
      i++;
    } else if (c === '(') {
      tokens.push({ type: 'lparen', offset: i++ });
    } else if (c === ')') {
      tokens.push({ type: 'rparen', offset: i++ });
    } else if (c === '$') {
      tokens.push({ type: 'dollar', offset: i++ });
    } else if (c === "'") {
      const start = i;
      const close = input.indexOf("'", i + 1);
      if (close < 0) {
        return { failure: { offset: start, expected: 'closing quote', found: 'end of input' } };
      }
      tokens.push({ type: 'quoted', value: unescapeQdstring(input.slice(i + 1, close)), offset: start });
      i = close + 1;
    } else {
      const start = i;
      while (i < n && !WHITESPACE.has(input[i] as string) && !DELIMITERS.has(input[i] as string)) i++;
      tokens.push({ type: 'word', value: input.slice(start, i), offset: start });
    }
  }
  tokens.push({ type: 'end', offset: n });
  return { tokens };
}

function unescapeQdstring(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(27|5c)/gi, (_m, hex: string) => (hex === '27' ? "'" : '\\'));
}
