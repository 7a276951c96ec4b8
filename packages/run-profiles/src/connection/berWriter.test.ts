import { AddRequest, Attribute } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { PostReadControl } from '../export/PostReadControl.ts';
import { LeanBerReader } from './berReader.ts';
import { encodeAddMessage } from './berWriter.ts';

const reference = (
  messageId: number,
  dn: string,
  attributes: Record<string, (string | Buffer)[]>,
  controls: PostReadControl[] = [],
) =>
  new AddRequest({
    messageId,
    dn,
    attributes: Object.entries(attributes).map(
      ([type, values]) => new Attribute({ type, values: values as string[] | Buffer[] }),
    ),
    controls,
  }).write();

describe('encodeAddMessage', () => {
  it('encodes the same bytes as ldapts for short, long (1-, 2- and 3-byte lengths), UTF-8 and binary values', () => {
    const attributes = {
      objectClass: ['inetOrgPerson', 'posixAccount'],
      cn: ['Zoë Ünïcødé 张伟'],
      description: ['x'.repeat(200)],
      info: ['y'.repeat(70_000)],
      jpegPhoto: [Buffer.from([0, 1, 2, 255])],
      empty: [] as string[],
    };
    for (const id of [1, 127, 128, 255, 256, 65_536, 0x7fffffff]) {
      expect(encodeAddMessage(id, 'cn=Zoë,dc=example,dc=org', attributes, [])).toEqual(
        reference(id, 'cn=Zoë,dc=example,dc=org', attributes),
      );
    }
  });

  it('encodes the same bytes as ldapts for ASCII and non-ASCII strings around the short-string fast path', () => {
    // Lengths around 64 UTF-16 units (where ASCII stops being written byte by byte), and characters of one to
    // four UTF-8 bytes (a surrogate pair is two units, four bytes), DEL and the first non-ASCII code point.
    const alphabet = ['a', 'Z', '0', ' ', '=', '\u007f', '\u0080', 'é', '张', '😀'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 200; round++) {
      const length = 60 + (round % 10);
      const ascii = round % 2 === 0;
      let text = '';
      while (text.length < length) text += alphabet[next() % (ascii ? 6 : alphabet.length)];
      const attributes = { cn: [text, text.slice(0, round % 70)], [`x${round}`]: [text.slice(1)] };
      expect(encodeAddMessage(round + 1, `cn=${text},dc=org`, attributes, [])).toEqual(
        reference(round + 1, `cn=${text},dc=org`, attributes),
      );
    }
  });

  it('appends controls as the [0] list, the same bytes as ldapts writes for a Post-Read control', () => {
    const control = new PostReadControl(['uid', 'mail', 'entryUUID']);
    const attributes = { objectClass: ['person'], cn: ['a'], sn: ['b'] };
    const ours = encodeAddMessage(7, 'cn=a,dc=example,dc=org', attributes, [control.encoded]);
    expect(ours).toEqual(reference(7, 'cn=a,dc=example,dc=org', attributes, [control]));
    // And it is one well-formed LDAPMessage: SEQUENCE { id, [APPLICATION 8], [0] }.
    const reader = new LeanBerReader(ours, 0, ours.length);
    expect(reader.enter(0x30)).toBe(ours.length - reader.offset);
    expect(reader.integer()).toBe(7);
    reader.skip();
    expect(reader.peek()).toBe(0xa0);
  });
});
