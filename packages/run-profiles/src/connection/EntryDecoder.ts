import { type LeanBerReader, StringCache } from './berReader.ts';
import type { LdapEntry } from './types.ts';

/** Attributes whose values are binary unless configured otherwise (`binaryAttributes`). */
export const DEFAULT_BINARY_ATTRIBUTES: readonly string[] = [
  'objectguid',
  'objectsid',
  'jpegphoto',
  'usercertificate',
  'photo',
  'usersmimecertificate',
];

/**
 * Decodes SearchResultEntry messages into entries for one connection: values of binary attributes (the
 * configured ones and any `;binary` type) as base64, as everywhere in run-profiles. Attribute names are
 * reused by position in the entry and repeated values by attribute (see {@link StringCache}), which saves an
 * allocation and a decode per repeat across the entries of a search.
 */
export class EntryDecoder {
  private readonly binary: ReadonlySet<string>;
  private readonly binaryByType = new Map<string, boolean>();
  private readonly names = new StringCache();
  private readonly valuesByType = new Map<string, StringCache>();

  /** @param binaryAttributes the binary attribute types (default {@link DEFAULT_BINARY_ATTRIBUTES}) */
  constructor(binaryAttributes: readonly string[] = DEFAULT_BINARY_ATTRIBUTES) {
    this.binary = new Set(binaryAttributes.map((a) => a.toLowerCase()));
  }

  /**
   * Decodes `SearchResultEntry ::= [APPLICATION 4] SEQUENCE { objectName, attributes }` (RFC 4511 §4.5.2),
   * the reader at its tag; leaves the reader after it.
   * @param reader the reader
   */
  decode(reader: LeanBerReader): LdapEntry {
    const end = reader.enter() + reader.offset;
    const dn = reader.text();
    const attributes: Record<string, string[]> = {};
    const listEnd = reader.enter(0x30) + reader.offset;
    let position = 0;
    while (reader.offset < listEnd) {
      const attrEnd = reader.enter(0x30) + reader.offset;
      const type = reader.cachedText(this.names, position++);
      let binary = this.binaryByType.get(type);
      let cache = this.valuesByType.get(type);
      if (binary === undefined || cache === undefined) {
        const lower = type.toLowerCase();
        binary = this.binary.has(lower) || lower.endsWith(';binary');
        this.binaryByType.set(type, binary);
        cache = new StringCache();
        this.valuesByType.set(type, cache);
      }
      const values: string[] = [];
      const setEnd = reader.enter(0x31) + reader.offset;
      while (reader.offset < setEnd) values.push(reader.cachedValue(binary, cache, values.length));
      attributes[type] = values;
      reader.offset = attrEnd;
    }
    reader.offset = end;
    return { dn, attributes };
  }
}
