import { LeanBerReader } from './berReader.ts';

/**
 * Cuts the byte stream of an LDAP connection into whole messages: each `LDAPMessage` is a BER SEQUENCE with a
 * definite length (RFC 4511 §5.1), and a TCP read may end anywhere inside one. Bytes of an incomplete message
 * are kept (copied, so the large read buffer they came from can be freed) until the rest arrives.
 */
export class MessageFramer {
  private tail: Buffer = Buffer.alloc(0);

  /**
   * Feeds received bytes and hands over every message completed by them, in order.
   * @param data the bytes just read
   * @param onMessage called with a reader over one message's contents (after the SEQUENCE header); what it
   *   throws propagates, and the connection is to be given up then
   */
  push(data: Buffer, onMessage: (message: LeanBerReader) => void): void {
    const buffer = this.tail.length === 0 ? data : Buffer.concat([this.tail, data]);
    let offset = 0;
    while (buffer.length - offset >= 2) {
      // Incomplete length bytes: wait for more data.
      const first = buffer[offset + 1] as number;
      const lengthBytes = (first & 0x80) === 0 ? 0 : first & 0x7f;
      if (buffer.length - offset < 2 + lengthBytes) break;
      const header = new LeanBerReader(buffer, offset + 1, buffer.length);
      const end = header.length() + header.offset;
      if (end > buffer.length) break;
      onMessage(new LeanBerReader(buffer, header.offset, end));
      offset = end;
    }
    const rest = buffer.subarray(offset);
    this.tail = rest.length === 0 ? Buffer.alloc(0) : Buffer.from(rest);
  }
}
