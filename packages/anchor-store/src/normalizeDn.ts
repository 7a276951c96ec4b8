import { AnchorStoreError } from './AnchorStoreError.ts';

/*
 * Grammar (RFC 4514 §3, read leniently the way servers and admins write DNs):
 *   distinguishedName = [ rdn *( SEP rdn ) ]       ; SEP = *SP ( "," / ";" ) *SP
 *   rdn               = ava *( *SP "+" *SP ava )
 *   ava               = type *SP "=" *SP value
 *   type              = descr / [ "OID." ] numericoid
 *   descr             = ALPHA *( ALPHA / DIGIT / "-" )
 *   numericoid        = number 1*( "." number )
 *   value             = hexstring / string
 *   hexstring         = "#" 1*( 2HEX )
 *   string            = *( char / "\" ( special / SP / 2HEX ) )   ; ends at an unescaped "," ";" "+"
 */

/** Longest DN accepted (characters). */
const MAX_DN_LENGTH = 16_384;

// Common numeric OIDs of naming attributes, so `2.5.4.3=x` and `cn=x` compare equal (RFC 4519).
const OID_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'cn',
  '2.5.4.6': 'c',
  '2.5.4.7': 'l',
  '2.5.4.8': 'st',
  '2.5.4.9': 'street',
  '2.5.4.10': 'o',
  '2.5.4.11': 'ou',
  '0.9.2342.19200300.100.1.1': 'uid',
  '0.9.2342.19200300.100.1.25': 'dc',
};

const TYPE = /(?:oid\.)?[0-9]+(?:\.[0-9]+)+|[A-Za-z][A-Za-z0-9-]*/iy;
const HEX_STRING = /#(?:[0-9A-Fa-f]{2})+/y;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Normalises a DN for comparison (RFC 4514): attribute types lower-cased (known OIDs named), values
 * unescaped (hex pairs decoded as UTF-8), compared case-insensitively with insignificant spaces removed,
 * spaces around separators dropped, multi-valued RDNs sorted, then re-escaped canonically. Two DNs name the
 * same entry when their normalised forms are equal.
 * @param dn the DN as written
 * @returns the canonical form, e.g. `cn=john smith,ou=people,dc=example,dc=org`
 * @throws AnchorStoreError `invalid-dn` with the offset and a caret line
 * @example
 * normalizeDn('CN=John\\20Smith , OU=People,dc=Example,dc=org'); // 'cn=john smith,ou=people,dc=example,dc=org'
 */
export function normalizeDn(dn: string): string {
  if (dn.length > MAX_DN_LENGTH) {
    throw new AnchorStoreError(
      'invalid-dn',
      `DN is ${dn.length} characters long; at most ${MAX_DN_LENGTH} are accepted`,
    );
  }
  // Fast path for the common shape (`uid=jo smith,ou=people,dc=example,dc=org`): named types, printable ASCII
  // values without specials or extra spaces. The parser would only lower-case it.
  if (SIMPLE_DN.test(dn)) return dn.toLowerCase();
  return new DnParser(dn).distinguishedName();
}

const SIMPLE_VALUE =
  '[\\x21\\x24-\\x2a\\x2d-\\x3a\\x3f-\\x5b\\x5d-\\x7e]+(?: [\\x21\\x24-\\x2a\\x2d-\\x3a\\x3f-\\x5b\\x5d-\\x7e]+)*';
const SIMPLE_RDN = `[A-Za-z][A-Za-z0-9-]*=${SIMPLE_VALUE}`;
const SIMPLE_DN = new RegExp(`^${SIMPLE_RDN}(?:,${SIMPLE_RDN})*$`);

class DnParser {
  private pos = 0;

  constructor(private readonly input: string) {}

  /** `distinguishedName = [ rdn *( SEP rdn ) ]` */
  distinguishedName(): string {
    this.skipSpaces();
    if (this.pos === this.input.length) return '';
    const rdns = [this.rdn()];
    while (this.pos < this.input.length) {
      const c = this.input[this.pos];
      if (c !== ',' && c !== ';') this.fail('"," between RDNs');
      this.pos++;
      this.skipSpaces();
      rdns.push(this.rdn());
    }
    return rdns.join(',');
  }

  /** `rdn = ava *( "+" ava )`; AVAs sorted so their order does not matter. */
  private rdn(): string {
    const avas = [this.ava()];
    while (this.input[this.pos] === '+') {
      this.pos++;
      this.skipSpaces();
      avas.push(this.ava());
    }
    return avas.length === 1 ? avas[0]! : avas.sort().join('+');
  }

  /** `ava = type "=" value` */
  private ava(): string {
    const type = this.type();
    this.skipSpaces();
    if (this.input[this.pos] !== '=') this.fail('"=" after the attribute type');
    this.pos++;
    this.skipSpaces();
    return `${type}=${this.value()}`;
  }

  /** `type = descr / [ "OID." ] numericoid` */
  private type(): string {
    TYPE.lastIndex = this.pos;
    const match = TYPE.exec(this.input);
    if (!match) this.fail('an attribute type (name or numeric OID)');
    this.pos += match[0].length;
    let type = match[0].toLowerCase();
    if (type.startsWith('oid.')) type = type.slice(4);
    return OID_NAMES[type] ?? type;
  }

  /** `value = hexstring / string`, returned normalised and re-escaped. */
  private value(): string {
    if (this.input[this.pos] === '#') {
      HEX_STRING.lastIndex = this.pos;
      const match = HEX_STRING.exec(this.input);
      if (!match) this.fail('hex pairs after "#"');
      this.pos += match[0].length;
      this.skipSpaces();
      return match[0].toLowerCase();
    }
    return escapeValue(normalizeValue(this.string()));
  }

  /** `string = *( char / escape )`; hex pairs in a row decode together as UTF-8. */
  private string(): string {
    let out = '';
    let start = this.pos;
    while (this.pos < this.input.length) {
      const c = this.input[this.pos]!;
      if (c === ',' || c === ';' || c === '+') break;
      if (c !== '\\') {
        this.pos++;
        continue;
      }
      out += this.input.slice(start, this.pos);
      out += this.escape();
      start = this.pos;
    }
    return out + this.input.slice(start, this.pos);
  }

  /** `escape = "\" ( special / SP / 2HEX )` — a run of hex pairs is one UTF-8 sequence. */
  private escape(): string {
    const bytes: number[] = [];
    while (this.input[this.pos] === '\\') {
      const pair = this.input.slice(this.pos + 1, this.pos + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(pair)) break;
      bytes.push(Number.parseInt(pair, 16));
      this.pos += 3;
    }
    if (bytes.length > 0) {
      try {
        return utf8.decode(new Uint8Array(bytes));
      } catch (cause) {
        this.fail('hex escapes that form UTF-8', cause);
      }
    }
    const next = this.input[this.pos + 1];
    if (next === undefined || !' "#+,;<=>\\'.includes(next))
      this.fail('a special character or two hex digits after "\\"');
    this.pos += 2;
    return next;
  }

  private skipSpaces(): void {
    while (this.input[this.pos] === ' ') this.pos++;
  }

  private fail(expected: string, cause?: unknown): never {
    const found = this.pos < this.input.length ? JSON.stringify(this.input[this.pos]) : 'the end';
    const from = Math.max(0, this.pos - 60);
    const shown = this.input.slice(from, this.pos + 60);
    throw new AnchorStoreError(
      'invalid-dn',
      `Invalid DN: expected ${expected} at offset ${this.pos}, found ${found}\n  ${shown}\n  ${' '.repeat(this.pos - from)}^`,
      { cause },
    );
  }
}

// caseIgnoreMatch with RFC 4518 insignificant-space handling; NFKC approximates the §2.2 mapping step.
function normalizeValue(raw: string): string {
  if (PLAIN.test(raw)) return raw.toLowerCase();
  return raw.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

// Printable ASCII with single inner spaces: already NFKC and space-normalised.
const PLAIN = /^(?:[\x21-\x7e]+(?: [\x21-\x7e]+)*)?$/;

function escapeValue(value: string): string {
  const escaped = value.replace(/[\\,+";<>=\u0000]/g, (c) => (c === '\u0000' ? '\\00' : `\\${c}`));
  return escaped.startsWith('#') ? `\\${escaped}` : escaped;
}
