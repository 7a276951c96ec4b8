import { LdapOperationError } from '../errors/LdapOperationError.ts';

/**
 * Escapes a value for an LDAP search filter (RFC 4515 §3): `*`, `(`, `)`, `\` and NUL become `\2a`, `\28`,
 * `\29`, `\5c`, `\00`; a Buffer is escaped byte by byte (binary attributes such as objectGUID).
 * @param value the raw assertion value
 * @example `(uid=${escapeFilterValue('a*b')})` // '(uid=a\\2ab)'
 */
export function escapeFilterValue(value: string | Uint8Array): string {
  if (typeof value !== 'string') {
    let out = '';
    for (const byte of value) out += `\\${byte.toString(16).padStart(2, '0')}`;
    return out;
  }
  let out = '';
  for (const c of value) {
    switch (c) {
      case '*':
        out += '\\2a';
        break;
      case '(':
        out += '\\28';
        break;
      case ')':
        out += '\\29';
        break;
      case '\\':
        out += '\\5c';
        break;
      case '\u0000':
        out += '\\00';
        break;
      default:
        out += c;
    }
  }
  return out;
}

/**
 * Builds an equality filter `(attribute=value)` with the value escaped and the attribute name checked.
 * @param attribute an attribute description (name or OID, options allowed)
 * @param value the raw value
 */
export function equalityFilter(attribute: string, value: string | Uint8Array): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9.;-]*$/.test(attribute)) {
    throw new LdapOperationError(
      `"${attribute}" is not a valid LDAP attribute description; use the attribute's name or OID as in the schema.`,
      { code: 'filterError', kind: 'invalid', attribute },
    );
  }
  return `(${attribute}=${escapeFilterValue(value)})`;
}
