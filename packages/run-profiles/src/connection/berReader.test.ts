import { describe, expect, it } from 'vitest';
import { LeanBerReader, StringCache } from './berReader.ts';

/** BER OCTET STRINGs (tag 0x04, short length) one after another. */
function octetStrings(...values: (string | Buffer)[]): Buffer {
  return Buffer.concat(
    values.map((v) => {
      const bytes = typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
      return Buffer.concat([Buffer.from([0x04, bytes.length]), bytes]);
    }),
  );
}

function readAll(buffer: Buffer, read: (reader: LeanBerReader, index: number) => string): string[] {
  const reader = new LeanBerReader(buffer, 0, buffer.length);
  const out: string[] = [];
  while (reader.offset < buffer.length) out.push(read(reader, out.length));
  return out;
}

describe('LeanBerReader string cache', () => {
  it('decodes values exactly as without the cache, whatever sits in the slot before', () => {
    const cache = new StringCache();
    const values = ['top', 'tóp', 'tip', 'top', 'x'.repeat(100), 'x'.repeat(100), '', 'top'];
    const buffer = octetStrings(...values);
    // Every value at slot 0: the first ("top") is remembered; others must still decode to themselves.
    expect(readAll(buffer, (r) => r.cachedValue(false, cache, 0))).toEqual(values);
    expect(readAll(buffer, (r) => r.value(false))).toEqual(values);
  });

  it('reuses the remembered string for the same bytes at the same slot', () => {
    const cache = new StringCache();
    const [first, second] = readAll(octetStrings('inetOrgPerson', 'inetOrgPerson'), (r) =>
      r.cachedText(cache, 0),
    );
    expect(second).toBe(first);
    expect(cache.slots[0]?.text).toBe('inetOrgPerson');
  });

  it('does not hand a text string to a binary attribute with the same bytes (or the reverse)', () => {
    const cache = new StringCache();
    const buffer = octetStrings('abc', 'abc');
    const reader = new LeanBerReader(buffer, 0, buffer.length);
    expect(reader.cachedValue(false, cache, 0)).toBe('abc');
    expect(reader.cachedValue(true, cache, 0)).toBe(Buffer.from('abc').toString('base64'));
  });

  it('returns invalid UTF-8 as base64, cached or not', () => {
    const cache = new StringCache();
    const raw = Buffer.from([0xff, 0xfe, 0x00]);
    expect(readAll(octetStrings(raw, raw), (r) => r.cachedValue(false, cache, 0))).toEqual([
      raw.toString('base64'),
      raw.toString('base64'),
    ]);
  });
});
