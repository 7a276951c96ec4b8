import type { ProvisioningLogRecord } from '@scim2ldap/provisioning';

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
  /** The SCIM error the request was answered with, for its log line. */
  error?: { readonly detail: string; readonly code?: string };
}

// Requests in flight, by request id. An explicit registry rather than AsyncLocalStorage: on Node 20 the
// latter turns on promise hooks for the whole process, a measurable tax on every LDAP and SQLite promise.
const inFlight = new Map<string, RequestContext>();

/**
 * Registers a request while it is served, so the provisioner's log callback (which gets the request id
 * back) can attach its record to the right log line.
 * @param context the request's context
 * @returns a function that unregisters it
 */
export function registerRequestContext(context: RequestContext): () => void {
  inFlight.set(context.requestId, context);
  return () => {
    if (inFlight.get(context.requestId) === context) inFlight.delete(context.requestId);
  };
}

/**
 * The request being served with this id, if any.
 * @param requestId the id the host gave the request
 */
export function requestContextById(requestId: string | undefined): RequestContext | undefined {
  return requestId === undefined ? undefined : inFlight.get(requestId);
}
