/**
 * Dev-only cross-check against two third-party implementations on shared vectors:
 *  - scim2-parse-filter (filter parser + evaluator),
 *  - scim-patch (PATCH engine).
 * Where both are right they must agree; where they differ, each case states why scim-core's answer is the right
 * one (RFC section or Entra behaviour). The README's "Differences" table summarises the same cases.
 */
import { scimPatch } from 'scim-patch';
import { filter as theirFilter, parse as theirParse } from 'scim2-parse-filter';
import { describe, expect, it } from 'vitest';
import { entraDefaultPatch, entraFlagPatch, PATCH_OP, schemas, user } from '../../test/fixtures/entra.ts';
import { showFilter } from '../../test/fixtures/showFilter.ts';
import {
  applyPatch,
  evaluateFilter,
  groupSchema,
  parseFilter,
  safeParseFilter,
  USER_SCHEMA,
} from '../index.ts';

const ECMA = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';

type TheirFilter = ReturnType<typeof theirParse>;

// Their AST in our one-line notation; their n-ary and/or folds left like ours.
function showTheirs(node: TheirFilter): string {
  switch (node.op) {
    case 'and':
    case 'or': {
      const parts = (node as { filters: TheirFilter[] }).filters.map(showTheirs);
      return parts.slice(1).reduce((left, right) => `(${left} ${node.op} ${right})`, parts[0] ?? '');
    }
    case 'not':
      return `not(${showTheirs((node as { filter: TheirFilter }).filter)})`;
    case '[]': {
      const valuePath = node as { attrPath: string; valFilter: TheirFilter };
      return `${valuePath.attrPath}[${showTheirs(valuePath.valFilter)}]`;
    }
    case 'pr':
      return `${(node as { attrPath: string }).attrPath} pr`;
    default: {
      const compare = node as { attrPath: string; op: string; compValue: unknown };
      return `${compare.attrPath} ${compare.op} ${JSON.stringify(compare.compValue)}`;
    }
  }
}

const theirMatch = (source: string, resource: unknown): boolean =>
  theirFilter(theirParse(source))(structuredClone(resource));
const ourMatch = (source: string, resource: Record<string, unknown>): boolean =>
  evaluateFilter(parseFilter(source), resource, schemas);

describe('filters: agreement with scim2-parse-filter', () => {
  const shared = [
    'userName eq "bjensen"',
    'title pr and userType eq "Employee"',
    'x eq 1 or y eq 2 and z eq 3',
    'a eq "x" and b eq "y" and c eq "z"',
    'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
    'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:mail eq "bsimon@contoso.com"',
    'a eq "x\\"y" and b eq true and c eq null and d gt 1.5',
  ];
  it.each(shared)('parses %s to the same structure', (source) => {
    expect(showFilter(parseFilter(source))).toBe(showTheirs(theirParse(source)));
  });

  const evaluations: [string, boolean][] = [
    ['userName eq "bsimon@contoso.com"', true],
    ['externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"', true],
    ['externalId eq "0A21F0F2-8D2A-4F8E-BF98-7363C4AED4EF"', false],
    ['PLACEHOLDER eq "8646d011-1693-4cd3-9ee6-0d7482ca2219"', false],
    ['emails[type eq "work" and value co "contoso"]', true],
    ['emails.type eq "home"', true],
    ['not (title pr)', true],
    ['urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:mail eq "bsimon@contoso.com"', true],
    // Attribute names are case-insensitive (RFC 7644 §3.4.2.2) in both.
    ['USERNAME eq "bsimon@contoso.com"', true],
  ];
  it.each(evaluations)('evaluates %s to %s like they do', (source, expected) => {
    expect(ourMatch(source, user)).toBe(expected);
    expect(theirMatch(source, user)).toBe(expected);
  });
});

describe('filters: where scim2-parse-filter differs, and why scim-core is right', () => {
  it('ties emails[type eq "work"].value eq "x" to one element (they split it into two unrelated conditions)', () => {
    // Entra sends this form for uniqueness checks (entra-ecma-facts §4.1); it asks for a *work* address equal to x.
    const homeOnly = {
      ...user,
      emails: [
        { type: 'work', value: 'a@x.org' },
        { type: 'home', value: 'x@x.org' },
      ],
    };
    const source = 'emails[type eq "work"].value eq "x@x.org"';
    expect(ourMatch(source, homeOnly)).toBe(false);
    expect(theirMatch(source, homeOnly)).toBe(true);
  });

  it('compares userName case-insensitively because its caseExact is false (RFC 7643 §4.1); they do not', () => {
    expect(ourMatch('userName eq "BSIMON@CONTOSO.COM"', user)).toBe(true);
    expect(theirMatch('userName eq "BSIMON@CONTOSO.COM"', user)).toBe(false);
  });

  it('orders dateTimes by instant, not by text (RFC 7644 §3.4.2.2 "gt" on dateTime)', () => {
    // created is 2024-01-01T00:00:00Z, which is after 2023-12-31T23:00:00Z (= the +02:00 value below).
    expect(ourMatch('meta.created gt "2024-01-01T01:00:00+02:00"', user)).toBe(true);
    expect(theirMatch('meta.created gt "2024-01-01T01:00:00+02:00"', user)).toBe(false);
  });

  it('lets a complex multi-valued attribute stand for its value sub-attribute (RFC 7644 example `emails co "example.com"`)', () => {
    expect(ourMatch('emails co "example.net"', user)).toBe(true);
    expect(theirMatch('emails co "example.net"', user)).toBe(false);
  });

  it("accepts Entra's documented unquoted value `externalId eq jyoung`; they reject it", () => {
    expect(safeParseFilter('externalId eq jyoung').success).toBe(true);
    expect(() => theirParse('externalId eq jyoung')).toThrow();
  });

  it('treats "ne" on an absent attribute as true (no value equals); they answer false', () => {
    expect(ourMatch('title ne "Boss"', user)).toBe(true);
    expect(theirMatch('title ne "Boss"', user)).toBe(false);
  });
});

describe('PATCH: agreement with scim-patch', () => {
  const theirs = (resource: object, body: { Operations: unknown[] }) =>
    scimPatch(structuredClone(resource) as never, body.Operations as never) as unknown as Record<
      string,
      unknown
    >;

  it("applies Entra's default and aadOptscim062020 multi-attribute updates to the same resource", () => {
    expect(applyPatch(user, entraDefaultPatch, schemas).resource).toEqual(theirs(user, entraDefaultPatch));
    expect(applyPatch(user, entraFlagPatch, schemas).resource).toEqual(theirs(user, entraFlagPatch));
  });

  it("removes only the listed group member for Entra's default member removal", () => {
    const group = {
      schemas: [groupSchema.id],
      id: 'g',
      meta: { resourceType: 'Group' },
      members: [{ value: 'a' }, { value: 'b' }],
    };
    const body = {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Remove', path: 'members', value: [{ value: 'a' }] }],
    };
    const ours = applyPatch(group, body, { core: groupSchema, extensions: [] }).resource;
    expect(ours['members']).toEqual([{ value: 'b' }]);
    expect(theirs(group, body)['members']).toEqual([{ value: 'b' }]);
  });

  const bare = { schemas: [USER_SCHEMA], id: '1', userName: 'u', meta: { resourceType: 'User' } };
  const vectors: [string, Record<string, unknown>, unknown[]][] = [
    [
      'Replace emails[type eq "work"].value on a user without one creates it',
      bare,
      [{ op: 'Replace', path: 'emails[type eq "work"].value', value: 'u@x.org' }],
    ],
    [
      'Add phoneNumbers[type eq "work"].value creates the element',
      user,
      [{ op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: '+1 555 0100' }],
    ],
    [
      'Add of a URN-qualified ECMA2Host attribute',
      bare,
      [{ op: 'add', path: `${ECMA}:mail`, value: 'm@x.org' }],
    ],
    [
      'no-path replace with a URN-qualified key',
      user,
      [{ op: 'replace', value: { [`${ECMA}:mail`]: 'z@x.org' } }],
    ],
  ];
  it.each(vectors)('%s', (_name, resource, operations) => {
    expect(applyPatch(resource, { schemas: [PATCH_OP], Operations: operations }, schemas).resource).toEqual(
      theirs(resource, { Operations: operations }),
    );
  });
});

describe('PATCH: where scim-patch differs, and why scim-core is right', () => {
  const theirs = (resource: object, Operations: unknown[]) =>
    scimPatch(structuredClone(resource) as never, Operations as never) as unknown as Record<string, unknown>;
  const ours = (resource: Record<string, unknown>, Operations: unknown[]) =>
    applyPatch(resource, { schemas: [PATCH_OP], Operations }, schemas).resource;

  it('stores Entra\'s "False" as the boolean the schema declares; they store the string', () => {
    // Without aadOptscim062020 Entra disables with "False" (entra-ecma-facts §4.4); a string would later fail
    // `active eq false` and be written to LDAP as text.
    const operations = [{ op: 'Replace', path: 'active', value: 'False' }];
    expect(ours(user, operations)['active']).toBe(false);
    expect(theirs(user, operations)['active']).toBe('False');
  });

  it('keeps a single primary email (RFC 7643 §2.4); they end up with two', () => {
    const operations = [
      { op: 'add', path: 'emails', value: [{ value: 'new@x.org', type: 'other', primary: true }] },
    ];
    const primaries = (resource: Record<string, unknown>) =>
      (resource['emails'] as { value: string; primary?: boolean }[])
        .filter((e) => e.primary)
        .map((e) => e.value);
    expect(primaries(ours(user, operations))).toEqual(['new@x.org']);
    expect(primaries(theirs(user, operations))).toEqual(['bsimon@contoso.com', 'new@x.org']);
  });

  it("stores Entra's one-element manager array as the single-valued complex the schema declares; they keep the array", () => {
    const operations = [
      {
        op: 'Add',
        path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
        value: [{ value: 'm1' }],
      },
    ];
    const manager = (resource: Record<string, unknown>) =>
      (resource['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'] as Record<string, unknown>)[
        'manager'
      ];
    expect(manager(ours(user, operations))).toEqual({ value: 'm1' });
    expect(manager(theirs(user, operations))).toEqual([{ value: 'm1' }]);
  });

  it('rejects attributes no schema defines with 400 invalidPath; they add whatever they are given', () => {
    const operations = [{ op: 'add', path: 'favouriteColour', value: 'blue' }];
    expect(() => ours(user, operations)).toThrow(/attribute "favouriteColour" is not defined/);
    expect(theirs(user, operations)['favouriteColour']).toBe('blue');
  });
});
