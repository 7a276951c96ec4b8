import type { Counter, Gauge, Histogram, MetricsRegistry } from './createMetrics.ts';
import { createMetrics } from './createMetrics.ts';

/** The series the host exports on `/metrics`. */
export interface HostMetrics {
  readonly registry: MetricsRegistry;
  /** labels: connector, operation, status */
  readonly requests: Counter;
  /** labels: connector, operation (seconds) */
  readonly requestSeconds: Histogram;
  /** labels: connector, op, result (LDAP result code name) */
  readonly ldapOps: Counter;
  /** labels: connector, profile, outcome */
  readonly importRuns: Counter;
  /** labels: connector */
  readonly cacheEntries: Gauge;
  /** labels: connector, profile — unix seconds of the last successful run */
  readonly lastImport: Gauge;
  /** labels: connector (1 = first import done) */
  readonly ready: Gauge;
  /** unix seconds */
  readonly certNotAfter: Gauge;
}

/**
 * Creates the host's metrics on a fresh registry.
 * @example
 * const m = createHostMetrics();
 * m.requests.inc({ connector: 'LDAP', operation: 'createUser', status: '201' });
 */
export function createHostMetrics(): HostMetrics {
  const registry = createMetrics();
  return {
    registry,
    requests: registry.counter(
      'scim2ldap_scim_requests_total',
      'SCIM requests by connector, operation and HTTP status',
    ),
    requestSeconds: registry.histogram('scim2ldap_scim_request_duration_seconds', 'SCIM request latency'),
    ldapOps: registry.counter('scim2ldap_ldap_operations_total', 'LDAP operations sent, by result code'),
    importRuns: registry.counter('scim2ldap_import_runs_total', 'Full and delta import runs by outcome'),
    cacheEntries: registry.gauge('scim2ldap_cache_entries', 'Entries in the connector cache (anchor store)'),
    lastImport: registry.gauge(
      'scim2ldap_import_last_success_timestamp_seconds',
      'When the last import run succeeded',
    ),
    ready: registry.gauge('scim2ldap_connector_ready', '1 when the connector finished its initial import'),
    certNotAfter: registry.gauge(
      'scim2ldap_tls_certificate_not_after_timestamp_seconds',
      'Expiry of the HTTPS certificate',
    ),
  };
}
