import { DetectError } from '../DetectError.ts';

/** One LDIF content record: its DN and attributes (names as written, values in order). */
export interface LdifRecord {
  readonly dn: string;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

/** Largest LDIF text accepted (characters). */
export const MAX_LDIF_LENGTH = 32 * 1024 * 1024;

/**
 * Parses LDIF content records (RFC 2849): comments, folded lines, `attr:: base64`. Enough to load recorded Root
 * DSE and subschema entries (e.g. `ldapsearch -LLL -b "" -s base '*' '+'` output) for offline detection.
 * Change records and `:<` URLs are rejected with the line number.
 * @param text LDIF text
 * @example
 * const [rootDse, subschema] = parseLdif(readFileSync('fixture.ldif', 'utf8'));
 */
export function parseLdif(text: string): LdifRecord[] {
  if (text.length > MAX_LDIF_LENGTH) {
    throw new DetectError(
      'input-too-large',
      `LDIF input is ${text.length} characters; at most ${MAX_LDIF_LENGTH} are accepted.`,
    );
  }
  const lines: { text: string; no: number }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.startsWith(' ') && lines.length > 0 && !(lines.at(-1) as { text: string }).text.startsWith('#')) {
      (lines.at(-1) as { text: string }).text += raw.slice(1);
    } else lines.push({ text: raw, no: i + 1 });
  });
  const records: LdifRecord[] = [];
  let current: { dn: string; attributes: Record<string, string[]> } | null = null;
  for (const { text: line, no } of lines) {
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      if (current) records.push(current);
      current = null;
      continue;
    }
    const m = /^([A-Za-z0-9][A-Za-z0-9;.-]*)(:<|::|:)\s?(.*)$/.exec(line);
    if (!m)
      throw new DetectError(
        'ldif-syntax',
        `LDIF line ${no}: expected 'attribute: value', found '${line.slice(0, 60)}'.`,
      );
    const [, name, sep, rawValue] = m as unknown as [string, string, string, string];
    if (sep === ':<')
      throw new DetectError(
        'ldif-syntax',
        `LDIF line ${no}: URL values (':<') are not supported; inline the value.`,
      );
    const value = sep === '::' ? Buffer.from(rawValue, 'base64').toString('utf8') : rawValue;
    if (current === null) {
      if (name.toLowerCase() === 'version') continue;
      if (name.toLowerCase() !== 'dn')
        throw new DetectError(
          'ldif-syntax',
          `LDIF line ${no}: a record must start with 'dn:', found '${name}:'.`,
        );
      current = { dn: value, attributes: {} };
      continue;
    }
    if (name.toLowerCase() === 'changetype')
      throw new DetectError(
        'ldif-syntax',
        `LDIF line ${no}: change records are not supported; use content records.`,
      );
    const values = current.attributes[name] ?? [];
    values.push(value);
    current.attributes[name] = values;
  }
  if (current) records.push(current);
  return records;
}
