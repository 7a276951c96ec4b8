import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/CliIo.ts';
import { ExitCode } from '../src/cli/Command.ts';
import { runCli } from '../src/cli/runCli.ts';
import { connectorFor } from './support/connectorConfig.ts';
import { ldapsearch, ldapsearchLdif } from './support/ldapsearch.ts';

async function cli(args: string[], env: Record<string, string>, cwd: string) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    env: { ...env, NO_COLOR: '1' },
    isTTY: false,
    color: false,
    cwd,
  };
  return { code: await runCli(args, io), out, err };
}

describe('scim2ldap provision (on demand) against OpenLDAP', () => {
  let dir: RunningDirectory;
  let work: string;
  let env: Record<string, string>;
  let people: string;
  const provision = async (user: Record<string, unknown>, ...extra: string[]) => {
    const file = join(work, 'user.json');
    writeFileSync(file, JSON.stringify(user));
    return cli(['provision', '--config', join(work, 'config.json'), '--user', file, ...extra], env, work);
  };
  const snapshot = () => ldapsearchLdif(dir, '(objectClass=*)', ['*', '+']);

  beforeAll(async () => {
    dir = await startDirectory({ kind: 'openldap', seed: { users: 5 } });
    work = mkdtempSync(join(tmpdir(), 'scim2ldap-provision-'));
    people = `ou=people,${dir.baseDn}`;
    env = { TEST_TOKEN: 'provision-test-token-0123456789', TEST_BIND_PASSWORD: dir.adminPassword };
    execFileSync('ldapadd', ['-x', '-H', dir.ldapUrl, '-D', dir.adminDn, '-w', dir.adminPassword], {
      input: [
        `dn: uid=twin1,${people}\nobjectClass: inetOrgPerson\nuid: twin1\ncn: Twin One\nsn: One\nmail: twin@example.org\n`,
        `dn: uid=twin2,${people}\nobjectClass: inetOrgPerson\nuid: twin2\ncn: Twin Two\nsn: Two\nmail: twin@example.org\n`,
      ].join('\n'),
    });
    writeFileSync(
      join(work, 'config.json'),
      JSON.stringify({
        server: { tls: { mode: 'off' }, stateDir: join(work, 'state') },
        connectors: [
          connectorFor(dir, {
            partitions: [{ dn: dir.baseDn, containers: [people] }],
            password: { initialRandom: true },
          }),
        ],
      }),
    );
  });

  afterAll(async () => {
    await dir?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const newbie = {
    userPrincipalName: 'newbie@example.org',
    displayName: 'New Bie',
    givenName: 'New',
    surname: 'Bie',
    mail: 'newbie@example.org',
    jobTitle: 'Tester',
    accountEnabled: true,
  };

  it('--dry-run prints the add as LDIF, never the password, and changes nothing', async () => {
    const before = snapshot();
    const r = await provision(newbie, '--dry-run');
    expect(r.err).toBe('');
    expect(r.code).toBe(ExitCode.ok);
    for (const step of [
      '1. Test connection',
      '2. Import user',
      '3. Determine scope',
      '4. Match user',
      '5. Perform action (dry run',
    ])
      expect(r.out).toContain(step);
    expect(r.out).toContain('uid = newbie@example.org: no entry');
    expect(r.out).toContain('would create: modified attributes');
    expect(r.out).toContain('title: (none) → Tester');
    const ldif = r.out.slice(r.out.indexOf('version: 1'));
    expect(ldif).toContain(
      `dn: uid=newbie@example.org,${people}\nchangetype: add\nobjectClass: inetOrgPerson\n`,
    );
    expect(ldif).toContain('sn: Bie\n');
    expect(ldif).toContain(`# uid=newbie@example.org,${people}: password set (value not shown)`);
    expect(r.out).not.toMatch(/userPassword/i);
    expect(snapshot()).toBe(before);
  });

  it('creates the user, then skips it when nothing changed', async () => {
    const r = await provision(newbie);
    expect(r.code).toBe(ExitCode.ok);
    expect(r.out).toContain('created: modified attributes');
    const [entry] = ldapsearch(dir, '(uid=newbie@example.org)', ['*']);
    expect(entry?.dn).toBe(`uid=newbie@example.org,${people}`);
    expect(entry?.attributes.title).toEqual(['Tester']);
    expect(entry?.attributes.userpassword?.length).toBe(1);
    expect(r.out).not.toContain(entry?.attributes.userpassword?.[0] ?? 'no password');

    const again = await provision(newbie);
    expect(again.code).toBe(ExitCode.ok);
    expect(again.out).toContain(`uid = newbie@example.org: uid=newbie@example.org,${people}`);
    expect(again.out).toContain('skipped (no change)');
  });

  it('updates a matched user with only the changed attributes; the dry run shows the modify and leaves it', async () => {
    const changed = { ...newbie, jobTitle: 'Lead Tester' };
    const before = snapshot();
    const dry = await provision(changed, '--dry-run');
    expect(dry.code).toBe(ExitCode.ok);
    expect(dry.out).toContain('would update: modified attributes');
    expect(dry.out).toContain('title: Tester → Lead Tester');
    expect(dry.out).toContain(
      `dn: uid=newbie@example.org,${people}\nchangetype: modify\nreplace: title\ntitle: Lead Tester\n-\n`,
    );
    expect(snapshot()).toBe(before);

    const real = await provision(changed);
    expect(real.code).toBe(ExitCode.ok);
    expect(real.out).toContain('updated: modified attributes');
    expect(real.out).toContain('title: Tester → Lead Tester');
    const action = real.out.slice(real.out.indexOf('5. Perform action'));
    expect(action.match(/^ {6}\S+:/gm)).toEqual(['      title:']);
    expect(ldapsearch(dir, '(uid=newbie@example.org)', ['title'])[0]?.attributes.title).toEqual([
      'Lead Tester',
    ]);
  });

  it('skips users Entra would skip, and fails on an ambiguous match', async () => {
    const disabled = await provision({
      userPrincipalName: 'gone@example.org',
      surname: 'Gone',
      accountEnabled: false,
    });
    expect(disabled.code).toBe(ExitCode.attention);
    expect(disabled.out).toContain('active in the source: no');
    expect(disabled.out).toContain('skipped (EntrySynchronizationSkipped)');
    expect(ldapsearch(dir, '(uid=gone@example.org)')).toEqual([]);

    const noMatchValue = await provision({ displayName: 'Nameless', accountEnabled: true });
    expect(noMatchValue.code).toBe(ExitCode.attention);
    expect(noMatchValue.out).toContain('skipped (ImportSkipped)');
    expect(noMatchValue.out).toContain('uid, mail');
    expect(noMatchValue.out).toContain('dn: (none: The DN rule produced a DN that is not a valid DN');

    // A matching value but no input for the DN rule: matched by mail (nothing), then the create is refused.
    const beforeNoDn = snapshot();
    const noDn = await provision({ mail: 'nodn@example.org', surname: 'Dn', accountEnabled: true });
    expect(noDn.code).toBe(ExitCode.failure);
    expect(noDn.out).toContain('mail = nodn@example.org: no entry');
    expect(noDn.out).toContain('failed (400)');
    expect(noDn.out).toContain(`"uid=,${people}" has an empty name`);
    expect(snapshot()).toBe(beforeNoDn);

    const before = snapshot();
    const twin = await provision({
      userPrincipalName: 'other@example.org',
      mail: 'twin@example.org',
      surname: 'T',
    });
    expect(twin.code).toBe(ExitCode.failure);
    expect(twin.out).toContain('DuplicateTargetEntries');
    expect(twin.out).toContain(`uid=twin1,${people}; uid=twin2,${people}`);
    expect(snapshot()).toBe(before);
  });

  it('takes a SCIM User as Entra sends it, and a one-row CSV', async () => {
    const scim = await provision(
      {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'user00002',
        active: true,
        title: 'Seeded',
      },
      '--dry-run',
    );
    expect(scim.code).toBe(ExitCode.ok);
    expect(scim.out).toContain(`uid = user00002: uid=user00002,${people}`);
    expect(scim.out).toContain('replace: title\ntitle: Seeded\n');
    const csv = join(work, 'one.csv');
    writeFileSync(csv, 'userPrincipalName,surname,accountEnabled\r\ncsvuser@example.org,Csv,True\r\n');
    const fromCsv = await cli(
      ['provision', '--config', join(work, 'config.json'), '--user', csv, '--dry-run'],
      env,
      work,
    );
    expect(fromCsv.code).toBe(ExitCode.ok);
    expect(fromCsv.out).toContain(`dn: uid=csvuser@example.org,${people}\nchangetype: add`);
    writeFileSync(csv, 'userPrincipalName\r\na@x.org\r\nb@x.org\r\n');
    const two = await cli(['provision', '--config', join(work, 'config.json'), '--user', csv], env, work);
    expect(two.code).toBe(ExitCode.usage);
    expect(two.err).toContain('more than one user');
  });
});
