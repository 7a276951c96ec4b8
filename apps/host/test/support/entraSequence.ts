import type { RunningDirectory } from '@scim2ldap/ldap-testkit';
import { expect } from 'vitest';
import { ECMA, type entraClient } from './entraClient.ts';
import { ldapsearch } from './ldapsearch.ts';

/**
 * Walks the full Entra sequence against a running host — probe, schema, match miss, create, match hit,
 * update, rename, disable, re-enable, delete — checking the directory with the real ldapsearch after each
 * write.
 * @param dir the directory behind the host
 * @param entra a client for the host's connector
 * @param lockAttribute the attribute the disable flow sets on this directory
 */
export async function walkEntraSequence(
  dir: RunningDirectory,
  entra: ReturnType<typeof entraClient>,
  lockAttribute: string,
): Promise<void> {
  const mail = `${ECMA}:mail`;
  const probe = await entra.probe(mail);
  expect(probe.status).toBe(200);
  expect(probe.body).toMatchObject({ totalResults: 0, Resources: [] });
  // Before the admin repoints the default mapping, Entra's Test Connection filters on PLACEHOLDER.
  const placeholder = await entra.probe('PLACEHOLDER');
  expect(placeholder.status, JSON.stringify(placeholder.body)).toBe(200);
  expect(placeholder.body).toMatchObject({ totalResults: 0, Resources: [] });

  const schemas = await entra.schemas();
  expect(schemas.status).toBe(200);
  const ext = schemas.body.Resources?.find((s) => s.id === ECMA) as {
    attributes: Array<{ name: string; multiValued: boolean }>;
  };
  const byName = Object.fromEntries(ext.attributes.map((a) => [a.name, a]));
  expect(Object.keys(byName)).toEqual(
    expect.arrayContaining(['-dn-', 'objectClass', 'cn', 'mail', 'uidNumber']),
  );
  expect(byName.objectClass?.multiValued).toBe(true);
  expect(byName.mail?.multiValued).toBe(false);

  const miss = await entra.match(mail, 'bsimon@contoso.com');
  expect(miss.status).toBe(200);
  expect(miss.body.totalResults).toBe(0);

  const dn = `CN=bsimon,${dir.baseDn}`;
  const created = await entra.create({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    [ECMA]: {
      '-dn-': dn,
      objectClass: ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
      cn: 'bsimon',
      sn: 'Simon',
      mail: 'bsimon@contoso.com',
      uid: 'bsimon',
      uidNumber: '10011',
      gidNumber: '10000',
      homeDirectory: '/home/bsimon',
      userPassword: 'Initial-Pa55word!',
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = String(created.body.id);
  expect(id).not.toBe('');
  let found = ldapsearch(dir, '(mail=bsimon@contoso.com)', ['*', '+']);
  expect(found).toHaveLength(1);
  expect(found[0]?.dn.toLowerCase()).toBe(dn.toLowerCase());
  expect(found[0]?.attributes.objectclass?.map((c) => c.toLowerCase())).toEqual(
    expect.arrayContaining(['inetorgperson', 'posixaccount', 'shadowaccount']),
  );
  expect(found[0]?.attributes.uidnumber).toEqual(['10011']);
  expect(found[0]?.attributes.userpassword?.[0]).toBeDefined();
  // The response is what the directory holds, read back — not an echo; the password is never returned.
  expect((created.body[ECMA] as Record<string, unknown>).homeDirectory).toBe('/home/bsimon');
  expect(JSON.stringify(created.body)).not.toContain('Initial-Pa55word!');

  const hit = await entra.match(mail, 'bsimon@contoso.com');
  expect(hit.body.totalResults).toBe(1);
  expect(hit.body.Resources?.[0]?.id).toBe(id);

  const byId = await entra.get(id);
  expect(byId.status).toBe(200);
  expect(byId.body.id).toBe(id);

  const updated = await entra.replace(id, {
    [`${ECMA}:sn`]: 'Simon-Baker',
    [`${ECMA}:homeDirectory`]: '/home/bsimon2',
  });
  expect(updated.status, JSON.stringify(updated.body)).toBe(200);
  found = ldapsearch(dir, '(mail=bsimon@contoso.com)');
  expect(found[0]?.attributes.sn).toEqual(['Simon-Baker']);
  expect(found[0]?.attributes.homedirectory).toEqual(['/home/bsimon2']);

  // aadOptscim062020 shape: lower-case op, no path, URN-qualified keys.
  const noPath = await entra.patch(id, [
    { op: 'replace', value: { [`${ECMA}:sn`]: 'Simon-Cole', [`${ECMA}:uidNumber`]: '10021' } },
  ]);
  expect(noPath.status, JSON.stringify(noPath.body)).toBe(200);
  found = ldapsearch(dir, '(mail=bsimon@contoso.com)');
  expect(found[0]?.attributes.sn).toEqual(['Simon-Cole']);
  expect(found[0]?.attributes.uidnumber).toEqual(['10021']);

  const newDn = `CN=brian.simon,${dir.baseDn}`;
  const renamed = await entra.replace(id, { [`${ECMA}:-dn-`]: newDn });
  expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
  found = ldapsearch(dir, '(mail=bsimon@contoso.com)');
  expect(found[0]?.dn.toLowerCase()).toBe(newDn.toLowerCase());
  const afterRename = await entra.get(String(renamed.body.id));
  expect(afterRename.status).toBe(200);

  const renamedId = String(renamed.body.id);
  const disabled = await entra.disable(renamedId);
  expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
  expect(disabled.body.active).toBe(false);
  found = ldapsearch(dir, '(mail=bsimon@contoso.com)', ['*', lockAttribute]);
  expect(found[0]?.attributes[lockAttribute.toLowerCase()]?.[0]).toBeDefined();

  const enabled = await entra.enable(renamedId);
  expect(enabled.status, JSON.stringify(enabled.body)).toBe(200);
  expect(enabled.body.active).toBe(true);
  found = ldapsearch(dir, '(mail=bsimon@contoso.com)', ['*', lockAttribute]);
  expect(found[0]?.attributes[lockAttribute.toLowerCase()]).toBeUndefined();

  const conflict = await entra.create({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    [ECMA]: { '-dn-': newDn, objectClass: ['inetOrgPerson'], cn: 'x', sn: 'x', mail: 'other@contoso.com' },
  });
  expect(conflict.status).toBe(409);
  expect(conflict.body.scimType).toBe('uniqueness');

  const badSchema = await entra.create({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    [ECMA]: {
      '-dn-': `CN=nosn,${dir.baseDn}`,
      objectClass: ['inetOrgPerson', 'noSuchClass'],
      cn: 'nosn',
      sn: 'x',
      mail: 'nosn@contoso.com',
    },
  });
  expect(badSchema.status).toBe(400);
  expect(String(badSchema.body.detail)).toMatch(/objectClass|noSuchClass/i);

  const deleted = await entra.remove(renamedId);
  expect(deleted.status).toBe(204);
  expect(ldapsearch(dir, '(mail=bsimon@contoso.com)')).toEqual([]);
  const gone = await entra.get(renamedId);
  expect(gone.status).toBe(404);
}
