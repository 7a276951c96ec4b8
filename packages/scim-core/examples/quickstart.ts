// Runnable: node --conditions=@scim2ldap/source --import tsx examples/quickstart.ts (in the workspace), or
// with the published package: npx tsx examples/quickstart.ts
import {
  applyPatch,
  buildExtensionSchema,
  ECMA2HOST_USER_SCHEMA,
  enterpriseUserSchema,
  evaluateFilter,
  listResponse,
  parseListQuery,
  projectResource,
  type ResourceSchemas,
  ScimError,
  toScimErrorBody,
  userSchema,
  validateResource,
} from '@scim2ldap/scim-core';

// 1. Schemas: core User, enterprise extension, and the LDAP attributes the admin selected.
const ecma2host = buildExtensionSchema({
  id: ECMA2HOST_USER_SCHEMA,
  name: 'ECMA2Host User',
  attributes: [
    { name: '-dn-' },
    { name: 'objectClass', multiValued: true },
    { name: 'mail' },
    { name: 'export_password', mutability: 'writeOnly', returned: 'never' },
  ],
});
const schemas: ResourceSchemas = { core: userSchema, extensions: [enterpriseUserSchema, ecma2host] };

// 2. POST /Users: validate and normalise what Entra sends ("True" becomes true, meta is ignored).
const user = validateResource(
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: 'bsimon@contoso.com',
    active: 'True',
    emails: [{ type: 'work', value: 'bsimon@contoso.com', primary: true }],
    [ECMA2HOST_USER_SCHEMA]: { '-dn-': 'cn=bsimon,dc=example,dc=org', mail: 'bsimon@contoso.com' },
  },
  schemas,
  { mode: 'create' },
);

// 3. GET /Users?filter=…: Entra's matching query, form-encoded.
const query = parseListQuery(
  `filter=${encodeURIComponent(`${ECMA2HOST_USER_SCHEMA}:mail eq "BSIMON@contoso.com"`)}`,
);
const page = [{ ...user, id: 'cn=bsimon,dc=example,dc=org' }].filter(
  (u) => !query.filter || evaluateFilter(query.filter, u, schemas),
);
console.log(JSON.stringify(listResponse(page.map((u) => projectResource(u, query, schemas)))));

// 4. PATCH /Users/{id}: Entra's default shapes; `changes` drives a minimal LDAP modify.
const { changes } = applyPatch(
  user,
  {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      { op: 'Replace', path: 'active', value: 'False' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'brian.simon@contoso.com' },
    ],
  },
  schemas,
);
console.log(changes.map((c) => `${c.op} ${c.path} ${JSON.stringify(c.values)}`).join('\n'));

// 5. Errors render as SCIM JSON with status and scimType.
try {
  parseListQuery({ filter: 'userName equals "x"' });
} catch (error) {
  if (error instanceof ScimError) console.log(JSON.stringify(toScimErrorBody(error)));
}
