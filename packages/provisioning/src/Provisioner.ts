import type { AnchorStore } from '@scim2ldap/anchor-store';
import type { Filter, ScimResource } from '@scim2ldap/scim-core';
import type { UserSchemas } from './buildSchemas.ts';
import type { DirectoryTarget } from './DirectoryTarget.ts';
import type { MappingConfig } from './MappingConfig.ts';
import type { ProvisioningLogRecord } from './ProvisioningLogRecord.ts';
import type { ProvisioningPolicy } from './ProvisioningPolicy.ts';
import type { RandomSource } from './randomPassword.ts';

/** Everything a provisioner needs; the host builds it from the connector's configuration. */
export interface ProvisionerOptions {
  /** The connector name, for log records. */
  readonly connector: string;
  readonly target: DirectoryTarget;
  /** The connector space; create it with indexes on the matching attributes for fast lookups. */
  readonly store: AnchorStore;
  readonly mapping: MappingConfig;
  readonly policy?: ProvisioningPolicy;
  /** The User resource model, from {@link buildSchemas}. */
  readonly schema: UserSchemas;
  /** Clock for durations in log records (default `() => new Date()`). */
  readonly clock?: () => Date;
  /** Randomness for initial passwords (default a CSPRNG). */
  readonly random?: RandomSource;
  /** Receives one record per request, success or failure; records hold no secrets. */
  readonly logger?: (record: ProvisioningLogRecord) => void;
  /**
   * Where the embedding application's configuration sets the DN rule and the object classes, named by the
   * errors that ask for them (default `mapping.dnRule`, `mapping.objectClasses`: this package's own keys).
   */
  readonly configKeys?: { readonly dnRule?: string; readonly objectClasses?: string };
}

/** Per-request options. */
export interface RequestOptions {
  /** The host's request id, copied into the log record. */
  readonly requestId?: string;
}

/** A user query: a SCIM filter (text or parsed) and 1-based paging. */
export interface UserQuery {
  readonly filter?: string | Filter;
  readonly startIndex?: number;
  readonly count?: number;
}

/** A SCIM ListResponse (RFC 7644 §3.4.2). */
export interface UserList {
  readonly schemas: readonly ['urn:ietf:params:scim:api:messages:2.0:ListResponse'];
  readonly totalResults: number;
  readonly startIndex: number;
  readonly itemsPerPage: number;
  readonly Resources: readonly ScimResource[];
}

/** The SCIM User operations of one connector, each answered from what the directory holds. */
export interface Provisioner {
  /** The resource model the provisioner was built with (for `/Schemas`, projection, PATCH). */
  readonly schema: UserSchemas;
  /** `POST /Users`: adds the entry and answers the User read back (`id` = anchor), for a 201. */
  createUser(body: unknown, options?: RequestOptions): Promise<ScimResource>;
  /** `GET /Users/{id}`: the User as the directory holds it now; 404 when the entry is gone. */
  getUser(id: string, options?: RequestOptions): Promise<ScimResource>;
  /** `GET /Users?filter=…`: matching (cache, re-read, live fallback) as a ListResponse. */
  queryUsers(query: UserQuery, options?: RequestOptions): Promise<UserList>;
  /** `PATCH /Users/{id}`: minimal modify, rename on a new `-dn-`, disable flow on `active`; the User read back. */
  patchUser(id: string, patch: unknown, options?: RequestOptions): Promise<ScimResource>;
  /** `PUT /Users/{id}`: every always-rule recomputed and applied minimally; the User read back. */
  replaceUser(id: string, body: unknown, options?: RequestOptions): Promise<ScimResource>;
  /** `DELETE /Users/{id}`: the delete flow, for a 204. */
  deleteUser(id: string, options?: RequestOptions): Promise<void>;
  /**
   * Resolves once every cache write queued so far is committed, the lingering writes of recent creates
   * included: call it before closing the store, so a shutdown keeps what was provisioned last.
   */
  settle(): Promise<void>;
}
