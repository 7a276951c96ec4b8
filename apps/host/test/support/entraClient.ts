import { randomUUID } from 'node:crypto';
import { type HostResponse, requestHost } from '../../src/cli/requestHost.ts';

export const ECMA = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** A parsed response. */
export interface ScimReply {
  readonly status: number;
  readonly body: Record<string, unknown> & { Resources?: Array<Record<string, unknown>> };
  readonly headers: HostResponse['headers'];
}

/**
 * Sends requests the way Entra's provisioning service does (shapes from Microsoft's SCIM docs: the
 * test-connection probe on a random GUID, `/Schemas`, matching GETs with `filter=<attr> eq "<value>"`,
 * POST, GET by id, PATCH with capitalised `op`s and "False" strings, DELETE).
 */
export function entraClient(baseUrl: string, connector: string, token: string, tls: { ca?: string } = {}) {
  const root = `${baseUrl}/ecma2host_${connector}/scim`;
  const send = async (method: string, path: string, body?: unknown): Promise<ScimReply> => {
    const res = await requestHost(`${root}${path}`, {
      method,
      token,
      body,
      ...tls,
      insecure: tls.ca === undefined,
    });
    return { status: res.status, headers: res.headers, body: res.text ? JSON.parse(res.text) : {} };
  };
  const filter = (attribute: string, value: string): string =>
    `/Users?filter=${encodeURIComponent(`${attribute} eq "${value}"`).replace(/%20/g, '+')}`;
  return {
    send,
    /** Test connection: GET /Users?filter=<attr> eq "<random GUID>". */
    probe: (attribute = 'PLACEHOLDER') => send('GET', filter(attribute, randomUUID())),
    schemas: () => send('GET', '/Schemas'),
    match: (attribute: string, value: string) => send('GET', filter(attribute, value)),
    create: (body: Record<string, unknown>) => send('POST', '/Users', body),
    get: (id: string) => send('GET', `/Users/${encodeURIComponent(id)}`),
    /** PATCH with Entra's default (non-flagged) shapes: one capitalised `Replace` per attribute. */
    replace: (id: string, values: Record<string, unknown>) =>
      send('PATCH', `/Users/${encodeURIComponent(id)}`, {
        schemas: [PATCH_OP],
        Operations: Object.entries(values).map(([path, value]) => ({ op: 'Replace', path, value })),
      }),
    patch: (id: string, operations: readonly Record<string, unknown>[]) =>
      send('PATCH', `/Users/${encodeURIComponent(id)}`, { schemas: [PATCH_OP], Operations: operations }),
    /** Disable as Entra does without the aadOptscim062020 flag: the string "False". */
    disable: (id: string) =>
      send('PATCH', `/Users/${encodeURIComponent(id)}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
      }),
    enable: (id: string) =>
      send('PATCH', `/Users/${encodeURIComponent(id)}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'active', value: true }],
      }),
    remove: (id: string) => send('DELETE', `/Users/${encodeURIComponent(id)}`),
    cache: () => send('GET', '/cache'),
  };
}
