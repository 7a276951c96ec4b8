import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A response from the host. */
export interface HostResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

/**
 * Sends one request to a running host (HTTPS with a CA, or trusting its self-signed certificate file).
 * @param url full URL
 * @param options method, bearer token, body, CA PEM, whether to skip verification, timeout
 */
export function requestHost(
  url: string,
  options: {
    method?: string;
    token?: string;
    body?: unknown;
    ca?: string;
    insecure?: boolean;
    timeoutMs?: number;
  } = {},
): Promise<HostResponse> {
  const u = new URL(url);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { accept: 'application/scim+json' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (body !== undefined) {
    headers['content-type'] = 'application/scim+json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const common = { method: options.method ?? 'GET', headers, timeout: options.timeoutMs ?? 60_000 };
    const req =
      u.protocol === 'https:'
        ? httpsRequest(u, {
            ...common,
            ...(options.ca === undefined ? {} : { ca: options.ca }),
            rejectUnauthorized: !options.insecure,
          })
        : httpRequest(u, common);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${u.host} within ${common.timeout} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
