import { classifyError } from '../errors/classifyError.ts';
import { createLdapConnection, type LdapConnection } from './createLdapConnection.ts';
import type { LdapConnectionOptions, LdapEntry } from './types.ts';

/** Options of {@link createConnectionPool}: the connection options plus pool size and health checks. */
export interface ConnectionPoolOptions extends LdapConnectionOptions {
  /** Number of long-lived connections; default 4. */
  readonly size?: number;
  /** Ping idle connections this often and drop dead ones (0 = never); default 60,000 ms. */
  readonly healthCheckIntervalMs?: number;
}

/** Health of a pool: how many connections are open and answered a ping. */
export interface PoolHealth {
  readonly open: number;
  readonly healthy: number;
  readonly inUse: number;
}

/**
 * A small set of long-lived connections. `use(fn)` lends one connection exclusively for `fn`, so a write and
 * the read-back that follows it happen on the same connection (read-after-write even behind a proxy).
 */
export interface ConnectionPool {
  readonly size: number;
  readonly url: string;
  /** The options connections are opened with (Full Import opens its own streaming connection with them). */
  readonly connectionOptions: LdapConnectionOptions;
  use<T>(fn: (connection: LdapConnection) => Promise<T>): Promise<T>;
  /**
   * Lends the least busy connection WITHOUT exclusivity, for one request that carries its own read-back (an
   * add with the Post-Read control): several such requests travel on one connection at once and the server
   * answers each by message ID, so the directory stays busy with fewer client round trips and syscalls. A
   * write followed by a separate read must use {@link ConnectionPool.use}. Optional for pool-shaped objects;
   * callers fall back to `use`.
   */
  share?<T>(fn: (connection: LdapConnection) => Promise<T>): Promise<T>;
  /** The Root DSE (read once, then cached; `refresh` re-reads). */
  rootDse(refresh?: boolean): Promise<LdapEntry>;
  /** Pings every idle connection now, dropping dead ones (they reconnect on next use). */
  checkHealth(): Promise<PoolHealth>;
  close(): Promise<void>;
}

/**
 * Creates a pool of connections to one directory (see `createLdapConnection` for the options). Connections
 * open lazily, reconnect with backoff after the server restarts, and are health-checked while idle.
 * @param options connection options, `size` and `healthCheckIntervalMs`
 * @example
 * const pool = createConnectionPool({ url, bind: { method: 'simple', dn, password }, size: 4 });
 * const entry = await pool.use((c) => c.read('uid=jdoe,ou=people,dc=example,dc=org'));
 * await pool.close();
 */
export function createConnectionPool(options: ConnectionPoolOptions): ConnectionPool {
  const size = Math.max(1, options.size ?? 4);
  const all: LdapConnection[] = [];
  const idle: LdapConnection[] = [];
  /** Requests lent through `share` and still running, per connection. */
  const sharedLoad = new Map<LdapConnection, number>();
  const waiters: { resolve: (connection: LdapConnection) => void; reject: (error: Error) => void }[] = [];
  let closed = false;
  let rootDse: Promise<LdapEntry> | undefined;

  const acquire = (): Promise<LdapConnection> => {
    if (closed) {
      return Promise.reject(
        classifyError(new Error('the connection pool is closed'), { operation: 'connect' }),
      );
    }
    const free = idle.pop();
    if (free !== undefined) return Promise.resolve(free);
    if (all.length < size) {
      const connection = createLdapConnection(options);
      all.push(connection);
      return Promise.resolve(connection);
    }
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  };
  const release = (connection: LdapConnection): void => {
    const waiter = waiters.shift();
    if (waiter !== undefined) waiter.resolve(connection);
    else idle.push(connection);
  };

  const checkHealth = async (): Promise<PoolHealth> => {
    const snapshot = idle.splice(0, idle.length);
    const results = await Promise.all(snapshot.map((c) => c.ping()));
    for (const c of snapshot) release(c);
    return {
      open: all.filter((c) => c.isConnected).length,
      healthy: results.filter(Boolean).length,
      inUse: all.length - idle.length,
    };
  };

  const use = async <T>(fn: (connection: LdapConnection) => Promise<T>): Promise<T> => {
    const connection = await acquire();
    try {
      return await fn(connection);
    } finally {
      release(connection);
    }
  };

  const share = async <T>(fn: (connection: LdapConnection) => Promise<T>): Promise<T> => {
    if (closed) throw classifyError(new Error('the connection pool is closed'), { operation: 'connect' });
    let connection: LdapConnection | undefined;
    if (all.length < size) {
      connection = createLdapConnection(options);
      all.push(connection);
      idle.push(connection);
    } else {
      let least = Number.POSITIVE_INFINITY;
      for (const candidate of all) {
        const load = sharedLoad.get(candidate) ?? 0;
        if (load < least) {
          least = load;
          connection = candidate;
        }
      }
    }
    const lent = connection as LdapConnection;
    sharedLoad.set(lent, (sharedLoad.get(lent) ?? 0) + 1);
    try {
      return await fn(lent);
    } finally {
      sharedLoad.set(lent, (sharedLoad.get(lent) ?? 1) - 1);
    }
  };

  const interval = options.healthCheckIntervalMs ?? 60_000;
  const timer =
    interval > 0 ? setInterval(() => void checkHealth().catch(() => undefined), interval) : undefined;
  timer?.unref();

  return {
    size,
    url: options.url,
    connectionOptions: options,
    use,
    share,
    rootDse(refresh = false): Promise<LdapEntry> {
      if (rootDse === undefined || refresh) {
        const reading = use(async (c) => {
          const entry = await c.read('', ['*', '+']);
          if (entry === undefined)
            throw classifyError(new Error('the Root DSE is not readable'), { operation: 'read' });
          return entry;
        });
        reading.catch(() => {
          if (rootDse === reading) rootDse = undefined;
        });
        rootDse = reading;
      }
      return rootDse;
    },
    checkHealth,
    async close(): Promise<void> {
      closed = true;
      if (timer !== undefined) clearInterval(timer);
      for (const waiter of waiters.splice(0)) {
        waiter.reject(classifyError(new Error('the connection pool is closed'), { operation: 'connect' }));
      }
      await Promise.all(all.map((c) => c.close()));
    },
  };
}
