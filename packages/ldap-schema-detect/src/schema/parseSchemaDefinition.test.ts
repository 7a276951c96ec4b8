import { describe, expect, it } from 'vitest';
import {
  MAX_DEFINITION_LENGTH,
  parseAttributeType,
  parseMatchingRule,
  parseObjectClass,
  parseSyntax,
  SchemaParseError,
  safeParseAttributeType,
  safeParseObjectClass,
} from '../index.ts';

describe('parseObjectClass', () => {
  it('parses the RFC 4519 person class', () => {
    const oc = parseObjectClass(
      "( 2.5.6.6 NAME 'person' SUP top STRUCTURAL MUST ( sn $ cn ) MAY ( userPassword $ telephoneNumber ) )",
    );
    expect(oc).toMatchObject({
      kind: 'objectClass',
      oid: '2.5.6.6',
      names: ['person'],
      sup: ['top'],
      classKind: 'STRUCTURAL',
      must: ['sn', 'cn'],
      may: ['userPassword', 'telephoneNumber'],
      obsolete: false,
    });
  });

  it("accepts AD's spacing: '(cn )' lists and missing spaces around quotes and parentheses", () => {
    const oc = parseObjectClass(
      "( 2.5.6.6 NAME 'person'SUP top STRUCTURAL MUST (cn ) MAY (sn$seeAlso $userPassword ) )",
    );
    expect(oc.must).toEqual(['cn']);
    expect(oc.may).toEqual(['sn', 'seeAlso', 'userPassword']);
    expect(oc.sup).toEqual(['top']);
  });

  it('keeps X- extensions, single and listed, and unknown keywords with their values', () => {
    const oc = parseObjectClass(
      "( 2.16.840.1.113730.3.2.2 NAME ( 'inetOrgPerson' 'User' ) SUP organizationalPerson STRUCTURAL X-NDS_NAMING ( 'cn' 'uid' ) X-ORIGIN 'RFC 2798' X-NDS_NOT_CONTAINER '1' )",
    );
    expect(oc.names).toEqual(['inetOrgPerson', 'User']);
    expect(oc.extensions).toEqual({
      'X-NDS_NAMING': ['cn', 'uid'],
      'X-ORIGIN': ['RFC 2798'],
      'X-NDS_NOT_CONTAINER': ['1'],
    });
  });

  it('accepts an OID written as name-oid, an ABSTRACT class and multiple superclasses without $', () => {
    const oc = parseObjectClass("( pwdPolicy-oid NAME 'pwdPolicy' SUP ( top person ) ABSTRACT )");
    expect(oc.oid).toBe('pwdPolicy-oid');
    expect(oc.sup).toEqual(['top', 'person']);
    expect(oc.classKind).toBe('ABSTRACT');
  });

  it('leaves classKind null when the definition omits it and matches keywords case-insensitively', () => {
    const oc = parseObjectClass("( 1.2.3 name 'x' must cn obsolete )");
    expect(oc.classKind).toBeNull();
    expect(oc.must).toEqual(['cn']);
    expect(oc.obsolete).toBe(true);
  });

  it('decodes qdstring escapes in DESC', () => {
    expect(parseObjectClass("( 1.2.3 NAME 'x' DESC 'it\\27s a \\5C' )").description).toBe("it's a \\");
  });

  it('throws a located SchemaParseError with a caret line', () => {
    const input = "( 2.5.6.6 NAME 'person' MUST ( ) MAY cn )";
    expect(() => parseObjectClass(input)).toThrow(SchemaParseError);
    const r = safeParseObjectClass(input);
    expect(r.success).toBe(false);
    if (r.success) return;
    const issue = r.issues[0];
    expect(issue).toMatchObject({ code: 'schema-syntax', offset: input.indexOf(') MAY'), found: "')'" });
    expect(issue?.caret.split('\n')[1]?.indexOf('^')).toBe(input.indexOf(') MAY'));
  });

  it('reports an unterminated quote at the quote', () => {
    const r = safeParseObjectClass("( 1.2.3 NAME 'broken )");
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.issues[0]).toMatchObject({ offset: 13, expected: 'closing quote', found: 'end of input' });
  });

  it('rejects text after the closing parenthesis and a missing opening one', () => {
    expect(safeParseObjectClass("( 1.2.3 NAME 'x' ) junk").success).toBe(false);
    const r = safeParseObjectClass("1.2.3 NAME 'x' )");
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.offset).toBe(0);
  });

  it('refuses definitions over the size cap with input-too-large', () => {
    const r = safeParseObjectClass(`( 1.2.3 DESC '${'a'.repeat(MAX_DEFINITION_LENGTH)}' )`);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.code).toBe('input-too-large');
  });
});

describe('parseAttributeType', () => {
  it('parses all RFC 4512 fields', () => {
    const at = parseAttributeType(
      "( 1.3.6.1.1.16.4 NAME 'entryUUID' DESC 'UUID of the entry' EQUALITY UUIDMatch ORDERING UUIDOrderingMatch SYNTAX 1.3.6.1.1.16.1 SINGLE-VALUE NO-USER-MODIFICATION USAGE directoryOperation )",
    );
    expect(at).toMatchObject({
      oid: '1.3.6.1.1.16.4',
      names: ['entryUUID'],
      equality: 'UUIDMatch',
      ordering: 'UUIDOrderingMatch',
      syntax: '1.3.6.1.1.16.1',
      singleValue: true,
      noUserModification: true,
      usage: 'directoryOperation',
    });
  });

  it("splits a SYNTAX length and accepts AD's quoted syntax OID", () => {
    expect(
      parseAttributeType("( 2.5.4.3 NAME 'cn' SYNTAX 1.3.6.1.4.1.1466.115.121.1.15{64} )"),
    ).toMatchObject({
      syntax: '1.3.6.1.4.1.1466.115.121.1.15',
      syntaxLength: 64,
    });
    expect(
      parseAttributeType(
        "( 1.2.840.113556.1.4.2 NAME 'objectGUID' SYNTAX '1.3.6.1.4.1.1466.115.121.1.40' SINGLE-VALUE )",
      ).syntax,
    ).toBe('1.3.6.1.4.1.1466.115.121.1.40');
  });

  it('defaults USAGE to userApplications, accepts it in any case, and rejects an unknown one', () => {
    expect(parseAttributeType("( 1.2.3 NAME 'a' )").usage).toBe('userApplications');
    expect(parseAttributeType("( 1.2.3 NAME 'a' USAGE dsaoperation )").usage).toBe('dSAOperation');
    const r = safeParseAttributeType("( 1.2.3 NAME 'a' USAGE sometimes )");
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]).toMatchObject({ found: "'sometimes'", offset: 17 });
  });

  it('keeps MUST in an attribute type as an unknown keyword, not as a field', () => {
    const at = parseAttributeType("( 1.2.3 NAME 'a' MUST cn )");
    expect(at.extensions).toEqual({ MUST: ['cn'] });
  });
});

describe('parseSyntax and parseMatchingRule', () => {
  it('parse ldapSyntaxes and matchingRules values', () => {
    expect(
      parseSyntax("( 1.3.6.1.4.1.1466.115.121.1.15 DESC 'Directory String' X-NOT-HUMAN-READABLE 'FALSE' )"),
    ).toEqual({
      kind: 'ldapSyntax',
      oid: '1.3.6.1.4.1.1466.115.121.1.15',
      description: 'Directory String',
      extensions: { 'X-NOT-HUMAN-READABLE': ['FALSE'] },
    });
    expect(
      parseMatchingRule("( 2.5.13.2 NAME 'caseIgnoreMatch' SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )"),
    ).toMatchObject({
      names: ['caseIgnoreMatch'],
      syntax: '1.3.6.1.4.1.1466.115.121.1.15',
    });
  });
});
