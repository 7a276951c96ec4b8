/** One directory operation provisioning asked for, with its result (LDAP result-code name on failure). */
export interface DirectoryOperationRecord {
  readonly operation:
    | 'add'
    | 'modify'
    | 'rename'
    | 'delete'
    | 'setPassword'
    | 'setDisabled'
    | 'read'
    | 'search';
  readonly dn?: string;
  /** For rename: the new DN. */
  readonly newDn?: string;
  /** Names of the attributes sent (add/modify) or searched; never their values. */
  readonly attributes?: readonly string[];
  /** `success`, or the failure's result-code name / kind. */
  readonly result: string;
}

/** The provisioning operations, one per SCIM request. */
export type ProvisioningOperation =
  | 'createUser'
  | 'getUser'
  | 'queryUsers'
  | 'patchUser'
  | 'replaceUser'
  | 'deleteUser';

/**
 * What one SCIM request did, for the host's JSON log line: request id, operation, SCIM id, DN, the directory
 * operations sent with their results, and the outcome. It carries attribute names but no values, so
 * passwords and other secrets never reach a log.
 */
export interface ProvisioningLogRecord {
  readonly requestId?: string;
  readonly connector: string;
  readonly operation: ProvisioningOperation;
  readonly scimId?: string;
  readonly dn?: string;
  readonly directoryOperations: readonly DirectoryOperationRecord[];
  readonly outcome: 'success' | 'failure';
  /** The HTTP status the host answers with (500 for an unexpected error). */
  readonly status: number;
  /** The SCIM error detail on failure. */
  readonly detail?: string;
  /** Cache (anchor-store) failures that did not fail the request. */
  readonly warnings?: readonly string[];
  readonly durationMs: number;
}
