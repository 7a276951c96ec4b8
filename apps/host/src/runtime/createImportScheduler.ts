import type { Logger } from '../log/createLogger.ts';
import type { HostMetrics } from '../metrics/hostMetrics.ts';
import type { ConnectorPhase, ConnectorStatus, ImportRunSummary } from './HostedConnector.ts';

/** Counts one import run reports. */
export interface ImportResult {
  readonly entries: number;
  readonly added?: number;
  readonly modified?: number;
  readonly deleted?: number;
}

/** Runs a connector's imports: the first at start-up, then on the autosync timer; tracks status. */
export interface ImportScheduler {
  /** Starts the initial import (full when the store is empty, else delta) and the timer; does not wait. */
  start(): void;
  /** Resolves when the initial import has finished (successfully or not). */
  initialImport(): Promise<void>;
  /** Runs an import now (waits for a running one first: runs never overlap). */
  run(profile: 'full' | 'delta'): Promise<ImportRunSummary>;
  status(): ConnectorStatus;
  stop(): void;
}

/** What the scheduler needs. */
export interface ImportSchedulerOptions {
  readonly connector: string;
  readonly full: () => Promise<ImportResult>;
  /** Absent when the directory offers no delta method: the timer then runs full imports. */
  readonly delta?: () => Promise<ImportResult>;
  readonly count: () => Promise<number>;
  readonly autosyncMinutes: number;
  readonly logger: Logger;
  readonly metrics: HostMetrics;
  readonly now?: () => Date;
  /** Retry delay after a failed initial import (ms). */
  readonly retryMs?: number;
}

/**
 * Creates the import scheduler of one connector. The host owns the clock (packages never read it): the
 * timer is a `setInterval` that does not keep the process alive (`unref`), and runs never overlap.
 * @param options import functions, interval, logger and metrics
 * @example
 * const s = createImportScheduler({ connector: 'LDAP', full, delta, count, autosyncMinutes: 120, logger, metrics });
 * s.start(); await s.initialImport();
 */
export function createImportScheduler(options: ImportSchedulerOptions): ImportScheduler {
  const now = options.now ?? (() => new Date());
  const runs: ImportRunSummary[] = [];
  let phase: ConnectorPhase = 'starting';
  let initialDone = false;
  let entries = 0;
  let lastError: string | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let resolveInitial: () => void = () => {};
  const initial = new Promise<void>((resolve) => {
    resolveInitial = resolve;
  });

  const execute = async (profile: 'full' | 'delta'): Promise<ImportRunSummary> => {
    const fn = profile === 'delta' && options.delta ? options.delta : options.full;
    const actual = fn === options.full ? 'full' : 'delta';
    const startedAt = now().toISOString();
    const running: ImportRunSummary = { profile: actual, startedAt, outcome: 'running' };
    runs.unshift(running);
    runs.length = Math.min(runs.length, 20);
    const t0 = performance.now();
    options.logger.event('info', `${actual} import started`, { connector: options.connector });
    let summary: ImportRunSummary;
    try {
      const result = await fn();
      entries = await options.count();
      summary = { ...running, ...result, entries, finishedAt: now().toISOString(), outcome: 'success' };
      lastError = undefined;
      options.metrics.lastImport.set(Math.floor(Date.now() / 1000), {
        connector: options.connector,
        profile: actual,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      lastError = message;
      summary = { ...running, finishedAt: now().toISOString(), outcome: 'failed', error: message };
    }
    runs[runs.indexOf(running)] = summary;
    options.metrics.importRuns.inc({
      connector: options.connector,
      profile: actual,
      outcome: summary.outcome,
    });
    options.metrics.cacheEntries.set(entries, { connector: options.connector });
    options.logger.event(
      summary.outcome === 'success' ? 'info' : 'error',
      `${actual} import ${summary.outcome}`,
      {
        connector: options.connector,
        entries,
        durationMs: Math.round(performance.now() - t0),
        ...(summary.error === undefined ? {} : { error: summary.error }),
      },
    );
    return summary;
  };

  const enqueue = (profile: 'full' | 'delta'): Promise<ImportRunSummary> => {
    const next = chain.then(() => execute(profile));
    chain = next.catch(() => undefined);
    return next;
  };

  const initialRun = async (): Promise<void> => {
    phase = 'importing';
    let existing = 0;
    try {
      existing = await options.count();
    } catch {
      existing = 0;
    }
    entries = existing;
    const summary = await enqueue(existing > 0 && options.delta ? 'delta' : 'full');
    if (summary.outcome === 'success') {
      phase = 'ready';
      initialDone = true;
      options.metrics.ready.set(1, { connector: options.connector });
      resolveInitial();
      return;
    }
    phase = 'failed';
    resolveInitial();
    // Keep trying: the directory may come up later; the connector stays "not ready" meanwhile.
    retry = setTimeout(() => void initialRun(), options.retryMs ?? 30_000);
    retry.unref();
  };

  return {
    start() {
      void initialRun();
      if (options.autosyncMinutes > 0) {
        timer = setInterval(() => {
          if (initialDone) void enqueue(options.delta ? 'delta' : 'full');
        }, options.autosyncMinutes * 60_000);
        timer.unref();
      }
    },
    initialImport: () => initial,
    run: (profile) => enqueue(profile),
    status: () => ({
      phase,
      initialImportDone: initialDone,
      entries,
      lastRuns: [...runs],
      ...(lastError === undefined ? {} : { error: lastError }),
    }),
    stop() {
      if (timer) clearInterval(timer);
      if (retry) clearTimeout(retry);
    },
  };
}
