// scim2ldap-testkit — start a throw-away directory from the command line.
//
//   tsx --conditions=@scim2ldap/source packages/ldap-testkit/src/cli.ts [--kind openldap|389ds|apacheds]
//       [--seed N] [--no-sync] [--search] [--hold]
//
// Prints how to reach the server (URLs, admin DN and password, CA file, an ldapsearch line to copy),
// optionally runs that ldapsearch (--search), then either stops the server (default) or keeps it
// running until Ctrl-C / SIGTERM (--hold).
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify, parseArgs } from 'node:util';
import { startDirectory } from './startDirectory.ts';
import { TestkitError } from './TestkitError.ts';
import type { DirectoryKind, RunningDirectory } from './types.ts';

const run = promisify(execFile);

function describeDirectory(dir: RunningDirectory): string {
  const lines = [
    `${dir.kind} is running (pid ${dir.pid}, ready in ${dir.startupMs} ms)`,
    `  LDAP + StartTLS  ${dir.ldapUrl}`,
    `  LDAPS            ${dir.ldapsUrl}`,
    ...(dir.ldapiUrl ? [`  LDAPI            ${dir.ldapiUrl}`] : []),
    `  suffix           ${dir.baseDn}   (users in ${dir.usersDn})`,
    `  admin            ${dir.adminDn} / ${dir.adminPassword}`,
    `  CA certificate   ${dir.caCertPath}`,
    ...(dir.clientCertPath ? [`  client cert/key  ${dir.clientCertPath} ${dir.clientKeyPath ?? ''}`] : []),
    ...(dir.changelogDn ? [`  change log       ${dir.changelogDn}`] : []),
    `  workdir          ${dir.workdir}`,
    '',
    'Try:',
    `  LDAPTLS_CACERT=${dir.caCertPath} ldapsearch -x -H ${dir.ldapsUrl} -D '${dir.adminDn}' -w '${dir.adminPassword}' \\`,
    `    -b '${dir.usersDn}' '(objectClass=inetOrgPerson)' uid cn mail`,
  ];
  return lines.join('\n');
}

async function ldapsearch(dir: RunningDirectory): Promise<string> {
  const pwFile = join(dir.workdir, 'cli-password');
  writeFileSync(pwFile, dir.adminPassword, { mode: 0o600 });
  const args = ['-LLL', '-x', '-H', dir.ldapsUrl, '-D', dir.adminDn, '-y', pwFile, '-b', dir.usersDn];
  const { stdout } = await run('ldapsearch', [...args, '(objectClass=inetOrgPerson)', 'uid', 'cn', 'mail'], {
    env: { ...process.env, LDAPTLS_CACERT: dir.caCertPath },
  });
  return stdout;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kind: { type: 'string', default: 'openldap' },
      seed: { type: 'string', default: '0' },
      'no-sync': { type: 'boolean', default: false },
      search: { type: 'boolean', default: false },
      hold: { type: 'boolean', default: false },
    },
  });
  const dir = await startDirectory({
    kind: values.kind as DirectoryKind,
    seed: { users: Number(values.seed) },
    ...(values['no-sync'] ? { noSync: true } : {}),
  });
  try {
    console.log(describeDirectory(dir));
    if (values.search) {
      console.log(
        `\n$ ldapsearch -H ${dir.ldapsUrl} -b '${dir.usersDn}' '(objectClass=inetOrgPerson)' uid cn mail`,
      );
      console.log((await ldapsearch(dir)).trimEnd());
    }
    if (values.hold) {
      console.log('\nRunning; press Ctrl-C to stop it and remove its workdir.');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
    }
  } finally {
    await dir.stop();
    console.log(`\n${dir.kind} stopped; ${dir.workdir} removed.`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof TestkitError ? `error: ${error.message}` : error);
  process.exit(1);
});
