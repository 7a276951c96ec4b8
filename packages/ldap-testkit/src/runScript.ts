import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TestkitError } from './TestkitError.ts';

/** The folder with the start scripts: `../scripts` from both `src/` and `dist/`. */
export const SCRIPTS_DIR = fileURLToPath(new URL('../scripts/', import.meta.url));

/** What a start script printed: its KEY=VALUE lines. */
export type ScriptOutput = ReadonlyMap<string, string>;

/**
 * Runs `scripts/<name>` with bash and returns the KEY=VALUE lines it printed on stdout. A failing script
 * becomes a {@link TestkitError}: `MISSING_PREREQUISITE` when the script said so, else `START_FAILED`
 * with the end of its stderr (never the environment, which carries the admin password).
 * @param name the script file name
 * @param args its arguments
 * @param env extra environment variables
 */
export function runScript(
  name: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<ScriptOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [`${SCRIPTS_DIR}${name}`, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', (cause) =>
      reject(
        new TestkitError('MISSING_PREREQUISITE', `cannot run bash for ${name}: ${cause.message}`, { cause }),
      ),
    );
    child.once('close', (code) => {
      if (code === 0) {
        resolve(parseKeyValues(stdout));
        return;
      }
      const missing = /MISSING_PREREQUISITE: (.*)/.exec(stderr);
      if (missing?.[1]) {
        reject(new TestkitError('MISSING_PREREQUISITE', missing[1]));
        return;
      }
      const tail = stderr.trim().split('\n').slice(-25).join('\n');
      reject(new TestkitError('START_FAILED', `${name} failed (exit ${code}):\n${tail}`));
    });
  });
}

function parseKeyValues(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && /^[A-Z_]+$/.test(line.slice(0, eq))) out.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return out;
}

/**
 * A value the script must have printed.
 * @param output the parsed output
 * @param key the KEY
 */
export function required(output: ScriptOutput, key: string): string {
  const value = output.get(key);
  if (value === undefined || value === '') {
    throw new TestkitError('START_FAILED', `start script did not report ${key}`);
  }
  return value;
}
