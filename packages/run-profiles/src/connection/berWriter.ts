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

/**
 * One element: tag, length and the concatenated parts.
 * @param tag the tag byte
 * @param parts the content, in order
 */
export function berElement(tag: number, parts: readonly Buffer[]): Buffer {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = Buffer.allocUnsafe(headerSize(length) + length);
  let offset = writeHeader(out, 0, tag, length);
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
  const out = Buffer.allocUnsafe(headerSize(length) + length);
  const offset = writeHeader(out, 0, tag, length);
  if (typeof value === 'string') out.write(value, offset, 'utf8');
  else value.copy(out, offset);
  return out;
}

/**
 * A non-negative INTEGER (message IDs are 1 … 2³¹−1).
 * @param value the value
 */
export function berInteger(value: number): Buffer {
  const out = Buffer.allocUnsafe(2 + integerSize(value));
  writeInteger(out, 0, value);
  return out;
}

/** Content bytes of a non-negative INTEGER below 2³² (a leading zero byte keeps it positive). */
function integerSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x8000 ? 2 : value < 0x800000 ? 3 : value < 0x80000000 ? 4 : 5;
}

/** Writes a non-negative INTEGER (tag, length, big-endian content); returns the offset after it. */
function writeInteger(out: Buffer, offset: number, value: number): number {
  const size = integerSize(value);
  out[offset++] = berTags.integer;
  out[offset++] = size;
  for (let i = size - 1; i >= 0; i--) out[offset++] = Math.floor(value / 256 ** i) & 0xff;
  return offset;
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

/** Strings up to this many UTF-16 units are measured and written in JavaScript when ASCII. */
const shortText = 64;

/**
 * The UTF-8 length of a string. Most LDAP names and values are short and ASCII: for those a scan is cheaper
 * than a call into Node (and their UTF-8 length is their length); anything else is measured by Node.
 * @param text the string
 */
function utf8Length(text: string): number {
  if (text.length > shortText) return Buffer.byteLength(text);
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return Buffer.byteLength(text);
  return text.length;
}

/**
 * Writes a string whose UTF-8 length is known; returns the offset after it. A string as long in bytes as in
 * UTF-16 units is ASCII (any other character takes two bytes or more), and a short one is copied byte by byte.
 */
function writeText(out: Buffer, offset: number, text: string, length: number): number {
  if (length !== text.length || length > shortText) return offset + out.write(text, offset, length, 'utf8');
  for (let i = 0; i < length; i++) out[offset + i] = text.charCodeAt(i);
  return offset + length;
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
  const idSize = integerSize(messageId);
  const types = Object.keys(attributes);
  const typeLengths: number[] = [];
  const valueLengths: number[] = [];
  const setLengths: number[] = [];
  const attributeLengths: number[] = [];
  let listLength = 0;
  for (const type of types) {
    const typeLength = utf8Length(type);
    let setLength = 0;
    for (const value of attributes[type] as readonly (string | Buffer)[]) {
      const length = typeof value === 'string' ? utf8Length(value) : value.length;
      valueLengths.push(length);
      setLength += headerSize(length) + length;
    }
    const attributeLength = headerSize(typeLength) + typeLength + headerSize(setLength) + setLength;
    typeLengths.push(typeLength);
    setLengths.push(setLength);
    attributeLengths.push(attributeLength);
    listLength += headerSize(attributeLength) + attributeLength;
  }
  const dnLength = utf8Length(dn);
  const opLength = headerSize(dnLength) + dnLength + headerSize(listLength) + listLength;
  let controlsLength = 0;
  for (const control of controls) controlsLength += control.length;
  const messageLength =
    2 +
    idSize +
    headerSize(opLength) +
    opLength +
    (controls.length > 0 ? headerSize(controlsLength) + controlsLength : 0);
  const out = Buffer.allocUnsafe(headerSize(messageLength) + messageLength);
  let offset = writeHeader(out, 0, berTags.sequence, messageLength);
  offset = writeInteger(out, offset, messageId);
  offset = writeHeader(out, offset, berTags.addRequest, opLength);
  offset = writeHeader(out, offset, berTags.octetString, dnLength);
  offset = writeText(out, offset, dn, dnLength);
  offset = writeHeader(out, offset, berTags.sequence, listLength);
  let v = 0;
  for (let i = 0; i < types.length; i++) {
    const type = types[i] as string;
    offset = writeHeader(out, offset, berTags.sequence, attributeLengths[i] as number);
    offset = writeHeader(out, offset, berTags.octetString, typeLengths[i] as number);
    offset = writeText(out, offset, type, typeLengths[i] as number);
    offset = writeHeader(out, offset, berTags.set, setLengths[i] as number);
    for (const value of attributes[type] as readonly (string | Buffer)[]) {
      const length = valueLengths[v++] as number;
      offset = writeHeader(out, offset, berTags.octetString, length);
      offset =
        typeof value === 'string' ? writeText(out, offset, value, length) : offset + value.copy(out, offset);
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
