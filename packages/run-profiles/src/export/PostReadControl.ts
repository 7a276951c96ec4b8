import { type BerReader, BerWriter, Control } from 'ldapts';
import { LeanBerReader } from '../connection/berReader.ts';
import { berElement, berString, berTags } from '../connection/berWriter.ts';
import { EntryDecoder } from '../connection/EntryDecoder.ts';
import type { EncodedControl } from '../connection/LdapMux.ts';
import type { LdapEntry } from '../connection/types.ts';

/** Encoded controls by attribute list: a target asks for the same list on every add. */
const encodedByList = new Map<string, Buffer>();
const maxCachedLists = 64;
/** The same, by the list itself: a target passes one array on every add, found without joining it. */
const encodedByArray = new WeakMap<readonly string[], Buffer>();

/** OID of the LDAP Post-Read control (RFC 4527 §3.2). */
export const postReadOid = '1.3.6.1.1.13.2';

/**
 * RFC 4527 Post-Read control: the server returns the entry as it is right after the update, in the same
 * response — a read-back without a second round trip. ldapts hands the response control to the request
 * control of the same type, so after the operation `entry` holds what the server sent.
 */
export class PostReadControl extends Control implements EncodedControl {
  /** The entry returned by the server, once the operation has completed. */
  entry: LdapEntry | undefined;

  /**
   * @param attributes the attributes to return (`*`, operational ones by name); not to be changed afterwards,
   *   as the encoded control is kept by this array
   */
  constructor(private readonly attributes: readonly string[]) {
    super(postReadOid, { critical: false });
  }

  /** The whole control, encoded once per attribute list (sent by the multiplexed add path). */
  get encoded(): Buffer {
    const known = encodedByArray.get(this.attributes);
    if (known !== undefined) return known;
    const key = this.attributes.join('\u0000');
    let encoded = encodedByList.get(key);
    if (encoded === undefined) {
      const selectors = berElement(
        berTags.sequence,
        this.attributes.map((attribute) => berString(attribute)),
      );
      // criticality FALSE written out, as ldapts writes it (servers accept it with or without).
      const notCritical = Buffer.from([berTags.boolean, 1, 0]);
      encoded = berElement(berTags.sequence, [berString(postReadOid), notCritical, berString(selectors)]);
      if (encodedByList.size >= maxCachedLists) encodedByList.clear();
      encodedByList.set(key, encoded);
    }
    encodedByArray.set(this.attributes, encoded);
    return encoded;
  }

  /**
   * Takes the response control's value (the entry after the update).
   * @param value the control value, a SearchResultEntry
   */
  accept(value: Buffer | undefined): void {
    this.entry = value === undefined || value.length === 0 ? undefined : parseEntry(value);
  }

  protected override writeControl(writer: BerWriter): void {
    const value = new BerWriter();
    value.startSequence();
    for (const attribute of this.attributes) value.writeString(attribute);
    value.endSequence();
    writer.writeBuffer(value.buffer, 0x04);
  }

  protected override parseControl(reader: BerReader): void {
    this.accept(reader.buffer);
  }
}

/** The control value is a SearchResultEntry, decoded as every other entry (binary types as base64). */
const decoder = new EntryDecoder();

function parseEntry(buffer: Buffer): LdapEntry {
  return decoder.decode(new LeanBerReader(buffer, 0, buffer.length));
}
