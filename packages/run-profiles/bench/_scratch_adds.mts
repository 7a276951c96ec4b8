import { seedUser, startDirectory } from '@scim2ldap/ldap-testkit';
import { createConnectionPool, createLdapTarget } from '/work/main/packages/run-profiles/src/index.ts';
const count = Number(process.argv[2] ?? 8000),
  size = Number(process.argv[3] ?? 4),
  workers = Number(process.argv[4] ?? 4);
const dir = await startDirectory({ kind: 'openldap', noSync: true });
const pool = createConnectionPool({
  url: dir.ldapUrl,
  bind: { method: 'simple', dn: dir.adminDn, password: dir.adminPassword },
  size,
  healthCheckIntervalMs: 0,
});
const target = createLdapTarget({
  pool,
  bases: [dir.usersDn],
  anchor: 'entryUUID',
  attributes: ['uid', 'cn', 'mail'],
});
await Promise.all(Array.from({ length: size }, () => pool.use((c) => c.connect())));
const users = Array.from({ length: count }, (_, i) => seedUser(i + 1));
const fs = await import('node:fs');
const slapdCpu = () => {
  const f = fs.readFileSync(`/proc/${dir.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
// warm-up 500
let next = 0;
const run = async (upto: number) =>
  Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < upto) {
        const { dn, attributes } = users[next++]!;
        const { objectClass = [], ...rest } = attributes;
        const e = await target.add({ dn, objectClasses: objectClass, attributes: rest });
        if (!e.anchor) throw new Error('x');
      }
    }),
  );
await run(500);
process.send?.('go');
if (process.env.MARK) fs.writeFileSync(process.env.MARK, String(process.pid));
const s0 = slapdCpu(),
  c0 = process.cpuUsage(),
  t0 = performance.now();
await run(count);
const ms = performance.now() - t0,
  c = process.cpuUsage(c0),
  n = count - 500;
console.log(
  `${Math.round(n / (ms / 1000))}/s client ${Math.round((c.user + c.system) / n)} µs/add (user ${Math.round(c.user / n)} sys ${Math.round(c.system / n)}) slapd ${Math.round(((slapdCpu() - s0) * 1000) / n)} µs/add`,
);
await pool.close();
await dir.stop();
