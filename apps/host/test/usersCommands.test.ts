// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env:NAME} is the config file's secret syntax
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsv } from '@scim2ldap/existing-users';
import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/CliIo.ts';
import { ExitCode } from '../src/cli/Command.ts';
import { runCli } from '../src/cli/runCli.ts';
import { connectorFor } from './support/connectorConfig.ts';
import { ldapsearch } from './support/ldapsearch.ts';

/** Runs the CLI in-process with captured output. */
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
  const code = await runCli(args, io);
  return { code, out, err };
}

async function csvRows(file: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for await (const r of readCsv([readFileSync(file)])) rows.push(r.fields as Record<string, string>);
  return rows;
}

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'scim2ldap.mjs');

const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x0a, 0x0d, 0x20,
]);

describe('scim2ldap users export | match | check-required against OpenLDAP', () => {
  let dir: RunningDirectory;
  let fresh: RunningDirectory | undefined;
  let work: string;
  let env: Record<string, string>;
  const config = () => ['--config', join(work, 'config.json')];

  beforeAll(async () => {
    dir = await startDirectory({ kind: 'openldap', seed: { users: 20 } });
    work = mkdtempSync(join(tmpdir(), 'scim2ldap-users-'));
    env = { TEST_TOKEN: 'users-test-token-0123456789', TEST_BIND_PASSWORD: dir.adminPassword };
    const people = `ou=people,${dir.baseDn}`;
    // Two entries sharing a mail (ambiguous), one with a non-ASCII name, a binary photo, a long
    // description and a value with a leading space (all need base64 or folding in LDIF).
    execFileSync('ldapadd', ['-x', '-H', dir.ldapUrl, '-D', dir.adminDn, '-w', dir.adminPassword], {
      input: [
        `dn: uid=twin1,${people}\nobjectClass: inetOrgPerson\nuid: twin1\ncn: Twin One\nsn: One\nmail: twin@example.org\n`,
        `dn: uid=twin2,${people}\nobjectClass: inetOrgPerson\nuid: twin2\ncn: Twin Two\nsn: Two\nmail: twin@example.org\n`,
        `dn: uid=zoe,${people}\nobjectClass: inetOrgPerson\nuid: zoe\ncn:: ${Buffer.from('Zoë Ångström').toString('base64')}\nsn:: ${Buffer.from(' Ångström').toString('base64')}\nmail: zoe@example.org\njpegPhoto:: ${jpeg.toString('base64')}\nuserPassword: zoe-secret-1\ndescription: ${'long '.repeat(40).trim()}\n`,
      ].join('\n'),
    });
    writeFileSync(
      join(work, 'config.json'),
      JSON.stringify({
        server: { tls: { mode: 'off' }, stateDir: join(work, 'state') },
        connectors: [
          connectorFor(dir, {
            partitions: [{ dn: dir.baseDn, containers: [people] }],
            auxiliaryClasses: ['posixAccount', 'shadowAccount'],
            mapping: { preset: 'posixAccount', gidNumber: '500' },
          }),
        ],
      }),
    );
  });

  afterAll(async () => {
    await fresh?.stop();
    await dir?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('sorts an Entra user download into every category, with exit code 5 and one CSV per category', async () => {
    // The admin center's "Download users" columns (a subset), one row per category.
    const header =
      'userPrincipalName,displayName,surname,mail,givenName,objectId,userType,jobTitle,department,accountEnabled';
    const rows = [
      'USER00001@Example.org,User One,One,,User,id-1,Member,,,True', // matched (mail is caseIgnoreIA5Match)
      ',No Upn,Upn,,No,id-2,Member,,,True', // no value
      'user00001@example.org,Again,Again,,Again,id-3,Member,,,True', // duplicate
      'nobody@example.org,Nobody,Body,,No,id-4,Member,,,True', // not matched
      'twin@example.org,Twin,Twin,,Twin,id-5,Member,,,True', // ambiguous
      'user00003@example.org,"Three, User",Three,,User,id-6,Member,,,False', // matched but disabled
      'user00002@example.org,User Two,Two,,User,id-7,Member,,,True', // matched
    ];
    writeFileSync(join(work, 'entra.csv'), `\ufeff${header}\r\n${rows.join('\r\n')}\r\n`);
    const r = await cli(
      [
        'users',
        'match',
        ...config(),
        '--source',
        join(work, 'entra.csv'),
        '--column',
        'userPrincipalName',
        '--attribute',
        'mail',
        '--out',
        join(work, 'match'),
        '--missing-csv',
        join(work, 'bulk.csv'),
      ],
      env,
      work,
    );
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(ExitCode.attention);
    expect(r.out).toMatch(/rows without a value in the column\s+1\n/);
    expect(r.out).toMatch(/rows with a duplicate value\s+1\n/);
    expect(r.out).toMatch(/not matched \(no directory entry\)\s+1\n/);
    expect(r.out).toMatch(/ambiguous \(several directory entries\)\s+1\n/);
    expect(r.out).toMatch(/matched but disabled in the source\s+1\n/);
    expect(r.out).toMatch(/ {2}matched\s+2\n/);
    // 20 seeded + 3 added = 23 entries; user00001..3 and both twins have rows, 18 do not.
    expect(r.out).toMatch(/directory entries without a source row\s+18\n/);
    expect(r.out).toContain('case-insensitive');

    const byFile = async (f: string) => csvRows(join(work, 'match', f));
    expect((await byFile('no-value.csv')).map((x) => x.objectId)).toEqual(['id-2']);
    expect((await byFile('duplicate.csv')).map((x) => x.objectId)).toEqual(['id-3']);
    expect((await byFile('not-matched.csv')).map((x) => x.objectId)).toEqual(['id-4']);
    const ambiguous = await byFile('ambiguous.csv');
    expect(ambiguous.map((x) => x.dn)).toEqual([
      `uid=twin1,ou=people,${dir.baseDn}; uid=twin2,ou=people,${dir.baseDn}`,
    ]);
    const disabled = await byFile('matched-disabled.csv');
    expect(disabled).toEqual([
      expect.objectContaining({
        objectId: 'id-6',
        displayName: 'Three, User',
        sourceRow: '7',
        dn: `uid=user00003,ou=people,${dir.baseDn}`,
      }),
    ]);
    expect((await byFile('matched.csv')).map((x) => [x.objectId, x.dn])).toEqual([
      ['id-1', `uid=user00001,ou=people,${dir.baseDn}`],
      ['id-7', `uid=user00002,ou=people,${dir.baseDn}`],
    ]);
    const only = await byFile('directory-only.csv');
    expect(only).toHaveLength(18);
    expect(only.map((x) => x.dn)).toContain(`uid=zoe,ou=people,${dir.baseDn}`);

    // The walkthrough's "create the missing users" step, in the admin center's bulk-create format.
    const bulkText = readFileSync(join(work, 'bulk.csv'), 'utf8');
    expect(
      bulkText.startsWith(
        'version:v1.0\r\nName [displayName] Required,User name [userPrincipalName] Required,Initial password [passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required',
      ),
    ).toBe(true);
    const bulk = await csvRows(join(work, 'bulk.csv'));
    expect(bulk).toHaveLength(18);
    expect(bulk.every((b) => b['Block sign in (Yes/No) [accountEnabled] Required'] === 'Yes')).toBe(true);
    expect(bulk.every((b) => b['Initial password [passwordProfile] Required'] === '')).toBe(true);
    expect(bulk.find((b) => b['User name [userPrincipalName] Required'] === 'zoe@example.org')).toMatchObject(
      {
        'Name [displayName] Required': 'Zoë Ångström',
        // Leading and trailing spaces are dropped: the admin center rejects them.
        'Last name [surname]': 'Ångström',
      },
    );
  });

  it('exits 0 when every row matches one entry and every entry has a row; passwords only on request', async () => {
    const lines = ['mail,accountEnabled'];
    for (let n = 1; n <= 20; n++) lines.push(`user${String(n).padStart(5, '0')}@example.org,true`);
    writeFileSync(join(work, 'all.csv'), lines.join('\n'));
    const r = await cli(
      [
        'users',
        'match',
        ...config(),
        '--source',
        join(work, 'all.csv'),
        '--column',
        'mail',
        '--attribute',
        'mail',
        '--filter',
        '(uid=user*)',
      ],
      env,
      work,
    );
    expect(r.code).toBe(ExitCode.ok);
    expect(r.out).toMatch(/ {2}matched\s+20\n/);

    const withPasswords = await cli(
      [
        'users',
        'match',
        ...config(),
        '--source',
        join(work, 'all.csv'),
        '--column',
        'mail',
        '--attribute',
        'uid',
        '--missing-csv',
        join(work, 'bulk-pw.csv'),
        '--generate-passwords',
      ],
      env,
      work,
    );
    expect(withPasswords.code).toBe(ExitCode.attention);
    const bulk = await csvRows(join(work, 'bulk-pw.csv'));
    expect(bulk).toHaveLength(23);
    expect(bulk.every((b) => (b['Initial password [passwordProfile] Required'] ?? '').length === 20)).toBe(
      true,
    );
    expect(statSync(join(work, 'bulk-pw.csv')).mode & 0o077).toBe(0);
  });

  it('compares exactly when the attribute is caseExact (homeDirectory is caseExactIA5Match)', async () => {
    writeFileSync(
      join(work, 'homes.json'),
      JSON.stringify([{ home: '/home/USER00001' }, { home: '/home/user00002' }]),
    );
    const r = await cli(
      [
        'users',
        'match',
        ...config(),
        '--source',
        join(work, 'homes.json'),
        '--column',
        'home',
        '--attribute',
        'homeDirectory',
        '--filter',
        '(|(uid=user00001)(uid=user00002))',
        '--out',
        join(work, 'homes'),
      ],
      env,
      work,
    );
    expect(r.code).toBe(ExitCode.attention);
    expect(r.out).toContain('caseExactIA5Match: case-sensitive');
    expect((await csvRows(join(work, 'homes', 'not-matched.csv'))).map((x) => x.home)).toEqual([
      '/home/USER00001',
    ]);
    expect((await csvRows(join(work, 'homes', 'matched.csv'))).map((x) => x.dn)).toEqual([
      `uid=user00002,ou=people,${dir.baseDn}`,
    ]);
  });

  it('names a missing column, and an attribute the schema does not know, as usage errors', async () => {
    const noColumn = await cli(
      [
        'users',
        'match',
        ...config(),
        '--source',
        join(work, 'all.csv'),
        '--column',
        'upn',
        '--attribute',
        'mail',
      ],
      env,
      work,
    );
    expect(noColumn.code).toBe(ExitCode.usage);
    expect(noColumn.err).toContain('has no column "upn"; its columns are: mail, accountEnabled');
    const noAttribute = await cli(
      [
        'users',
        'match',
        ...config(),
        '--source',
        join(work, 'all.csv'),
        '--column',
        'mail',
        '--attribute',
        'mial',
      ],
      env,
      work,
    );
    expect(noAttribute.code).toBe(ExitCode.usage);
    expect(noAttribute.err).toContain('--attribute mial is not an attribute type');
  });

  it('exports LDIF (passwords only on request) that ldapadd loads into a fresh directory, giving the same entries', async () => {
    const plain = await cli(['users', 'export', ...config(), '--filter', '(uid=zoe)'], env, work);
    expect(plain.code).toBe(ExitCode.ok);
    expect(plain.out).toContain('dn: uid=zoe,');
    expect(plain.out).not.toMatch(/userPassword/i);
    const refused = await cli(
      ['users', 'export', ...config(), '--format', 'csv', '--attributes', 'uid,userPassword'],
      env,
      work,
    );
    expect(refused.code).toBe(ExitCode.usage);
    expect(refused.err).toContain('--include-passwords');

    const ldif = join(work, 'export.ldif');
    const r = await cli(['users', 'export', ...config(), '--include-passwords', '--out', ldif], env, work);
    expect(r.code).toBe(ExitCode.ok);
    expect(r.err).toContain('exported 23 entries (ldif)');
    const text = readFileSync(ldif, 'utf8');
    expect(text).toContain(`jpegPhoto:: ${jpeg.toString('base64')}`);
    expect(text).toContain('userPassword:');
    expect(text).toContain(`sn:: ${Buffer.from(' Ångström').toString('base64')}`);
    expect(text.split('\n').every((line) => line.length <= 76)).toBe(true);

    fresh = await startDirectory({ kind: 'openldap' });
    execFileSync('ldapadd', [
      '-x',
      '-H',
      fresh.ldapUrl,
      '-D',
      fresh.adminDn,
      '-w',
      fresh.adminPassword,
      '-f',
      ldif,
    ]);
    const attributes = ['*'];
    const sorted = (d: RunningDirectory) =>
      ldapsearch(d, '(objectClass=inetOrgPerson)', attributes).sort((a, b) => a.dn.localeCompare(b.dn));
    const before = sorted(dir);
    expect(before).toHaveLength(23);
    expect(sorted(fresh)).toEqual(before);
  });

  it('exports CSV and JSON Lines with chosen attributes, to stdout', async () => {
    const csv = await cli(
      [
        'users',
        'export',
        ...config(),
        '--format',
        'csv',
        '--attributes',
        'uid,mail,cn',
        '--filter',
        '(|(uid=zoe)(uid=twin1))',
      ],
      env,
      work,
    );
    expect(csv.code).toBe(ExitCode.ok);
    const rows = [];
    for await (const row of readCsv([csv.out])) rows.push(row.fields);
    expect(rows).toEqual(
      expect.arrayContaining([
        { dn: `uid=zoe,ou=people,${dir.baseDn}`, uid: 'zoe', mail: 'zoe@example.org', cn: 'Zoë Ångström' },
        { dn: `uid=twin1,ou=people,${dir.baseDn}`, uid: 'twin1', mail: 'twin@example.org', cn: 'Twin One' },
      ]),
    );
    const jsonl = await cli(
      [
        'users',
        'export',
        ...config(),
        '--format',
        'jsonl',
        '--attributes',
        'uid',
        '--base',
        `ou=people,${dir.baseDn}`,
      ],
      env,
      work,
    );
    const lines = jsonl.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(23);
    expect(lines).toContainEqual({ dn: `uid=user00020,ou=people,${dir.baseDn}`, uid: ['user00020'] });
    const noColumns = await cli(['users', 'export', ...config(), '--format', 'csv'], env, work);
    expect(noColumns.code).toBe(ExitCode.usage);
  });

  it('exports ad hoc (no config file) through the real binary into a pipe, page by page', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        'set -o pipefail; "$NODE" "$BIN" users export --host 127.0.0.1 --port "$PORT" --bind-dn "$DN" --password-env BIND_PW --format ldif --page-size 5 --base "$BASE" --filter "(objectClass=inetOrgPerson)" | grep -c "^dn:"',
      ],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          NO_COLOR: '1',
          NODE: process.execPath,
          BIN: bin,
          PORT: new URL(dir.ldapUrl).port,
          DN: dir.adminDn,
          BIND_PW: dir.adminPassword,
          BASE: `ou=people,${dir.baseDn}`,
        },
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('23');
    expect(r.stderr).toContain('exported 23 entries (ldif)');
    expect(r.stderr).not.toContain(dir.adminPassword);
  });

  it('lists per user and attribute what the POSIX schema requires and the source lacks', async () => {
    writeFileSync(
      join(work, 'graph.json'),
      JSON.stringify({
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
        value: [
          {
            userPrincipalName: 'ok@contoso.com',
            displayName: 'Ok',
            surname: 'Ok',
            employeeId: '7001',
            accountEnabled: true,
          },
          {
            userPrincipalName: 'nonumber@contoso.com',
            displayName: 'No Number',
            surname: 'Number',
            accountEnabled: true,
          },
          { displayName: 'No UPN', surname: 'Upn', employeeId: '7003', accountEnabled: true },
        ],
      }),
    );
    const r = await cli(
      [
        'users',
        'check-required',
        ...config(),
        '--source',
        join(work, 'graph.json'),
        '--out',
        join(work, 'required.csv'),
      ],
      env,
      work,
    );
    expect(r.code).toBe(ExitCode.attention);
    const found = await csvRows(join(work, 'required.csv'));
    const pairs = found.map((f) => `${f.user} ${f.attribute}`);
    expect(pairs).toContain('nonumber@contoso.com uidNumber');
    expect(found.find((f) => f.attribute === 'uidNumber')?.reason).toBe('MUST of posixAccount (auxiliary)');
    expect(pairs).toContain('row 3 -dn-');
    expect(found.find((f) => f.attribute === '-dn-')?.reason).toContain('it reads userName');
    expect(found.find((f) => f.attribute === '-dn-')?.reason).toContain('has an empty name');
    expect(pairs.filter((p) => p.startsWith('ok@contoso.com'))).toEqual([]);
    expect(r.out).toContain('2 of 3 users lack');
  });
});
