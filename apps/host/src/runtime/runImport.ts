import type { AnchorStore } from '@scim2ldap/anchor-store';
import { type ConnectionPool, type DeltaMethod, deltaImport, fullImport } from '@scim2ldap/run-profiles';
import type { ConnectorConfig } from '../config/configSchema.ts';
import type { Logger } from '../log/createLogger.ts';
import type { ImportResult } from './createImportScheduler.ts';
import type { ConnectorSettings } from './resolveConnectorSettings.ts';

/** Progress of a running import, for the CLI's progress bar. */
export interface ImportProgressEvent {
  readonly entries: number;
  readonly ratePerSecond: number;
  readonly phase: string;
}

/** The import run profiles of one connector, bound to its pool, store and scope. */
export interface ConnectorImports {
  full(onProgress?: (p: ImportProgressEvent) => void): Promise<ImportResult>;
  /** Absent when the directory offers no delta method. */
  delta?: (onProgress?: (p: ImportProgressEvent) => void) => Promise<ImportResult>;
}

/**
 * run-profiles names the timestamp method after its attribute; content sync (syncrepl) is not implemented
 * there yet, so a directory recommending it runs full imports on the timer.
 */
function runProfilesMethod(method: ConnectorSettings['deltaMethod']): DeltaMethod {
  switch (method) {
    case 'timestamp':
      return 'modifyTimestamp';
    case 'syncrepl':
      return 'none';
    default:
      return method;
  }
}

/**
 * Binds run-profiles' Full Import (and Delta Import, where the directory has a method) to a connector's
 * pool, store and scope (bases, object class, anchor, page size).
 * @param deps pool, store, resolved settings, configuration, logger
 */
export function runImport(deps: {
  pool: ConnectionPool;
  store: AnchorStore;
  settings: ConnectorSettings;
  config: ConnectorConfig;
  logger: Logger;
}): ConnectorImports {
  const { pool, store, settings, config, logger } = deps;
  const scope = { bases: settings.bases, objectClass: settings.objectClass, anchor: settings.anchor };
  const warn = {
    warn: (msg: string, fields?: Readonly<Record<string, unknown>>) =>
      logger.event('warn', msg, { connector: config.name, ...fields }),
  };
  const method = runProfilesMethod(settings.deltaMethod);
  const changelog = settings.changeLogDn ? { changelogDn: settings.changeLogDn } : {};
  return {
    ...(method === 'none'
      ? {}
      : {
          async delta(onProgress?: (p: ImportProgressEvent) => void): Promise<ImportResult> {
            const r = await deltaImport({
              ...scope,
              ...changelog,
              pool,
              store,
              method,
              logger: warn,
              ...(onProgress ? { onProgress } : {}),
            });
            if (r.mode === 'full')
              logger.event('info', 'delta import ran as a full import', {
                connector: config.name,
                reason: r.reason,
              });
            return { entries: await store.count(), added: r.added, modified: r.updated, deleted: r.deleted };
          },
        }),
    async full(onProgress) {
      const r = await fullImport({
        ...scope,
        pool,
        store,
        pageSize: config.runProfiles.pageSize,
        deltaMethod: method,
        ...changelog,
        logger: warn,
        ...(onProgress ? { onProgress } : {}),
      });
      return { entries: r.entries, added: r.added, modified: r.updated, deleted: r.deleted };
    },
  };
}
