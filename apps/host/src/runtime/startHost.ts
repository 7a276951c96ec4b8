import { mkdirSync } from 'node:fs';
import { createServer as createHttpServer, type ServerOptions as HttpServerOptions } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions as HttpsServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { ConnectorConfig, HostConfig } from '../config/configSchema.ts';
import { createHostApp } from '../http/createHostApp.ts';
import { tokenDigest } from '../http/verifyBearer.ts';
import { type NodeRequestListener, withFastCreateUser } from '../http/withFastCreateUser.ts';
import { createLogger, type Logger } from '../log/createLogger.ts';
import { createHostMetrics, type HostMetrics } from '../metrics/hostMetrics.ts';
import { ensureCertificate, loadCertificate, type ServerCertificate } from '../tls/ensureCertificate.ts';
import type { HostedConnector } from './HostedConnector.ts';
import type { ImportScheduler } from './createImportScheduler.ts';
import { deferredConnector } from './deferredConnector.ts';
import type { ConnectorImports } from './runImport.ts';

/** A connector with its lifecycle, as a connector factory returns it. */
export interface RunningConnector {
  readonly hosted: HostedConnector;
  readonly scheduler: ImportScheduler;
  /** The import run profiles with progress callbacks (the CLI's `import` command). */
  readonly imports?: ConnectorImports;
  close(): Promise<void>;
}

/** Builds one connector (directory connection, detection, store, provisioner, scheduler). */
export type ConnectorFactory = (
  config: ConnectorConfig,
  deps: { logger: Logger; metrics: HostMetrics; stateDir: string; tokenDigest: Buffer },
) => Promise<RunningConnector>;

/** A started host. */
export interface RunningHost {
  readonly url: string;
  readonly port: number;
  readonly certificate?: ServerCertificate;
  readonly connectors: readonly RunningConnector[];
  close(): Promise<void>;
}

/**
 * Starts the host: logger, metrics, certificate (generated and persisted, or the configured one), every
 * connector, the HTTPS (or, when configured, plain HTTP) listener, then each connector's initial import and
 * autosync timer. Resolves once listening; `/readyz` turns ready when the imports finish.
 * @param config the validated configuration
 * @param options the connector factory (the LDAP one by default) and a logger
 * @example
 * const host = await startHost(loadConfig('host.yaml'));
 * console.log(host.url); // https://0.0.0.0:8585
 */
export async function startHost(
  config: HostConfig,
  options: { createConnector?: ConnectorFactory; logger?: Logger; retryMs?: number } = {},
): Promise<RunningHost> {
  const log = config.server.log;
  const logger =
    options.logger ??
    createLogger({ level: log.level, ...(log.file === undefined ? {} : { file: log.file }) });
  for (const c of config.connectors) {
    logger.addSecrets([
      c.secretToken,
      ...(c.connectivity.bind.type === 'simple' ? [c.connectivity.bind.password] : []),
    ]);
  }
  const metrics = createHostMetrics();
  mkdirSync(config.server.stateDir, { recursive: true, mode: 0o700 });

  let certificate: ServerCertificate | undefined;
  const tls = config.server.tls;
  if (tls.mode === 'self-signed') {
    certificate = ensureCertificate(tls.dir ?? join(config.server.stateDir, 'tls'), {
      hostnames: tls.hostnames ?? [osHostname()],
      validityDays: tls.validityDays,
    });
  } else if (tls.mode === 'files') {
    certificate = loadCertificate(tls.certFile, tls.keyFile);
  }
  if (certificate) {
    const daysLeft = Math.floor((certificate.notAfter.getTime() - Date.now()) / 86_400_000);
    logger.event(daysLeft < 30 ? 'warn' : 'info', 'HTTPS certificate', {
      origin: certificate.origin,
      subject: certificate.subject,
      subjectAltName: certificate.subjectAltName,
      notAfter: certificate.notAfter.toISOString(),
      daysLeft,
      fingerprint256: certificate.fingerprint256,
    });
    metrics.certNotAfter.set(Math.floor(certificate.notAfter.getTime() / 1000));
  } else {
    logger.event('warn', 'plain HTTP (server.tls.mode: off): use only for tests or behind a TLS proxy');
  }

  const factory = options.createConnector ?? (await import('./createLdapConnector.ts')).createLdapConnector;
  const connectors: RunningConnector[] = [];
  for (const c of config.connectors) {
    const deps = {
      logger,
      metrics,
      stateDir: config.server.stateDir,
      tokenDigest: tokenDigest(c.secretToken),
    };
    try {
      connectors.push(await factory(c, deps));
    } catch (error) {
      // The directory may be down or the bind refused: start anyway, report it on /readyz, keep retrying.
      logger.event('error', 'connector could not start; the host serves the others and retries this one', {
        connector: c.name,
        error: error instanceof Error ? error.message : String(error),
      });
      connectors.push(deferredConnector(c, deps, factory, error, options.retryMs));
    }
  }

  const appOptions = {
    connectors: connectors.map((c) => c.hosted),
    metrics,
    logger,
    bodyLimitBytes: config.server.bodyLimitBytes,
    ...(certificate ? { certificate } : {}),
  };
  const app = createHostApp(appOptions);
  // POST /Users is answered straight from Node's request (withFastCreateUser); everything else by the app.
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = certificate
      ? serve(
          {
            fetch: app.fetch,
            port: config.server.port,
            hostname: config.server.listen,
            createServer: ((serverOptions: HttpsServerOptions, listener: NodeRequestListener) =>
              createHttpsServer(
                serverOptions,
                withFastCreateUser(listener, appOptions),
              )) as typeof createHttpsServer,
            serverOptions: { cert: certificate.cert, key: certificate.key, minVersion: 'TLSv1.2' },
          },
          () => resolve(s),
        )
      : serve(
          {
            fetch: app.fetch,
            port: config.server.port,
            hostname: config.server.listen,
            createServer: ((serverOptions: HttpServerOptions, listener: NodeRequestListener) =>
              createHttpServer(
                serverOptions,
                withFastCreateUser(listener, appOptions),
              )) as typeof createHttpServer,
          },
          () => resolve(s),
        );
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `${certificate ? 'https' : 'http'}://${config.server.listen === '0.0.0.0' ? 'localhost' : config.server.listen}:${port}`;
  logger.event('info', 'listening', {
    url,
    endpoints: connectors.map((c) => `${url}/ecma2host_${c.hosted.name}/scim`),
  });
  for (const c of connectors) c.scheduler.start();

  return {
    url,
    port,
    ...(certificate ? { certificate } : {}),
    connectors,
    async close() {
      for (const c of connectors) c.scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(connectors.map((c) => c.close()));
    },
  };
}
