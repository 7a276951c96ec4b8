// Provisioning's own cost per SCIM request, without a directory: mapping a SCIM User to an entry (create),
// rendering an entry back to a SCIM User, and whole createUser / matching queryUsers calls over an in-memory
// DirectoryTarget and the memory anchor store — the overhead the host adds on top of LDAP round trips.
// Same-run baseline: a JSON round trip of the same User (the least any request costs). `pnpm bench provisioning`.
import { createMemoryStore } from '@scim2ldap/anchor-store';
import { Bench } from 'tinybench';
import {
  buildSchemas,
  compileMapping,
  createProvisioner,
  type DirectoryEntry,
  inetOrgPersonPreset,
  mapEntryToUser,
  mapUserToEntry,
} from '@scim2ldap/provisioning';
import { memoryTarget } from '../test/support/memoryTarget.ts';

const BATCH = 100;
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PARENT = 'ou=people,dc=example,dc=org';
const user = (n: number) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  externalId: `ext-${n}`,
  userName: `user${n}@contoso.com`,
  active: true,
  displayName: `User ${n}`,
  title: 'Engineer',
  emails: [{ primary: true, type: 'work', value: `user${n}@contoso.com` }],
  name: { formatted: `Given${n} Family`, familyName: 'Family', givenName: `Given${n}` },
  [ENTERPRISE]: { employeeNumber: String(n), department: 'R&D' },
});

const config = inetOrgPersonPreset({ parentDn: PARENT });
const mapping = compileMapping(config);
const schemas = buildSchemas(
  [{ name: '-dn-' }, { name: 'objectClass' }, { name: 'mail', treatAsSingleValue: true }],
  undefined,
  {
    mapping: config,
  },
);
const entry: DirectoryEntry = {
  dn: `uid=user1@contoso.com,${PARENT}`,
  anchor: '0b6c7a5e-7c2e-103f-8f9a-4b1d2c3e4f50',
  objectClasses: ['inetOrgPerson'],
  attributes: {
    uid: ['user1@contoso.com'],
    givenName: ['Given1'],
    sn: ['Family'],
    displayName: ['User 1'],
    cn: ['User 1'],
    mail: ['user1@contoso.com'],
    title: ['Engineer'],
    employeeNumber: ['1'],
    departmentNumber: ['R&D'],
  },
};

const target = memoryTarget([PARENT]);
const provisioner = createProvisioner({
  connector: 'bench',
  target,
  store: createMemoryStore({ indexes: [{ attribute: 'mail' }, { attribute: 'uid' }] }),
  mapping: config,
  schema: schemas,
});
for (let n = 0; n < 1000; n++) await provisioner.createUser(user(n));
let next = 1000;
let sink = 0;

const bench = new Bench({ time: 2000, warmupTime: 500 });
bench
  .add('mapUserToEntry: Entra user, inetOrgPerson preset (create)', async () => {
    for (let i = 0; i < BATCH; i++)
      sink += Object.keys(
        (await mapUserToEntry(user(i), mapping, schemas, { kind: 'create' })).attributes,
      ).length;
  })
  .add('mapEntryToUser: entry read back → SCIM User', async () => {
    for (let i = 0; i < BATCH; i++)
      sink += Object.keys(
        await mapEntryToUser(entry, { mapping, schemas, disableFlow: { type: 'none' } }),
      ).length;
  })
  .add('createUser over an in-memory target (no LDAP)', async () => {
    for (let i = 0; i < BATCH; i++) sink += String((await provisioner.createUser(user(next++))).id).length;
  })
  .add('queryUsers mail eq (cache hit + re-read, in-memory target)', async () => {
    for (let i = 0; i < BATCH; i++) {
      sink += (
        await provisioner.queryUsers({ filter: `emails[type eq "work"].value eq "user${i * 7}@contoso.com"` })
      ).totalResults;
    }
  })
  .add('baseline: JSON round trip of the same User', () => {
    for (let i = 0; i < BATCH; i++)
      sink += (JSON.parse(JSON.stringify(user(i))) as { userName: string }).userName.length;
  });

await bench.run();

console.log('| task | calls/s (one core, from median) | median per call | mean per call | ±rme |');
console.log('|---|---:|---:|---:|---:|');
for (const task of bench.tasks) {
  const result = task.result;
  if (!result || !('latency' in result)) continue;
  const median = result.latency.p50 ?? result.latency.mean;
  const us = (ms: number): string => `${((ms / BATCH) * 1000).toFixed(1)} µs`;
  console.log(
    `| ${task.name} | ${Math.round((BATCH * 1000) / median).toLocaleString('en-US')} | ${us(median)} | ${us(result.latency.mean)} | ${result.latency.rme.toFixed(1)}% |`,
  );
}
if (sink === 42) console.log('');
