// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env:NAME} is the config file's secret syntax
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostProcess, startHostProcess } from './support/startHostProcess.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'scim2ldap.mjs');

describe('the scim2ldap command line against OpenLDAP', () => {
  let dir: RunningDirectory;
  let work: string;
  let host: HostProcess | undefined;
  const cli = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [bin, ...args], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', BIND_PW: dir.adminPassword, ...env },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  beforeAll(async () => {
    dir = await startDirectory({ kind: 'openldap', seed: { users: 25 } });
    work = mkdtempSync(join(tmpdir(), 'scim2ldap-cli-'));
  });

  afterAll(async () => {
    await host?.stop();
    await dir?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('prints help with exit 0, and exit 2 for an unknown command', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('test-connection');
    expect(help.out).not.toContain('\u001b[');
    expect(cli(['import', '--help']).out).toContain('--full');
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['import', '--full', '--delta', '--config', 'x.yaml']).code).toBe(2);
  });

  it('init detects the directory and writes a config that config check accepts', () => {
    const port = new URL(dir.ldapUrl).port;
    const init = cli([
      'init',
      '--host',
      '127.0.0.1',
      '--port',
      port,
      '--bind-dn',
      dir.adminDn,
      '--password-env',
      'BIND_PW',
      '--base',
      dir.usersDn,
    ]);
    expect(init.code, init.err).toBe(0);
    expect(init.out).toContain('OpenLDAP');
    const yaml = readFileSync(join(work, 'scim2ldap.yaml'), 'utf8');
    expect(yaml).toContain('${env:BIND_PW}');
    expect(yaml).toContain('anchor: entryUUID');
    expect(yaml).not.toContain(dir.adminPassword);
    expect(statSync(join(work, 'LDAP.token')).mode & 0o077).toBe(0);
    const check = cli(['config', 'check', '--config', 'scim2ldap.yaml']);
    expect(check.code, check.err).toBe(0);
    expect(check.out).toContain('/ecma2host_LDAP/scim');
    expect(cli(['init', '--host', '127.0.0.1']).code).toBe(2);
  });

  it('config check names the bad key and exits 3', () => {
    writeFileSync(
      join(work, 'bad.yaml'),
      'connectors:\n  - name: LDAP\n    secretToken: short\n    connectivity: { host: x, security: tls }\n    objectClass: inetOrgPerson\n',
    );
    const r = cli(['config', 'check', '--config', 'bad.yaml']);
    expect(r.code).toBe(3);
    expect(r.err).toContain('connectors[0].connectivity.security');
    expect(r.err).toContain('connectors[0].secretToken');
    expect(r.err).not.toContain('short');
  });

  it('detect reports the Global page, and exits 4 when the bind fails', () => {
    const ok = cli(['detect', '--config', 'scim2ldap.yaml']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/OpenLDAP/);
    const json = cli(['detect', '--config', 'scim2ldap.yaml', '--json']);
    expect(JSON.parse(json.out).vendor.id).toBe('openldap');
    const bad = cli(['detect', '--config', 'scim2ldap.yaml'], { BIND_PW: 'wrong-password' });
    expect(bad.code).toBe(4);
    expect(bad.err).not.toContain('wrong-password');
  });

  it('detect connects over LDAPS with a client certificate (SASL EXTERNAL) and the CA file', () => {
    if (!dir.clientCertPath || !dir.clientKeyPath) throw new Error('the testkit gave no client certificate');
    const r = cli([
      'detect',
      '--host',
      '127.0.0.1',
      '--port',
      new URL(dir.ldapsUrl).port,
      '--security',
      'ldaps',
      '--ca',
      dir.caCertPath,
      '--client-cert',
      dir.clientCertPath,
      '--client-key',
      dir.clientKeyPath,
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).tls).toBeDefined();
    const noCa = cli([
      'detect',
      '--host',
      '127.0.0.1',
      '--port',
      new URL(dir.ldapsUrl).port,
      '--security',
      'ldaps',
    ]);
    expect(noCa.code).toBe(4);
    expect(noCa.err).toMatch(/certificate|TLS/i);
  });

  it('import --full fills the cache, import --delta then finds no change', () => {
    const full = cli(['import', '--full', '--config', 'scim2ldap.yaml']);
    expect(full.code, full.err).toBe(0);
    expect(full.out).toMatch(/full import of "LDAP": 25 entries in the cache \(25 added/);
    const delta = cli(['import', '--delta', '--config', 'scim2ldap.yaml']);
    expect(delta.code, delta.err).toBe(0);
    expect(delta.out).toMatch(
      /delta import of "LDAP": 25 entries in the cache \(0 added, 0 updated, 0 removed/,
    );
  });

  it('expr evaluates the seed DN rule against a sample user', () => {
    writeFileSync(join(work, 'u.json'), JSON.stringify({ userPrincipalName: 'bsimon@contoso.com' }));
    const r = cli([
      'expr',
      'Join("", "CN=", Word([userPrincipalName], 1, "@"), ",DC=Contoso,DC=lab")',
      '--user',
      'u.json',
    ]);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe('"CN=bsimon,DC=Contoso,DC=lab"');
    const syntax = cli(['expr', 'Join("", [a]']);
    expect(syntax.code).toBe(2);
    expect(syntax.err).toContain('^');
  });

  it('test-connection talks to a running host like TestECMA2HostConnection.ps1', async () => {
    const token = readFileSync(join(work, 'LDAP.token'), 'utf8').trim();
    const configFile = join(work, 'scim2ldap.yaml');
    const { parse } = await import('yaml');
    const tree = parse(readFileSync(configFile, 'utf8'));
    delete tree.server.port;
    tree.server.stateDir = join(work, 'scim2ldap-state');
    tree.connectors[0].secretToken = token;
    tree.connectors[0].connectivity.bind.password = dir.adminPassword;
    host = await startHostProcess(tree, { workdir: work });
    const port = new URL(host.baseUrl).port;
    const hostConfig = join(work, 'host.yaml');
    const r = cli(['test-connection', '--config', hostConfig, '--port', port], { SCIM2LDAP_TOKEN: token });
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.out).toContain('200, empty ListResponse');
    expect(r.out).toMatch(/True\s+the cache holds 25 entries/);
    const wrong = cli(['test-connection', '--config', hostConfig, '--port', port], {
      SCIM2LDAP_TOKEN: 'wrong-token-123456',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('401');
  });
});
