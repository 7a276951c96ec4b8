/** Line and column (1-based) of an offset in a source text, and the caret line under it. */
export interface Location {
  readonly line: number;
  readonly column: number;
  readonly caret: string;
}

/**
 * Finds the 1-based line and column of `offset` and draws the source line with a `^` under it, so syntax
 * errors point at the spot even in multi-line expressions.
 * @param source the expression text
 * @param offset 0-based index into `source`
 */
export function locate(source: string, offset: number): Location {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = source.length;
  const column = offset - lineStart + 1;
  let text = source.slice(lineStart, lineEnd).replace(/\r$/, '');
  let pad = column - 1;
  // Keep caret lines readable for long one-line expressions: show at most 60 characters either side.
  if (pad > 60) {
    text = `…${text.slice(pad - 60)}`;
    pad = 61;
  }
  if (text.length > pad + 61) text = `${text.slice(0, pad + 60)}…`;
  return { line, column, caret: `${text}\n${' '.repeat(pad)}^` };
}
