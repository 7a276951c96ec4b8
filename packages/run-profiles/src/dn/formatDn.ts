import { type Ava, type Dn, parseDn, type Rdn } from './parseDn.ts';

/**
 * Escapes one attribute value for use in a DN string (RFC 4514 §2.4). A backslash is written as `\5C`, not
 * `\\`, so clients that split DNs on "a comma not preceded by a backslash" (ldapts' modifyDN) stay correct.
 * @param value the raw value
 * @example escapeDnValue('Doe, John') // 'Doe\\, John'
 */
export function escapeDnValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '\\') out += '\\5C';
    else if ('"+,;<>='.includes(c)) out += `\\${c}`;
    else if (c === '\u0000') out += '\\00';
    else if ((c === ' ' || c === '#') && i === 0) out += `\\${c}`;
    else if (c === ' ' && i === value.length - 1) out += '\\ ';
    else out += c;
  }
  return out;
}

/** Formats one RDN (`cn=Doe\, John` or `cn=a+uid=b`). */
export function formatRdn(rdn: Rdn): string {
  return rdn.map((ava) => `${ava.type}=${escapeDnValue(ava.value)}`).join('+');
}

/**
 * Formats a parsed DN as an RFC 4514 string, escaping every value.
 * @param dn the parsed DN
 */
export function formatDn(dn: Dn): string {
  return dn.map(formatRdn).join(',');
}

/**
 * Builds a DN from an RDN (attribute type and raw value) and a parent DN; the value is escaped, the parent is
 * parsed and re-formatted. The only way run-profiles composes DNs from data.
 * @param rdn naming attribute and value, e.g. `{ type: 'uid', value: 'jdoe' }` (or several for a multi-valued RDN)
 * @param parent the parent DN
 * @example buildDn({ type: 'cn', value: 'Doe, John' }, 'ou=people,dc=example,dc=org')
 */
export function buildDn(rdn: Ava | readonly Ava[], parent: string): string {
  const avas: Rdn = Array.isArray(rdn) ? (rdn as readonly Ava[]) : [rdn as Ava];
  return formatDn([avas, ...parseDn(parent)]);
}

function normalizeValue(value: string): string {
  // caseIgnoreMatch with insignificant-space handling (RFC 4518 §2.6.1), which every common naming
  // attribute (cn, uid, ou, dc, o, l, mail) uses.
  return value.normalize('NFKC').toLowerCase().replace(/ +/g, ' ').trim();
}

/**
 * A canonical form for comparing DNs: types and values lower-cased, spaces folded, multi-AVA RDNs sorted,
 * escapes made uniform. Assumes case-insensitive naming attributes (true for cn, uid, ou, dc, o, mail).
 * @param dn a DN string
 */
export function normalizeDn(dn: string): string {
  return parseDn(dn)
    .map((rdn) =>
      rdn
        .map((ava: Ava) => `${ava.type.toLowerCase()}=${escapeDnValue(normalizeValue(ava.value))}`)
        .sort()
        .join('+'),
    )
    .join(',');
}

/**
 * True when two DN strings name the same entry.
 * @param a a DN
 * @param b another DN
 */
export function dnEquals(a: string, b: string): boolean {
  return normalizeDn(a) === normalizeDn(b);
}

/**
 * The parent of a DN, or `undefined` for a single-RDN or empty DN.
 * @param dn a DN string
 */
export function parentDn(dn: string): string | undefined {
  const parsed = parseDn(dn);
  return parsed.length <= 1 ? undefined : formatDn(parsed.slice(1));
}

/**
 * The first RDN of a DN as a string (`uid=jdoe`).
 * @param dn a DN string
 */
export function rdnOf(dn: string): string {
  const first = parseDn(dn)[0];
  return first === undefined ? '' : formatRdn(first);
}

/**
 * True when `dn` equals `base` or lies below it.
 * @param dn the entry's DN
 * @param base the container DN
 */
export function isWithinDn(dn: string, base: string): boolean {
  const entry = normalizeDn(dn).split(/(?<!\\),/);
  const container = normalizeDn(base).split(/(?<!\\),/);
  if (container.length === 1 && container[0] === '') return true;
  if (container.length > entry.length) return false;
  const offset = entry.length - container.length;
  return container.every((rdn, i) => entry[offset + i] === rdn);
}
