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
