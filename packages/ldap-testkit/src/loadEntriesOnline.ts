import { Client } from 'ldapts';
import type { LdifEntry } from './ldif.ts';

/** What {@link loadEntriesOnline} needs of a directory. */
export interface LoadTarget {
  readonly ldapUrl: string;
  readonly adminDn: string;
  readonly adminPassword: string;
}

const CONNECTIONS = 4;

/**
 * Adds entries over LDAP as the admin, in order per connection, with a few connections in parallel
 * (parents come first in the input, and an OU is always added before the users below it).
 * For servers without an offline loader (ApacheDS) and for containers.
 * @param target where to add
 * @param entries parents before children
 */
export async function loadEntriesOnline(target: LoadTarget, entries: Iterable<LdifEntry>): Promise<number> {
  const iterator = entries[Symbol.iterator]();
  let added = 0;
  // Entries that are not users (no uid) are parents: add them first, one by one, on one connection.
  const pending: LdifEntry[] = [];
  const first = await connect(target);
  try {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      if (next.value.attributes['uid']) {
        pending.push(next.value);
        break;
      }
      await first.add(next.value.dn, toAttributes(next.value));
      added++;
    }
  } finally {
    await first.unbind();
  }
  const take = (): LdifEntry | undefined => {
    const queued = pending.shift();
    if (queued) return queued;
    const next = iterator.next();
    return next.done ? undefined : next.value;
  };
  const worker = async (): Promise<void> => {
    const client = await connect(target);
    try {
      for (let entry = take(); entry; entry = take()) {
        await client.add(entry.dn, toAttributes(entry));
        added++;
      }
    } finally {
      await client.unbind();
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return added;
}

async function connect(target: LoadTarget): Promise<Client> {
  const client = new Client({ url: target.ldapUrl, timeout: 60_000, connectTimeout: 10_000 });
  await client.bind(target.adminDn, target.adminPassword);
  return client;
}

function toAttributes(entry: LdifEntry): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(entry.attributes)) out[name] = [...values];
  return out;
}
