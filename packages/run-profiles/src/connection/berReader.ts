import { isUtf8 } from 'node:buffer';

type Slice = (this: Buffer, start: number, end: number) => string;
/** Buffer's own slice decoders (present since Node 0.x, used by `toString`); skip `toString`'s argument checks. */
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice?: Slice }).latin1Slice;
const utf8Slice = (Buffer.prototype as unknown as { utf8Slice?: Slice }).utf8Slice;

/** Longest value whose string {@link LeanBerReader.cachedValue} keeps for reuse. */
const maxCachedBytes = 64;

/** A string decoded from some bytes, kept so the same bytes at the same place reuse it. */
interface CachedString {
  readonly bytes: Buffer;
  readonly text: string;
  readonly binary: boolean;
}

/**
 * Strings already decoded, by slot (an attribute's position in an entry, or a value's position within an
 * attribute). Entries of one search mostly repeat their attribute names and many values (objectClass,
 * shells, group numbers), so reusing the strings saves an allocation and a decode per repeat. A slot keeps
 * the first string seen there; a different value at that slot is simply decoded.
 */
export class StringCache {
  readonly slots: (CachedString | undefined)[] = [];
}

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
    return this.utf8(start, start + len);
  }

  /**
   * Reads an OCTET STRING as UTF-8 text, reusing the string cached at `slot` when the bytes are the same.
   * @param cache where decoded strings are kept
   * @param slot the position this string has (e.g. the attribute's index in the entry)
   */
  cachedText(cache: StringCache, slot: number): string {
    const len = this.enter();
    const start = this.offset;
    this.offset += len;
    const hit = this.reuse(cache, slot, start, len, false);
    if (hit !== undefined) return hit;
    const text = this.utf8(start, start + len);
    if (len <= maxCachedBytes) this.remember(cache, slot, start, len, false, text);
    return text;
  }

  /**
   * Like {@link LeanBerReader.value}, reusing the string cached at `slot` when the bytes are the same.
   * @param binary whether the attribute is binary
   * @param cache where decoded strings are kept (one per attribute)
   * @param slot the value's position within its attribute
   */
  cachedValue(binary: boolean, cache: StringCache, slot: number): string {
    const start = this.offset;
    const len = this.enter();
    const content = this.offset;
    const hit = this.reuse(cache, slot, content, len, binary);
    if (hit !== undefined) {
      this.offset = content + len;
      return hit;
    }
    this.offset = start;
    const text = this.value(binary);
    if (len <= maxCachedBytes) this.remember(cache, slot, content, len, binary, text);
    return text;
  }

  private reuse(
    cache: StringCache,
    slot: number,
    start: number,
    len: number,
    binary: boolean,
  ): string | undefined {
    const cached = cache.slots[slot];
    if (cached === undefined || cached.binary !== binary || cached.bytes.length !== len) return undefined;
    const bytes = cached.bytes;
    const buffer = this.buffer;
    for (let i = 0; i < len; i++) if (buffer[start + i] !== bytes[i]) return undefined;
    return cached.text;
  }

  private remember(
    cache: StringCache,
    slot: number,
    start: number,
    len: number,
    binary: boolean,
    text: string,
  ): void {
    if (cache.slots[slot] !== undefined) return;
    cache.slots[slot] = { bytes: Buffer.from(this.buffer.subarray(start, start + len)), text, binary };
  }

  private utf8(start: number, end: number): string {
    return utf8Slice === undefined
      ? this.buffer.toString('utf8', start, end)
      : utf8Slice.call(this.buffer, start, end);
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
      if (ascii) {
        return latin1Slice === undefined
          ? this.buffer.toString('latin1', start, start + len)
          : latin1Slice.call(this.buffer, start, start + len);
      }
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
