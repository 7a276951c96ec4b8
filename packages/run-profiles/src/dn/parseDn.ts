import { LdapOperationError } from '../errors/LdapOperationError.ts';

/*
 * RFC 4514 §3 grammar, as parsed here (one method per production):
 *
 *   distinguishedName = [ rdn *( COMMA rdn ) ]
 *   rdn               = atav *( PLUS atav )
 *   atav              = attributeType EQUALS attributeValue
 *   attributeType     = descr / numericoid          ; descr = ALPHA *( ALPHA / DIGIT / HYPHEN )
 *   attributeValue    = hexstring / string
 *   hexstring         = SHARP 1*hexpair
 *   string            = *( stringchar / pair )      ; unescaped leading/trailing spaces are dropped
 *   pair              = ESC ( ESC / special / hexpair )
 *   special           = DQUOTE / PLUS / COMMA / SEMI / LANGLE / RANGLE / SPACE / SHARP / EQUALS
 *
 * Lenient where servers and people are (RFC 4514 §3 allows it): spaces around `,` `+` `=` are ignored, a
 * `;` separates RDNs like `,`, and an `OID.` prefix on a numeric type is dropped.
 */

/** One attribute type and value of an RDN; `value` is decoded (escapes resolved, UTF-8). */
export interface Ava {
  readonly type: string;
  readonly value: string;
}
/** A relative distinguished name: one or more AVAs joined by `+`. */
export type Rdn = readonly Ava[];
/** A parsed DN: RDNs from the entry itself (leftmost) to the root. */
export type Dn = readonly Rdn[];

/** One problem found while parsing a DN. */
export interface DnIssue {
  readonly message: string;
  readonly expected: string;
  readonly found: string;
  readonly offset: number;
}

/** DNs longer than this are refused, so a hostile input cannot make parsing expensive. */
export const maxDnLength = 8192;

class DnParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  distinguishedName(): Dn {
    this.skipSpaces();
    if (this.pos >= this.text.length) return [];
    const rdns: Rdn[] = [this.rdn()];
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c !== ',' && c !== ';') this.fail('"," between RDNs');
      this.pos++;
      rdns.push(this.rdn());
    }
    return rdns;
  }

  private rdn(): Rdn {
    const avas: Ava[] = [this.atav()];
    while (this.text[this.pos] === '+') {
      this.pos++;
      avas.push(this.atav());
    }
    return avas;
  }

  private atav(): Ava {
    this.skipSpaces();
    const type = this.attributeType();
    this.skipSpaces();
    if (this.text[this.pos] !== '=') this.fail('"=" after the attribute type');
    this.pos++;
    this.skipSpaces();
    const value = this.text[this.pos] === '#' ? this.hexstring() : this.string();
    return { type, value };
  }

  private attributeType(): string {
    const match = /^(?:[A-Za-z][A-Za-z0-9-]*|(?:OID\.|oid\.)?[0-9]+(?:\.[0-9]+)*)/.exec(
      this.text.slice(this.pos),
    );
    if (match === null) this.fail('an attribute type (name or OID)');
    this.pos += match[0].length;
    return match[0].replace(/^oid\./i, '');
  }

  private hexstring(): string {
    this.pos++;
    const match = /^(?:[0-9A-Fa-f]{2})+/.exec(this.text.slice(this.pos));
    if (match === null) this.fail('hex pairs after "#"');
    this.pos += match[0].length;
    this.skipSpaces();
    return Buffer.from(match[0], 'hex').toString('utf8');
  }

  private string(): string {
    const bytes: number[] = [];
    let trailingSpaces = 0;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] as string;
      if (c === ',' || c === '+' || c === ';') break;
      if (c === '\\') {
        this.pair(bytes);
        trailingSpaces = 0;
        continue;
      }
      if (c === '"' || c === '<' || c === '>' || c === '=' || c === '\u0000') {
        this.fail(`"${c}" escaped as "\\${c}"`);
      }
      for (const b of Buffer.from(c === ' ' ? ' ' : this.takeCodePoint(), 'utf8')) bytes.push(b);
      if (c === ' ') {
        this.pos++;
        trailingSpaces++;
      } else trailingSpaces = 0;
    }
    // Unescaped trailing spaces are not part of the value (RFC 4514 §3).
    bytes.length -= trailingSpaces;
    return Buffer.from(bytes).toString('utf8');
  }

  private takeCodePoint(): string {
    const cp = this.text.codePointAt(this.pos) ?? 0;
    const s = String.fromCodePoint(cp);
    this.pos += s.length;
    return s;
  }

  private pair(bytes: number[]): void {
    this.pos++;
    const next = this.text.slice(this.pos, this.pos + 2);
    if (/^[0-9A-Fa-f]{2}$/.test(next)) {
      bytes.push(Number.parseInt(next, 16));
      this.pos += 2;
      return;
    }
    const c = this.text[this.pos];
    if (c === undefined || !'\\ #=+,;<>"'.includes(c))
      this.fail('an escaped special character or hex pair after "\\"');
    bytes.push(c.charCodeAt(0));
    this.pos++;
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  private fail(expected: string): never {
    const found = this.pos >= this.text.length ? 'end of input' : `"${this.text[this.pos]}"`;
    throw new DnSyntaxError(this.text, {
      message: `expected ${expected}`,
      expected,
      found,
      offset: this.pos,
    });
  }
}

/** A DN that does not follow RFC 4514; the message shows the offset with a caret line. */
export class DnSyntaxError extends LdapOperationError {
  readonly issue: DnIssue;
  /**
   * @param text the DN as given
   * @param issue what was expected and found, and where
   */
  constructor(text: string, issue: DnIssue) {
    const shown = text.length > 120 ? `${text.slice(0, 120)}…` : text;
    super(
      `Invalid DN: ${issue.message}, found ${issue.found} at offset ${issue.offset}.\n  ${shown}\n  ${' '.repeat(Math.min(issue.offset, 121))}^`,
      { code: 'invalidDNSyntax', kind: 'invalid', dn: text },
    );
    this.issue = issue;
  }
}

/**
 * Parses a DN string (RFC 4514) into RDNs and decoded values; throws {@link DnSyntaxError}.
 * @param text the DN, e.g. `uid=jdoe,ou=people,dc=example,dc=org`
 * @example parseDn('cn=Doe\\, John,ou=people,dc=example,dc=org')[0] // [{ type: 'cn', value: 'Doe, John' }]
 */
export function parseDn(text: string): Dn {
  if (text.length > maxDnLength) {
    throw new DnSyntaxError(text.slice(0, 200), {
      message: `a DN of at most ${maxDnLength} characters`,
      expected: `at most ${maxDnLength} characters`,
      found: `${text.length} characters`,
      offset: maxDnLength,
    });
  }
  return new DnParser(text).distinguishedName();
}

// A DN of plain RDNs — `type=value` pairs of printable ASCII without any character that needs escaping,
// single inner spaces — is valid as it stands; every other DN goes through the parser.
const plainDn =
  /^[A-Za-z][A-Za-z0-9-]*=[\x21\x24-\x2a\x2d-\x3a\x3f-\x5b\x5d-\x7e]+(?: [\x21\x24-\x2a\x2d-\x3a\x3f-\x5b\x5d-\x7e]+)*(?:,[A-Za-z][A-Za-z0-9-]*=[\x21\x24-\x2a\x2d-\x3a\x3f-\x5b\x5d-\x7e]+(?: [\x21\x24-\x2a\x2d-\x3a\x3f-\x5b\x5d-\x7e]+)*)*$/;

/**
 * Checks that a string is a DN, throwing {@link DnSyntaxError} as {@link parseDn} does, without building the
 * parsed form when the DN is plain (the common case on the export hot path).
 * @param text the DN
 * @internal
 */
export function assertDn(text: string): void {
  if (text.length <= maxDnLength && plainDn.test(text)) return;
  parseDn(text);
}

/**
 * Parses a DN without throwing.
 * @param text the DN
 */
export function safeParseDn(
  text: string,
): { success: true; output: Dn } | { success: false; issues: readonly DnIssue[] } {
  try {
    return { success: true, output: parseDn(text) };
  } catch (error) {
    if (error instanceof DnSyntaxError) return { success: false, issues: [error.issue] };
    throw error;
  }
}
