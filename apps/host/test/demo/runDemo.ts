// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env:NAME} is the config file's secret syntax
/*
 * The scim2ldap demo (scripts/demo.sh runs this): Microsoft's walkthrough for OpenLDAP with the POSIX schema,
 * with scim2ldap in ECMA2Host's place. It starts OpenLDAP (through the testkit), writes the host config the
 * wizard would have produced, starts `scim2ldap serve`, runs the TestECMA2HostConnection step, then plays
 * the requests Entra's provisioning service sends — applying the seed's attribute mappings with our
 * expression engine exactly as the Entra portal would — and prints the directory as `ldapsearch` shows it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileExpression } from '@scim2ldap/expression-engine';
import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { ECMA, entraClient } from '../support/entraClient.ts';
import { ldapsearchLdif } from '../support/ldapsearch.ts';
import { freePort, type HostProcess, startHostProcess } from '../support/startHostProcess.ts';

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[0m` : s);
const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[0m` : s);
const step = (s: string) => console.log(`\n${bold(`▶ ${s}`)}`);

/** Entra users in scope of the app (what Microsoft Graph would hold). */
const entraUsers = [
  {
    userPrincipalName: 'bsimon@contoso.com',
    displayName: 'Brian Simon',
    surname: 'Simon',
    employeeId: '10011',
  },
  {
    userPrincipalName: 'adele.vance@contoso.com',
    displayName: 'Adele Vance',
    surname: 'Vance',
    employeeId: '10012',
  },
  // Already in the directory before provisioning starts: matched by mail, updated, not duplicated.
  {
    userPrincipalName: 'jdoe@contoso.com',
    displayName: 'Jane Doe',
    surname: 'Doe-Smith',
    employeeId: '10013',
  },
];

/** The seed's "Configure attribute mapping" table for OpenLDAP + POSIX, against our base DN. */
function entraMappings(baseDn: string) {
  const suffix = baseDn
    .split(',')
    .map((rdn) => rdn.replace(/^dc=/i, 'DC='))
    .join(',');
  return {
    '-dn-': `Join("", "CN=", Word([userPrincipalName], 1, "@"), ",${suffix}")`,
    objectClass: 'Split("inetOrgPerson,posixAccount,shadowAccount",",")',
    cn: '[displayName]',
    sn: '[surname]',
    mail: '[userPrincipalName]',
    uid: 'ToLower(Word([userPrincipalName], 1, "@"), )',
    uidNumber: '[employeeId]',
    homeDirectory: 'Join("/", "/home", ToLower(Word([userPrincipalName], 1, "@"), ))',
    gidNumber: '"10000"',
    userPassword: 'Redact(RandomString(16, 2, 2, 2, 2))',
  } as const;
}
const createOnly = new Set(['-dn-', 'objectClass', 'userPassword']);

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'scim2ldap-demo-'));
  let dir: RunningDirectory | undefined;
  let host: HostProcess | undefined;
  try {
    step('Starting OpenLDAP (slapd) with the inetOrgPerson, POSIX, accesslog and ppolicy schemas');
    dir = await startDirectory({ kind: 'openldap' });
    console.log(`  ${dir.ldapUrl}  base ${dir.baseDn}  (pid ${dir.pid}, ${dir.startupMs} ms)`);
    // An existing user the directory already had, as in the seed's brownfield section.
    execFileSync('ldapadd', ['-x', '-H', dir.ldapUrl, '-D', dir.adminDn, '-w', dir.adminPassword], {
      input: `dn: uid=jdoe,${dir.usersDn}\nobjectClass: inetOrgPerson\nobjectClass: posixAccount\nobjectClass: shadowAccount\ncn: jdoe\nsn: Doe\nuid: jdoe\nmail: jdoe@contoso.com\nuidNumber: 10013\ngidNumber: 10000\nhomeDirectory: /home/jdoe\n`,
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    console.log(`  existing entry: uid=jdoe,${dir.usersDn} (mail jdoe@contoso.com), created before the host`);

    step('Writing the connector configuration (the wizard pages, as YAML) and starting `scim2ldap serve`');
    const token = 'demo-secret-token-0123456789';
    const port = await freePort();
    const config = {
      server: { port, tls: { mode: 'self-signed', hostnames: ['localhost'] } },
      connectors: [
        {
          name: 'LDAP',
          secretToken: '${env:SCIM2LDAP_DEMO_TOKEN}',
          autosyncMinutes: 120,
          connectivity: {
            host: '127.0.0.1',
            port: Number(new URL(dir.ldapUrl).port),
            security: 'starttls',
            timeoutSeconds: 180,
            bind: { type: 'simple', dn: dir.adminDn, password: '${env:SCIM2LDAP_DEMO_BIND_PASSWORD}' },
            tls: { caFile: dir.caCertPath },
          },
          partitions: [{ dn: dir.baseDn }],
          objectClass: 'inetOrgPerson',
          auxiliaryClasses: ['posixAccount', 'shadowAccount'],
          attributes: [
            '_distinguishedName',
            '-dn-',
            'export_password',
            { name: 'cn', treatAsSingleValue: true },
            'gidNumber',
            'homeDirectory',
            { name: 'mail', treatAsSingleValue: true },
            'objectClass',
            { name: 'sn', treatAsSingleValue: true },
            { name: 'uid', treatAsSingleValue: true },
            'uidNumber',
            { name: 'userPassword', treatAsSingleValue: true },
          ],
          mapping: { preset: 'none' },
          matching: [{ attribute: 'mail', precedence: 1 }],
          deprovisioning: { disableFlow: { type: 'lock' }, deleteFlow: 'delete' },
        },
      ],
    };
    host = await startHostProcess(config, {
      workdir: work,
      env: { SCIM2LDAP_DEMO_TOKEN: token, SCIM2LDAP_DEMO_BIND_PASSWORD: dir.adminPassword },
    });
    console.log(`  ${host.baseUrl}/ecma2host_LDAP/scim   (config: ${host.configFile})`);

    step('TestECMA2HostConnection: scim2ldap test-connection --connector LDAP  (cache path)');
    try {
      const out = execFileSync(
        process.execPath,
        [
          join(import.meta.dirname, '..', '..', 'bin', 'scim2ldap.mjs'),
          'test-connection',
          '--config',
          host.configFile,
        ],
        {
          env: {
            ...process.env,
            NO_COLOR: '1',
            SCIM2LDAP_TOKEN: token,
            SCIM2LDAP_DEMO_TOKEN: token,
            SCIM2LDAP_DEMO_BIND_PASSWORD: dir.adminPassword,
          },
          encoding: 'utf8',
        },
      );
      console.log(out.replace(/^/gm, '  ').trimEnd());
    } catch (error) {
      console.log(
        String((error as { stdout?: string }).stdout ?? error)
          .replace(/^/gm, '  ')
          .trimEnd(),
      );
    }

    const ca = readFileSync(join(work, 'state', 'tls', 'cert.pem'), 'utf8');
    const entra = entraClient(host.baseUrl.replace('127.0.0.1', 'localhost'), 'LDAP', token, { ca });
    const show = (what: string, r: { status: number; body: Record<string, unknown> }, extra = '') =>
      console.log(`  ${what} → ${r.status}${extra ? `  ${extra}` : ''}`);

    step('Entra: Test Connection (GET /Users?filter=… eq "<random GUID>")');
    const probe = await entra.probe(`${ECMA}:mail`);
    show('GET /Users?filter=…:mail eq "<guid>"', probe, `totalResults ${probe.body.totalResults}`);

    step('Entra: schema discovery (GET /Schemas) — "Edit attribute list for ScimOnPremises"');
    const schemas = await entra.schemas();
    const ext = schemas.body.Resources?.find((s) => s.id === ECMA) as
      | { attributes?: Array<{ name: string; multiValued: boolean }> }
      | undefined;
    show('GET /Schemas', schemas, `${ECMA}: ${(ext?.attributes ?? []).map((a) => a.name).join(', ')}`);

    step('Entra: provisioning cycle (match by mail, create or update)');
    const mappings = entraMappings(dir.baseDn);
    const compiled = Object.entries(mappings).map(
      ([target, expr]) => [target, compileExpression(expr)] as const,
    );
    const ids = new Map<string, string>();
    for (const user of entraUsers) {
      const values: Record<string, unknown> = {};
      for (const [target, c] of compiled) {
        const r = c.evaluateSync(user);
        if (r.kind === 'value' && r.value !== null) values[target] = r.value;
      }
      const match = await entra.match(`${ECMA}:mail`, user.userPrincipalName);
      const found = match.body.Resources?.[0];
      show(
        `GET /Users?filter=${ECMA}:mail eq "${user.userPrincipalName}"`,
        match,
        `totalResults ${match.body.totalResults}`,
      );
      if (found) {
        const id = String(found.id);
        ids.set(user.userPrincipalName, id);
        const changes = Object.fromEntries(
          Object.entries(values)
            .filter(([k]) => !createOnly.has(k))
            .map(([k, v]) => [`${ECMA}:${k}`, v]),
        );
        const r = await entra.replace(id, changes);
        show(
          `PATCH /Users/${id}`,
          r,
          r.status === 200 ? 'matched an existing entry: updated, not duplicated' : JSON.stringify(r.body),
        );
      } else {
        const r = await entra.create({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          [ECMA]: values,
        });
        ids.set(user.userPrincipalName, String(r.body.id));
        const dn = (r.body[ECMA] as Record<string, unknown> | undefined)?.['-dn-'];
        show(
          'POST /Users',
          r,
          r.status === 201 ? `id ${String(r.body.id)}  ${String(dn ?? '')}` : JSON.stringify(r.body),
        );
      }
    }

    step('Entra: an attribute changes in Entra (surname) → GET /Users/{id}, PATCH');
    const bsimon = ids.get('bsimon@contoso.com') ?? '';
    show(`GET /Users/${bsimon}`, await entra.get(bsimon));
    const renamed = await entra.replace(bsimon, { [`${ECMA}:sn`]: 'Simon-Baker' });
    show(`PATCH /Users/${bsimon}  Replace …:sn = "Simon-Baker"`, renamed);

    step('Entra: a user goes out of scope → PATCH active "False" (disable flow: lock via ppolicy)');
    const adele = ids.get('adele.vance@contoso.com') ?? '';
    const disabled = await entra.disable(adele);
    show(
      `PATCH /Users/${adele}  Replace active = "False"`,
      disabled,
      `active ${String(disabled.body.active)}`,
    );

    step(
      `ldapsearch -x -H ${dir.ldapUrl} -D "${dir.adminDn}" -W -LLL -b ${dir.baseDn} "(objectClass=inetOrgPerson)" + operational lock`,
    );
    console.log(
      dim(ldapsearchLdif(dir, '(objectClass=inetOrgPerson)', ['*', 'pwdAccountLockedTime', 'entryUUID']))
        .replace(/^userPassword:.*$/gm, 'userPassword: (hashed initial random password, not shown)')
        .trimEnd(),
    );
    step(`Provisioning log (${host.logFile}): one JSON line per request; e.g. the first create`);
    const create = readFileSync(host.logFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"kind":"request"') && l.includes('"operation":"createUser"'))[0];
    console.log(dim(`  ${create ?? '(none)'}`));
    step('Done. Stopping the host and OpenLDAP.');
  } finally {
    await host?.stop();
    await dir?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
