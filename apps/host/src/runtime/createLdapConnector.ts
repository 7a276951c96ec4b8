import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createSqliteStore } from '@scim2ldap/anchor-store';
import type { DirectoryProfile } from '@scim2ldap/ldap-schema-detect';
import { buildSchemas, createProvisioner, type ProvisioningLogRecord } from '@scim2ldap/provisioning';
import {
  createConnectionPool,
  createLdapTarget,
  lockProfiles,
  type LockProfile,
} from '@scim2ldap/run-profiles';
import type { ConnectorConfig } from '../config/configSchema.ts';
import { requestContextById } from '../log/requestContext.ts';
import { buildMapping } from './buildMapping.ts';
import { connectionOptions } from './connectionOptions.ts';
import { createImportScheduler } from './createImportScheduler.ts';
import { createUsersService } from './createUsersService.ts';
import { detectConnector } from './detectConnector.ts';
import { cachePage } from './cachePage.ts';
import { runImport } from './runImport.ts';
import { resolveConnectorSettings } from './resolveConnectorSettings.ts';
import type { ConnectorFactory } from './startHost.ts';

function lockProfileFor(vendor: string, config: ConnectorConfig): LockProfile | undefined {
  if (config.deprovisioning.disableFlow.type !== 'lock') return undefined;
  switch (vendor) {
    case 'openldap':
    case 'apacheds':
      return lockProfiles.openldapPpolicy;
    case '389ds':
      return lockProfiles.ds389;
    case 'ad-lds':
      return lockProfiles.adLds;
    default:
      throw new Error(
        `connector "${config.name}": deprovisioning.disableFlow lock has no known lock mechanism for this directory (${vendor}); use disableFlow: { type: setAttribute, attribute: … }`,
      );
  }
}

/**
 * The LDAP connector: detects the directory, opens the connection pool and the SQLite cache, builds the
 * provisioner from the mapping and policy, and schedules imports. Wiring only: every step is a package call.
 * @param config the connector's configuration
 * @param deps logger, metrics, state directory, token digest
 */
export const createLdapConnector: ConnectorFactory = async (config, deps) => {
  const { logger, metrics } = deps;
  const options = connectionOptions(config);
  let profile: DirectoryProfile;
  try {
    profile = await detectConnector(options);
  } catch (error) {
    throw new Error(
      `connector "${config.name}": cannot connect to ${options.url}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const settings = resolveConnectorSettings(config, profile);
  logger.event('info', 'directory detected', {
    connector: config.name,
    vendor: `${profile.vendor.name} ${profile.vendor.version ?? ''}`.trim(),
    bases: settings.bases,
    anchor: settings.anchor,
    deltaMethod: settings.deltaMethod,
    notes: settings.notes,
    warnings: profile.warnings,
  });

  const pool = createConnectionPool({
    ...options,
    size: config.connectivity.poolSize,
    logger: { warn: (msg, fields) => logger.event('warn', msg, { connector: config.name, ...fields }) },
  });
  const lockProfile = lockProfileFor(profile.vendor.id, config);
  const singleValued = new Set<string>();
  for (const s of settings.selected) if (s.treatAsSingleValue) singleValued.add(s.name);
  if (profile.schema) {
    for (const t of Object.values(profile.schema.attributeTypes))
      if (t.singleValue) for (const n of t.names) singleValued.add(n);
  }
  const target = createLdapTarget({
    pool,
    bases: settings.bases,
    userObjectClass: settings.objectClass,
    anchor: settings.anchor,
    singleValued,
    passwordPolicy: { method: config.password.method, attribute: config.password.attribute },
    ...(lockProfile ? { lockProfile } : {}),
  });

  const storePath = config.store?.path ?? join(deps.stateDir, `${config.name}.sqlite`);
  if (!existsSync(dirname(storePath))) mkdirSync(dirname(storePath), { recursive: true });
  const caseExact = (name: string): boolean => {
    const key = profile.schema?.index.attributeTypes[name.toLowerCase()];
    const type = key === undefined ? undefined : profile.schema?.attributeTypes[key];
    return type?.caseSensitive === true;
  };
  const store = createSqliteStore({
    path: storePath,
    indexes: settings.indexed.map((attribute) => ({ attribute, caseExact: caseExact(attribute) })),
  });

  const mapping = buildMapping(config, settings);
  const schema = buildSchemas(settings.selected, profile.schema ?? undefined, {
    mapping,
    passwordAttribute: config.password.attribute,
  });
  const provisioner = createProvisioner({
    connector: config.name,
    // Errors that ask for a DN rule or object classes name this file's keys, not the library's.
    configKeys: {
      dnRule: `the dnRule key of connector "${config.name}"`,
      objectClasses: `the objectClass / auxiliaryClasses keys of connector "${config.name}"`,
    },
    target,
    store,
    mapping,
    schema,
    policy: {
      disableFlow:
        config.deprovisioning.disableFlow.type === 'setAttribute'
          ? {
              type: 'setAttribute',
              attribute: config.deprovisioning.disableFlow.attribute,
              disabledValue: config.deprovisioning.disableFlow.disabledValue,
              enabledValue: config.deprovisioning.disableFlow.enabledValue,
            }
          : { type: config.deprovisioning.disableFlow.type },
      deleteFlow: config.deprovisioning.deleteFlow,
      duplicateCheck: config.duplicateCheck,
      password: { attribute: config.password.attribute, initialRandom: config.password.initialRandom },
    },
    logger: (record: ProvisioningLogRecord) => {
      const ctx = requestContextById(record.requestId);
      if (ctx) ctx.provisioning = record;
      for (const op of record.directoryOperations) {
        metrics.ldapOps.inc({ connector: config.name, op: op.operation, result: op.result });
      }
    },
  });

  // /readyz asks often: a Root DSE read (every server answers it; Who am I? is not universal), at most every 5 s.
  let lastCheck: { at: number; ok: Promise<boolean> } | undefined;
  const directoryAnswers = (): Promise<boolean> => {
    const now = Date.now();
    if (!lastCheck || now - lastCheck.at > 5000) {
      lastCheck = {
        at: now,
        ok: pool.rootDse(true).then(
          () => true,
          () => false,
        ),
      };
    }
    return lastCheck.ok;
  };

  const imports = runImport({ pool, store, settings, config, logger });
  const scheduler = createImportScheduler({
    connector: config.name,
    full: imports.full,
    ...(imports.delta ? { delta: imports.delta } : {}),
    count: () => store.count(),
    autosyncMinutes: config.autosyncMinutes,
    logger,
    metrics,
  });

  return {
    scheduler,
    imports,
    hosted: {
      name: config.name,
      tokenDigest: deps.tokenDigest,
      users: createUsersService(provisioner),
      status: () => scheduler.status(),
      checkDirectory: () => directoryAnswers(),
      cache: (startIndex, count) => cachePage(store, startIndex, count),
    },
    async close() {
      scheduler.stop();
      // The cache writes of the last creates may still be lingering: commit them before the store closes.
      await provisioner.settle().catch(() => undefined);
      await pool.close().catch(() => undefined);
      await store.close().catch(() => undefined);
    },
  };
};
