/**
 * One CSV field, quoted (RFC 4180) when it holds the delimiter, a quote, CR or LF, or leading/trailing space.
 * @param value the field's text
 * @param delimiter the field separator; default `,`
 */
export function formatCsvField(value: string, delimiter = ','): string {
  if (
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    value.trim() !== value
  ) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

/**
 * One CSV line (RFC 4180: CRLF at the end).
 * @param values the fields in column order
 * @param delimiter the field separator; default `,`
 */
export function formatCsvRow(values: readonly string[], delimiter = ','): string {
  return `${values.map((v) => formatCsvField(v, delimiter)).join(delimiter)}\r\n`;
}

/** Options of {@link entryCsvFormatter}. */
export interface EntryCsvOptions {
  /** How the values of a multi-valued attribute are joined in one field; default `;` (as csvde does). */
  readonly multiValueSeparator?: string;
  readonly delimiter?: string;
}

/**
 * A formatter of directory entries as CSV lines with a fixed set of columns: `dn` first, then the attributes
 * (matched case-insensitively against the names the server returned).
 * @param attributes the columns after `dn`
 * @param options multi-value separator, delimiter
 * @example
 * const csv = entryCsvFormatter(['uid', 'mail']);
 * out.write(csv.header); for (const e of entries) out.write(csv.format(e));
 */
export function entryCsvFormatter(
  attributes: readonly string[],
  options: EntryCsvOptions = {},
): {
  readonly header: string;
  format(entry: {
    readonly dn: string;
    readonly attributes: Readonly<Record<string, readonly string[]>>;
  }): string;
} {
  const separator = options.multiValueSeparator ?? ';';
  const delimiter = options.delimiter ?? ',';
  const lower = attributes.map((a) => a.toLowerCase());
  return {
    header: formatCsvRow(['dn', ...attributes], delimiter),
    format(entry) {
      const byLower = new Map<string, readonly string[]>();
      for (const [name, values] of Object.entries(entry.attributes)) byLower.set(name.toLowerCase(), values);
      return formatCsvRow([entry.dn, ...lower.map((a) => (byLower.get(a) ?? []).join(separator))], delimiter);
    },
  };
}

/**
 * Rows of records as one CSV text: the columns are the union of the records' keys in first-seen order,
 * values as text (arrays joined with `;`, objects as JSON).
 * @param records the records
 * @param extraColumns columns appended after the records' own (e.g. `dn` of the matched entry)
 */
export function recordsToCsv(
  records: readonly Readonly<Record<string, unknown>>[],
  extraColumns: readonly string[] = [],
): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of records)
    for (const key of Object.keys(r))
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
  for (const c of extraColumns) if (!seen.has(c)) columns.push(c);
  const text = (v: unknown): string =>
    v === undefined || v === null
      ? ''
      : typeof v === 'string'
        ? v
        : Array.isArray(v)
          ? v.map(text).join(';')
          : typeof v === 'object'
            ? JSON.stringify(v)
            : String(v);
  let out = formatCsvRow(columns);
  for (const r of records) out += formatCsvRow(columns.map((c) => text(r[c])));
  return out;
}
