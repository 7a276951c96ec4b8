// The benchmarks' HTTP client: `fetch` (undici, the default) or, with HOST_BENCH_CLIENT=http, node:http with a
// keep-alive agent — a lighter load generator, so less of the shared cores goes to the client.
import { Agent, request } from 'node:http';

/** Which client the benchmark uses. */
export const benchClient: 'fetch' | 'http' = process.env.HOST_BENCH_CLIENT === 'http' ? 'http' : 'fetch';

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * Sends one request and answers the status and the response text.
 * @param method the HTTP method
 * @param url the URL
 * @param headers request headers
 * @param body the request body
 */
export async function send(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  if (benchClient === 'fetch') {
    const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    return { status: res.status, text: await res.text() };
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
