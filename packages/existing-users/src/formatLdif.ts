// LDIF (RFC 2849) writing: entries (content records) and change records.
//
//   attrval-spec = AttributeDescription value-spec SEP
//   value-spec   = ":" ( FILL 0*1(SAFE-STRING) / ":" FILL BASE64-STRING )
//   SAFE-STRING  = [SAFE-INIT-CHAR *SAFE-CHAR]   ; ASCII 1-127 without NUL, LF, CR; first also not SPACE ":" "<"
//
// Values that are not SAFE-STRINGs, or end with a space, go out base64-encoded ("::"). Lines longer than 76
// characters are folded: the rest continues on the next line after one space.
import { ExistingUsersError } from './ExistingUsersError.ts';

/** An entry as read: DN and attribute values. */
export interface LdifEntry {
  readonly dn: string;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

/** One change of a modify change record. */
export interface LdifModification {
  readonly operation: 'add' | 'delete' | 'replace';
  readonly attribute: string;
  readonly values: readonly string[];
}

/** An LDIF change record. */
export type LdifChange =
  | {
      readonly type: 'add';
      readonly dn: string;
      readonly attributes: Readonly<Record<string, readonly string[]>>;
    }
  | { readonly type: 'modify'; readonly dn: string; readonly modifications: readonly LdifModification[] }
  | {
      readonly type: 'modrdn';
      readonly dn: string;
      readonly newRdn: string;
      readonly deleteOldRdn: boolean;
      readonly newSuperior?: string;
    }
  | { readonly type: 'delete'; readonly dn: string };

/** Options of the LDIF formatters. */
export interface LdifOptions {
  /** Attributes whose values are already base64 of binary data (as run-profiles reads jpegPhoto, …). */
  readonly binaryAttributes?: readonly string[];
  /** Longest line before folding; default 76 (RFC 2849 recommends at most 76). */
  readonly foldAt?: number;
}

/** The version line LDIF files start with. */
export const LDIF_VERSION = 'version: 1\n';

const attributeDescription = /^[A-Za-z][A-Za-z0-9-]*(;[A-Za-z0-9-]+)*$|^\d+(\.\d+)*(;[A-Za-z0-9-]+)*$/;

function isSafe(value: string): boolean {
  if (value.length === 0) return true;
  const first = value.charCodeAt(0);
  if (first === 0x20 || first === 0x3a || first === 0x3c) return false;
  if (value.charCodeAt(value.length - 1) === 0x20) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0 || c === 0x0a || c === 0x0d || c > 0x7f) return false;
  }
  return true;
}

function fold(line: string, width: number): string {
  if (line.length <= width) return `${line}\n`;
  let out = line.slice(0, width);
  for (let i = width; i < line.length; i += width - 1) out += `\n ${line.slice(i, i + width - 1)}`;
  return `${out}\n`;
}

/**
 * One `name: value` line (folded), base64-encoded when the value is not a SAFE-STRING.
 * @param name the attribute description (or `dn`, `changetype`, …)
 * @param value the value (for binary attributes: its base64)
 * @param options `binary` when the value is already base64; fold width
 */
export function formatLdifLine(
  name: string,
  value: string,
  options: { readonly binary?: boolean; readonly foldAt?: number } = {},
): string {
  if (!attributeDescription.test(name)) {
    throw new ExistingUsersError(
      'LDIF_VALUE',
      `"${name}" is not an LDAP attribute description; LDIF can hold only names like "cn" or "userCertificate;binary"`,
    );
  }
  const width = options.foldAt ?? 76;
  if (options.binary) return fold(`${name}:: ${value}`, width);
  if (isSafe(value)) return fold(value === '' ? `${name}:` : `${name}: ${value}`, width);
  return fold(`${name}:: ${Buffer.from(value, 'utf8').toString('base64')}`, width);
}

function binarySet(options: LdifOptions): ReadonlySet<string> {
  return new Set((options.binaryAttributes ?? []).map((a) => a.toLowerCase()));
}

function attributeLines(
  attributes: Readonly<Record<string, readonly string[]>>,
  binary: ReadonlySet<string>,
  foldAt: number | undefined,
): string {
  let out = '';
  for (const [name, values] of Object.entries(attributes)) {
    const isBinary = binary.has(name.toLowerCase().split(';')[0] ?? '');
    for (const value of values)
      out += formatLdifLine(name, value, { binary: isBinary, ...(foldAt ? { foldAt } : {}) });
  }
  return out;
}

/**
 * One entry as an LDIF content record, ending with the blank line that separates records.
 * @param entry DN and attributes
 * @param options binary attributes, fold width
 * @example
 * out.write(LDIF_VERSION + '\n' + formatLdifEntry({ dn: 'uid=a,dc=example,dc=org', attributes: { uid: ['a'] } }));
 */
export function formatLdifEntry(entry: LdifEntry, options: LdifOptions = {}): string {
  return `${formatLdifLine('dn', entry.dn, options)}${attributeLines(entry.attributes, binarySet(options), options.foldAt)}\n`;
}

/**
 * One change record (add, modify, modrdn, delete) as `ldapmodify` reads it, ending with a blank line.
 * @param change the change
 * @param options binary attributes, fold width
 */
export function formatLdifChange(change: LdifChange, options: LdifOptions = {}): string {
  const binary = binarySet(options);
  const fl = (n: string, v: string): string => formatLdifLine(n, v, options);
  let out = fl('dn', change.dn);
  switch (change.type) {
    case 'add':
      out += `changetype: add\n${attributeLines(change.attributes, binary, options.foldAt)}`;
      break;
    case 'modify':
      out += 'changetype: modify\n';
      for (const m of change.modifications) {
        out += `${m.operation}: ${m.attribute}\n`;
        out += attributeLines({ [m.attribute]: m.values }, binary, options.foldAt);
        out += '-\n';
      }
      break;
    case 'modrdn':
      out += `changetype: modrdn\n${fl('newrdn', change.newRdn)}deleteoldrdn: ${change.deleteOldRdn ? 1 : 0}\n`;
      if (change.newSuperior !== undefined) out += fl('newsuperior', change.newSuperior);
      break;
    case 'delete':
      out += 'changetype: delete\n';
      break;
    default: {
      const never: never = change;
      throw new Error(`unknown change ${String(never)}`);
    }
  }
  return `${out}\n`;
}
