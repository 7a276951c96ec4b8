import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import * as v from 'valibot';
import { parseDocument } from 'yaml';
import { ConfigError, type ConfigIssue } from './ConfigError.ts';
import { configSchema, type HostConfig } from './configSchema.ts';
import { resolveSecrets } from './resolveSecrets.ts';

/** Keys whose values are secret wherever they appear. */
const secretKeys = /(^|\.)(secretToken|password)$/;

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    if (typeof item.key === 'number') out += `[${item.key}]`;
    else out += out ? `.${String(item.key)}` : String(item.key);
  }
  return out;
}

function render(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function toIssues(issues: readonly v.BaseIssue<unknown>[], secretPaths: ReadonlySet<string>): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    // A union reports each branch's issue; the nested ones say more than "invalid type".
    if (issue.issues && issue.type === 'union') {
      out.push(...toIssues(issue.issues.slice(0, 1), secretPaths));
      continue;
    }
    const path = pathOf(issue);
    // A cross-field check (forwarded to a key) sees the whole config as its input: never print that.
    if (issue.type === 'check') {
      out.push({ path, message: issue.message });
      continue;
    }
    const secret = secretKeys.test(path) || secretPaths.has(path);
    const received = issue.input === undefined ? 'nothing' : secret ? '(hidden)' : render(issue.input);
    out.push({ path, message: issue.message, received });
  }
  return out;
}

/**
 * Validates an already-parsed configuration tree: resolves `${env:…}` / `${file:…}` references, applies
 * defaults, and throws a {@link ConfigError} naming every bad key, the value found (never a secret) and the fix.
 * @param tree the parsed YAML (or an object built in code)
 * @param options where it came from, the environment, and the base directory for relative paths
 */
export function parseConfig(
  tree: unknown,
  options: { file?: string; env?: NodeJS.ProcessEnv; baseDir?: string } = {},
): HostConfig {
  const file = options.file ?? '(config)';
  const baseDir = options.baseDir ?? process.cwd();
  const secrets = resolveSecrets(tree, options.env ?? process.env, baseDir);
  const result = v.safeParse(configSchema, secrets.value);
  const issues: ConfigIssue[] = secrets.issues.map((i) => ({ path: i.path, message: i.message }));
  if (!result.success) issues.push(...toIssues(result.issues, secrets.secretPaths));
  if (issues.length > 0 || !result.success) throw new ConfigError(file, issues);
  return absolutisePaths(result.output, baseDir);
}

/** Relative paths in the file are relative to the file, not to wherever the host was started. */
function absolutisePaths(config: HostConfig, baseDir: string): HostConfig {
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(baseDir, p));
  const tls = config.server.tls;
  return {
    ...config,
    server: {
      ...config.server,
      stateDir: abs(config.server.stateDir),
      tls:
        tls.mode === 'files'
          ? { ...tls, certFile: abs(tls.certFile), keyFile: abs(tls.keyFile) }
          : tls.mode === 'self-signed' && tls.dir !== undefined
            ? { ...tls, dir: abs(tls.dir) }
            : tls,
      log:
        config.server.log.file === undefined
          ? config.server.log
          : { ...config.server.log, file: abs(config.server.log.file) },
    },
    connectors: config.connectors.map((c) => ({
      ...c,
      connectivity: {
        ...c.connectivity,
        tls: {
          ...c.connectivity.tls,
          ...(c.connectivity.tls.caFile === undefined ? {} : { caFile: abs(c.connectivity.tls.caFile) }),
          ...(c.connectivity.tls.clientCertFile === undefined
            ? {}
            : { clientCertFile: abs(c.connectivity.tls.clientCertFile) }),
          ...(c.connectivity.tls.clientKeyFile === undefined
            ? {}
            : { clientKeyFile: abs(c.connectivity.tls.clientKeyFile) }),
        },
      },
      ...(c.store === undefined ? {} : { store: { path: abs(c.store.path) } }),
    })),
  };
}

/**
 * Reads and validates the YAML configuration file.
 * @param file path to the YAML file
 * @param env the environment `${env:NAME}` references read (default `process.env`)
 * @example
 * const config = loadConfig('/etc/scim2ldap/config.yaml');
 * config.connectors[0].name; // 'LDAP'
 */
export function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): HostConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(
      file,
      [{ path: '', message: `cannot read the file (${code}); check the --config path` }],
      {
        cause: error,
      },
    );
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '',
        message: `YAML syntax: ${e.message.split('\n')[0] ?? e.code}`,
      })),
    );
  }
  return parseConfig(doc.toJS(), { file, env, baseDir: dirname(resolve(file)) });
}
