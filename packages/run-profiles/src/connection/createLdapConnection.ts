import { Attribute, BerWriter, Change, type Client, type Control, type Entry, type Filter } from 'ldapts';
import { classifyError } from '../errors/classifyError.ts';
import { allEncoded, type EncodedControl, LdapMux } from './LdapMux.ts';
import { isClientAlive, openClient } from './openClient.ts';
import type { LdapOperationError } from '../errors/LdapOperationError.ts';
import type { LdapConnectionOptions, LdapEntry, LdapSearchOptions, Modification } from './types.ts';

const defaultBinary = [
  'objectGUID',
  'objectSid',
  'jpegPhoto',
  'userCertificate',
  'photo',
  'userSMIMECertificate',
];
const whoAmIOid = '1.3.6.1.4.1.4203.1.11.3';

/** One long-lived connection to a directory; reconnects and re-binds by itself after the server restarts. */
export interface LdapConnection {
  readonly url: string;
  /** Connects and binds now (otherwise done by the first operation). */
  connect(): Promise<void>;
  /** Searches and returns all entries (use {@link LdapConnection.searchPages} for large results). */
  search(base: string, options?: LdapSearchOptions): Promise<LdapEntry[]>;
  /** Searches with the paged-results control, yielding one page of entries at a time. */
  searchPages(
    base: string,
    options: LdapSearchOptions & { readonly pageSize: number },
  ): AsyncIterable<LdapEntry[]>;
  /**
   * A subtree search expected to find a few entries (equality lookups), sent on the multiplexed connection
   * without paging; `undefined` when the server's size limit cut it short (search with `searchPages`).
   */
  searchFew?(base: string, filter: Filter, attributes: readonly string[]): Promise<LdapEntry[] | undefined>;
  /** Reads one entry by DN; `undefined` when it does not exist. */
  read(dn: string, attributes?: readonly string[]): Promise<LdapEntry | undefined>;
  add(
    dn: string,
    attributes: Readonly<Record<string, readonly (string | Buffer)[]>>,
    controls?: readonly Control[],
  ): Promise<void>;
  modify(dn: string, changes: readonly Modification[], controls?: readonly Control[]): Promise<void>;
  /** Renames (`newRdn`) and/or moves (`newSuperior`) an entry; the old RDN value is removed. */
  modifyDn(dn: string, newRdn: string, newSuperior?: string): Promise<void>;
  delete(dn: string, controls?: readonly Control[]): Promise<void>;
  extendedOperation(oid: string, value?: Buffer): Promise<{ oid?: string; value?: string }>;
  /** The bind identity the server sees (RFC 4532), e.g. `dn:cn=admin,dc=example,dc=org`. */
  whoAmI(): Promise<string>;
  /** True when a cheap round trip (Who am I?) succeeds on the current connection. */
  ping(): Promise<boolean>;
  /** Whether a socket is currently open and bound. */
  readonly isConnected: boolean;
  close(): Promise<void>;
}

/**
 * Opens a connection to an LDAP directory over LDAP, LDAPS, StartTLS or ldapi, bound anonymously, with a
 * DN and password, or by SASL EXTERNAL. TLS certificates are verified unless `tls.insecureSkipVerify`.
 * Every failure is an `LdapOperationError` whose message says what to check; the password never appears.
 * @param options URL, TLS, bind, timeouts, reconnect policy and logger
 * @example
 * const connection = createLdapConnection({
 *   url: 'ldap://127.0.0.1:389', startTls: true, tls: { ca: caPem },
 *   bind: { method: 'simple', dn: 'cn=admin,dc=example,dc=org', password },
 * });
 * console.log(await connection.whoAmI());
 */
export function createLdapConnection(options: LdapConnectionOptions): LdapConnection {
  return new Connection(options);
}

class Connection implements LdapConnection {
  readonly url: string;
  private client: Client | undefined;
  private establishing: Promise<Client> | undefined;
  /** Adds travel on their own multiplexed connection, opened on the first add. */
  private mux: LdapMux | undefined;
  private muxOpening: Promise<LdapMux> | undefined;
  private everConnected = false;
  private closed = false;
  private readonly binary: string[];
  private readonly secrets: string[];

  constructor(private readonly options: LdapConnectionOptions) {
    this.url = options.url;
    this.binary = [...(options.binaryAttributes ?? defaultBinary)];
    this.secrets = options.bind?.method === 'simple' ? [options.bind.password] : [];
    if (!/^ldaps?:\/\/|^ldapi:\/\//i.test(options.url)) {
      throw classifyError(new Error(`unsupported URL "${options.url}"; use ldap://, ldaps:// or ldapi://`), {
        operation: 'connect',
      });
    }
    if (options.startTls === true && !/^ldap:/i.test(options.url)) {
      throw classifyError(new Error(`StartTLS needs an ldap:// URL, got "${options.url}"`), {
        operation: 'connect',
      });
    }
  }

  get isConnected(): boolean {
    return this.client?.isConnected === true && isClientAlive(this.client);
  }

  async connect(): Promise<void> {
    await this.ensure();
  }

  async search(base: string, options: LdapSearchOptions = {}): Promise<LdapEntry[]> {
    return this.run('search', base, undefined, true, async (client) => {
      const result = await client.search(base, this.searchOptions(options), options.controls?.slice());
      return result.searchEntries.map((entry) => this.toEntry(entry));
    });
  }

  async *searchPages(
    base: string,
    options: LdapSearchOptions & { readonly pageSize: number },
  ): AsyncIterable<LdapEntry[]> {
    const client = await this.ensure();
    const pages = client.searchPaginated(
      base,
      { ...this.searchOptions(options), paged: { pageSize: options.pageSize } },
      options.controls?.slice(),
    );
    const iterator = pages[Symbol.asyncIterator]();
    const context = { operation: 'search', dn: base, url: this.url, secrets: this.secrets };
    let next = iterator.next().catch((error: unknown) => Promise.reject(classifyError(error, context)));
    while (true) {
      const page = await next;
      if (page.done === true) return;
      // Ask for the next page before handing this one out, so the server works while we store.
      next = iterator.next().catch((error: unknown) => Promise.reject(classifyError(error, context)));
      next.catch(() => undefined);
      yield page.value.searchEntries.map((entry) => this.toEntry(entry));
    }
  }

  async read(dn: string, attributes?: readonly string[]): Promise<LdapEntry | undefined> {
    return this.run('read', dn, undefined, true, async (client) => {
      try {
        const result = await client.search(dn, {
          scope: 'base',
          filter: '(objectClass=*)',
          ...(attributes === undefined ? {} : { attributes: [...attributes] }),
          explicitBufferAttributes: this.binary,
        });
        const entry = result.searchEntries[0];
        return entry === undefined ? undefined : this.toEntry(entry);
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 32) return undefined;
        throw error;
      }
    });
  }

  async add(
    dn: string,
    attributes: Readonly<Record<string, readonly (string | Buffer)[]>>,
    controls?: readonly Control[],
  ): Promise<void> {
    // An add that carries its own read-back (Post-Read) needs nothing else on the same socket, so it takes
    // the multiplexed connection; a plain add stays here, where a password write or a read that follows it
    // on this connection goes to the same server (even behind a load balancer).
    if (controls !== undefined && controls.length > 0 && allEncoded(controls))
      return this.addMultiplexed(dn, attributes, controls);
    const list = Object.entries(attributes).map(
      ([type, values]) => new Attribute({ type, values: values as string[] | Buffer[] }),
    );
    await this.run('add', dn, textOnly(attributes), false, (client) =>
      client.add(dn, list, controls?.slice()),
    );
  }

  /**
   * An add encoded by hand on the multiplexed connection (several in flight, no per-request client
   * machinery); the result and controls are checked and classified as for every other operation.
   */
  private async addMultiplexed(
    dn: string,
    attributes: Readonly<Record<string, readonly (string | Buffer)[]>>,
    controls: readonly EncodedControl[],
  ): Promise<void> {
    const mux = await this.ensureMux();
    const context = () => ({
      operation: 'add',
      url: this.url,
      secrets: this.secrets,
      dn,
      attributes: textOnly(attributes),
    });
    let result: Awaited<ReturnType<LdapMux['add']>>;
    try {
      result = await mux.add(dn, attributes, controls);
    } catch (error) {
      throw classifyError(error, context());
    }
    if (result.code !== 0)
      throw classifyError(Object.assign(new Error(result.diagnostic), { code: result.code }), context());
    for (const control of controls)
      control.accept(result.controls.find((c) => c.oid === control.type)?.value);
  }

  async searchFew(
    base: string,
    filter: Filter,
    attributes: readonly string[],
  ): Promise<LdapEntry[] | undefined> {
    const writer = new BerWriter();
    filter.write(writer);
    const context = { operation: 'search', url: this.url, secrets: this.secrets, dn: base };
    const mux = await this.ensureMux();
    let result: Awaited<ReturnType<LdapMux['search']>>;
    try {
      result = await mux.search(base, 2, writer.buffer, attributes);
    } catch (error) {
      // A search can be repeated safely when the connection died under it.
      const classified = classifyError(error, context);
      if (!(classified.kind === 'retryable' && classified.code === 'serverDown')) throw classified;
      try {
        result = await (await this.ensureMux()).search(base, 2, writer.buffer, attributes);
      } catch (again) {
        throw classifyError(again, context);
      }
    }
    if (result.code === 4) return undefined; // sizeLimitExceeded
    if (result.code !== 0)
      throw classifyError(Object.assign(new Error(result.diagnostic), { code: result.code }), context);
    return [...result.entries];
  }

  private ensureMux(): Promise<LdapMux> {
    if (this.closed) {
      return Promise.reject(
        classifyError(new Error('the connection was closed by the application'), { operation: 'connect' }),
      );
    }
    if (this.mux?.alive === true) return Promise.resolve(this.mux);
    this.muxOpening ??= this.withBackoff(() => LdapMux.open(this.options))
      .then((mux) => {
        this.mux = mux;
        return mux;
      })
      .finally(() => {
        this.muxOpening = undefined;
      });
    return this.muxOpening;
  }

  async modify(dn: string, changes: readonly Modification[], controls?: readonly Control[]): Promise<void> {
    if (changes.length === 0) return;
    const list = changes.map(
      (change) =>
        new Change({
          operation: change.operation,
          modification: new Attribute({
            type: change.attribute,
            values: change.values as string[] | Buffer[],
          }),
        }),
    );
    const attributes: Record<string, string[]> = {};
    for (const change of changes) {
      attributes[change.attribute] = change.values.map((v) => (typeof v === 'string' ? v : ''));
    }
    await this.run('modify', dn, attributes, false, (client) => client.modify(dn, list, controls?.slice()));
  }

  async modifyDn(dn: string, newRdn: string, newSuperior?: string): Promise<void> {
    // ldapts splits the new DN at the first comma not preceded by a backslash; our DN formatter never
    // emits "\\," (a backslash is written \5C), so this split is exact.
    const target = newSuperior === undefined ? newRdn : `${newRdn},${newSuperior}`;
    await this.run('modifyDN', dn, undefined, false, (client) => client.modifyDN(dn, target));
  }

  async delete(dn: string, controls?: readonly Control[]): Promise<void> {
    await this.run('delete', dn, undefined, false, (client) => client.del(dn, controls?.slice()));
  }

  async extendedOperation(oid: string, value?: Buffer): Promise<{ oid?: string; value?: string }> {
    return this.run('extendedOperation', undefined, undefined, false, (client) => client.exop(oid, value));
  }

  async whoAmI(): Promise<string> {
    const result = await this.run('whoAmI', undefined, undefined, true, (client) => client.exop(whoAmIOid));
    return result.value ?? '';
  }

  async ping(): Promise<boolean> {
    if (!this.isConnected) return false;
    try {
      await this.client?.exop(whoAmIOid);
      return true;
    } catch {
      this.drop();
      return false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.mux?.close();
    this.mux = undefined;
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) await client.unbind().catch(() => undefined);
  }

  private drop(): void {
    const client = this.client;
    this.client = undefined;
    client?.unbind().catch(() => undefined);
  }

  private searchOptions(options: LdapSearchOptions): Parameters<Client['search']>[1] {
    return {
      scope: options.scope ?? 'sub',
      filter: options.filter ?? '(objectClass=*)',
      ...(options.attributes === undefined ? {} : { attributes: [...options.attributes] }),
      ...(options.sizeLimit === undefined ? {} : { sizeLimit: options.sizeLimit }),
      explicitBufferAttributes: this.binary,
    };
  }

  private toEntry(entry: Entry): LdapEntry {
    const attributes: Record<string, string[]> = {};
    for (const [name, raw] of Object.entries(entry)) {
      if (name === 'dn') continue;
      const values = Array.isArray(raw) ? raw : [raw];
      attributes[name] = values.map((v) => (typeof v === 'string' ? v : v.toString('base64')));
    }
    return { dn: entry.dn, attributes };
  }

  private async run<T>(
    operation: string,
    dn: string | undefined,
    attributes: Readonly<Record<string, readonly string[]>> | undefined,
    idempotent: boolean,
    fn: (client: Client) => Promise<T>,
  ): Promise<T> {
    const context = {
      operation,
      url: this.url,
      secrets: this.secrets,
      ...(dn === undefined ? {} : { dn }),
      ...(attributes === undefined ? {} : { attributes }),
    };
    const client = await this.ensure();
    try {
      return await fn(client);
    } catch (error) {
      const classified = classifyError(error, context);
      if (!this.isConnected) this.drop();
      // A read can be repeated safely when the connection died under it; a write cannot (it may have applied).
      if (!(idempotent && classified.kind === 'retryable' && classified.code === 'serverDown'))
        throw classified;
      try {
        return await fn(await this.ensure());
      } catch (again) {
        throw classifyError(again, context);
      }
    }
  }

  private ensure(): Promise<Client> {
    if (this.closed) {
      return Promise.reject(
        classifyError(new Error('the connection was closed by the application'), { operation: 'connect' }),
      );
    }
    if (this.client !== undefined && this.isConnected) return Promise.resolve(this.client);
    if (this.establishing === undefined) {
      this.client = undefined;
      this.establishing = this.withBackoff(() => this.establish()).finally(() => {
        this.establishing = undefined;
      });
    }
    return this.establishing;
  }

  /** Opens with `open`; after a first success, transient failures are retried with backoff. */
  private async withBackoff<T>(open: () => Promise<T>): Promise<T> {
    if (!this.everConnected) {
      const opened = await open();
      this.everConnected = true;
      return opened;
    }
    const policy = this.options.reconnect ?? {};
    const started = Date.now();
    let delay = policy.initialDelayMs ?? 100;
    while (true) {
      try {
        return await open();
      } catch (error) {
        const kind = (error as LdapOperationError).kind;
        const transient = kind === 'network' || kind === 'retryable' || kind === 'timeout';
        if (!transient || this.closed || Date.now() - started + delay > (policy.maxElapsedMs ?? 30_000))
          throw error;
        this.options.logger?.debug?.('reconnect failed, retrying', { url: this.url, delayMs: delay });
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, policy.maxDelayMs ?? 5_000);
      }
    }
  }

  private async establish(): Promise<Client> {
    const client = await openClient(this.options);
    this.everConnected = true;
    this.client = client;
    return client;
  }
}

function textOnly(
  attributes: Readonly<Record<string, readonly (string | Buffer)[]>>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(attributes)) {
    out[name] = values.map((v) => (typeof v === 'string' ? v : ''));
  }
  return out;
}
