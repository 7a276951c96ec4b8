/** Renders `source` with a caret under `offset`, windowed to ~70 characters so long filters stay readable. */
export function caretLine(source: string, offset: number): string {
  const start = Math.max(0, offset - 40);
  const end = Math.min(source.length, offset + 30);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < source.length ? '…' : '';
  const excerpt = source.slice(start, end).replace(/[\r\n\t]/g, ' ');
  return `${prefix}${excerpt}${suffix}\n${' '.repeat(prefix.length + offset - start)}^`;
}
