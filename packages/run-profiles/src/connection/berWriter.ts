// Minimal BER encoding for the LDAP requests encoded by hand (adds on the multiplexed connection): definite
// lengths only, as LDAP requires (RFC 4511 §5.1). An element is built bottom-up from its parts' bytes.

/** Universal and LDAP tags used here. */
export const berTags = {
  integer: 0x02,
  octetString: 0x04,
  boolean: 0x01,
  sequence: 0x30,
  set: 0x31,
  addRequest: 0x68,
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
