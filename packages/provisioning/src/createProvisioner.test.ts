import { createMemoryStore } from '@scim2ldap/anchor-store';
import { ScimError } from '@scim2ldap/scim-core';
import { describe, expect, it } from 'vitest';
import { memoryTarget } from '../test/support/memoryTarget.ts';
import {
  buildSchemas,
  createProvisioner,
  type DirectoryTarget,
  type MappingConfig,
  type ProvisioningLogRecord,
  type ProvisioningPolicy,
} from './index.ts';

const EXT = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

// The seed's OpenLDAP POSIX selection: what Entra sends through the ECMA2Host extension.
const selected = [
  { name: '-dn-' },
  { name: 'export_password' },
  { name: 'cn', treatAsSingleValue: true },
  { name: 'gidNumber' },
  { name: 'homeDirectory' },
  { name: 'mail', treatAsSingleValue: true },
  { name: 'objectClass' },
  { name: 'sn', treatAsSingleValue: true },
  { name: 'uid', treatAsSingleValue: true },
  { name: 'uidNumber' },
  { name: 'userPassword', treatAsSingleValue: true },
  { name: 'description' },
];
const directorySchema = {
  attributeTypes: [
    { names: ['uidNumber'], syntax: '1.3.6.1.4.1.1466.115.121.1.27', singleValue: true },
    { names: ['gidNumber'], syntax: '1.3.6.1.4.1.1466.115.121.1.27', singleValue: true },
    { names: ['homeDirectory'], syntax: '1.3.6.1.4.1.1466.115.121.1.26', singleValue: true },
  ],
};

function setup(
  policy: ProvisioningPolicy = {},
  mapping: MappingConfig = { rules: [], matching: [{ attribute: 'mail', precedence: 1 }] },
) {
  const target = memoryTarget(['DC=Contoso,DC=lab']);
  const logs: ProvisioningLogRecord[] = [];
  const provisioner = createProvisioner({
    connector: 'LDAP',
    target,
    store: createMemoryStore({ indexes: [{ attribute: 'mail' }, { attribute: 'uid' }] }),
    mapping,
    policy,
    schema: buildSchemas(selected, directorySchema, { mapping }),
    logger: (record) => logs.push(record),
  });
  return { target, provisioner, logs };
}

const bsimon = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  [EXT]: {
    '-dn-': 'CN=bsimon,DC=Contoso,DC=lab',
    objectClass: ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
    cn: 'Brian Simon',
    sn: 'Simon',
    mail: 'bsimon@contoso.com',
    uid: 'bsimon',
    uidNumber: 10011,
    gidNumber: '10000',
    homeDirectory: '/home/bsimon',
    userPassword: 'initial-Secret-1',
  },
};

async function rejection(promise: Promise<unknown>): Promise<ScimError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScimError);
  return error as ScimError;
}

describe('createProvisioner with ECMA2Host extension attributes (Entra)', () => {
  it('adds the entry from -dn-, objectClass and the attributes, sets the password separately, returns the read-back resource', async () => {
    const { target, provisioner, logs } = setup();
    const user = await provisioner.createUser(bsimon);
    expect(target.calls[0]).toEqual({
      op: 'add',
      dn: 'CN=bsimon,DC=Contoso,DC=lab',
      attributes: ['cn', 'sn', 'mail', 'uid', 'uidNumber', 'gidNumber', 'homeDirectory'],
      password: true,
    });
    const stored = target.entries.get('cn=bsimon,dc=contoso,dc=lab');
    expect(stored?.attributes.uidNumber).toEqual(['10011']);
    expect(stored?.objectClasses).toEqual(['inetOrgPerson', 'posixAccount', 'shadowAccount']);
    expect(user.id).toBe(stored?.anchor);
    const extension = user[EXT] as Record<string, unknown>;
    expect(extension['-dn-']).toBe('CN=bsimon,DC=Contoso,DC=lab');
    expect(extension.uidNumber).toBe(10011);
    expect(extension.objectClass).toEqual(['inetOrgPerson', 'posixAccount', 'shadowAccount']);
    expect(extension).not.toHaveProperty('userPassword');
    expect(JSON.stringify(logs)).not.toContain('initial-Secret-1');
    expect(logs[0]).toMatchObject({
      operation: 'createUser',
      outcome: 'success',
      status: 201,
      dn: 'CN=bsimon,DC=Contoso,DC=lab',
    });
  });

  it('refuses a create without DN or object class with a 400 naming where to configure them, writing nothing', async () => {
    const { target, provisioner } = setup();
    const { '-dn-': _dn, ...withoutDn } = bsimon[EXT];
    const noDn = await rejection(provisioner.createUser({ ...bsimon, [EXT]: withoutDn }));
    expect(noDn.status).toBe(400);
    expect(noDn.detail).toContain('configure a DN rule (mapping.dnRule)');
    const { objectClass: _classes, ...withoutClasses } = bsimon[EXT];
    const noClass = await rejection(provisioner.createUser({ ...bsimon, [EXT]: withoutClasses }));
    expect(noClass.detail).toContain('set mapping.objectClasses');
    expect(target.calls).toEqual([]);

    // An application names its own configuration keys.
    const mapping: MappingConfig = { rules: [] };
    const hosted = createProvisioner({
      connector: 'LDAP',
      target,
      store: createMemoryStore(),
      mapping,
      schema: buildSchemas(selected, directorySchema, { mapping }),
      configKeys: { dnRule: 'connectors[0].dnRule', objectClasses: 'connectors[0].objectClass' },
    });
    const keyed = await rejection(hosted.createUser({ ...bsimon, [EXT]: withoutDn }));
    expect(keyed.detail).toContain('configure a DN rule (connectors[0].dnRule)');
  });

  it('commits lingering cache writes on settle(), as a shutdown does before closing the store', async () => {
    const store = createMemoryStore({ indexes: [{ attribute: 'mail' }] });
    const mapping: MappingConfig = { rules: [], matching: [] };
    const provisioner = createProvisioner({
      connector: 'LDAP',
      target: memoryTarget(['DC=Contoso,DC=lab']),
      store,
      mapping,
      schema: buildSchemas(selected, directorySchema, { mapping }),
    });
    const { id } = await provisioner.createUser(bsimon);
    expect(await store.get(String(id))).toBeUndefined();
    await provisioner.settle();
    expect((await store.get(String(id)))?.dn).toBe('CN=bsimon,DC=Contoso,DC=lab');
  });

  it('answers a create without waiting for the cache; the entry is cached shortly after, a late cache failure is logged', async () => {
    const target = memoryTarget(['DC=Contoso,DC=lab']);
    const logs: ProvisioningLogRecord[] = [];
    const memory = createMemoryStore({ indexes: [{ attribute: 'mail' }] });
    let failWrites = false;
    const store = {
      ...memory,
      bulkUpsert: (...args: Parameters<typeof memory.bulkUpsert>) =>
        failWrites ? Promise.reject(new Error('disk full')) : memory.bulkUpsert(...args),
      upsert: (...args: Parameters<typeof memory.upsert>) =>
        failWrites ? Promise.reject(new Error('disk full')) : memory.upsert(...args),
    };
    const mapping: MappingConfig = { rules: [], matching: [] };
    const provisioner = createProvisioner({
      connector: 'LDAP',
      target,
      store,
      mapping,
      schema: buildSchemas(selected, directorySchema, { mapping }),
      logger: (record) => logs.push(record),
    });
    const { id } = await provisioner.createUser(bsimon);
    expect(await memory.get(String(id))).toBeUndefined(); // answered before the group commit
    // A read through the provisioner right after sees it (the lingering write is committed first).
    const listed = await provisioner.queryUsers({});
    expect(listed.Resources.map((r) => r.id)).toEqual([id]);
    expect((await memory.get(String(id)))?.dn).toBe('CN=bsimon,DC=Contoso,DC=lab');

    failWrites = true;
    const other = { ...bsimon, [EXT]: { ...bsimon[EXT], '-dn-': 'CN=other,DC=Contoso,DC=lab', mail: 'o@x' } };
    const created = await provisioner.createUser(other);
    expect(logs.at(-1)).toMatchObject({ operation: 'createUser', outcome: 'success', status: 201 });
    expect(logs.at(-1)?.warnings).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(logs.at(-1)).toMatchObject({
      operation: 'createUser',
      scimId: created.id,
      directoryOperations: [],
      warnings: ['disk full'],
    });
  });

  it('duplicateCheck: cache sees a create of a moment ago whose cache write still lingers', async () => {
    const { provisioner, target } = setup({ duplicateCheck: 'cache' });
    await provisioner.createUser(bsimon);
    const twin = { ...bsimon, [EXT]: { ...bsimon[EXT], '-dn-': 'CN=twin,DC=Contoso,DC=lab', uid: 'twin' } };
    const error = await rejection(provisioner.createUser(twin));
    expect(error.status).toBe(409);
    expect(error.detail).toContain('mail="bsimon@contoso.com"');
    expect(target.entries.has('cn=twin,dc=contoso,dc=lab')).toBe(false);
  });

  it('PATCH sends only the changed attributes; -dn- renames; export_password sets the password', async () => {
    const { target, provisioner } = setup();
    const { id } = await provisioner.createUser(bsimon);
    target.calls.length = 0;
    const user = await provisioner.patchUser(String(id), {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: `${EXT}:sn`, value: 'Simon-Jones' },
        { op: 'Replace', path: `${EXT}:mail`, value: 'bsimon@contoso.com' },
        { op: 'Replace', path: `${EXT}:-dn-`, value: 'CN=brian,DC=Contoso,DC=lab' },
        { op: 'Add', path: `${EXT}:export_password`, value: 'n3w-Secret' },
      ],
    });
    expect(target.calls).toEqual([
      { op: 'rename', dn: 'CN=bsimon,DC=Contoso,DC=lab', newDn: 'CN=brian,DC=Contoso,DC=lab' },
      { op: 'modify', dn: 'CN=brian,DC=Contoso,DC=lab', attributes: { sn: ['Simon-Jones'] } },
      { op: 'setPassword', dn: 'CN=brian,DC=Contoso,DC=lab' },
    ]);
    expect(user.id).toBe(id);
    expect((user[EXT] as Record<string, unknown>).sn).toBe('Simon-Jones');
  });

  it('a PATCH that changes nothing sends nothing', async () => {
    const { target, provisioner } = setup();
    const { id } = await provisioner.createUser(bsimon);
    target.calls.length = 0;
    await provisioner.patchUser(String(id), {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: `${EXT}:uid`, value: 'bsimon' }],
    });
    expect(target.calls).toEqual([]);
  });

  it('answers matching queries and refuses a duplicate on a matching attribute with 409 uniqueness', async () => {
    const { provisioner } = setup();
    const { id } = await provisioner.createUser(bsimon);
    const hit = await provisioner.queryUsers({ filter: `${EXT}:mail eq "BSIMON@contoso.com"` });
    expect(hit.Resources.map((r) => r.id)).toEqual([id]);
    const probe = await provisioner.queryUsers({
      filter: 'PLACEHOLDER eq "8646d011-1693-4cd3-9ee6-0d7482ca2219"',
    });
    expect(probe).toMatchObject({ totalResults: 0, Resources: [] });
    const other = { ...bsimon, [EXT]: { ...bsimon[EXT], '-dn-': 'CN=other,DC=Contoso,DC=lab' } };
    const error = await rejection(provisioner.createUser(other));
    expect(error.status).toBe(409);
    expect(error.scimType).toBe('uniqueness');
    expect(error.detail).toContain('mail');
  });

  /** A provisioner matching on uid (first) and mail, over the given target. */
  const matchingOnUidAndMail = (target: DirectoryTarget) => {
    const mapping: MappingConfig = {
      rules: [],
      matching: [
        { attribute: 'uid', precedence: 1 },
        { attribute: 'mail', precedence: 2 },
      ],
    };
    return createProvisioner({
      connector: 'LDAP',
      target,
      store: createMemoryStore({ indexes: [{ attribute: 'mail' }, { attribute: 'uid' }] }),
      mapping,
      schema: buildSchemas(selected, directorySchema, { mapping }),
    });
  };

  it('names every searched attribute when the directory matched an entry by a rule the host cannot replay', async () => {
    const target = memoryTarget(['DC=Contoso,DC=lab']);
    await target.add({
      dn: 'CN=outside,DC=Contoso,DC=lab',
      objectClasses: ['inetOrgPerson'],
      attributes: { cn: ['outside'], sn: ['O'], uid: ['out-side'], mail: ['other@contoso.com'] },
    });
    // A directory whose uid matching ignores hyphens (as telephoneNumberMatch does for numbers).
    const outside = await target.search('uid', 'out-side');
    const withAny = {
      ...target,
      async searchAny(assertions: readonly { attribute: string; value: string }[]) {
        return assertions.some((a) => a.attribute === 'uid' && a.value === 'outside') ? outside : [];
      },
    };
    const provisioner = matchingOnUidAndMail(withAny);
    const user = { ...bsimon, [EXT]: { ...bsimon[EXT], uid: 'outside', mail: 'new@contoso.com' } };
    const error = await rejection(provisioner.createUser(user));
    expect(error.status).toBe(409);
    expect(error.detail).toContain('one of uid="outside", mail="new@contoso.com"');
    expect(error.detail).toContain('CN=outside');
  });

  it('checks several matching attributes with ONE live search when the target offers searchAny', async () => {
    const target = memoryTarget(['DC=Contoso,DC=lab']);
    const searches: string[][] = [];
    const withAny = {
      ...target,
      async searchAny(assertions: readonly { attribute: string; value: string }[]) {
        searches.push(assertions.map((a) => `${a.attribute}=${a.value}`));
        const found = await Promise.all(assertions.map((a) => target.search(a.attribute, a.value)));
        return [...new Map(found.flat().map((e) => [e.anchor, e])).values()];
      },
    };
    const provisioner = matchingOnUidAndMail(withAny);
    await provisioner.createUser(bsimon);
    expect(searches).toEqual([['uid=bsimon', 'mail=bsimon@contoso.com']]);
    // Created outside the host (not in the cache): only the live search can see it.
    await target.add({
      dn: 'CN=outside,DC=Contoso,DC=lab',
      objectClasses: ['inetOrgPerson'],
      attributes: { cn: ['outside'], sn: ['O'], uid: ['outside'], mail: ['taken@contoso.com'] },
    });
    const other = {
      ...bsimon,
      [EXT]: {
        ...bsimon[EXT],
        '-dn-': 'CN=other,DC=Contoso,DC=lab',
        uid: 'other',
        mail: 'taken@contoso.com',
      },
    };
    const error = await rejection(provisioner.createUser(other));
    expect(error.status).toBe(409);
    expect(error.detail).toContain('mail="taken@contoso.com"');
    expect(error.detail).toContain('CN=outside');
    expect(searches).toHaveLength(2);
    expect(target.entries.has('cn=other,dc=contoso,dc=lab')).toBe(false);
  });

  it('maps directory failures: existing DN → 409, missing parent → 400 naming it, unknown id → 404', async () => {
    const { provisioner } = setup({}, { rules: [] });
    await provisioner.createUser(bsimon);
    expect((await rejection(provisioner.createUser(bsimon))).status).toBe(409);
    const orphan = {
      [EXT]: { ...bsimon[EXT], '-dn-': 'CN=x,OU=missing,DC=Contoso,DC=lab', mail: 'x@contoso.com' },
    };
    const parent = await rejection(provisioner.createUser(orphan));
    expect(parent.status).toBe(400);
    expect(parent.detail).toContain('OU=missing,DC=Contoso,DC=lab');
    expect((await rejection(provisioner.getUser('no-such-anchor'))).status).toBe(404);
  });

  it('rejects an unselected extension attribute and several values for a single-valued one, naming them', async () => {
    const { provisioner, target } = setup();
    const unknown = await rejection(provisioner.createUser({ [EXT]: { ...bsimon[EXT], title: 'x' } }));
    expect(unknown.status).toBe(400);
    expect(unknown.detail).toContain('"title"');
    const many = await rejection(provisioner.createUser({ [EXT]: { ...bsimon[EXT], mail: ['a@x', 'b@x'] } }));
    expect(many.detail).toContain('"mail" is single-valued');
    expect(target.calls).toEqual([]);
  });

  it('rejects a -dn- that is not a DN before anything is sent', async () => {
    const { provisioner, target } = setup();
    const error = await rejection(
      provisioner.createUser({ [EXT]: { ...bsimon[EXT], '-dn-': 'bsimon@contoso.com' } }),
    );
    expect(error.status).toBe(400);
    expect(error.detail).toContain('not a valid DN');
    expect(target.calls).toEqual([]);
  });
});

describe('deprovisioning flows', () => {
  const disable = { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] };
  const enable = { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'active', value: true }] };

  it('lock: active=false/true go through setDisabled and GET shows the state', async () => {
    const { provisioner, target } = setup({ disableFlow: { type: 'lock' } });
    const { id } = await provisioner.createUser(bsimon);
    expect((await provisioner.patchUser(String(id), disable)).active).toBe(false);
    expect((await provisioner.getUser(String(id))).active).toBe(false);
    expect((await provisioner.patchUser(String(id), enable)).active).toBe(true);
    expect(
      target.calls.filter((c) => c.op === 'setDisabled').map((c) => (c as { disabled: boolean }).disabled),
    ).toEqual([true, false]);
  });

  it('setAttribute: writes the disabled/enabled value', async () => {
    const policy: ProvisioningPolicy = {
      disableFlow: {
        type: 'setAttribute',
        attribute: 'description',
        disabledValue: 'DISABLED',
        enabledValue: null,
      },
    };
    const { provisioner, target } = setup(policy);
    const { id } = await provisioner.createUser(bsimon);
    expect((await provisioner.patchUser(String(id), disable)).active).toBe(false);
    expect(target.entries.get('cn=bsimon,dc=contoso,dc=lab')?.attributes.description).toEqual(['DISABLED']);
    expect((await provisioner.patchUser(String(id), enable)).active).toBe(true);
    expect(target.entries.get('cn=bsimon,dc=contoso,dc=lab')?.attributes.description).toBeUndefined();
  });

  it('delete on disable removes the entry; delete flow none keeps it on DELETE', async () => {
    const deleting = setup({ disableFlow: { type: 'delete' } });
    const { id } = await deleting.provisioner.createUser(bsimon);
    expect((await deleting.provisioner.patchUser(String(id), disable)).active).toBe(false);
    expect(deleting.target.entries.size).toBe(0);
    expect((await rejection(deleting.provisioner.getUser(String(id)))).status).toBe(404);

    const keeping = setup({ deleteFlow: 'none' });
    const created = await keeping.provisioner.createUser(bsimon);
    await keeping.provisioner.deleteUser(String(created.id));
    expect(keeping.target.entries.size).toBe(1);
  });
});

describe('PATCH shapes and the changes they send', () => {
  it("Entra's no-path replace with URN-qualified keys (aadOptscim062020) changes those attributes only", async () => {
    const { target, provisioner } = setup();
    const { id } = await provisioner.createUser(bsimon);
    target.calls.length = 0;
    await provisioner.patchUser(String(id), {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { [`${EXT}:sn`]: 'Simon-Jones', [`${EXT}:cn`]: 'Brian Simon' } }],
    });
    expect(target.calls).toEqual([
      { op: 'modify', dn: 'CN=bsimon,DC=Contoso,DC=lab', attributes: { sn: ['Simon-Jones'] } },
    ]);
  });

  it('Add of a new attribute, Remove of another, and an auxiliary class added to objectClass', async () => {
    const { target, provisioner } = setup();
    const { id } = await provisioner.createUser({
      [EXT]: { ...bsimon[EXT], objectClass: ['inetOrgPerson', 'posixAccount'] },
    });
    target.calls.length = 0;
    await provisioner.patchUser(String(id), {
      schemas: [PATCH],
      Operations: [
        { op: 'Add', path: `${EXT}:description`, value: ['first', 'second'] },
        { op: 'Remove', path: `${EXT}:homeDirectory` },
        { op: 'Add', path: `${EXT}:objectClass`, value: ['shadowAccount'] },
      ],
    });
    expect(target.calls).toEqual([
      {
        op: 'modify',
        dn: 'CN=bsimon,DC=Contoso,DC=lab',
        attributes: {
          description: ['first', 'second'],
          homeDirectory: null,
          objectClass: ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
        },
      },
    ]);
  });

  it('a DN rule applied always renames the entry when its input changes', async () => {
    const mapping: MappingConfig = {
      rules: [
        { type: 'direct', source: 'userName', target: 'uid' },
        { type: 'expression', target: 'cn', expression: '[userName]' },
        { type: 'expression', target: 'sn', expression: '[userName]' },
        {
          type: 'expression',
          target: '-dn-',
          expression: 'Join("", "CN=", [userName], ",DC=Contoso,DC=lab")',
        },
      ],
      objectClasses: ['inetOrgPerson'],
      userNameAttribute: 'uid',
    };
    const { target, provisioner } = setup({}, mapping);
    const { id } = await provisioner.createUser({ userName: 'ann' });
    target.calls.length = 0;
    const user = await provisioner.patchUser(String(id), {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'userName', value: 'ann.b' }],
    });
    expect(target.calls.map((c) => c.op)).toEqual(['rename', 'modify']);
    expect(target.calls[0]).toMatchObject({ newDn: 'CN=ann.b,DC=Contoso,DC=lab' });
    expect(user).toMatchObject({ id, userName: 'ann.b' });
  });

  it('a SCIM password in a PATCH is set through setPassword and never reaches the log', async () => {
    const { target, provisioner, logs } = setup();
    const { id } = await provisioner.createUser(bsimon);
    target.calls.length = 0;
    await provisioner.patchUser(String(id), {
      schemas: [PATCH],
      Operations: [{ op: 'replace', path: 'password', value: 'Another-Secret-2' }],
    });
    expect(target.calls).toEqual([{ op: 'setPassword', dn: 'CN=bsimon,DC=Contoso,DC=lab' }]);
    expect(target.passwords.get('cn=bsimon,dc=contoso,dc=lab')).toBe('Another-Secret-2');
    expect(JSON.stringify(logs)).not.toContain('Another-Secret-2');
  });
});

describe('directory failures become SCIM errors', () => {
  const failing = (error: Error) => {
    const { target, provisioner, logs } = setup();
    target.add = async () => {
      throw error;
    };
    return { provisioner, logs };
  };
  const ldapError = (kind: string, code: string) =>
    Object.assign(new Error(`${code} from the server`), { kind, code });

  it.each([
    ['access', 'insufficientAccessRights', 403],
    ['timeout', 'timeout', 503],
    ['network', 'connectError', 503],
    ['retryable', 'busy', 503],
    ['schema', 'objectClassViolation', 400],
    ['other', 'other', 502],
  ])('%s (%s) → %i, logged as a failure with the result code', async (kind, code, status) => {
    const { provisioner, logs } = failing(ldapError(kind, code));
    const error = await rejection(provisioner.createUser(bsimon));
    expect(error.status).toBe(status);
    expect(error.detail).toContain(code);
    expect(logs.at(-1)).toMatchObject({ outcome: 'failure', status });
    expect(logs.at(-1)?.directoryOperations.at(-1)).toMatchObject({ operation: 'add', result: code });
  });

  it('an unexpected error is rethrown as it is (a 500 at the host), never a success', async () => {
    const bug = new TypeError('boom');
    const { provisioner, logs } = failing(bug);
    await expect(provisioner.createUser(bsimon)).rejects.toBe(bug);
    expect(logs.at(-1)).toMatchObject({ outcome: 'failure', status: 500 });
  });
});

describe('RDN values', () => {
  it('are added on create and kept when a PATCH replaces the naming attribute', async () => {
    const { target, provisioner } = setup();
    const { id } = await provisioner.createUser({ [EXT]: { ...bsimon[EXT], cn: 'Brian Simon' } });
    expect(target.entries.get('cn=bsimon,dc=contoso,dc=lab')?.attributes.cn).toEqual([
      'Brian Simon',
      'bsimon',
    ]);
    target.calls.length = 0;
    await provisioner.patchUser(String(id), {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: `${EXT}:cn`, value: 'B. Simon' }],
    });
    expect(target.calls).toEqual([
      { op: 'modify', dn: 'CN=bsimon,DC=Contoso,DC=lab', attributes: { cn: ['B. Simon', 'bsimon'] } },
    ]);
  });
});
