import { BerWriter, Control, FilterParser, SearchRequest } from 'ldapts';
import { LeanBerReader } from '../connection/berReader.ts';
import { LdapWire, type RawControl } from '../connection/LdapWire.ts';
import type { LdapConnectionOptions, LdapEntry } from '../connection/types.ts';
import { classifyError } from '../errors/classifyError.ts';

/** RFC 4533 OIDs: Sync Request, Sync State, Sync Done controls and the Sync Info intermediate response. */
export const syncOids = {
  request: '1.3.6.1.4.1.4203.1.9.1.1',
  state: '1.3.6.1.4.1.4203.1.9.1.2',
  done: '1.3.6.1.4.1.4203.1.9.1.3',
  info: '1.3.6.1.4.1.4203.1.9.1.4',
} as const;

/** Sync Request control, refreshOnly mode, with the cookie of the previous refresh (none the first time). */
class SyncRequestControl extends Control {
  constructor(private readonly cookie: Buffer | undefined) {
    super(syncOids.request, { critical: true });
  }

  protected override writeControl(writer: BerWriter): void {
    const value = new BerWriter();
    value.startSequence();
    value.writeEnumeration(1);
    if (this.cookie !== undefined) value.writeBuffer(this.cookie, 0x04);
    value.endSequence();
    writer.writeBuffer(value.buffer, 0x04);
  }
}

/** What one refreshOnly content-sync search returned. */
export interface ContentSyncResult {
  /** Entries added or changed since the cookie, with their attributes. */
  readonly changed: readonly LdapEntry[];
  /** entryUUIDs deleted since the cookie (delete phase). */
  readonly deleted: readonly string[];
  /** entryUUIDs reported unchanged and present (present phase). */
  readonly present: readonly string[];
  /**
   * `true`: the server listed deletes (anything not mentioned is unchanged); `false`: present phase — every
   * entry in scope that was neither changed nor present is gone.
   */
  readonly refreshDeletes: boolean;
  /** Cookie for the next refresh. */
  readonly cookie: Buffer | undefined;
}

/**
 * Formats a 16-byte syncUUID as an entryUUID string (8-4-4-4-12, lower-case hex).
 * @param bytes the UUID bytes
 */
export function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Runs one RFC 4533 refreshOnly content-sync search (OpenLDAP syncprov) and sorts what came back into
 * changed entries, deleted and present UUIDs, and the next cookie.
 * @param connection how to reach and bind to the directory
 * @param search base, filter and attributes of the synchronised content
 * @param cookie the cookie of the previous refresh (none for an initial load)
 */
export async function contentSyncRefresh(
  connection: LdapConnectionOptions,
  search: { readonly base: string; readonly filter: string; readonly attributes: readonly string[] },
  cookie: Buffer | undefined,
): Promise<ContentSyncResult> {
  const wire = await LdapWire.open(connection);
  try {
    const request = new SearchRequest({
      messageId: 20,
      baseDN: search.base,
      scope: 'sub',
      filter: FilterParser.parseString(search.filter),
      attributes: [...search.attributes],
      controls: [new SyncRequestControl(cookie)],
    }).write();
    const response = await wire.request(request);
    if (response.done.code !== 0) {
      throw classifyError(Object.assign(new Error(response.done.diagnostic), { code: response.done.code }), {
        operation: 'contentSync',
        dn: search.base,
        url: connection.url,
      });
    }
    return sortResponse(
      response.entries,
      response.entryControls,
      response.intermediates,
      response.done.controls,
    );
  } finally {
    wire.close();
  }
}

function sortResponse(
  entries: readonly LdapEntry[],
  entryControls: readonly (readonly RawControl[] | undefined)[],
  intermediates: readonly RawControl[],
  doneControls: readonly RawControl[],
): ContentSyncResult {
  const changed: LdapEntry[] = [];
  const deleted: string[] = [];
  const present: string[] = [];
  entries.forEach((entry, i) => {
    const value = entryControls[i]?.find((c) => c.oid === syncOids.state)?.value;
    if (value === undefined) {
      changed.push(entry);
      return;
    }
    const reader = new LeanBerReader(value, 0, value.length);
    reader.enter(0x30);
    const state = reader.integer();
    const uuid = formatUuid(reader.bytes());
    if (state === 0) present.push(uuid);
    else if (state === 3) deleted.push(uuid);
    else changed.push(entry);
  });
  let refreshDeletes = false;
  let cookie: Buffer | undefined;
  for (const info of intermediates) {
    if (info.oid !== syncOids.info || info.value === undefined) continue;
    const reader = new LeanBerReader(info.value, 0, info.value.length);
    const tag = reader.peek();
    const end = reader.enter() + reader.offset;
    if (tag === 0x80) {
      cookie = Buffer.from(info.value.subarray(reader.offset - 0, end));
      continue;
    }
    let deletes = tag === 0xa1;
    const uuids: string[] = [];
    while (reader.offset < end) {
      const inner = reader.peek();
      if (inner === 0x04) cookie = Buffer.from(reader.bytes());
      else if (inner === 0x01) {
        const flag = reader.integer() !== 0;
        if (tag === 0xa3) deletes = flag;
      } else if (inner === 0x31) {
        const setEnd = reader.enter() + reader.offset;
        while (reader.offset < setEnd) uuids.push(formatUuid(reader.bytes()));
      } else reader.skip();
    }
    if (tag === 0xa3) (deletes ? deleted : present).push(...uuids);
    if (tag === 0xa1) refreshDeletes = true;
  }
  const done = doneControls.find((c) => c.oid === syncOids.done)?.value;
  if (done !== undefined && done.length > 0) {
    const reader = new LeanBerReader(done, 0, done.length);
    const end = reader.enter(0x30) + reader.offset;
    while (reader.offset < end) {
      if (reader.peek() === 0x04) cookie = Buffer.from(reader.bytes());
      else if (reader.peek() === 0x01) refreshDeletes = reader.integer() !== 0;
      else reader.skip();
    }
  }
  return { changed, deleted, present, refreshDeletes, cookie };
}
