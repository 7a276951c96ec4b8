import { describe, expect, it } from 'vitest';
import { MessageFramer } from './MessageFramer.ts';

/** A SEQUENCE holding `content`, with a short or a long-form (0x82) length. */
function message(content: Buffer): Buffer {
  const length =
    content.length < 0x80
      ? Buffer.from([content.length])
      : Buffer.from([0x82, content.length >> 8, content.length & 0xff]);
  return Buffer.concat([Buffer.from([0x30]), length, content]);
}

function collect(framer: MessageFramer, chunks: Buffer[]): string[] {
  const seen: string[] = [];
  for (const chunk of chunks) {
    framer.push(chunk, (reader) => {
      seen.push(reader.buffer.subarray(reader.offset, reader.end).toString('latin1'));
    });
  }
  return seen;
}

describe('MessageFramer', () => {
  const short = message(Buffer.from('abc'));
  const long = message(Buffer.alloc(300, 'x'));

  it('hands over every whole message of one read, in order', () => {
    expect(collect(new MessageFramer(), [Buffer.concat([short, long, short])])).toEqual([
      'abc',
      'x'.repeat(300),
      'abc',
    ]);
  });

  it('waits for the rest of a message cut anywhere, even inside its length bytes', () => {
    const stream = Buffer.concat([short, long]);
    for (let cut = 1; cut < stream.length; cut++) {
      const seen = collect(new MessageFramer(), [stream.subarray(0, cut), stream.subarray(cut)]);
      expect(seen).toEqual(['abc', 'x'.repeat(300)]);
    }
  });

  it('works byte by byte', () => {
    const stream = Buffer.concat([long, short]);
    const bytes = [...stream].map((b) => Buffer.from([b]));
    expect(collect(new MessageFramer(), bytes)).toEqual(['x'.repeat(300), 'abc']);
  });
});
