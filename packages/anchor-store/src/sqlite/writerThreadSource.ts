/**
 * The program of the load writer thread, as plain JavaScript run with `new Worker(source, { eval: true })` —
 * a string, so the built package needs no separate worker file and the same code runs from `src` and `dist`.
 *
 * The thread opens its own connection to the store file (the driver module and pragmas come in
 * `workerData`) and appends batches of a load into an empty store, one transaction per batch, in the order
 * received, with multi-row `INSERT`s. A batch arrives as one transferred buffer holding each entry's strings
 * end to end in UTF-8, plus the entries' byte lengths and the strings' lengths — no copy between threads and
 * no strings kept on the sender's heap (`LoadBatch`). Inside the batch's write transaction the thread reads the largest id and numbers the rows after
 * it, so ids stay right even if another connection wrote meanwhile. It also hashes the entries whose hash
 * the caller left to it (the hash slot holds the hash prefix instead, see `_contentHash`): the caller's
 * thread is the load's bottleneck and this one has time to spare. After a failed batch it refuses every
 * later batch: nothing queued behind a failure is committed. `exec` runs SQL: the load's index builds, so
 * they do not block the caller's event loop.
 *
 * Messages in:  `{ id, op: 'append', bytes: ArrayBuffer, offset, used, entries: Uint32Array (per entry: its
 *               bytes, its index keys), lengths: Uint32Array (per string, UTF-16 units), seen }` (per entry:
 *               anchor, dn, dnNorm, hash slot — the hash, a hash prefix, or '' for the last prefix again —,
 *               body, then attribute and value of each index key),
 *               `{ id, op: 'exec', sql }`, `{ id, op: 'close' }`.
 * Messages out: `{ id }` or `{ id, error: { message, code } }`.
 * @internal
 */
export const WRITER_THREAD_SOURCE = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
for (const pragma of workerData.pragmas) db.pragma(pragma);
const maxId = db.prepare('SELECT max(id) AS id FROM entries');
const statements = new Map();
function statement(head, row, rows) {
  const key = head + '#' + rows;
  let prepared = statements.get(key);
  if (prepared === undefined) {
    prepared = db.prepare(head + ' VALUES ' + new Array(rows).fill(row).join(','));
    statements.set(key, prepared);
  }
  return prepared;
}
const { hash } = require('node:crypto');
// _contentHash (internal/canonicalEntry.ts), repeated: a test checks the stored hashes equal hashEntry's.
const contentHash = (dn, prefix, body) =>
  hash('sha256', dn.length + ':' + dn + prefix + 'c' + body.slice(body.indexOf('\\u001d') + 1), 'base64url').slice(0, 22);
const ENTRY_HEAD = 'INSERT INTO entries (id, anchor, dn, dn_norm, hash, last_seen_run, body)';
const KEY_HEAD = 'INSERT INTO attribute_index (attribute, value, entry_id)';
const ENTRIES_PER_STATEMENT = 100;
const KEYS_PER_STATEMENT = 300;
// A batch: per entry [anchor, dn, dnNorm, hash slot, body, then attribute and value of each index key], all
// concatenated and UTF-8 encoded in buffer; entries gives each entry's bytes and index keys, lengths each
// string's length once the entry is decoded.
const append = db.transaction((buffer, entries, lengths, seen) => {
  const base = (maxId.get().id ?? 0) + 1;
  let pos = 0;
  let record = '';
  let at = 0;
  let next = 0;
  const take = () => {
    const end = at + lengths[next++];
    const part = record.slice(at, end);
    at = end;
    return part;
  };
  let rows = [];
  let keys = [];
  let prefix = '';
  const count = entries.length / 2;
  for (let i = 0; i < count; i++) {
    record = buffer.toString('utf8', pos, pos + entries[2 * i]);
    pos += entries[2 * i];
    at = 0;
    const anchor = take();
    const dn = take();
    const dnNorm = take();
    const slot = take();
    const body = take();
    // The hash slot: '[' starts a hash prefix (JSON), '' repeats the last one, anything else is the hash.
    if (slot.charCodeAt(0) === 91) prefix = slot;
    const entryHash = slot === '' || slot === prefix ? contentHash(dn, prefix, body) : slot;
    rows.push(base + i, anchor, dn, dnNorm, entryHash, seen, body);
    if (rows.length === ENTRIES_PER_STATEMENT * 7) {
      statement(ENTRY_HEAD, '(?,?,?,?,?,?,?)', ENTRIES_PER_STATEMENT).run(rows);
      rows = [];
    }
    for (let k = entries[2 * i + 1]; k > 0; k--) {
      keys.push(take(), take(), base + i);
      if (keys.length === KEYS_PER_STATEMENT * 3) {
        statement(KEY_HEAD, '(?,?,?)', KEYS_PER_STATEMENT).run(keys);
        keys = [];
      }
    }
  }
  if (rows.length > 0) statement(ENTRY_HEAD, '(?,?,?,?,?,?,?)', rows.length / 7).run(rows);
  if (keys.length > 0) statement(KEY_HEAD, '(?,?,?)', keys.length / 3).run(keys);
});
let failure = null;
parentPort.on('message', (message) => {
  const { id, op } = message;
  try {
    if (op === 'append') {
      if (failure !== null) throw new Error('not written: an earlier batch of this load failed (' + failure + ')');
      try {
        const buffer = Buffer.from(message.bytes, message.offset, message.used);
        append.immediate(buffer, message.entries, message.lengths, message.seen);
      } catch (error) {
        failure = String(error && error.message);
        throw error;
      }
    } else if (op === 'exec') {
      db.exec(message.sql);
    } else if (op === 'close') {
      db.close();
      parentPort.postMessage({ id });
      parentPort.close();
      return;
    }
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;
