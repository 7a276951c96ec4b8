import { FilterParser, PagedResultsControl, SearchRequest } from 'ldapts';
import { classifyError } from '../errors/classifyError.ts';
import { LdapWire } from './LdapWire.ts';
import type { LdapConnectionOptions, LdapEntry } from './types.ts';

/** Options of {@link streamSearch}. */
export interface StreamSearchOptions {
  readonly base: string;
  readonly scope?: 'base' | 'one' | 'sub';
  /** An RFC 4515 filter, values escaped. */
  readonly filter: string;
  readonly attributes: readonly string[];
  readonly pageSize: number;
}

/** One page of a streamed search; its entries are decoded as they are iterated. */
export interface EntryPage extends Iterable<LdapEntry> {
  readonly length: number;
}

/**
 * A paged search over a dedicated connection with a lean decoder, for Full Import: ldapts builds the
 * requests, but results are decoded straight into entries (ldapts' general-purpose parser allocates several
 * objects per attribute, which made it the bottleneck at 100,000 entries). Same URLs, TLS and binds as
 * `createLdapConnection`. The next page is requested as soon as one arrives, and waits undecoded (a few
 * buffers) until the caller iterates it, so decoded entries live only as long as the caller needs them.
 * @param connection how to reach and bind to the directory
 * @param search base, filter, attributes and page size
 */
export async function* streamSearch(
  connection: LdapConnectionOptions,
  search: StreamSearchOptions,
): AsyncGenerator<EntryPage> {
  const wire = await LdapWire.open(connection);
  try {
    let cookie: Buffer | undefined;
    let messageId = 10;
    const raw = { rawEntries: true } as const;
    let pending = wire.request(searchRequest(++messageId, search, cookie), raw);
    while (true) {
      const { raw: entries, done } = await pending;
      if (done.code !== 0) {
        throw classifyError(Object.assign(new Error(done.diagnostic), { code: done.code }), {
          operation: 'search',
          dn: search.base,
          url: connection.url,
        });
      }
      cookie = done.cookie;
      const more = cookie !== undefined && cookie.length > 0;
      // Ask for the next page before handing this one out.
      if (more) pending = wire.request(searchRequest(++messageId, search, cookie), raw);
      yield {
        length: entries.length,
        *[Symbol.iterator]() {
          for (const entry of entries) yield wire.decodeEntry(entry);
        },
      };
      if (!more) return;
    }
  } finally {
    wire.close();
  }
}

function searchRequest(messageId: number, search: StreamSearchOptions, cookie: Buffer | undefined): Buffer {
  return new SearchRequest({
    messageId,
    baseDN: search.base,
    scope: search.scope ?? 'sub',
    filter: FilterParser.parseString(search.filter),
    attributes: [...search.attributes],
    controls: [
      new PagedResultsControl({
        value: { size: search.pageSize, ...(cookie === undefined ? {} : { cookie }) },
      }),
    ],
  }).write();
}
