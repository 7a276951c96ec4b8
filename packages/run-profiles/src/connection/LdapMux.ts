import type net from 'node:net';
import type { LeanBerReader } from './berReader.ts';
import { berTags, encodeAddMessage, encodeSearchMessage } from './berWriter.ts';
import { EntryDecoder } from './EntryDecoder.ts';
import { LdapWire } from './LdapWire.ts';
import { MessageFramer } from './MessageFramer.ts';
import { type RawControl, readControls } from './readControls.ts';
import type { LdapConnectionOptions, LdapEntry } from './types.ts';

/**
 * A request control encoded once (e.g. Post-Read for a fixed attribute list) and sent as is; the response
 * control of the same OID is handed back to it.
 */
export interface EncodedControl {
  /** The control's OID. */
  readonly type: string;
  /** The whole `Control` SEQUENCE (RFC 4511 §4.1.11). */
  readonly encoded: Buffer;
  /** Receives the value of the response control with the same OID (`undefined` when there is none). */
  accept(value: Buffer | undefined): void;
}

/**
 * Whether every control can travel on a {@link LdapMux} (is an {@link EncodedControl}).
 * @param controls request controls
 */
export function allEncoded(controls: readonly object[]): controls is readonly EncodedControl[] {
  return controls.every(
    (c) =>
      Buffer.isBuffer((c as Partial<EncodedControl>).encoded) &&
      typeof (c as EncodedControl).accept === 'function',
  );
}

/** The LDAPResult of a write, with its response controls. */
export interface MuxResult {
  readonly code: number;
  readonly diagnostic: string;
  readonly controls: readonly RawControl[];
}

/** The end of a search: its LDAPResult and the entries returned before it. */
export interface MuxSearchResult extends MuxResult {
  readonly entries: readonly LdapEntry[];
}

interface Pending {
  readonly resolve: (result: MuxSearchResult) => void;
  readonly reject: (error: Error) => void;
  /** When the request times out (`performance.now()` milliseconds). */
  readonly deadline: number;
  /** The request's protocol operation, for the timeout's message. */
  readonly operation: 'AddRequest' | 'SearchRequest';
  readonly entries: LdapEntry[];
}

const tags = { entry: 0x64, reference: 0x73 } as const;

const maxMessageId = 0x7fffffff;
const noticeOfDisconnection = '1.3.6.1.4.1.1466.20036';

/**
 * One bound LDAP connection on which adds are encoded by hand and multiplexed: many requests in flight,
 * each answer matched by message ID, responses decoded in place. It serves the export hot path (an add with
 * its Post-Read read-back) at a fraction of a general client's CPU per request; everything else stays on
 * ldapts. A lost connection, a timeout or a notice of disconnection fails every request in flight (they
 * may or may not have been applied); the owner opens a new one.
 */
export class LdapMux {
  private readonly pending = new Map<number, Pending>();
  private nextId = 10;
  private readonly framer = new MessageFramer();
  private failure: Error | undefined;
  /** Requests encoded in this tick and not yet written (sent together on the next tick). */
  private outgoing: Buffer[] = [];
  /**
   * One timer for all requests in flight, armed for the oldest one's deadline (requests are kept in the
   * order sent): a timer per request cost more than the rest of the bookkeeping of an add. Unref'd: it may
   * outlive the last answer, and the socket keeps the process alive while requests are in flight.
   */
  private timer: NodeJS.Timeout | undefined;
  private readonly checkDeadlines = (): void => {
    this.timer = undefined;
    for (const waiter of this.pending.values()) {
      const left = waiter.deadline - performance.now();
      if (left <= 0) this.fail(new Error(`${waiter.operation}: Operation timed out`), true);
      else this.timer = setTimeout(this.checkDeadlines, left + 1).unref();
      return;
    }
  };
  private readonly flush = (): void => {
    const out = this.outgoing;
    this.outgoing = [];
    if (this.socket.destroyed) return;
    this.socket.write(out.length === 1 ? out[0]! : Buffer.concat(out));
  };

  private constructor(
    private readonly socket: net.Socket,
    private readonly timeoutMs: number,
    private readonly decoder: EntryDecoder,
  ) {
    socket.on('data', (data: Buffer) => this.receive(data));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('Connection closed before message response was received')));
  }

  /**
   * Connects, upgrades with StartTLS when asked, and binds (as {@link LdapWire} does).
   * @param options the connection options
   */
  static async open(options: LdapConnectionOptions): Promise<LdapMux> {
    const wire = await LdapWire.open(options);
    return new LdapMux(
      wire.detach(),
      options.operationTimeoutMs ?? 30_000,
      new EntryDecoder(options.binaryAttributes),
    );
  }

  /** Whether requests can still be sent. */
  get alive(): boolean {
    return this.failure === undefined && !this.socket.destroyed;
  }

  /**
   * Sends an AddRequest and resolves with its LDAPResult (a non-zero code is a result, not a rejection).
   * @param dn the new entry's DN
   * @param attributes the attributes, `objectClass` included
   * @param controls request controls, already encoded
   */
  add(
    dn: string,
    attributes: Readonly<Record<string, readonly (string | Buffer)[]>>,
    controls: readonly EncodedControl[] = [],
  ): Promise<MuxResult> {
    return this.send('AddRequest', (id) =>
      encodeAddMessage(
        id,
        dn,
        attributes,
        controls.map((c) => c.encoded),
      ),
    );
  }

  /**
   * Sends a SearchRequest (no paging: for searches that return a few entries) and resolves with its result
   * and entries; values of binary attributes come as base64, as everywhere in run-profiles.
   * @param base the base DN
   * @param scope 0 base, 1 one level, 2 subtree
   * @param filter the encoded Filter
   * @param attributes the attributes to return
   */
  search(
    base: string,
    scope: 0 | 1 | 2,
    filter: Buffer,
    attributes: readonly string[],
  ): Promise<MuxSearchResult> {
    return this.send('SearchRequest', (id) => encodeSearchMessage(id, base, scope, filter, attributes));
  }

  /** Closes the connection; requests in flight fail. */
  close(): void {
    this.fail(new Error('Connection closed before message response was received'));
    if (!this.socket.destroyed) {
      // UnbindRequest: [APPLICATION 2] NULL with message ID 1.
      this.socket.end(Buffer.from([0x30, 0x05, 0x02, 0x01, 0x01, 0x42, 0x00]));
      this.socket.destroySoon();
    }
  }

  private send(
    operation: Pending['operation'],
    encode: (messageId: number) => Buffer,
  ): Promise<MuxSearchResult> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const id = this.nextId;
    this.nextId = id >= maxMessageId ? 10 : id + 1;
    const message = encode(id);
    return new Promise((resolve, reject) => {
      const deadline = performance.now() + this.timeoutMs;
      this.pending.set(id, { resolve, reject, deadline, operation, entries: [] });
      this.timer ??= setTimeout(this.checkDeadlines, this.timeoutMs + 1).unref();
      // Requests sent in the same tick (e.g. the follow-ups of several answers read in one chunk) leave in
      // one write instead of one system call each; a single request goes as is, without the stream's
      // cork/writev machinery.
      if (this.outgoing.push(message) === 1) process.nextTick(this.flush);
    });
  }

  private fail(error: Error, destroy = false): void {
    this.failure ??= error;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const [id, waiter] of this.pending) {
      this.pending.delete(id);
      waiter.reject(error);
    }
    if (destroy) this.socket.destroy();
  }

  private receive(data: Buffer): void {
    try {
      this.framer.push(data, (message) => this.message(message));
    } catch (error) {
      this.fail(error as Error, true);
    }
  }

  private message(reader: LeanBerReader): void {
    const id = reader.integer();
    const tag = reader.peek();
    if (tag === tags.entry) {
      this.pending.get(id)?.entries.push(this.decoder.decode(reader));
      return;
    }
    if (tag === tags.reference) return; // continuation references are not followed
    const opEnd = reader.enter() + reader.offset; // any LDAPResult-shaped response
    const code = reader.integer();
    reader.skip(); // matchedDN
    const diagnostic = reader.text();
    let extendedName = '';
    while (reader.offset < opEnd) {
      if (reader.peek() === 0x8a) extendedName = reader.text();
      else reader.skip();
    }
    reader.offset = opEnd;
    const controls = reader.peek() === berTags.controls ? readControls(reader) : [];
    if (id === 0) {
      // Unsolicited notification (RFC 4511 §4.4): the server is closing the connection.
      const reason = extendedName === noticeOfDisconnection ? 'notice of disconnection' : extendedName;
      this.fail(new Error(`Connection closed by the server (${reason}): ${diagnostic}`), true);
      return;
    }
    const waiter = this.pending.get(id);
    if (waiter === undefined) return;
    this.pending.delete(id);
    waiter.resolve({ code, diagnostic, controls, entries: waiter.entries });
  }
}
