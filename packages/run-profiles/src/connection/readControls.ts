import type { LeanBerReader } from './berReader.ts';

/** A response control as sent by the server: OID and raw value. */
export interface RawControl {
  readonly oid: string;
  readonly value: Buffer | undefined;
}

/**
 * Reads the `controls [0] Controls` of an LDAPMessage (RFC 4511 §4.1.11), the reader at its tag:
 * `Control ::= SEQUENCE { controlType LDAPOID, criticality BOOLEAN DEFAULT FALSE, controlValue OCTET STRING
 * OPTIONAL }`. Values are copied out of the message buffer.
 * @param reader the reader
 */
export function readControls(reader: LeanBerReader): RawControl[] {
  const controls: RawControl[] = [];
  const end = reader.enter(0xa0) + reader.offset;
  while (reader.offset < end) {
    const controlEnd = reader.enter(0x30) + reader.offset;
    const oid = reader.text();
    if (reader.peek() === 0x01) reader.skip();
    const value =
      reader.offset < controlEnd && reader.peek() === 0x04 ? Buffer.from(reader.bytes()) : undefined;
    controls.push({ oid, value });
    reader.offset = controlEnd;
  }
  return controls;
}
