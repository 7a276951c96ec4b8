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
export { createHostApp, type HostAppOptions, type HostEnv } from './http/createHostApp.ts';
export { HostHttpError } from './http/HostHttpError.ts';
export { toScimError, type ScimErrorResponse } from './http/toScimError.ts';
export { tokenDigest, verifyBearer } from './http/verifyBearer.ts';
export { type NodeRequestListener, withFastCreateUser } from './http/withFastCreateUser.ts';
export { createLogger, type Logger, type LogLevel } from './log/createLogger.ts';
export { redact } from './log/redact.ts';
export {
  registerRequestContext,
  requestContextById,
  type LdapOpRecord,
  type RequestContext,
} from './log/requestContext.ts';
export { createHostMetrics, type HostMetrics } from './metrics/hostMetrics.ts';
export {
  type ConnectorFactory,
  type RunningConnector,
  type RunningHost,
  startHost,
} from './runtime/startHost.ts';
export type {
  CachePage,
  ConnectorPhase,
  ConnectorStatus,
  HostedConnector,
  RequestInfo,
  ImportRunSummary,
  ScimJson,
  ScimUsersService,
} from './runtime/HostedConnector.ts';
