import { isUtf8 } from 'node:buffer';

/**
 * A minimal BER reader over one LDAP message, for the hot path of large searches: it decodes in place
 * (no intermediate objects per element), which is what makes full imports fast. Definite lengths only, as
 * LDAP requires (RFC 4511 §5.1).
 */
export class LeanBerReader {
  offset: number;

  /**
   * @param buffer the bytes
   * @param offset where to start
   * @param end where the readable region ends
   */
  constructor(
    readonly buffer: Buffer,
    offset: number,
    readonly end: number,
  ) {
    this.offset = offset;
  }

  /** Tag of the next element without consuming it (-1 at the end). */
  peek(): number {
    return this.offset < this.end ? (this.buffer[this.offset] as number) : -1;
  }

  /** Reads a tag and a length; returns the length, leaving the offset at the content. */
  enter(expectedTag?: number): number {
    const tag = this.buffer[this.offset++] as number;
    if (expectedTag !== undefined && tag !== expectedTag) {
      throw new Error(
        `BER: expected tag 0x${expectedTag.toString(16)}, found 0x${tag.toString(16)} at ${this.offset - 1}`,
      );
    }
    return this.length();
  }

  /** Reads a length. */
  length(): number {
    let first = this.buffer[this.offset++] as number;
    if (first < 0x80) return first;
    first &= 0x7f;
    if (first > 4) throw new Error(`BER: length of ${first} bytes is not supported`);
    let value = 0;
    for (let i = 0; i < first; i++) value = value * 256 + (this.buffer[this.offset++] as number);
    return value;
  }

  /** Reads an INTEGER or ENUMERATED (any tag). */
  integer(): number {
    const len = this.enter();
    let value = 0;
    for (let i = 0; i < len; i++) value = value * 256 + (this.buffer[this.offset++] as number);
    // Two's complement for negative values.
    if (len > 0 && ((this.buffer[this.offset - len] as number) & 0x80) !== 0) value -= 2 ** (8 * len);
    return value;
  }

  /** Reads an OCTET STRING (any tag) as a view of the buffer. */
  bytes(): Buffer {
    const len = this.enter();
    const start = this.offset;
    this.offset += len;
    return this.buffer.subarray(start, start + len);
  }

  /** Reads an OCTET STRING as UTF-8 text. */
  text(): string {
    const len = this.enter();
    const start = this.offset;
    this.offset += len;
    return this.buffer.toString('utf8', start, start + len);
  }

  /**
   * Reads an OCTET STRING value: UTF-8 text, or base64 when binary is asked for or the bytes are not UTF-8.
   * @param binary whether the attribute is binary
   */
  value(binary: boolean): string {
    const len = this.enter();
    const start = this.offset;
    this.offset += len;
    if (!binary) {
      // ASCII fast path: most directory values are plain ASCII.
      let ascii = true;
      for (let i = start; i < start + len; i++) {
        if ((this.buffer[i] as number) >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) return this.buffer.toString('latin1', start, start + len);
      const view = this.buffer.subarray(start, start + len);
      if (isUtf8(view)) return view.toString('utf8');
    }
    return this.buffer.toString('base64', start, start + len);
  }

  /** Skips the next element. */
  skip(): void {
    const len = this.enter();
    this.offset += len;
  }
}
