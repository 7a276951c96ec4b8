import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/** A problem met while resolving `${env:NAME}` / `${file:PATH}` references. */
export interface SecretIssue {
  readonly path: string;
  readonly message: string;
}

/** The config tree with references replaced, plus the key paths whose values came from a reference. */
export interface ResolvedSecrets {
  readonly value: unknown;
  readonly secretPaths: ReadonlySet<string>;
  readonly issues: readonly SecretIssue[];
}

const reference = /^\$\{(env|file):([^}]+)\}$/;

/**
 * Replaces every string value that is exactly `${env:NAME}` (an environment variable) or `${file:PATH}` (a
 * file's content, trailing newline trimmed; relative to the config file) — the one syntax for secrets, so
 * tokens and passwords never have to sit in the YAML file.
 * @param tree the parsed YAML
 * @param env the environment to read from
 * @param baseDir the directory relative `${file:…}` paths start from
 */
export function resolveSecrets(tree: unknown, env: NodeJS.ProcessEnv, baseDir: string): ResolvedSecrets {
  const secretPaths = new Set<string>();
  const issues: SecretIssue[] = [];

  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      const m = reference.exec(node.trim());
      if (!m) return node;
      const [, kind, ref = ''] = m;
      secretPaths.add(path);
      if (kind === 'env') {
        const value = env[ref];
        if (value === undefined || value === '') {
          issues.push({
            path,
            message: `environment variable ${ref} is not set; export ${ref}=… before starting`,
          });
          return undefined;
        }
        return value;
      }
      const file = isAbsolute(ref) ? ref : resolve(baseDir, ref);
      try {
        return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        issues.push({
          path,
          message: `cannot read secret file ${file} (${code}); check the path and permissions`,
        });
        return undefined;
      }
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}[${i}]`));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(node)) out[k] = walk(val, path ? `${path}.${k}` : k);
      return out;
    }
    return node;
  };

  return { value: walk(tree, ''), secretPaths, issues };
}
