import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { startDirectory } from '@scim2ldap/ldap-testkit';
const counts = [20_000, 200_000];
for (const users of counts) {
  const t0 = Date.now();
  const dir = await startDirectory({ kind: 'openldap', seed: { users } });
  const seedS = (Date.now() - t0) / 1000;
  try {
    writeFileSync('/tmp/eu-mem/config.json', JSON.stringify({ server: { tls: { mode: 'off' }, stateDir: '/tmp/eu-mem/state' }, connectors: [{ name: 'LDAP', secretToken: 'x'.repeat(20), connectivity: { host: '127.0.0.1', port: Number(new URL(dir.ldapUrl).port), bind: { type: 'simple', dn: dir.adminDn, password: '${env:PW}' } }, partitions: [{ dn: dir.baseDn }], objectClass: 'inetOrgPerson' }] }));
    for (const format of ['ldif', 'csv']) {
      const r = spawnSync('/usr/bin/time', ['-v', process.execPath, 'bin/scim2ldap.mjs', 'users', 'export', '--config', '/tmp/eu-mem/config.json', '--format', format, '--attributes', 'uid,cn,sn,mail,givenName,uidNumber', '--out', `/tmp/eu-mem/out.${format}`], { encoding: 'utf8', env: { ...process.env, PW: dir.adminPassword } });
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
      const wall = /Elapsed \(wall clock\) time.*: (.*)/.exec(r.stderr)?.[1];
      console.log(`| ${users.toLocaleString('en-US')} | ${format} | ${wall} | ${Math.round(Number(rss) / 1024)} MiB | seed ${seedS}s | ${r.stderr.split('\n').find((l) => l.includes('exported'))} |`);
    }
  } finally {
    await dir.stop();
  }
}
