export { ConfigError, type ConfigIssue } from './config/ConfigError.ts';
export {
  configSchema,
  type ConnectorConfig,
  type HostConfig,
  type MappingRuleConfig,
} from './config/configSchema.ts';
export { loadConfig, parseConfig } from './config/loadConfig.ts';
export {
  createMetrics,
  type Counter,
  type Gauge,
  type Histogram,
  type MetricsRegistry,
} from './metrics/createMetrics.ts';
export { ensureCertificate, loadCertificate, type ServerCertificate } from './tls/ensureCertificate.ts';
