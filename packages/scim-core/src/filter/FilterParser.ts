/*
 * Recursive-descent parser for SCIM filters (RFC 7644 §3.4.2.2) and PATCH paths (§3.5.2).
 *
 *   filter     = orExpr EOF
 *   orExpr     = andExpr *( "or" andExpr )                          ; lowest precedence
 *   andExpr    = notExpr *( "and" notExpr )
 *   notExpr    = "not" "(" orExpr ")" / atom
 *   atom       = "(" orExpr ")" / attrExpr / valuePath
 *   valuePath  = attrPath "[" valFilter "]" [ "." subAttr ( "pr" / compareOp compValue ) ]
 *                ; the bracket tail is Entra's `emails[type eq "work"].value eq "x"` (Entra docs §4.1)
 *   valFilter  = orExpr with relative attribute paths and no nested valuePath
 *   attrExpr   = attrPath "pr" / attrPath compareOp compValue
 *   compareOp  = "eq" / "ne" / "co" / "sw" / "ew" / "gt" / "lt" / "ge" / "le"   ; case-insensitive
 *   compValue  = "false" / "null" / "true" / number / string / unquoted        ; unquoted: after "eq" only,
 *                ; as in Entra's older sample `externalId eq jyoung`
 *   attrPath   = [ URI ":" ] attrName [ "." subAttr ]   ; URI = everything up to the last ":" of a word
 *                                                       ; starting "urn:", so "…:2.0:User:manager.value" works
 *   attrName   = 1*( ALPHA / DIGIT / "-" / "_" / "$" )   ; wider than the RFC's ALPHA-first rule, for
 *                                                       ; ECMA2Host names such as "-dn-"
 *
 *   path       = attrPath EOF / valuePathP EOF / URI EOF (whole extension)
 *   valuePathP = attrPath "[" valFilter "]" [ "." subAttr ]
 *
 * Keywords and operators are case-insensitive; the AST holds them in lower case.
 */
import type { AttributePath, CompareOperator, Filter, FilterValue, PatchPath } from './ast.ts';
import { parseAttributePath } from './parseAttributePath.ts';
import { FilterSyntaxError, type FilterToken, scanFilter } from './scanFilter.ts';

const OPERATORS = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le']);
const NAME = /^[A-Za-z0-9_$-]+$/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const MAX_DEPTH = 64;

function describe(token: FilterToken): string {
  if (token.kind === 'eof') return 'end of input';
  if (token.kind === 'string')
    return `string ${JSON.stringify(token.text.length > 30 ? token.text.slice(0, 30) + '…' : token.text)}`;
  return `"${token.text.length > 30 ? token.text.slice(0, 30) + '…' : token.text}"`;
}

/** Parser state over one token list; one method per grammar production. */
export class FilterParser {
  private readonly tokens: FilterToken[];
  private position = 0;
  private depth = 0;
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
    this.tokens = scanFilter(source);
  }

  private peek(): FilterToken {
    return this.tokens[this.position]!;
  }

  private next(): FilterToken {
    const token = this.tokens[this.position]!;
    if (token.kind !== 'eof') this.position++;
    return token;
  }

  private isWord(token: FilterToken, word: string): boolean {
    return token.kind === 'word' && token.text.length === word.length && token.text.toLowerCase() === word;
  }

  private fail(expected: string, token: FilterToken = this.peek()): never {
    throw new FilterSyntaxError(
      `Expected ${expected} but found ${describe(token)}`,
      token.offset,
      expected,
      describe(token),
    );
  }

  private expect(kind: FilterToken['kind'], expected: string): FilterToken {
    const token = this.peek();
    if (token.kind !== kind) this.fail(expected);
    return this.next();
  }

  /** filter = orExpr EOF */
  parseFilter(): Filter {
    const filter = this.orExpr(false);
    if (this.peek().kind !== 'eof') this.fail('"and", "or" or end of filter');
    return filter;
  }

  /** path = attrPath EOF / valuePathP EOF */
  parsePath(): PatchPath {
    const start = this.expect('word', 'an attribute path');
    const attribute = parseAttributePath(start.text, start.offset);
    if (this.peek().kind !== 'lbracket') {
      this.expect('eof', 'end of path or "["');
      if (attribute.subAttribute === undefined) return { attribute, text: this.source };
      const bare: AttributePath =
        attribute.uri === undefined
          ? { name: attribute.name, text: attribute.text, offset: attribute.offset }
          : { uri: attribute.uri, name: attribute.name, text: attribute.text, offset: attribute.offset };
      return { attribute: bare, subAttribute: attribute.subAttribute, text: this.source };
    }
    if (attribute.subAttribute !== undefined) {
      throw new FilterSyntaxError(
        'A value filter must follow the attribute, not a sub-attribute',
        start.offset,
        'attr[filter].sub',
        `"${start.text}["`,
      );
    }
    this.next();
    const filter = this.orExpr(true);
    this.expect('rbracket', '"]"');
    const tail = this.peek();
    let subAttribute: string | undefined;
    if (tail.kind === 'word') {
      subAttribute = this.subAttributeAfterBracket();
    }
    this.expect('eof', 'end of path');
    return subAttribute === undefined
      ? { attribute, filter, text: this.source }
      : { attribute, filter, subAttribute, text: this.source };
  }

  /** orExpr = andExpr *( "or" andExpr ) */
  private orExpr(relative: boolean): Filter {
    let left = this.andExpr(relative);
    while (this.isWord(this.peek(), 'or')) {
      const { offset } = this.next();
      left = { kind: 'or', left, right: this.andExpr(relative), offset };
    }
    return left;
  }

  /** andExpr = notExpr *( "and" notExpr ) */
  private andExpr(relative: boolean): Filter {
    let left = this.notExpr(relative);
    while (this.isWord(this.peek(), 'and')) {
      const { offset } = this.next();
      left = { kind: 'and', left, right: this.notExpr(relative), offset };
    }
    return left;
  }

  /** notExpr = "not" "(" orExpr ")" / atom */
  private notExpr(relative: boolean): Filter {
    const token = this.peek();
    if (this.isWord(token, 'not') && this.tokens[this.position + 1]?.kind === 'lparen') {
      this.next();
      this.next();
      const filter = this.nested(relative);
      this.expect('rparen', '")"');
      return { kind: 'not', filter, offset: token.offset };
    }
    return this.atom(relative);
  }

  private nested(relative: boolean): Filter {
    if (++this.depth > MAX_DEPTH) {
      throw new FilterSyntaxError(
        `Filter nests deeper than ${MAX_DEPTH} levels`,
        this.peek().offset,
        'a shallower filter',
        'more nesting',
      );
    }
    const filter = this.orExpr(relative);
    this.depth--;
    return filter;
  }

  /** atom = "(" orExpr ")" / attrExpr / valuePath */
  private atom(relative: boolean): Filter {
    const token = this.peek();
    if (token.kind === 'lparen') {
      this.next();
      const filter = this.nested(relative);
      this.expect('rparen', '")"');
      return filter;
    }
    if (token.kind !== 'word') this.fail('an attribute path, "(" or "not ("');
    this.next();
    const attribute = parseAttributePath(token.text, token.offset);
    if (this.peek().kind === 'lbracket') return this.valuePath(attribute, relative);
    return this.attrExpr(attribute);
  }

  /** valuePath = attrPath "[" valFilter "]" [ "." subAttr ( "pr" / compareOp compValue ) ] */
  private valuePath(attribute: AttributePath, relative: boolean): Filter {
    const open = this.next();
    if (relative)
      throw new FilterSyntaxError('Value filters cannot be nested', open.offset, 'a comparison', '"["');
    if (attribute.subAttribute !== undefined) {
      throw new FilterSyntaxError(
        'A value filter must follow the attribute, not a sub-attribute',
        open.offset,
        'attr[filter]',
        `"${attribute.text}["`,
      );
    }
    let filter = this.orExpr(true);
    this.expect('rbracket', '"]" to close the value filter');
    if (this.peek().kind === 'word' && this.peek().text.startsWith('.')) {
      const subOffset = this.peek().offset + 1;
      const name = this.subAttributeAfterBracket();
      const sub: AttributePath = { name, text: name, offset: subOffset };
      filter = { kind: 'and', left: filter, right: this.attrExpr(sub), offset: subOffset - 1 };
    }
    return { kind: 'valuePath', attribute, filter, offset: attribute.offset };
  }

  private subAttributeAfterBracket(): string {
    const token = this.next();
    const name = token.text.slice(1);
    if (!token.text.startsWith('.') || !NAME.test(name)) {
      throw new FilterSyntaxError(
        'Invalid sub-attribute after "]"',
        token.offset,
        '"." and a sub-attribute name',
        describe(token),
      );
    }
    return name;
  }

  /** attrExpr = attrPath "pr" / attrPath compareOp compValue */
  private attrExpr(attribute: AttributePath): Filter {
    const opToken = this.peek();
    if (opToken.kind !== 'word') this.fail('an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)');
    const op = opToken.text.toLowerCase();
    if (op === 'pr') {
      this.next();
      return { kind: 'present', attribute, offset: attribute.offset };
    }
    if (!OPERATORS.has(op)) this.fail('an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)');
    this.next();
    return this.compValue(attribute, op as CompareOperator);
  }

  /** compValue = "false" / "null" / "true" / number / string / unquoted */
  private compValue(attribute: AttributePath, op: CompareOperator): Filter {
    const token = this.peek();
    const offset = attribute.offset;
    if (token.kind === 'string') {
      this.next();
      return { kind: 'compare', op, attribute, value: token.text, offset };
    }
    if (token.kind !== 'word') this.fail('a value (string, number, true, false or null)');
    this.next();
    const lower = token.text.toLowerCase();
    let value: FilterValue;
    if (lower === 'true') value = true;
    else if (lower === 'false') value = false;
    else if (lower === 'null') value = null;
    else if (NUMBER.test(token.text)) value = Number(token.text);
    else if (op === 'eq' && lower !== 'and' && lower !== 'or') {
      return { kind: 'compare', op, attribute, value: token.text, unquoted: true, offset };
    } else {
      this.fail('a value (quoted string, number, true, false or null)', token);
    }
    return { kind: 'compare', op, attribute, value, offset };
  }
}
