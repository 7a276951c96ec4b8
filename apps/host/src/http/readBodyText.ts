import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { HostHttpError } from './HostHttpError.ts';

/**
 * The 413 for a body over the limit.
 * @param limit the limit in bytes
 */
export function bodyTooLarge(limit: number): HostHttpError {
  return new HostHttpError(413, `request body larger than ${limit} bytes`, { scimType: 'tooLarge' });
}

/**
 * The request body as text, at most `limit` bytes (413 above it, by Content-Length or as it streams in).
 * Under @hono/node-server it reads Node's `IncomingMessage` directly: going through `c.req.text()` builds a
 * WHATWG Request, an AbortController and a web ReadableStream per request. Without Node bindings (tests call
 * `app.request()`) it reads `c.req.text()`; the app's body-limit middleware covers that path.
 * @param c the hono context
 * @param limit the largest accepted body in bytes
 */
export async function readBodyText(c: Context, limit: number): Promise<string> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming === undefined ? c.req.text() : readIncomingText(incoming, limit);
}

/**
 * The body of Node's `IncomingMessage` as text, at most `limit` bytes (413 above it, by Content-Length or as
 * it streams in; the rest is then discarded so the connection can carry the answer).
 * @param incoming the Node request
 * @param limit the largest accepted body in bytes
 */
export function readIncomingText(incoming: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(incoming.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(bodyTooLarge(limit));
  if (incoming.readableEnded) return Promise.resolve('');
  // Stream events rather than `for await`: no async-iterator promise per chunk on every POST/PATCH/PUT.
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (): void => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      done();
      incoming.resume(); // the rest is discarded, so the 413 can still be answered on this connection
      reject(bodyTooLarge(limit));
    };
    const onEnd = (): void => {
      done();
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error): void => {
      done();
      reject(error);
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
  });
}
