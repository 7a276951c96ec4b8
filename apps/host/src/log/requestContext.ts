import type { ProvisioningLogRecord } from '@scim2ldap/provisioning';
import { AsyncLocalStorage } from 'node:async_hooks';

/** One LDAP operation sent while serving a request. */
export interface LdapOpRecord {
  readonly op: string;
  readonly dn?: string;
  /** LDAP result code name (`success`, `entryAlreadyExists`, …) or the error code. */
  readonly result: string;
  readonly ms: number;
}

/** What the provisioning log line of one request collects while it is served. */
export interface RequestContext {
  readonly requestId: string;
  connector?: string;
  operation?: string;
  scimId?: string;
  dn?: string;
  readonly ldapOps: LdapOpRecord[];
  /** What the provisioner reported for this request (directory operations with result codes). */
  provisioning?: ProvisioningLogRecord;
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * Runs `fn` with `context` as the current request, so deeper layers (the LDAP target wrapper) can record
 * operations against the right request without threading a parameter through every package.
 * @param context the request's context
 * @param fn the work
 */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The request being served, if any. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
