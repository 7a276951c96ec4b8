import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { requestHost } from '../../src/cli/requestHost.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'scim2ldap.mjs');
const cliSource = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'cli', 'main.ts');

/** A host process started for a test. */
export interface HostProcess {
  readonly baseUrl: string;
  readonly configFile: string;
  readonly workdir: string;
  readonly logFile: string;
  readonly process: ChildProcess;
  /** Everything the host wrote (stdout + stderr, and the log file). */
  output(): string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Spawns `scim2ldap serve` (the real CLI, as an admin runs it) with `config` written to a temporary YAML
 * file, and waits until `/readyz` answers 200 (or `ready: false` to wait only for `/healthz`).
 * @param config the configuration (server.port and server.stateDir are filled in when absent)
 * @param options environment, readiness wait
 */
export async function startHostProcess(
  config: Record<string, unknown> & { server?: Record<string, unknown> },
  options: {
    env?: Record<string, string>;
    waitReady?: boolean;
    timeoutMs?: number;
    workdir?: string;
    /** Node options for the host process (e.g. `--cpu-prof`); the CLI source then runs without the launcher. */
    nodeArgs?: readonly string[];
    /** A built CLI file (JavaScript) to run instead of the sources, without the launcher. */
    cli?: string;
  } = {},
): Promise<HostProcess> {
  const workdir = options.workdir ?? mkdtempSync(join(tmpdir(), 'scim2ldap-host-'));
  const port = (config.server?.port as number | undefined) ?? (await freePort());
  const logFile = join(workdir, 'provisioning.log');
  const full = {
    ...config,
    server: {
      listen: '127.0.0.1',
      stateDir: join(workdir, 'state'),
      log: { file: logFile, level: 'debug' },
      ...config.server,
      port,
    },
  };
  const configFile = join(workdir, 'host.yaml');
  writeFileSync(configFile, stringify(full));
  const tls = (full.server as { tls?: { mode?: string } }).tls?.mode;
  const baseUrl = `${tls === 'off' ? 'http' : 'https'}://127.0.0.1:${port}`;
  let output = '';
  const args =
    options.cli !== undefined
      ? [...(options.nodeArgs ?? []), options.cli]
      : options.nodeArgs === undefined
        ? [bin]
        : [
            ...options.nodeArgs,
            '--conditions=@scim2ldap/source',
            '--import',
            createRequire(import.meta.url).resolve('tsx'),
            cliSource,
          ];
  const child = spawn(process.execPath, [...args, 'serve', '--config', configFile], {
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const host: HostProcess = {
    baseUrl,
    configFile,
    workdir,
    logFile,
    process: child,
    output: () => {
      let log = '';
      try {
        log = readFileSync(logFile, 'utf8');
      } catch {}
      return `${output}${log}`;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.workdir) rmSync(workdir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const path = options.waitReady === false ? '/healthz' : '/readyz';
  while (Date.now() < deadline) {
    // A crash ends with a signal (e.g. SIGABRT) and no exit code: fail at once, not after the whole timeout.
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `scim2ldap serve exited with ${child.exitCode ?? `signal ${child.signalCode}`}:\n${host.output()}`,
      );
    try {
      const res = await requestHost(`${baseUrl}${path}`, { insecure: true, timeoutMs: 2000 });
      if (res.status === 200) return host;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  const seen = host.output();
  await host.stop();
  throw new Error(`scim2ldap serve did not become ready within ${options.timeoutMs ?? 120_000} ms:\n${seen}`);
}
