// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env:NAME} and ${file:PATH} are the config file's secret syntax
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../index.ts';

const minimal = {
  connectors: [
    {
      name: 'LDAP',
      secretToken: '${env:LDAP_TOKEN}',
      connectivity: {
        host: 'localhost',
        bind: { type: 'simple', dn: 'cn=admin,dc=example,dc=org', password: '${env:BIND_PW}' },
      },
      partitions: [{ dn: 'dc=example,dc=org' }],
      objectClass: 'inetOrgPerson',
    },
  ],
};
const env = { LDAP_TOKEN: 'a-long-secret-token-value', BIND_PW: 'bind-secret-pw' };

function issuesOf(fn: () => unknown): ConfigError['issues'] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('accepts the minimal config and fills the wizard defaults', () => {
    const config = parseConfig(minimal, { env });
    const c = config.connectors[0];
    expect(c?.secretToken).toBe(env.LDAP_TOKEN);
    expect(c?.connectivity.bind).toEqual({
      type: 'simple',
      dn: 'cn=admin,dc=example,dc=org',
      password: env.BIND_PW,
    });
    expect(c?.connectivity.security).toBe('none');
    expect(c?.connectivity.timeoutSeconds).toBe(180);
    expect(c?.autosyncMinutes).toBe(120);
    expect(c?.deprovisioning).toEqual({ disableFlow: { type: 'none' }, deleteFlow: 'delete' });
    expect(config.server.port).toBe(8585);
    expect(config.server.tls.mode).toBe('self-signed');
  });

  it('names the key path, the bad value and the expectation', () => {
    const bad = structuredClone(minimal) as { connectors: Array<Record<string, unknown>> };
    (bad.connectors[0] as { connectivity: Record<string, unknown> }).connectivity.security = 'tls';
    const issues = issuesOf(() => parseConfig(bad, { env }));
    expect(issues).toContainEqual({
      path: 'connectors[0].connectivity.security',
      message: 'security must be one of none | ldaps | starttls',
      received: '"tls"',
    });
  });

  it('never shows a secret in an error, even a short token', () => {
    const issues = issuesOf(() => parseConfig(minimal, { env: { LDAP_TOKEN: 'short-tok', BIND_PW: 'x' } }));
    const text = JSON.stringify(issues);
    expect(issues[0]?.path).toBe('connectors[0].secretToken');
    expect(issues[0]?.received).toBe('(hidden)');
    expect(text).not.toContain('short-tok');
  });

  it('says which environment variable is missing', () => {
    const issues = issuesOf(() => parseConfig(minimal, { env: { BIND_PW: 'x' } }));
    expect(issues[0]).toMatchObject({ path: 'connectors[0].secretToken' });
    expect(issues[0]?.message).toContain('LDAP_TOKEN is not set');
  });

  it('rejects two connectors with the same name', () => {
    const two = {
      connectors: [minimal.connectors[0], { ...minimal.connectors[0], secretToken: 'another-token-123' }],
    };
    const issues = issuesOf(() => parseConfig(two, { env }));
    expect(issues.map((i) => i.message).join()).toContain('share a name');
    const sameToken = { connectors: [minimal.connectors[0], { ...minimal.connectors[0], name: 'Other' }] };
    const tokenIssues = issuesOf(() => parseConfig(sameToken, { env }));
    expect(tokenIssues).toEqual([
      { path: 'connectors', message: expect.stringContaining('share a secret token') },
    ]);
    expect(JSON.stringify(tokenIssues)).not.toContain(env.LDAP_TOKEN);
  });

  it('rejects unknown keys so typos do not pass silently', () => {
    const typo = { connectors: [{ ...minimal.connectors[0], autosyncMinuts: 5 }] };
    const issues = issuesOf(() => parseConfig(typo, { env }));
    expect(issues[0]?.path).toBe('connectors[0].autosyncMinuts');
  });
});

describe('loadConfig', () => {
  it('reads ${file:…} secrets relative to the config file and reports YAML syntax errors with a line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scim2ldap-config-'));
    writeFileSync(join(dir, 'token'), 'token-from-a-file-123\n');
    writeFileSync(
      join(dir, 'host.yaml'),
      [
        'connectors:',
        '  - name: LDAP',
        '    secretToken: ${file:token}',
        '    connectivity: { host: localhost }',
        '    objectClass: inetOrgPerson',
        '    store: { path: cache.sqlite }',
      ].join('\n'),
    );
    const config = loadConfig(join(dir, 'host.yaml'), {});
    expect(config.connectors[0]?.secretToken).toBe('token-from-a-file-123');
    expect(config.connectors[0]?.store?.path).toBe(join(dir, 'cache.sqlite'));

    writeFileSync(join(dir, 'broken.yaml'), 'connectors:\n  - name: [unclosed\n');
    const issues = issuesOf(() => loadConfig(join(dir, 'broken.yaml'), {}));
    expect(issues[0]?.path).toMatch(/^line \d+, column \d+$/);
  });
});
