import { build, offsetMinutes } from './dateText.ts';

/** One piece of a .NET date format: a specifier repeated `count` times, or literal text. */
type Part = { readonly spec: string; readonly count: number } | { readonly literal: string };

const MONTHS = [
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
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
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

const cache = new Map<string, readonly Part[]>();

/**
 * Splits a .NET date format (custom, or a one-letter standard format) into parts; quoted text, `\x` and
 * `%x` are handled as .NET does.
 * @param format the format string
 */
export function tokenizeDateFormat(format: string): readonly Part[] {
  const cached = cache.get(format);
  if (cached) return cached;
  const pattern = format.length === 1 && STANDARD[format] !== undefined ? STANDARD[format] : format;
  const parts: Part[] = [];
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

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Formats a UTC instant with a .NET date format under the invariant culture (offset specifiers print UTC).
 * @param date the instant
 * @param format a custom format such as `yyyy-MM-dd` or a standard one such as `o`
 */
export function formatDotNetDate(date: Date, format: string): string {
  let out = '';
  for (const part of tokenizeDateFormat(format)) {
    out += 'literal' in part ? part.literal : formatPart(date, part.spec, part.count);
  }
  return out;
}

function formatPart(date: Date, spec: string, count: number): string {
  const hours = date.getUTCHours();
  switch (spec) {
    case 'd':
      return count >= 3
        ? count === 3
          ? DAYS[date.getUTCDay()]!.slice(0, 3)
          : DAYS[date.getUTCDay()]!
        : pad(date.getUTCDate(), count);
    case 'M':
      return count >= 3
        ? count === 3
          ? MONTHS[date.getUTCMonth()]!.slice(0, 3)
          : MONTHS[date.getUTCMonth()]!
        : pad(date.getUTCMonth() + 1, count);
    case 'y': {
      const year = date.getUTCFullYear();
      return count <= 2 ? pad(year % 100, count) : pad(year, count);
    }
    case 'H':
      return pad(hours, Math.min(count, 2));
    case 'h':
      return pad(hours % 12 === 0 ? 12 : hours % 12, Math.min(count, 2));
    case 'm':
      return pad(date.getUTCMinutes(), Math.min(count, 2));
    case 's':
      return pad(date.getUTCSeconds(), Math.min(count, 2));
    case 'f':
    case 'F': {
      const digits = pad(date.getUTCMilliseconds(), 3).padEnd(7, '0').slice(0, Math.min(count, 7));
      return spec === 'F' ? digits.replace(/0+$/, '') : digits;
    }
    case 't':
      return (hours < 12 ? 'AM' : 'PM').slice(0, count === 1 ? 1 : 2);
    case 'z':
      return count === 1 ? '+0' : count === 2 ? '+00' : '+00:00';
    case 'K':
    case 'Z':
      return 'Z';
    case 'g':
      return 'A.D.';
    default:
      return '';
  }
}

/**
 * Parses text that must match a .NET custom date format exactly (DateTime.ParseExact under the invariant
 * culture). Text without an offset is UTC. Returns null when the text does not match.
 * @param text the date text
 * @param format the format the text is written in
 * @param allowWhite whether leading/trailing white space is allowed (AllowLeadingWhite/AllowTrailingWhite)
 */
export function parseDotNetDate(text: string, format: string, allowWhite: boolean): Date | null {
  const input = allowWhite ? text.trim() : text;
  const f = {
    year: 1,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    fraction: '',
    offset: '',
    pm: undefined as boolean | undefined,
  };
  let i = 0;
  const digits = (min: number, max: number): number | null => {
    let j = i;
    while (j < input.length && j - i < max && input.charCodeAt(j) >= 48 && input.charCodeAt(j) <= 57) j++;
    if (j - i < min) return null;
    const value = Number(input.slice(i, j));
    i = j;
    return value;
  };
  for (const part of tokenizeDateFormat(format)) {
    if ('literal' in part) {
      if (!input.startsWith(part.literal, i)) return null;
      i += part.literal.length;
      continue;
    }
    const { spec, count } = part;
    let value: number | null = 0;
    switch (spec) {
      case 'y':
        value = count >= 3 ? digits(4, 4) : digits(count === 1 ? 1 : 2, 2);
        if (value !== null) f.year = count >= 3 ? value : value < 50 ? 2000 + value : 1900 + value;
        break;
      case 'M':
        value = count >= 3 ? matchName(MONTHS, count === 3) : digits(count, 2);
        if (value !== null) f.month = count >= 3 ? value + 1 : value;
        break;
      case 'd':
        value = count >= 3 ? matchName(DAYS, count === 3) : digits(count, 2);
        if (value !== null && count < 3) f.day = value;
        break;
      case 'H':
      case 'h':
        value = digits(Math.min(count, 2), 2);
        if (value !== null) f.hour = value;
        break;
      case 'm':
        value = digits(Math.min(count, 2), 2);
        if (value !== null) f.minute = value;
        break;
      case 's':
        value = digits(Math.min(count, 2), 2);
        if (value !== null) f.second = value;
        break;
      case 'f':
      case 'F': {
        const start = i;
        value = digits(spec === 'f' ? count : 0, count);
        f.fraction = input.slice(start, i);
        break;
      }
      case 't': {
        const marker = input.slice(i, i + (count === 1 ? 1 : 2)).toUpperCase();
        if (marker[0] !== 'A' && marker[0] !== 'P') return null;
        f.pm = marker[0] === 'P';
        i += marker.length;
        break;
      }
      case 'z':
      case 'K':
      case 'Z': {
        const m = /^(Z|[+-]\d{1,2}(?::?\d{2})?)/i.exec(input.slice(i));
        if (m) {
          f.offset = m[1]!.length === 2 ? `${m[1]![0]}0${m[1]![1]}` : m[1]!;
          i += m[1]!.length;
        } else if (spec === 'z') return null;
        break;
      }
      default:
        value = null;
    }
    if (value === null) return null;
  }
  if (i !== input.length) return null;
  if (f.pm !== undefined) {
    if (f.hour < 1 || f.hour > 12) return null;
    f.hour = (f.hour % 12) + (f.pm ? 12 : 0);
  }
  if (offsetMinutes(f.offset) === null) return null;
  return build(
    f.year,
    f.month,
    f.day,
    f.hour,
    f.minute,
    f.second,
    f.fraction === '' ? undefined : f.fraction,
    f.offset,
  );

  function matchName(names: readonly string[], short: boolean): number | null {
    for (let k = 0; k < names.length; k++) {
      const name = short ? names[k]!.slice(0, 3) : names[k]!;
      if (input.slice(i, i + name.length).toLowerCase() === name.toLowerCase()) {
        i += name.length;
        return k;
      }
    }
    return null;
  }
}
