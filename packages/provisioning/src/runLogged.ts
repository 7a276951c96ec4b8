import type { AnchorStore } from '@scim2ldap/anchor-store';
import { ScimError } from '@scim2ldap/scim-core';
import type { CacheWriter } from './createCacheWriter.ts';
import type { DirectoryTarget } from './DirectoryTarget.ts';
import type { LookupContext } from './findEntries.ts';
import type {
  DirectoryOperationRecord,
  ProvisioningLogRecord,
  ProvisioningOperation,
} from './ProvisioningLogRecord.ts';
import { recordingTarget } from './recordingTarget.ts';

/** What one request works with: the recording target, the cache, and the SCIM id / DN it is about. */
export interface RequestScope extends LookupContext {
  scimId?: string;
  dn?: string;
}

/** Where log records go and what they carry. */
export interface LogSettings {
  readonly connector: string;
  readonly target: DirectoryTarget;
  readonly store: AnchorStore;
  readonly cache: CacheWriter;
  readonly clock: () => Date;
  readonly logger?: ((record: ProvisioningLogRecord) => void) | undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const SUCCESS_STATUS: Readonly<Record<ProvisioningOperation, number>> = {
  createUser: 201,
  getUser: 200,
  queryUsers: 200,
  patchUser: 200,
  replaceUser: 200,
  deleteUser: 204,
};

/**
 * Runs one SCIM request with a recording target (directory failures become SCIM errors) and reports one
 * {@link ProvisioningLogRecord} when it ends, successful or not. Records hold attribute names, never values.
 * @param settings connector, target, store, clock and logger
 * @param operation the operation
 * @param requestId the host's request id
 * @param scimId the SCIM id the request names, when it names one
 * @param run the request's work
 */
export async function runLogged<T>(
  settings: LogSettings,
  operation: ProvisioningOperation,
  requestId: string | undefined,
  scimId: string | undefined,
  run: (scope: RequestScope) => Promise<T>,
): Promise<T> {
  const started = settings.clock().getTime();
  const records: DirectoryOperationRecord[] = [];
  const warnings: string[] = [];
  let finished = false;
  const scope: RequestScope = {
    target: recordingTarget(settings.target, records),
    store: settings.store,
    cache: settings.cache,
    onCacheError: (error) => {
      warnings.push(error instanceof Error ? error.message : String(error));
      // A cache write that completes after the answer (see rememberLater) gets a follow-up record.
      if (finished) finish('success', SUCCESS_STATUS[operation], undefined, [warnings.at(-1) ?? '']);
    },
  };
  if (scimId !== undefined) scope.scimId = scimId;
  // Built property by property (no conditional spreads): this runs for every request.
  const finish = (
    outcome: 'success' | 'failure',
    status: number,
    detail?: string,
    late?: readonly string[],
  ): void => {
    finished = true;
    if (settings.logger === undefined) return;
    const record: Mutable<ProvisioningLogRecord> = {
      connector: settings.connector,
      operation,
      directoryOperations: late === undefined ? records : [],
      outcome,
      status,
      durationMs: 0,
    };
    if (requestId !== undefined) record.requestId = requestId;
    if (scope.scimId !== undefined) record.scimId = scope.scimId;
    if (scope.dn !== undefined) record.dn = scope.dn;
    if (detail !== undefined) record.detail = detail;
    if (late !== undefined) record.warnings = late;
    else if (warnings.length > 0) record.warnings = warnings;
    record.durationMs = settings.clock().getTime() - started;
    settings.logger(record);
  };
  try {
    const result = await run(scope);
    finish('success', SUCCESS_STATUS[operation]);
    return result;
  } catch (error) {
    if (error instanceof ScimError) finish('failure', error.status, error.detail);
    else finish('failure', 500, 'Internal error (see the host log for the cause)');
    throw error;
  }
}
