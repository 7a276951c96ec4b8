import { describe, expect, it } from 'vitest';
import { PATCH_OP, schemas, user } from '../../test/fixtures/entra.ts';
import { applyPatch, groupSchema, type ResourceSchemas, ScimError, USER_SCHEMA } from '../index.ts';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ECMA = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';
const groups: ResourceSchemas = { core: groupSchema, extensions: [] };

const patch = (resource: Record<string, unknown>, ...Operations: unknown[]) =>
  applyPatch(resource, { schemas: [PATCH_OP], Operations }, schemas);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

function scimError(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

const group = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
  id: 'g1',
  displayName: 'Tour Guides',
  members: [
    { value: '2819c223-7f76-453a-919d-413861904646', display: 'Babs Jensen' },
    { value: '902c246b-6245-4190-8e05-00816be7344a', display: 'Mandy Pepperidge' },
  ],
};

describe('applyPatch: RFC 7644 §3.5.2 examples', () => {
  it('adds a member to a group without touching the others (§3.5.2.1)', () => {
    const { resource, changes } = applyPatch(
      group,
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'add', path: 'members', value: [{ display: 'Carl', value: 'c-1' }] }],
      },
      groups,
    );
    expect((resource['members'] as unknown[]).map((m) => (m as { value: string }).value)).toEqual([
      '2819c223-7f76-453a-919d-413861904646',
      '902c246b-6245-4190-8e05-00816be7344a',
      'c-1',
    ]);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      attribute: 'members',
      op: 'replace',
      path: `${groupSchema.id}:members`,
    });
  });

  it('adds attributes given as an object without a path, names matched case-insensitively', () => {
    const { resource } = patch(user, {
      op: 'add',
      value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickname: 'Babs' },
    });
    expect(resource['nickName']).toBe('Babs');
    expect(resource['nickname']).toBeUndefined();
    expect((resource['emails'] as unknown[]).length).toBe(3);
  });

  it('removes one member by filter, and all members by path (§3.5.2.2)', () => {
    const one = applyPatch(
      group,
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'remove', path: 'members[value eq "2819c223-7f76-453a-919d-413861904646"]' }],
      },
      groups,
    );
    expect(one.resource['members']).toEqual([group.members[1]]);
    const all = applyPatch(
      group,
      { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'members' }] },
      groups,
    );
    expect(all.resource['members']).toBeUndefined();
    expect(all.changes).toEqual([
      expect.objectContaining({
        attribute: 'members',
        op: 'remove',
        values: group.members,
        oldValues: group.members,
      }),
    ]);
  });

  it('removes elements matching a compound filter', () => {
    const { resource } = patch(user, {
      op: 'remove',
      path: 'emails[type eq "work" and value ew "contoso.com"]',
    });
    expect(resource['emails']).toEqual([{ type: 'home', value: 'brian@example.net' }]);
  });

  it('replaces a filtered element whole, or one sub-attribute of it (§3.5.2.3)', () => {
    const withAddress = {
      ...user,
      addresses: [{ type: 'work', streetAddress: '1 Main St', locality: 'Here' }],
    };
    const whole = patch(withAddress, {
      op: 'replace',
      path: 'addresses[type eq "work"]',
      value: { type: 'work', streetAddress: '911 Universal City Plaza', postalCode: '91608' },
    });
    expect(whole.resource['addresses']).toEqual([
      { type: 'work', streetAddress: '911 Universal City Plaza', postalCode: '91608' },
    ]);
    const sub = patch(withAddress, {
      op: 'replace',
      path: 'addresses[type eq "work"].streetAddress',
      value: '1010 Broadway Ave',
    });
    expect(sub.resource['addresses']).toEqual([
      { type: 'work', streetAddress: '1010 Broadway Ave', locality: 'Here' },
    ]);
  });

  it('replaces a multi-valued attribute entirely when given without filter', () => {
    const { resource } = patch(user, {
      op: 'replace',
      path: 'emails',
      value: [{ value: 'only@x.org', type: 'work' }],
    });
    expect(resource['emails']).toEqual([{ value: 'only@x.org', type: 'work' }]);
  });

  it('merges into a single-valued complex attribute on replace, leaving other sub-attributes', () => {
    const { resource } = patch(user, { op: 'replace', path: 'name', value: { givenName: 'Bri' } });
    expect(resource['name']).toEqual({ formatted: 'Brian Simon', familyName: 'Simon', givenName: 'Bri' });
  });
});

describe('applyPatch: semantics', () => {
  it('never modifies the input and applies nothing when an operation fails', () => {
    const frozen = deepFreeze(structuredClone(user));
    const { resource } = patch(frozen, { op: 'replace', path: 'displayName', value: 'B' });
    expect(resource['displayName']).toBe('B');
    expect(frozen.displayName).toBe('Brian Simon');
    expect(() =>
      patch(
        frozen,
        { op: 'replace', path: 'displayName', value: 'C' },
        { op: 'replace', path: 'nope', value: 1 },
      ),
    ).toThrow(ScimError);
    expect(frozen.displayName).toBe('Brian Simon');
  });

  it('merges multi-valued adds without duplicates and reports only the added values', () => {
    const { resource, changes } = patch(user, {
      op: 'add',
      path: `${ECMA}:objectClass`,
      value: ['INETORGPERSON', 'shadowAccount'],
    });
    expect((resource[ECMA] as { objectClass: string[] }).objectClass).toEqual([
      'top',
      'inetOrgPerson',
      'posixAccount',
      'shadowAccount',
    ]);
    expect(changes).toEqual([
      {
        path: `${ECMA}:objectClass`,
        schema: ECMA,
        attribute: 'objectClass',
        op: 'add',
        values: ['shadowAccount'],
        oldValues: ['top', 'inetOrgPerson', 'posixAccount'],
      },
    ]);
  });

  it('reports add and remove separately for a simple multi-valued replace', () => {
    const { changes } = patch(user, {
      op: 'replace',
      path: `${ECMA}:objectClass`,
      value: ['top', 'inetOrgPerson', 'shadowAccount'],
    });
    expect(changes.map((c) => [c.op, c.values])).toEqual([
      ['add', ['shadowAccount']],
      ['remove', ['posixAccount']],
    ]);
  });

  it('reports no change when a PATCH writes the values already there', () => {
    const { changes } = patch(
      user,
      { op: 'replace', path: 'userName', value: 'bsimon@contoso.com' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'bsimon@contoso.com' },
      { op: 'replace', path: 'active', value: 'True' },
    );
    expect(changes).toEqual([]);
  });

  it('reports single-valued complex attributes per sub-attribute', () => {
    const { changes } = patch(
      user,
      { op: 'remove', path: 'name.givenName' },
      { op: 'add', path: 'name.middleName', value: 'J' },
    );
    expect(changes).toEqual([
      expect.objectContaining({
        path: `${USER_SCHEMA}:name.givenName`,
        subAttribute: 'givenName',
        op: 'remove',
        values: ['Brian'],
      }),
      expect.objectContaining({
        path: `${USER_SCHEMA}:name.middleName`,
        subAttribute: 'middleName',
        op: 'add',
        values: ['J'],
      }),
    ]);
  });

  it('keeps one primary value: a new primary email demotes the old one', () => {
    const { resource } = patch(user, {
      op: 'add',
      path: 'emails',
      value: [{ value: 'new@x.org', type: 'other', primary: true }],
    });
    const emails = resource['emails'] as { value: string; primary?: boolean }[];
    expect(emails.filter((e) => e.primary).map((e) => e.value)).toEqual(['new@x.org']);
  });

  it('removes a whole attribute and a whole extension', () => {
    const { resource, changes } = patch(
      user,
      { op: 'remove', path: 'displayName' },
      { op: 'remove', path: ENTERPRISE },
    );
    expect(resource['displayName']).toBeUndefined();
    expect(resource[ENTERPRISE]).toBeUndefined();
    expect(changes.map((c) => `${c.op} ${c.path}`)).toEqual([
      `remove ${USER_SCHEMA}:displayName`,
      `remove ${ENTERPRISE}:employeeNumber`,
      `remove ${ENTERPRISE}:department`,
    ]);
  });

  it('treats null as unassigning the attribute (RFC 7643 §2.5)', () => {
    const { resource, changes } = patch(user, { op: 'replace', path: 'displayName', value: null });
    expect(resource['displayName']).toBeUndefined();
    expect(changes[0]).toMatchObject({ op: 'remove', oldValues: ['Brian Simon'] });
  });

  it('writes extension attributes under their canonical URN key and creates the extension object', () => {
    const bare = { schemas: [USER_SCHEMA], id: '1', userName: 'u' };
    const { resource } = patch(bare, {
      op: 'add',
      path: `${ENTERPRISE.toLowerCase()}:EMPLOYEENUMBER`,
      value: '7',
    });
    expect(resource).toEqual({ ...bare, [ENTERPRISE]: { employeeNumber: '7' } });
  });

  it('coerces numeric strings where the schema says integer', () => {
    const { resource } = patch(user, { op: 'replace', path: `${ECMA}:uidNumber`, value: '10012' });
    expect((resource[ECMA] as { uidNumber: unknown }).uidNumber).toBe(10012);
  });

  it('skips unknown attributes when the caller asks to ignore them', () => {
    const result = applyPatch(
      user,
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'favouriteColour', value: 'blue' }] },
      schemas,
      { unknownAttributes: 'ignore' },
    );
    expect(result.changes).toEqual([]);
    expect(result.resource).toEqual(user);
  });
});

describe('applyPatch: errors', () => {
  const cases: [string, unknown, string, RegExp][] = [
    [
      'no PatchOp schema',
      { Operations: [{ op: 'add', path: 'title', value: 'x' }] },
      'invalidSyntax',
      /must list "urn:ietf:params:scim:api:messages:2.0:PatchOp"/,
    ],
    ['empty Operations', { schemas: [PATCH_OP], Operations: [] }, 'invalidSyntax', /non-empty "Operations"/],
    [
      'unknown op',
      { schemas: [PATCH_OP], Operations: [{ op: 'move', path: 'title' }] },
      'invalidSyntax',
      /Operations\[0\]\.op must be "add", "replace" or "remove".*"move"/,
    ],
    [
      'add without value',
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'title' }] },
      'invalidSyntax',
      /"add" needs a "value"/,
    ],
    [
      'remove without path',
      { schemas: [PATCH_OP], Operations: [{ op: 'remove' }] },
      'noTarget',
      /"remove" needs a "path"/,
    ],
    [
      'unparsable path',
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'emails[type eq', value: 1 }] },
      'invalidPath',
      /Operations\[0\]: Invalid path/,
    ],
    [
      'unknown attribute',
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'favouriteColour', value: 'x' }] },
      'invalidPath',
      /attribute "favouriteColour" is not defined/,
    ],
    [
      'unknown schema',
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'urn:example:Foo:2.0:User:bar', value: 'x' }] },
      'invalidPath',
      /names schema "urn:example:Foo:2.0:User"/,
    ],
    [
      'sub-attribute of a simple attribute',
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'userName.first', value: 'x' }] },
      'invalidPath',
      /"userName" has no sub-attribute "first"/,
    ],
    [
      'filter on a single-valued attribute',
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'add', path: 'name[givenName eq "x"].familyName', value: 'x' }],
      },
      'invalidPath',
      /"name" is single-valued/,
    ],
    [
      'replace with a non-eq filter and no match',
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'emails[value co "nowhere"].type', value: 'work' }],
      },
      'noTarget',
      /no value of "emails" matches/,
    ],
    [
      'replace a whole element that does not exist',
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'emails[type eq "other"]', value: { value: 'x' } }],
      },
      'noTarget',
      /no value of "emails" matches/,
    ],
    [
      'boolean that is not one',
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: 'maybe' }] },
      'invalidValue',
      /"active" must be a boolean.*"maybe"/,
    ],
    [
      'number for a string',
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'userName', value: 42 }] },
      'invalidValue',
      /"userName" must be a string, got 42/,
    ],
    [
      'two values for a single-valued attribute',
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: ['a', 'b'] }] },
      'invalidValue',
      /"title" must be a single value/,
    ],
    [
      'unknown sub-attribute in a value',
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'name', value: { nick: 'x' } }] },
      'invalidValue',
      /"name" has no sub-attribute "nick"/,
    ],
    [
      'removing a required attribute',
      { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'userName' }] },
      'invalidValue',
      /"userName" is required/,
    ],
    [
      'changing the readOnly id',
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'id', value: 'other' }] },
      'mutability',
      /"id" is readOnly/,
    ],
    [
      'writing readOnly groups',
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'groups', value: [{ value: 'g' }] }] },
      'mutability',
      /"groups" is readOnly/,
    ],
    [
      'a non-object without path',
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: 'x' }] },
      'invalidValue',
      /needs an object of attributes/,
    ],
    [
      'add to a whole schema',
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: ENTERPRISE, value: {} }] },
      'invalidPath',
      /names a whole schema/,
    ],
  ];
  it.each(cases)('%s → 400 %s', (_name, body, scimType, detail) => {
    const error = scimError(() => applyPatch(user, body, schemas));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe(scimType);
    expect(error.detail).toMatch(detail);
  });

  it('never echoes a password value into an error', () => {
    const error = scimError(() =>
      patch(user, { op: 'replace', path: 'password', value: ['S3cret!', 'other'] }),
    );
    expect(error.detail).toMatch(/"password" must be a single value .*got a list \(value not shown\)/);
    expect(error.detail).not.toContain('S3cret');
    const extension = scimError(() =>
      patch(user, { op: 'add', path: `${ECMA}:export_password`, value: { p: 'S3cret!' } }),
    );
    expect(extension.detail).not.toContain('S3cret');
  });

  it('prefixes errors with the operation index', () => {
    const error = scimError(() =>
      patch(
        user,
        { op: 'replace', path: 'title', value: 'ok' },
        { op: 'replace', path: 'active', value: 'maybe' },
      ),
    );
    expect(error.detail).toMatch(/^Operations\[1\] \(replace\): /);
  });

  it('accepts re-sending the readOnly id unchanged', () => {
    expect(patch(user, { op: 'replace', path: 'id', value: user.id }).changes).toEqual([]);
  });

  it('refuses to change an immutable sub-attribute that has a value', () => {
    const error = scimError(() =>
      applyPatch(
        group,
        {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'members[display eq "Babs Jensen"].value', value: 'other' }],
        },
        groups,
      ),
    );
    expect(error.scimType).toBe('mutability');
  });
});
