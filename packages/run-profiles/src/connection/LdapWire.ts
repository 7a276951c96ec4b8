import net from 'node:net';
import tls from 'node:tls';
import { BindRequest, ExtendedRequest, PagedResultsControl, UnbindRequest } from 'ldapts';
import { classifyError } from '../errors/classifyError.ts';
import { LeanBerReader } from './berReader.ts';
import { EntryDecoder } from './EntryDecoder.ts';
import { MessageFramer } from './MessageFramer.ts';
import { type RawControl, readControls } from './readControls.ts';
import { tlsConnectionOptions } from './tlsConnectionOptions.ts';
import type { LdapConnectionOptions, LdapEntry } from './types.ts';

const tags = {
  entry: 0x64,
  done: 0x65,
  reference: 0x73,
  bind: 0x61,
  extended: 0x78,
  intermediate: 0x79,
} as const;

export type { RawControl } from './readControls.ts';

/** The end of a request: the LDAPResult and its controls. */
export interface Done {
  readonly code: number;
  readonly diagnostic: string;
  /** The paged-results cookie, when the response carries one. */
  readonly cookie: Buffer | undefined;
  readonly controls: readonly RawControl[];
}

/** Everything the server answered to one request. */
export interface WireResponse {
  /** The entries, decoded — or, for a request sent with `rawEntries`, empty (see `raw`). */
  readonly entries: LdapEntry[];
  /**
   * For a request sent with `rawEntries`: each entry's undecoded SearchResultEntry (decode with
   * {@link LdapWire.decodeEntry}); otherwise empty.
   */
  readonly raw: Buffer[];
  /** Controls of each entry (same index as `entries`); `undefined` when an entry had none. */
  readonly entryControls: (readonly RawControl[] | undefined)[];
  /** Intermediate responses (RFC 4511 §4.13): name and value. */
  readonly intermediates: readonly RawControl[];
  readonly done: Done;
}

/**
 * One dedicated LDAP connection with a lean decoder for result streams (Full Import, content sync). ldapts
 * encodes the requests; responses are decoded in place. One request at a time.
 */
export class LdapWire {
  private socket: net.Socket;
  private readonly framer = new MessageFramer();
  private waiter: { resolve: (r: WireResponse) => void; reject: (e: Error) => void } | undefined;
  private entries: LdapEntry[] = [];
  private raw: Buffer[] = [];
  private rawEntries = false;
  private entryControls: (readonly RawControl[] | undefined)[] = [];
  private intermediates: RawControl[] = [];
  private failure: Error | undefined;
  private readonly decoder: EntryDecoder;
  private readonly onData = (data: Buffer): void => this.receive(data);

  private constructor(
    socket: net.Socket,
    private readonly options: LdapConnectionOptions,
  ) {
    this.socket = socket;
    this.decoder = new EntryDecoder(options.binaryAttributes);
    this.attach();
  }

  /**
   * Connects, upgrades with StartTLS when asked, and binds.
   * @param options the connection options
   */
  static async open(options: LdapConnectionOptions): Promise<LdapWire> {
    const tlsOptions = tlsConnectionOptions(options);
    const context = {
      operation: 'connect',
      url: options.url,
      secrets: options.bind?.method === 'simple' ? [options.bind.password] : [],
    };
    try {
      const ldapi = /^ldapi:\/\/(.+)$/i.exec(options.url);
      const url = ldapi === null ? new URL(options.url) : undefined;
      const secure = url?.protocol === 'ldaps:';
      const port = Number(url?.port || (secure ? 636 : 389));
      const host = (url?.hostname ?? '').replace(/^\[|\]$/g, '');
      const socket = await connectSocket(
        () =>
          ldapi !== null
            ? net.connect(decodeURIComponent(ldapi[1] ?? ''))
            : secure
              ? tls.connect({ ...tlsOptions, port, host }).setNoDelay(true)
              : net.connect({ port, host, noDelay: true }),
        secure ? 'secureConnect' : 'connect',
        options.connectTimeoutMs ?? 10_000,
      );
      const wire = new LdapWire(socket, options);
      if (options.startTls === true) {
        context.operation = 'startTLS';
        const done = (
          await wire.request(new ExtendedRequest({ messageId: 1, oid: '1.3.6.1.4.1.1466.20037' }).write())
        ).done;
        if (done.code !== 0) throw Object.assign(new Error(done.diagnostic), { code: done.code });
        await wire.upgrade(tlsOptions);
      }
      context.operation = 'bind';
      const bind = options.bind ?? { method: 'anonymous' };
      if (bind.method !== 'anonymous') {
        const request =
          bind.method === 'simple'
            ? new BindRequest({ messageId: 2, dn: bind.dn, password: bind.password })
            : new BindRequest({ messageId: 2, mechanism: 'EXTERNAL' });
        const done = (await wire.request(request.write())).done;
        if (done.code !== 0) throw Object.assign(new Error(done.diagnostic), { code: done.code });
      }
      return wire;
    } catch (error) {
      throw classifyError(error, {
        ...context,
        ...(options.bind?.method === 'simple' ? { bindDn: options.bind.dn } : {}),
      });
    }
  }

  /**
   * Sends one request and resolves with everything answered to it.
   * @param message the encoded request
   * @param options `rawEntries`: keep the entries as received and decode them only when asked
   *   ({@link LdapWire.decodeEntry}). A page read ahead then waits as a few buffers instead of thousands of
   *   small objects, which the garbage collector would copy again and again while the caller works.
   *   Entry controls are not read in this mode.
   */
  request(message: Buffer, options?: { readonly rawEntries?: boolean }): Promise<WireResponse> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    this.rawEntries = options?.rawEntries === true;
    return new Promise((resolve, reject) => {
      const timeout = this.options.operationTimeoutMs ?? 30_000;
      const timer = setTimeout(() => {
        this.fail(new Error('SearchRequest: Operation timed out'));
      }, timeout);
      this.waiter = {
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.socket.write(message);
    });
  }

  /**
   * Decodes an entry kept by a `rawEntries` request.
   * @param raw one of the response's `raw` buffers
   */
  decodeEntry(raw: Buffer): LdapEntry {
    return this.decoder.decode(new LeanBerReader(raw, 0, raw.length));
  }

  /**
   * Hands the connected, bound socket over (to a {@link LdapMux}); this wire no longer reads from it.
   * Only between requests.
   */
  detach(): net.Socket {
    this.socket.removeListener('data', this.onData);
    this.socket.removeAllListeners('error');
    this.socket.removeAllListeners('close');
    return this.socket;
  }

  /** Unbinds and closes the socket. */
  close(): void {
    if (!this.socket.destroyed) {
      this.socket.end(new UnbindRequest({ messageId: 3 }).write());
      this.socket.destroy();
    }
  }

  private attach(): void {
    this.socket.on('data', this.onData);
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () =>
      this.fail(new Error('Connection closed before message response was received')),
    );
  }

  private async upgrade(tlsOptions: tls.ConnectionOptions): Promise<void> {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('error');
    this.socket.removeAllListeners('close');
    const plain = this.socket;
    this.socket = await connectSocket(
      () => tls.connect({ ...tlsOptions, socket: plain }),
      'secureConnect',
      this.options.connectTimeoutMs ?? 10_000,
    );
    this.attach();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(error);
  }

  private receive(data: Buffer): void {
    try {
      this.framer.push(data, (message) => this.message(message));
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private message(reader: LeanBerReader): void {
    reader.integer();
    const tag = reader.peek();
    if (tag === tags.entry) {
      if (this.rawEntries) {
        this.raw.push(reader.buffer.subarray(reader.offset, reader.end));
        return;
      }
      this.entries.push(this.decoder.decode(reader));
      const controls = reader.peek() === 0xa0 ? readControls(reader) : undefined;
      if (controls !== undefined || this.entryControls.length > 0) {
        while (this.entryControls.length < this.entries.length - 1) this.entryControls.push(undefined);
        this.entryControls.push(controls);
      }
      return;
    }
    if (tag === tags.reference) return;
    if (tag === tags.intermediate) {
      const end = reader.enter() + reader.offset;
      let name = '';
      let value: Buffer | undefined;
      while (reader.offset < end) {
        if (reader.peek() === 0x80) name = reader.text();
        else if (reader.peek() === 0x81) value = Buffer.from(reader.bytes());
        else reader.skip();
      }
      this.intermediates.push({ oid: name, value });
      return;
    }
    if (tag === tags.done || tag === tags.bind || tag === tags.extended) {
      const end = reader.enter() + reader.offset;
      const code = reader.integer();
      reader.skip();
      const diagnostic = reader.text();
      reader.offset = end;
      const controls = reader.peek() === 0xa0 ? readControls(reader) : [];
      const waiter = this.waiter;
      this.waiter = undefined;
      const response: WireResponse = {
        entries: this.entries,
        raw: this.raw,
        entryControls: this.entryControls,
        intermediates: this.intermediates,
        done: { code, diagnostic, cookie: pagedCookie(controls), controls },
      };
      this.entries = [];
      this.raw = [];
      this.entryControls = [];
      this.intermediates = [];
      waiter?.resolve(response);
    }
  }
}

function pagedCookie(controls: readonly RawControl[]): Buffer | undefined {
  const value = controls.find((c) => c.oid === PagedResultsControl.type)?.value;
  if (value === undefined) return undefined;
  const inner = new LeanBerReader(value, 0, value.length);
  inner.enter(0x30);
  inner.integer();
  return Buffer.from(inner.bytes());
}

function connectSocket<T extends net.Socket>(create: () => T, event: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const socket = create();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('Connection timeout'));
    }, timeoutMs);
    socket.once(event, () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}
