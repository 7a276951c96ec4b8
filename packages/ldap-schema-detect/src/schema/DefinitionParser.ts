/*
 * Recursive-descent parser for RFC 4512 §4.1 schema definitions, tolerant of what real servers emit.
 *
 * Grammar (RFC 4512 ABNF, loosened where servers deviate; WSP/SP are handled by the scanner):
 *
 *   definition   = "(" oid { field } ")" END
 *   field        = KEYWORD [ value ]          ; the keyword decides which value shape follows
 *   value        = qdescrs | qdstring | oids | woid | qdstrings
 *   qdescrs      = qdescr | "(" { qdescr [ "$" ] } ")"      ; NAME; descriptors may be unquoted
 *   qdescr       = QUOTED | WORD
 *   qdstring     = QUOTED | WORD                             ; DESC
 *   qdstrings    = qdstring | "(" { qdstring } ")"           ; X- extensions
 *   oids         = oid | "(" oid { [ "$" ] oid } ")"         ; SUP, MUST, MAY; "$" may be missing
 *   oid          = WORD | QUOTED                             ; numericoid, descr, or "name-oid"; AD quotes OIDs
 *   woid         = oid [ "{" len "}" ]                       ; SYNTAX; the length sticks to the WORD
 *
 * Keywords are matched case-insensitively and in any order (servers differ); a keyword the kind does not
 * define is kept in `extensions` with its value, so nothing a server says is silently lost.
 */
import type { SchemaDefinition } from './SchemaDefinition.ts';
import type { SchemaToken } from './scanSchema.ts';

/** Longest definition accepted, in characters; real definitions are well under 8 KiB. */
export const MAX_DEFINITION_LENGTH = 65_536;

export type Kind = SchemaDefinition['kind'];

/** Keywords each kind of definition defines (upper case). */
export const KEYWORDS: Readonly<Record<Kind, ReadonlySet<string>>> = {
  objectClass: new Set([
    'NAME',
    'DESC',
    'OBSOLETE',
    'SUP',
    'ABSTRACT',
    'STRUCTURAL',
    'AUXILIARY',
    'MUST',
    'MAY',
  ]),
  attributeType: new Set([
    'NAME',
    'DESC',
    'OBSOLETE',
    'SUP',
    'EQUALITY',
    'ORDERING',
    'SUBSTR',
    'SYNTAX',
    'SINGLE-VALUE',
    'COLLECTIVE',
    'NO-USER-MODIFICATION',
    'USAGE',
  ]),
  ldapSyntax: new Set(['DESC']),
  matchingRule: new Set(['NAME', 'DESC', 'OBSOLETE', 'SYNTAX']),
};

export class Failure {
  constructor(
    readonly offset: number,
    readonly expected: string,
    readonly found: string,
  ) {}
}

export type Fields = Map<string, string[] | true>;

/** One method per grammar production; throws {@link Failure} at the first token that does not fit. */
export class DefinitionParser {
  private pos = 0;

  constructor(
    private readonly tokens: readonly SchemaToken[],
    private readonly kind: Kind,
  ) {}

  /** definition = "(" oid { field } ")" END */
  definition(): { oid: string; fields: Fields } {
    this.expect('lparen', "'(' opening the definition");
    const oid = this.oid('the numeric OID');
    const fields: Fields = new Map();
    for (;;) {
      const t = this.peek();
      if (t.type === 'rparen') break;
      if (t.type !== 'word') throw this.failure(t, "a keyword (NAME, DESC, SUP, …) or ')'");
      this.field(fields);
    }
    this.pos++;
    const end = this.peek();
    if (end.type !== 'end') throw this.failure(end, 'end of definition after the closing parenthesis');
    return { oid, fields };
  }

  /** field = KEYWORD [ value ] */
  private field(fields: Fields): void {
    const keywordToken = this.next() as Extract<SchemaToken, { type: 'word' }>;
    const keyword = keywordToken.value.toUpperCase();
    if (!KEYWORDS[this.kind].has(keyword)) {
      fields.set(keywordToken.value, this.extensionValues());
      return;
    }
    switch (keyword) {
      case 'NAME':
        fields.set(keyword, this.qdescrs());
        return;
      case 'DESC':
        fields.set(keyword, [this.qdstring('a quoted description')]);
        return;
      case 'SUP':
      case 'MUST':
      case 'MAY':
        if (this.kind === 'objectClass') fields.set(keyword, this.oids());
        else fields.set(keyword, [this.oid('a superior attribute type')]);
        return;
      case 'EQUALITY':
      case 'ORDERING':
      case 'SUBSTR':
      case 'USAGE':
        fields.set(keyword, [this.oid(`a value after ${keyword}`)]);
        return;
      case 'SYNTAX':
        fields.set(keyword, [this.oid('a syntax OID')]);
        return;
      case 'OBSOLETE':
      case 'ABSTRACT':
      case 'STRUCTURAL':
      case 'AUXILIARY':
      case 'SINGLE-VALUE':
      case 'COLLECTIVE':
      case 'NO-USER-MODIFICATION':
        fields.set(keyword, true);
        return;
      default:
        fields.set(keywordToken.value, this.extensionValues());
    }
  }

  /** qdescrs = qdescr | "(" { qdescr [ "$" ] } ")" */
  private qdescrs(): string[] {
    const t = this.peek();
    if (t.type === 'quoted' || t.type === 'word') {
      this.pos++;
      return [t.value];
    }
    if (t.type !== 'lparen') throw this.failure(t, "a quoted name or '(' starting a name list");
    this.pos++;
    const names: string[] = [];
    for (;;) {
      const u = this.next();
      if (u.type === 'rparen') return names;
      if (u.type === 'quoted' || u.type === 'word') names.push(u.value);
      else if (u.type !== 'dollar') throw this.failure(u, "a quoted name or ')'");
    }
  }

  /** qdstring = QUOTED | WORD */
  private qdstring(expected: string): string {
    const t = this.next();
    if (t.type === 'quoted' || t.type === 'word') return t.value;
    throw this.failure(t, expected);
  }

  /** oids = oid | "(" oid { [ "$" ] oid } ")" */
  private oids(): string[] {
    const t = this.peek();
    if (t.type !== 'lparen') return [this.oid('an OID or name')];
    this.pos++;
    const list: string[] = [];
    for (;;) {
      const u = this.peek();
      if (u.type === 'rparen') {
        this.pos++;
        if (list.length === 0) throw this.failure(u, 'at least one OID or name in the list');
        return list;
      }
      if (u.type === 'dollar') {
        this.pos++;
        continue;
      }
      list.push(this.oid("an OID or name, '$' or ')'"));
    }
  }

  /** oid = WORD | QUOTED */
  private oid(expected: string): string {
    const t = this.next();
    if ((t.type === 'word' || t.type === 'quoted') && t.value.length > 0) return t.value;
    throw this.failure(t, expected);
  }

  /** qdstrings = qdstring | "(" { qdstring } ")"; also used for keywords this kind does not define. */
  private extensionValues(): string[] {
    const t = this.peek();
    if (t.type === 'quoted') {
      this.pos++;
      return [t.value];
    }
    if (t.type === 'word' && !this.isKeyword(t.value)) {
      this.pos++;
      return [t.value];
    }
    if (t.type !== 'lparen') return [];
    this.pos++;
    const values: string[] = [];
    for (;;) {
      const u = this.next();
      if (u.type === 'rparen') return values;
      if (u.type === 'quoted' || u.type === 'word') values.push(u.value);
      else if (u.type !== 'dollar') throw this.failure(u, "a quoted value or ')'");
    }
  }

  private isKeyword(word: string): boolean {
    return KEYWORDS[this.kind].has(word.toUpperCase()) || /^X-/i.test(word);
  }

  private expect(type: SchemaToken['type'], expected: string): SchemaToken {
    const t = this.next();
    if (t.type !== type) throw this.failure(t, expected);
    return t;
  }

  private peek(): SchemaToken {
    return this.tokens[this.pos] as SchemaToken;
  }

  private next(): SchemaToken {
    const t = this.tokens[this.pos] as SchemaToken;
    if (t.type !== 'end') this.pos++;
    return t;
  }

  private failure(t: SchemaToken, expected: string): Failure {
    return new Failure(t.offset, expected, describeToken(t));
  }
}

function describeToken(t: SchemaToken): string {
  switch (t.type) {
    case 'lparen':
      return "'('";
    case 'rparen':
      return "')'";
    case 'dollar':
      return "'$'";
    case 'word':
      return `'${t.value}'`;
    case 'quoted':
      return `quoted '${t.value}'`;
    case 'end':
      return 'end of input';
  }
}
