/*
 * RFC 4514 distinguished names, as far as provisioning needs them: validate a DN that a client sent (`-dn-`)
 * or that the DN rule produced, compare DNs, take the parent, and build DNs from values.
 *
 * Grammar (RFC 4514 §3, one method per production below):
 *   distinguishedName = [ rdn *( "," rdn ) ]
 *   rdn               = attributeTypeAndValue *( "+" attributeTypeAndValue )
 *   attributeTypeAndValue = attributeType "=" attributeValue
 *   attributeType     = descr / numericoid           ; descr = ALPHA *( ALPHA / DIGIT / "-" )
 *   attributeValue    = hexstring / string
 *   hexstring         = "#" 1*( HEX HEX )
 *   string            = *( stringchar / "\" ( special / "\" / HEX HEX ) )
 * Spaces around "," "+" "=" are tolerated on input (RFC 4514 §4, "be liberal").
 */

/** Longest DN accepted; longer input is rejected before parsing. */
const MAX_DN_LENGTH = 8192;

/** One attribute-type/value pair of an RDN, value unescaped. */
export interface DnAttribute {
  readonly type: string;
  readonly value: string;
}

/** A parsed DN: RDNs from the entry itself (index 0) up to the root. */
export type ParsedDn = readonly (readonly DnAttribute[])[];

/** Why a string is not a DN: what was expected, what was found, where (offset and a caret line). */
export class DnSyntaxError extends Error {
  override readonly name = 'DnSyntaxError';
  /**
   * @param input the rejected DN
   * @param offset where parsing stopped
   * @param expected what the grammar wanted at `offset`
   */
  constructor(
    readonly input: string,
    readonly offset: number,
    readonly expected: string,
  ) {
    const found = offset < input.length ? JSON.stringify(input[offset]) : 'end of input';
    const shown = input.length > 200 ? `${input.slice(0, 200)}…` : input;
    const caret = offset <= 200 ? `\n  ${shown}\n  ${' '.repeat(offset)}^` : '';
    super(`Invalid DN: expected ${expected} at offset ${offset}, found ${found}${caret}`);
  }
}

/** Characters that end a plain run inside a value (separators, specials, escapes). */
const VALUE_STOP = new Set([',', '+', ';', '"', '<', '>', '=', '\\']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const utf8 = new TextDecoder('utf-8', { fatal: false });

class DnParser {
  private pos = 0;
  constructor(private readonly input: string) {}

  distinguishedName(): ParsedDn {
    const rdns: DnAttribute[][] = [];
    this.skipSpaces();
    if (this.pos >= this.input.length) return rdns;
    rdns.push(this.rdn());
    while (this.peek() === ',' || this.peek() === ';') {
      this.pos++;
      rdns.push(this.rdn());
    }
    if (this.pos < this.input.length) throw new DnSyntaxError(this.input, this.pos, '"," or "+"');
    return rdns;
  }

  private rdn(): DnAttribute[] {
    const parts = [this.attributeTypeAndValue()];
    while (this.peek() === '+') {
      this.pos++;
      parts.push(this.attributeTypeAndValue());
    }
    return parts;
  }

  private attributeTypeAndValue(): DnAttribute {
    this.skipSpaces();
    const type = this.attributeType();
    this.skipSpaces();
    if (this.peek() !== '=') throw new DnSyntaxError(this.input, this.pos, '"="');
    this.pos++;
    this.skipSpaces();
    const value = this.peek() === '#' ? this.hexstring() : this.string();
    return { type, value };
  }

  private attributeType(): string {
    const match = /^(?:[A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\.[0-9]+)*)/.exec(this.input.slice(this.pos));
    if (!match) throw new DnSyntaxError(this.input, this.pos, 'an attribute type (name or OID)');
    this.pos += match[0].length;
    return match[0];
  }

  private hexstring(): string {
    const start = this.pos++;
    const match = /^(?:[0-9A-Fa-f]{2})+/.exec(this.input.slice(this.pos));
    if (!match) throw new DnSyntaxError(this.input, this.pos, 'hex pairs after "#"');
    this.pos += match[0].length;
    this.skipSpaces();
    return this.input.slice(start, this.pos).trimEnd();
  }

  private string(): string {
    // Plain runs are copied as slices; only `\XX` escapes go through bytes (consecutive ones may form one
    // UTF-8 character). Unescaped trailing spaces are not part of the value.
    let out = '';
    let pending: number[] = [];
    let trailingSpaces = 0;
    const flush = (): void => {
      if (pending.length === 0) return;
      out += utf8.decode(Uint8Array.from(pending));
      pending = [];
    };
    const input = this.input;
    while (this.pos < input.length) {
      const ch = input[this.pos] as string;
      if (ch === ',' || ch === '+' || ch === ';') break;
      if (ch === '"' || ch === '<' || ch === '>' || ch === '=')
        throw new DnSyntaxError(input, this.pos, `a value character (escape ${ch} as \\${ch})`);
      if (ch === '\\') {
        const next = input.slice(this.pos + 1, this.pos + 3);
        if (/^[0-9A-Fa-f]{2}$/.test(next)) {
          pending.push(Number.parseInt(next, 16));
          this.pos += 3;
        } else if (next.length > 0 && ' "#+,;<=>\\'.includes(next[0] as string)) {
          flush();
          out += next[0];
          this.pos += 2;
        } else {
          throw new DnSyntaxError(input, this.pos + 1, 'a special character or two hex digits after "\\"');
        }
        trailingSpaces = 0;
        continue;
      }
      flush();
      const start = this.pos;
      while (this.pos < input.length && !VALUE_STOP.has(input[this.pos] as string)) this.pos++;
      const run = input.slice(start, this.pos);
      out += run;
      let kept = run.length;
      while (kept > 0 && run[kept - 1] === ' ') kept--;
      trailingSpaces = kept === 0 ? trailingSpaces + run.length : run.length - kept;
    }
    flush();
    const value = trailingSpaces > 0 ? out.slice(0, out.length - trailingSpaces) : out;
    // A lone surrogate cannot be sent as UTF-8: it becomes U+FFFD, as encoding would make it.
    return LONE_SURROGATE.test(value) ? utf8.decode(new TextEncoder().encode(value)) : value;
  }

  private skipSpaces(): void {
    while (this.input[this.pos] === ' ') this.pos++;
  }

  private peek(): string | undefined {
    return this.input[this.pos];
  }
}

/**
 * Parses an RFC 4514 DN into RDNs (values unescaped), so a DN from a client or the DN rule is checked before
 * it reaches the directory.
 * @param dn the DN string
 * @example parseDn('cn=Smith\\, J,dc=example,dc=org')[0] // [{ type: 'cn', value: 'Smith, J' }]
 */
export function parseDn(dn: string): ParsedDn {
  if (dn.length > MAX_DN_LENGTH)
    throw new DnSyntaxError(dn.slice(0, 200), 200, `at most ${MAX_DN_LENGTH} characters`);
  return new DnParser(dn).distinguishedName();
}

/**
 * Escapes an attribute value for use in a DN (RFC 4514 §2.4), so user data never changes a DN's structure.
 * @param value the raw value
 */
export function escapeDnValue(value: string): string {
  let out = value.replace(/[\\"+,;<>=\0]/g, (ch) => (ch === '\0' ? '\\00' : `\\${ch}`));
  if (out.startsWith(' ') || out.startsWith('#')) out = `\\${out}`;
  if (out.endsWith(' ') && !out.endsWith('\\ ')) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/**
 * Formats parsed RDNs back to a DN string with every value escaped.
 * @param rdns the RDNs, entry first
 */
export function formatDn(rdns: ParsedDn): string {
  return rdns
    .map((rdn) =>
      rdn
        .map(
          ({ type, value }) =>
            `${type}=${value.startsWith('#') && /^#(?:[0-9A-Fa-f]{2})+$/.test(value) ? value : escapeDnValue(value)}`,
        )
        .join('+'),
    )
    .join(',');
}

/**
 * A comparison key for DNs: attribute types and values lower-cased, escaping normalised, RDN parts sorted.
 * Case-insensitive values are right for the naming attributes user entries use (cn, uid, ou, dc).
 * @param dn the DN string
 */
export function normalizeDn(dn: string): string {
  return parseDn(dn)
    .map((rdn) =>
      rdn
        .map(({ type, value }) => `${type.toLowerCase()}=${escapeDnValue(value.toLowerCase())}`)
        .sort()
        .join('+'),
    )
    .join(',');
}

/**
 * The parent DN (everything after the first RDN), or `''` for a one-RDN DN.
 * @param dn the DN string
 */
export function parentDn(dn: string): string {
  return formatDn(parseDn(dn).slice(1));
}
