/** A SCIM resource or message as JSON. */
export type ScimJson = Readonly<Record<string, unknown>>;

/** Which request a call serves (its id goes into the provisioning log record). */
export interface RequestInfo {
  readonly requestId: string;
}

/** The SCIM operations the HTTP layer calls for one connector; the runtime adapts `@scim2ldap/provisioning`. */
export interface ScimUsersService {
  createUser(body: unknown, request: RequestInfo): Promise<ScimJson>;
  getUser(id: string, query: URLSearchParams, request: RequestInfo): Promise<ScimJson>;
  queryUsers(query: URLSearchParams, request: RequestInfo): Promise<ScimJson>;
  patchUser(id: string, body: unknown, request: RequestInfo): Promise<ScimJson>;
  replaceUser(id: string, body: unknown, request: RequestInfo): Promise<ScimJson>;
  deleteUser(id: string, request: RequestInfo): Promise<void>;
  schemas(): ScimJson;
  resourceTypes(): ScimJson;
  serviceProviderConfig(): ScimJson;
}

/** Where a connector is in its life: ECMA2Host answers "currently importing" until the first import ends. */
export type ConnectorPhase = 'starting' | 'importing' | 'ready' | 'failed';

/** One import run, as `/cache`, `/readyz` and the metrics show it. */
export interface ImportRunSummary {
  readonly profile: 'full' | 'delta';
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly outcome: 'running' | 'success' | 'failed';
  readonly entries?: number;
  readonly added?: number;
  readonly modified?: number;
  readonly deleted?: number;
  readonly error?: string;
}

/** The state of one connector for `/readyz`. */
export interface ConnectorStatus {
  readonly phase: ConnectorPhase;
  readonly initialImportDone: boolean;
  readonly entries: number;
  readonly lastRuns: readonly ImportRunSummary[];
  readonly error?: string;
}

/** One page of the cache, for `/cache`. */
export interface CachePage {
  readonly totalResults: number;
  readonly startIndex: number;
  readonly itemsPerPage: number;
  readonly entries: readonly ScimJson[];
}

/** A connector as the HTTP layer sees it. */
export interface HostedConnector {
  /** Case-sensitive; the URL segment after `ecma2host_`. */
  readonly name: string;
  /** SHA-256 of the secret token (the token itself is not kept here). */
  readonly tokenDigest: Buffer;
  readonly users: ScimUsersService;
  status(): ConnectorStatus;
  /** Whether the directory answers now (a cheap read). */
  checkDirectory(): Promise<boolean>;
  cache(startIndex: number, count: number): Promise<CachePage>;
}
