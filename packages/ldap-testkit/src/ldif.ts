/** One directory entry as the testkit writes it: a DN and its attribute values. */
export interface LdifEntry {
  readonly dn: string;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

// RFC 2849 SAFE-STRING: no leading space, colon or '<', only printable ASCII, no trailing space
const SAFE_STRING = /^(?![ :<])[\x20-\x7e]*$/;

function line(name: string, value: string): string {
  if (SAFE_STRING.test(value) && !value.endsWith(' ')) return `${name}: ${value}\n`;
  return `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}\n`;
}

/**
 * Serialises one entry as an LDIF content record (RFC 2849), base64-encoding values that are not safe
 * as plain text, followed by the blank separator line.
 * @param entry the entry to write
 * @example
 * toLdif({ dn: 'ou=people,dc=example,dc=org', attributes: { objectClass: ['organizationalUnit'], ou: ['people'] } })
 */
export function toLdif(entry: LdifEntry): string {
  let out = line('dn', entry.dn);
  for (const [name, values] of Object.entries(entry.attributes)) {
    for (const value of values) out += line(name, value);
  }
  return `${out}\n`;
}

/**
 * Escapes an attribute value for use inside a DN (RFC 4514 section 2.4).
 * @param value the raw value, e.g. `Smith, John`
 */
export function escapeDnValue(value: string): string {
  let out = value.replace(/[\\,+"<>;=]/g, (c) => `\\${c}`).replace(/\0/g, '\\00');
  if (out.startsWith(' ') || out.startsWith('#')) out = `\\${out}`;
  if (out.endsWith(' ') && !out.endsWith('\\ ')) out = `${out.slice(0, -1)}\\ `;
  return out;
}
