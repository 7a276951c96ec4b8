import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * A request header, read from Node's parsed `IncomingMessage` headers when the app runs under
 * @hono/node-server, else from the WHATWG request (tests call `app.request()`). Reading `c.req.header()` makes
 * @hono/node-server build a `Headers` object from the raw header list on every request.
 * @param c the hono context
 * @param name the header name, lower case
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming === undefined ? c.req.header(name) : incomingHeader(incoming, name);
}

/**
 * A header of Node's `IncomingMessage` as one string (repeated headers joined with ", ").
 * @param incoming the Node request
 * @param name the header name, lower case
 */
export function incomingHeader(incoming: IncomingMessage, name: string): string | undefined {
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
