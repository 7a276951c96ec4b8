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

// Character classes by char code: 1 = whitespace, 2 = delimiter ( ) $ '
const CLASS = new Uint8Array(128);
for (const c of ' \t\n\r') CLASS[c.charCodeAt(0)] = 1;
for (const c of "()$'") CLASS[c.charCodeAt(0)] = 2;
const classOf = (code: number): number => (code < 128 ? (CLASS[code] as number) : 0);

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
    const code = input.charCodeAt(i);
    const cls = classOf(code);
    if (cls === 1) {
      i++;
    } else if (code === 40) {
      tokens.push({ type: 'lparen', offset: i++ });
    } else if (code === 41) {
      tokens.push({ type: 'rparen', offset: i++ });
    } else if (code === 36) {
      tokens.push({ type: 'dollar', offset: i++ });
    } else if (code === 39) {
      const start = i;
      const close = input.indexOf("'", i + 1);
      if (close < 0) {
        return { failure: { offset: start, expected: 'closing quote', found: 'end of input' } };
      }
      tokens.push({ type: 'quoted', value: unescapeQdstring(input.slice(i + 1, close)), offset: start });
      i = close + 1;
    } else {
      const start = i;
      i++;
      while (i < n && classOf(input.charCodeAt(i)) === 0) i++;
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
