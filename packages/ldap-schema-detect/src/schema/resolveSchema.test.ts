import { describe, expect, it } from 'vitest';
import { fixtureSubschema } from '../../test/fixtures.ts';
import { allowedAttributes, getAttributeType, getObjectClass, resolveSchema } from '../index.ts';

const openldap = resolveSchema(fixtureSubschema('openldap-2.5.13.captured.ldif'));

describe('resolveSchema on the captured OpenLDAP 2.5 subschema', () => {
  it('folds superclasses into inetOrgPerson: effective MUST is objectClass, cn, sn', () => {
    const iop = getObjectClass(openldap, 'inetOrgPerson');
    expect(new Set(iop?.effectiveMust)).toEqual(new Set(['objectClass', 'cn', 'sn']));
    expect(iop?.superclasses).toEqual(['organizationalPerson', 'person', 'top']);
    expect(iop?.kind).toBe('structural');
    expect(iop?.effectiveMay).toEqual(
      expect.arrayContaining(['mail', 'uid', 'telephoneNumber', 'userPassword', 'ou']),
    );
    expect(iop?.effectiveMay).not.toContain('cn');
  });

  it('knows posixAccount is AUXILIARY and top ABSTRACT', () => {
    expect(getObjectClass(openldap, 'posixaccount')?.kind).toBe('auxiliary');
    expect(getObjectClass(openldap, 'top')?.kind).toBe('abstract');
    expect(openldap.extensibleObject).toBe(true);
  });

  it('finds attributes by any name or OID, case-insensitively, ignoring options', () => {
    const cn = getAttributeType(openldap, 'COMMONNAME');
    expect(cn?.name).toBe('cn');
    expect(getAttributeType(openldap, '2.5.4.3')).toBe(cn);
    expect(getAttributeType(openldap, 'cn;lang-de')).toBe(cn);
    expect(getAttributeType(openldap, 'nosuchattribute')).toBeUndefined();
  });

  it('inherits syntax and equality through SUP (cn SUP name) and decides case sensitivity', () => {
    const cn = getAttributeType(openldap, 'cn');
    expect(cn).toMatchObject({
      sup: 'name',
      syntax: '1.3.6.1.4.1.1466.115.121.1.15',
      valueKind: 'string',
      equality: 'caseIgnoreMatch',
      caseSensitive: false,
    });
    expect(getAttributeType(openldap, 'mail')?.caseSensitive).toBe(false);
    expect(getAttributeType(openldap, 'uid')?.singleValue).toBe(false);
  });

  it('maps syntaxes to value kinds and flags', () => {
    expect(getAttributeType(openldap, 'uidNumber')).toMatchObject({
      valueKind: 'integer',
      singleValue: true,
    });
    expect(getAttributeType(openldap, 'member')?.valueKind).toBe('dn');
    expect(getAttributeType(openldap, 'jpegPhoto')?.valueKind).toBe('binary');
    expect(getAttributeType(openldap, 'modifyTimestamp')).toMatchObject({
      valueKind: 'generalizedTime',
      operational: true,
      noUserModification: true,
    });
    expect(getAttributeType(openldap, 'userCertificate')).toMatchObject({
      binaryTransfer: true,
      valueKind: 'binary',
    });
    expect(getAttributeType(openldap, 'entryUUID')).toMatchObject({
      usage: 'directoryOperation',
      operational: true,
      singleValue: true,
    });
  });

  it('reports attributes a class names but the subschema does not publish, without failing', () => {
    expect(openldap.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['unknown-attribute']));
    expect(openldap.problems.some((p) => p.code === 'unparsable')).toBe(false);
  });
});

describe('resolveSchema on the other servers', () => {
  it('389 DS: same inetOrgPerson MUST, posixAccount auxiliary, nsUniqueId operational and single-valued', () => {
    const s = resolveSchema(fixtureSubschema('389ds-2.3.1.captured.ldif'));
    expect(new Set(getObjectClass(s, 'inetOrgPerson')?.effectiveMust)).toEqual(
      new Set(['objectClass', 'cn', 'sn']),
    );
    expect(getObjectClass(s, 'posixAccount')?.kind).toBe('auxiliary');
    expect(getAttributeType(s, 'nsUniqueId')).toMatchObject({ singleValue: true, operational: true });
    expect(getAttributeType(s, 'uidNumber')?.singleValue).toBe(true);
  });

  it('ApacheDS: origin from X-SCHEMA and entryUUID with the UUID syntax', () => {
    const s = resolveSchema(fixtureSubschema('apacheds-2.0.0-M26.captured.ldif'));
    expect(getAttributeType(s, 'uidNumber')?.origin).toBe('nis');
    expect(getAttributeType(s, 'entryUUID')?.syntaxName).toBe('UUID');
  });

  it("AD LDS: quoted SYNTAX OIDs and AD's list spacing resolve; user's chain reaches top", () => {
    const s = resolveSchema(fixtureSubschema('ad-lds.documented.ldif'));
    expect(s.problems).toEqual([]);
    const user = getObjectClass(s, 'user');
    expect(user?.superclasses).toEqual(['organizationalPerson', 'person', 'top']);
    expect(user?.effectiveMust).toEqual(expect.arrayContaining(['cn', 'objectClass']));
    expect(getAttributeType(s, 'objectGUID')).toMatchObject({
      valueKind: 'binary',
      singleValue: true,
      caseSensitive: true,
    });
    expect(getAttributeType(s, 'uSNChanged')?.valueKind).toBe('integer');
    expect(getAttributeType(s, 'msDS-UserAccountDisabled')?.valueKind).toBe('boolean');
  });

  it('Tivoli: EQUALITY given as an OID still decides case-insensitivity; SUP by OID resolves', () => {
    const s = resolveSchema(fixtureSubschema('tivoli.documented.ldif'));
    expect(getAttributeType(s, 'cn')).toMatchObject({ caseSensitive: false, sup: 'name' });
  });

  it('eDirectory: class named by an alias (User) and SYNTAX with a length', () => {
    const s = resolveSchema(fixtureSubschema('edirectory.documented.ldif'));
    expect(getObjectClass(s, 'User')?.name).toBe('inetOrgPerson');
    expect(getAttributeType(s, 'GUID')).toMatchObject({ valueKind: 'binary', operational: true });
    expect(getObjectClass(s, 'person')?.superclasses).toEqual(['ndsLoginProperties', 'Top']);
  });
});

describe('resolveSchema edge cases and options', () => {
  it('resolves MUST/MAY and SUP given as OIDs to primary names, and an attribute without NAME by its OID', () => {
    const s = resolveSchema({
      attributeTypes: [
        "( 2.5.4.3 NAME ( 'cn' 'commonName' ) )",
        '( 1.3.6.1.4.1.99999.1 SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 )',
      ],
      objectClasses: [
        "( 2.5.6.0 NAME 'top' ABSTRACT )",
        "( 1.9 NAME 'thing' SUP 2.5.6.0 MUST 2.5.4.3 MAY 1.3.6.1.4.1.99999.1 )",
      ],
    });
    expect(getObjectClass(s, 'thing')).toMatchObject({
      sup: ['top'],
      must: ['cn'],
      may: ['1.3.6.1.4.1.99999.1'],
    });
    expect(getAttributeType(s, '1.3.6.1.4.1.99999.1')?.valueKind).toBe('integer');
    expect(s.problems).toEqual([]);
  });

  it('inherits SINGLE-VALUE through SUP', () => {
    const s = resolveSchema({
      attributeTypes: [
        "( 1.1 NAME 'base' SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
        "( 1.2 NAME 'sub' SUP base )",
      ],
    });
    expect(getAttributeType(s, 'sub')).toMatchObject({ singleValue: true, valueKind: 'integer' });
  });

  it('survives SUP cycles, unknown superclasses and unparsable definitions, reporting each', () => {
    const s = resolveSchema({
      objectClasses: [
        "( 1.1 NAME 'a' SUP b MUST x )",
        "( 1.2 NAME 'b' SUP a MAY y )",
        "( 1.3 NAME 'c' SUP missing )",
        "( 1.4 NAME 'broken",
      ],
      attributeTypes: ["( 2.1 NAME 'x' )", "( 2.2 NAME 'y' )"],
    });
    const codes = s.problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['cycle', 'unknown-superclass', 'unparsable']));
    expect(getObjectClass(s, 'a')?.effectiveMust).toEqual(['x']);
    expect(getObjectClass(s, 'a')?.effectiveMay).toEqual(['y']);
  });

  it('treats admin-supplied ;binary aliases as binary and reports unknown ones', () => {
    const s = resolveSchema(fixtureSubschema('389ds-2.3.1.captured.ldif'), {
      binaryAttributes: ['userCertificate;binary', 'noSuchThing;binary'],
    });
    expect(getAttributeType(s, 'usercertificate')).toMatchObject({
      binaryTransfer: true,
      valueKind: 'binary',
    });
    expect(s.problems.filter((p) => p.code === 'unknown-alias').map((p) => p.message)).toEqual([
      "Attribute alias 'noSuchThing;binary' names no attribute type in the schema; check its spelling.",
    ]);
  });

  it('offers operational attributes only with includeOperational, and every attribute only with includeExtensible', () => {
    const raw = fixtureSubschema('openldap-2.5.13.captured.ldif');
    const plain = allowedAttributes(resolveSchema(raw), ['inetOrgPerson', 'posixAccount']);
    expect(plain.must).toEqual(expect.arrayContaining(['uidNumber', 'homeDirectory', 'cn', 'sn']));
    expect(plain.may).not.toContain('createTimestamp');
    expect(plain.may).not.toContain('olcSuffix');
    const withOps = allowedAttributes(resolveSchema(raw, { includeOperational: true }), ['inetOrgPerson']);
    expect(withOps.may).toEqual(expect.arrayContaining(['createTimestamp', 'entryUUID']));
    const extensible = allowedAttributes(resolveSchema(raw, { includeExtensible: true }), ['inetOrgPerson']);
    expect(extensible.may).toContain('loginShell');
    expect(extensible.may).not.toContain('entryUUID');
    expect(allowedAttributes(resolveSchema(raw), ['inetOrgPerson', 'nope']).unknownClasses).toEqual(['nope']);
  });
});
