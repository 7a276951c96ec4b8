import { describe, expect, it } from 'vitest';
import { createConnectionPool, LdapOperationError } from '../index.ts';

describe('createConnectionPool', () => {
  it('lends each connection to one user at a time and reuses it', async () => {
    const pool = createConnectionPool({ url: 'ldap://127.0.0.1:1', size: 1, healthCheckIntervalMs: 0 });
    const order: string[] = [];
    let release!: () => void;
    const first = pool.use(async (connection) => {
      order.push('first start');
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      order.push('first end');
      return connection;
    });
    const second = pool.use(async (connection) => {
      order.push('second');
      return connection;
    });
    await Promise.resolve();
    expect(order).toEqual(['first start']);
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(order).toEqual(['first start', 'first end', 'second']);
    expect(a).toBe(b);
    await pool.close();
  });

  it('shares connections without waiting, spreading callers over the least busy one', async () => {
    const pool = createConnectionPool({ url: 'ldap://127.0.0.1:1', size: 2, healthCheckIntervalMs: 0 });
    const started: unknown[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const share = pool.share?.bind(pool);
    if (share === undefined) throw new Error('createConnectionPool must offer share()');
    const lent = [1, 2, 3, 4].map(() =>
      share(async (connection) => {
        started.push(connection);
        await gate;
        return connection;
      }),
    );
    await Promise.resolve();
    // All four run at once on a pool of two: two per connection, never more connections than the size.
    expect(started).toHaveLength(4);
    expect(new Set(started).size).toBe(2);
    expect(started.filter((c) => c === started[0])).toHaveLength(2);
    release();
    await Promise.all(lent);
    await pool.close();
    await expect(share(async () => 1)).rejects.toBeInstanceOf(LdapOperationError);
  });

  it('opens up to size connections in parallel', async () => {
    const pool = createConnectionPool({ url: 'ldap://127.0.0.1:1', size: 3, healthCheckIntervalMs: 0 });
    const seen = await Promise.all([1, 2, 3].map(() => pool.use(async (c) => c)));
    expect(new Set(seen).size).toBe(3);
    await pool.close();
  });

  it('rejects waiting and later users once closed', async () => {
    const pool = createConnectionPool({ url: 'ldap://127.0.0.1:1', size: 1, healthCheckIntervalMs: 0 });
    let release!: () => void;
    const holder = pool.use(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = pool.use(async () => 'never');
    await pool.close();
    await expect(waiting).rejects.toThrow(LdapOperationError);
    await expect(pool.use(async () => 'late')).rejects.toThrow(/pool is closed/);
    release();
    await holder;
  });
});
