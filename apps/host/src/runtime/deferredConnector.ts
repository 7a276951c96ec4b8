import type { ConnectorConfig } from '../config/configSchema.ts';
import { HostHttpError } from '../http/HostHttpError.ts';
import type { ConnectorStatus, HostedConnector } from './HostedConnector.ts';
import type { ConnectorFactory, RunningConnector } from './startHost.ts';

/**
 * A connector whose directory could not be reached at start-up: the host still starts (so `/healthz`,
 * `/readyz` and the other connectors work), this connector reports `failed` with the reason, answers SCIM
 * requests with 503 + Retry-After, and retries building itself until it succeeds.
 * @param config the connector's configuration
 * @param deps what the factory needs
 * @param factory the connector factory that failed
 * @param firstError why it failed
 * @param retryMs delay between attempts
 */
export function deferredConnector(
  config: ConnectorConfig,
  deps: Parameters<ConnectorFactory>[1],
  factory: ConnectorFactory,
  firstError: unknown,
  retryMs = 30_000,
): RunningConnector {
  let inner: RunningConnector | undefined;
  let error = firstError instanceof Error ? firstError.message : String(firstError);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const unavailable = (): never => {
    throw new HostHttpError(503, `connector "${config.name}" is not connected to its directory: ${error}`, {
      headers: { 'Retry-After': String(Math.ceil(retryMs / 1000)) },
    });
  };
  const failed = (): ConnectorStatus => ({
    phase: 'failed',
    initialImportDone: false,
    entries: 0,
    lastRuns: [],
    error,
  });

  const attempt = async (): Promise<void> => {
    if (stopped) return;
    try {
      const built = await factory(config, deps);
      if (stopped) {
        await built.close();
        return;
      }
      inner = built;
      deps.logger.event('info', 'connector connected after a failed start', { connector: config.name });
      built.scheduler.start();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      deps.logger.event('warn', 'connector still cannot start; retrying', {
        connector: config.name,
        error,
        retryMs,
      });
      timer = setTimeout(() => void attempt(), retryMs);
      timer.unref();
    }
  };

  const hosted: HostedConnector = {
    name: config.name,
    tokenDigest: deps.tokenDigest,
    status: () => inner?.hosted.status() ?? failed(),
    checkDirectory: () => inner?.hosted.checkDirectory() ?? Promise.resolve(false),
    cache: (startIndex, count) =>
      inner?.hosted.cache(startIndex, count) ??
      Promise.resolve({ totalResults: 0, startIndex, itemsPerPage: 0, entries: [] }),
    users: {
      createUser: (body, r) => inner?.hosted.users.createUser(body, r) ?? unavailable(),
      getUser: (id, q, r) => inner?.hosted.users.getUser(id, q, r) ?? unavailable(),
      queryUsers: (q, r) => inner?.hosted.users.queryUsers(q, r) ?? unavailable(),
      patchUser: (id, body, r) => inner?.hosted.users.patchUser(id, body, r) ?? unavailable(),
      replaceUser: (id, body, r) => inner?.hosted.users.replaceUser(id, body, r) ?? unavailable(),
      deleteUser: (id, r) => inner?.hosted.users.deleteUser(id, r) ?? unavailable(),
      schemas: () => inner?.hosted.users.schemas() ?? unavailable(),
      resourceTypes: () => inner?.hosted.users.resourceTypes() ?? unavailable(),
      serviceProviderConfig: () => inner?.hosted.users.serviceProviderConfig() ?? unavailable(),
    },
  };

  return {
    hosted,
    scheduler: {
      start() {
        timer = setTimeout(() => void attempt(), retryMs);
        timer.unref();
      },
      initialImport: () => inner?.scheduler.initialImport() ?? Promise.resolve(),
      run: (profile) => inner?.scheduler.run(profile) ?? Promise.reject(new Error(error)),
      status: () => inner?.scheduler.status() ?? failed(),
      stop() {
        stopped = true;
        if (timer) clearTimeout(timer);
        inner?.scheduler.stop();
      },
    },
    async close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inner?.close();
    },
  };
}
