import type { HostedConnector } from '../runtime/HostedConnector.ts';
import { HostHttpError } from './HostHttpError.ts';

/**
 * Refuses /Users work until the first import has filled the cache, as ECMA2Host does (503 with Retry-After).
 * @param conn the request's connector
 */
export function requireReady(conn: HostedConnector): void {
  const s = conn.status();
  if (s.initialImportDone) return;
  const detail =
    s.phase === 'failed'
      ? `the connector's initial import failed (${s.error ?? 'unknown error'}); fix the connectivity settings and restart, or run scim2ldap import --full`
      : `The ECMA host is currently importing data from the target application (${s.entries} entries so far); retry when the initial import finishes`;
  throw new HostHttpError(503, detail, { headers: { 'Retry-After': '30' } });
}
