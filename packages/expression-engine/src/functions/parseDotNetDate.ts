import { build, offsetMinutes } from './parseDateText.ts';
import { DAYS, MONTHS, tokenizeDateFormat } from './tokenizeDateFormat.ts';

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
