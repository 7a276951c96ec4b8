/**
 * Renders a date the way Entra returns dates from expressions: `M/d/yyyy h:mm:ss tt`, in UTC.
 * @param date the instant
 */
export function formatEntraDate(date: Date): string {
  const hours = date.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${h12}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

// ISO 8601 (and the xs:date form with an offset right after the date, as Workday sends: 2020-03-16-07:00).
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// Entra's own rendering and US short dates: 8/25/2021 5:41:18 PM, 8/25/2021, 8/25/2021 17:41.
const US =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AP])M)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// LDAP generalized time: 20150123105347.1Z, 20150123105347Z, 201501231053+0100.
const GENERALIZED = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d{1,9}))?(Z|[+-]\d{4})?$/i;

/**
 * Reads a date string as CDate does. Accepted: ISO 8601 dates and date-times with an optional offset (also
 * directly after a date: `2020-03-16-07:00`), Entra's `M/d/yyyy h:mm:ss tt`, and LDAP generalized time.
 * Text without an offset is UTC (Entra evaluates in UTC). Returns null when the text is not a valid date.
 * @param text the date text
 */
export function parseDateText(text: string): Date | null {
  const trimmed = text.trim();
  let m = ISO.exec(trimmed);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7], m[8]);
  m = US.exec(trimmed);
  if (m) {
    let hour = +(m[4] ?? 0);
    const half = m[7]?.toUpperCase();
    if (half !== undefined) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (half === 'P' ? 12 : 0);
    }
    return build(+m[3]!, +m[1]!, +m[2]!, hour, +(m[5] ?? 0), +(m[6] ?? 0), undefined, m[8]);
  }
  m = GENERALIZED.exec(trimmed);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), m[7], m[8]);
  return null;
}

/**
 * Builds a UTC instant from calendar fields, rejecting impossible ones (month 13, 31 April, 25:00).
 * @param fraction decimal fraction digits of the second, if any
 * @param offset `Z`, `+hh`, `+hh:mm` or `+hhmm`, if any
 */
export function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string | undefined,
  offset: string | undefined,
): Date | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const date = new Date(time);
  if (year < 100) date.setUTCFullYear(year);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  const minutes = offsetMinutes(offset);
  if (minutes === null) return null;
  return new Date(date.getTime() - minutes * 60_000);
}

/** Minutes east of UTC for `Z`, `+hh`, `+hh:mm`, `+hhmm`; 0 when absent, null when out of range. */
export function offsetMinutes(offset: string | undefined): number | null {
  if (offset === undefined || offset === '' || offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 14 || minutes > 59) return null;
  return (offset[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
