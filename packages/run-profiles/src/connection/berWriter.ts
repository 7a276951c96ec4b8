// Minimal BER encoding for the LDAP requests encoded by hand (adds on the multiplexed connection): definite
// lengths only, as LDAP requires (RFC 4511 §5.1). An element is built bottom-up from its parts' bytes.

/** Universal and LDAP tags used here. */
export const berTags = {
  integer: 0x02,
  octetString: 0x04,
  boolean: 0x01,
  sequence: 0x30,
  set: 0x31,
  enumerated: 0x0a,
  addRequest: 0x68,
  searchRequest: 0x63,
  controls: 0xa0,
} as const;

function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/**
 * One element: tag, length and the concatenated parts.
 * @param tag the tag byte
 * @param parts the content, in order
 */
export function berElement(tag: number, parts: readonly Buffer[]): Buffer {
  let length = 0;
  for (const part of parts) length += part.length;
  const header = lengthBytes(length);
  const out = Buffer.allocUnsafe(1 + header.length + length);
  out[0] = tag;
  for (let i = 0; i < header.length; i++) out[1 + i] = header[i] as number;
  let offset = 1 + header.length;
  for (const part of parts) offset += part.copy(out, offset);
  return out;
}

/**
 * An OCTET STRING (or another primitive tag) holding the UTF-8 bytes of a string, or the given bytes.
 * @param value the value
 * @param tag the tag (default OCTET STRING)
 */
export function berString(value: string | Buffer, tag: number = berTags.octetString): Buffer {
  const length = typeof value === 'string' ? Buffer.byteLength(value) : value.length;
  const header = lengthBytes(length);
  const out = Buffer.allocUnsafe(1 + header.length + length);
  out[0] = tag;
  for (let i = 0; i < header.length; i++) out[1 + i] = header[i] as number;
  if (typeof value === 'string') out.write(value, 1 + header.length, 'utf8');
  else value.copy(out, 1 + header.length);
  return out;
}

/**
 * A non-negative INTEGER (message IDs are 1 … 2³¹−1).
 * @param value the value
 */
export function berInteger(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  do {
    bytes.unshift(rest & 0xff);
    rest = Math.floor(rest / 256);
  } while (rest > 0);
  if (((bytes[0] as number) & 0x80) !== 0) bytes.unshift(0);
  return Buffer.from([berTags.integer, bytes.length, ...bytes]);
}

function headerSize(length: number): number {
  return length < 0x80 ? 2 : length < 0x100 ? 3 : length < 0x10000 ? 4 : length < 0x1000000 ? 5 : 6;
}

function writeHeader(out: Buffer, offset: number, tag: number, length: number): number {
  out[offset++] = tag;
  if (length < 0x80) {
    out[offset++] = length;
    return offset;
  }
  const bytes = headerSize(length) - 2;
  out[offset++] = 0x80 | bytes;
  for (let i = bytes - 1; i >= 0; i--) out[offset++] = Math.floor(length / 256 ** i) & 0xff;
  return offset;
}

/**
 * A whole LDAPMessage carrying an AddRequest (RFC 4511 §4.7), encoded into one buffer: sizes are computed
 * first, then every element is written in place (no buffer per attribute or value).
 * @param messageId the message ID
 * @param dn the entry's DN
 * @param attributes the attributes with their values
 * @param controls the encoded `Control` SEQUENCEs (may be empty)
 */
export function encodeAddMessage(
  messageId: number,
  dn: string,
  attributes: Readonly<Record<string, readonly (string | Buffer)[]>>,
  controls: readonly Buffer[],
): Buffer {
  const id = berInteger(messageId);
  const entries = Object.entries(attributes);
  const typeLengths: number[] = [];
  const valueLengths: number[] = [];
  const setLengths: number[] = [];
  const attributeLengths: number[] = [];
  let listLength = 0;
  for (const [type, values] of entries) {
    const typeLength = Buffer.byteLength(type);
    let setLength = 0;
    for (const value of values) {
      const length = typeof value === 'string' ? Buffer.byteLength(value) : value.length;
      valueLengths.push(length);
      setLength += headerSize(length) + length;
    }
    const attributeLength = headerSize(typeLength) + typeLength + headerSize(setLength) + setLength;
    typeLengths.push(typeLength);
    setLengths.push(setLength);
    attributeLengths.push(attributeLength);
    listLength += headerSize(attributeLength) + attributeLength;
  }
  const dnLength = Buffer.byteLength(dn);
  const opLength = headerSize(dnLength) + dnLength + headerSize(listLength) + listLength;
  let controlsLength = 0;
  for (const control of controls) controlsLength += control.length;
  const messageLength =
    id.length +
    headerSize(opLength) +
    opLength +
    (controls.length > 0 ? headerSize(controlsLength) + controlsLength : 0);
  const out = Buffer.allocUnsafe(headerSize(messageLength) + messageLength);
  let offset = writeHeader(out, 0, berTags.sequence, messageLength);
  offset += id.copy(out, offset);
  offset = writeHeader(out, offset, berTags.addRequest, opLength);
  offset = writeHeader(out, offset, berTags.octetString, dnLength);
  offset += out.write(dn, offset, 'utf8');
  offset = writeHeader(out, offset, berTags.sequence, listLength);
  let v = 0;
  for (const [i, [type, values]] of entries.entries()) {
    offset = writeHeader(out, offset, berTags.sequence, attributeLengths[i] as number);
    offset = writeHeader(out, offset, berTags.octetString, typeLengths[i] as number);
    offset += out.write(type, offset, 'utf8');
    offset = writeHeader(out, offset, berTags.set, setLengths[i] as number);
    for (const value of values) {
      offset = writeHeader(out, offset, berTags.octetString, valueLengths[v++] as number);
      offset += typeof value === 'string' ? out.write(value, offset, 'utf8') : value.copy(out, offset);
    }
  }
  if (controls.length > 0) {
    offset = writeHeader(out, offset, berTags.controls, controlsLength);
    for (const control of controls) offset += control.copy(out, offset);
  }
  return out;
}

/**
 * A whole LDAPMessage carrying a SearchRequest (RFC 4511 §4.5.1): no size or time limit of its own (the
 * server's apply), aliases never dereferenced, attribute values wanted.
 * @param messageId the message ID
 * @param base the base DN
 * @param scope 0 base, 1 one level, 2 subtree
 * @param filter the encoded Filter
 * @param attributes the attributes to return
 */
export function encodeSearchMessage(
  messageId: number,
  base: string,
  scope: 0 | 1 | 2,
  filter: Buffer,
  attributes: readonly string[],
): Buffer {
  const op = berElement(berTags.searchRequest, [
    berString(base),
    Buffer.from([berTags.enumerated, 1, scope]),
    Buffer.from([berTags.enumerated, 1, 0]), // derefAliases: neverDerefAliases
    Buffer.from([berTags.integer, 1, 0]), // sizeLimit
    Buffer.from([berTags.integer, 1, 0]), // timeLimit
    Buffer.from([berTags.boolean, 1, 0]), // typesOnly
    filter,
    berElement(
      berTags.sequence,
      attributes.map((attribute) => berString(attribute)),
    ),
  ]);
  return berElement(berTags.sequence, [berInteger(messageId), op]);
}
