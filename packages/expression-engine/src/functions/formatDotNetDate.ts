import { DAYS, MONTHS, tokenizeDateFormat } from './tokenizeDateFormat.ts';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Formats a UTC instant with a .NET date format under the invariant culture (offset specifiers print UTC).
 * @param date the instant
 * @param format a custom format such as `yyyy-MM-dd` or a standard one such as `o`
 */
export function formatDotNetDate(date: Date, format: string): string {
  let out = '';
  for (const part of tokenizeDateFormat(format)) {
    const text = 'literal' in part ? part.literal : formatPart(date, part.spec, part.count);
    // .NET drops the decimal point before an F fraction that prints nothing ("ss.FFF" → "09").
    if (text === '' && 'spec' in part && part.spec === 'F' && out.endsWith('.')) out = out.slice(0, -1);
    out += text;
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
