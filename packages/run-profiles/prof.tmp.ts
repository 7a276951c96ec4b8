import { seedUser, startDirectory } from '@scim2ldap/ldap-testkit';
import { createConnectionPool, createLdapTarget } from './src/index.ts';
const dir = await startDirectory({ kind: 'openldap', noSync: true });
const pool = createConnectionPool({
  url: dir.ldapUrl,
  bind: { method: 'simple', dn: dir.adminDn, password: dir.adminPassword },
  size: Number(process.env.PS ?? 4),
  healthCheckIntervalMs: 0,
});
try {
  const target = createLdapTarget({
    pool,
    bases: [dir.usersDn],
    anchor: 'entryUUID',
    attributes: ['uid', 'cn', 'mail'],
  });
  const { Session } = await import('node:inspector/promises');
  const s = new Session();
  s.connect();
  await s.post('Profiler.enable');
  await s.post('Profiler.start');
  let next = 1;
  const count = 2000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Number(process.env.PS ?? 4) }, async () => {
      while (next <= count) {
        const { dn, attributes } = seedUser(next++);
        const { objectClass = [], ...rest } = attributes;
        await target.add({ dn, objectClasses: objectClass, attributes: rest });
      }
    }),
  );
  const ms = performance.now() - t0;
  const { profile } = (await s.post('Profiler.stop')) as any;
  console.log('rate', Math.round(count / (ms / 1000)));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  profile.samples.forEach((id: number, i: number) => {
    const n: any = byId.get(id);
    const k =
      n.callFrame.functionName +
      ' ' +
      n.callFrame.url.split('/').slice(-2).join('/') +
      ':' +
      n.callFrame.lineNumber;
    self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 22)
    .forEach(([k, v]) => console.log((v / 1000).toFixed(0) + 'ms', k));
} finally {
  await pool.close();
  await dir.stop();
}
