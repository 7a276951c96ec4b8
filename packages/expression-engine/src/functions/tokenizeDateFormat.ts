/** One piece of a .NET date format: a specifier repeated `count` times, or literal text. */
export type DateFormatPart = { readonly spec: string; readonly count: number } | { readonly literal: string };

/** Invariant-culture month names. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Invariant-culture day names. */
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SPECIFIERS = 'dfFghHKmMstyzZ';

// Standard (one-letter) formats under the invariant culture, which is what Entra formats with.
const STANDARD: Readonly<Record<string, string>> = {
  d: 'MM/dd/yyyy',
  D: 'dddd, dd MMMM yyyy',
  f: 'dddd, dd MMMM yyyy HH:mm',
  F: 'dddd, dd MMMM yyyy HH:mm:ss',
  g: 'MM/dd/yyyy HH:mm',
  G: 'MM/dd/yyyy HH:mm:ss',
  m: 'MMMM dd',
  M: 'MMMM dd',
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  t: 'HH:mm',
  T: 'HH:mm:ss',
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  U: 'dddd, dd MMMM yyyy HH:mm:ss',
  y: 'yyyy MMMM',
  Y: 'yyyy MMMM',
};

const cache = new Map<string, readonly DateFormatPart[]>();

/**
 * Splits a .NET date format (custom, or a one-letter standard format) into parts; quoted text, `\x` and
 * `%x` are handled as .NET does.
 * @param format the format string
 */
export function tokenizeDateFormat(format: string): readonly DateFormatPart[] {
  const cached = cache.get(format);
  if (cached) return cached;
  const pattern = format.length === 1 && STANDARD[format] !== undefined ? STANDARD[format] : format;
  const parts: DateFormatPart[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'" || c === '"') {
      const close = pattern.indexOf(c, i + 1);
      const end = close < 0 ? pattern.length : close;
      parts.push({ literal: pattern.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '\\') {
      parts.push({ literal: pattern[i + 1] ?? '' });
      i += 2;
    } else if (c === '%') {
      i++;
    } else if (SPECIFIERS.includes(c)) {
      let j = i + 1;
      while (pattern[j] === c) j++;
      parts.push({ spec: c, count: j - i });
      i = j;
    } else {
      parts.push({ literal: c });
      i++;
    }
  }
  if (cache.size > 256) cache.clear();
  cache.set(format, parts);
  return parts;
}
