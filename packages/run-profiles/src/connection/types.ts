import type { SecureVersion } from 'node:tls';

/** Where warnings go (e.g. the insecure-TLS warning); the host passes its logger. */
export interface Logger {
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  debug?(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** TLS settings for LDAPS and StartTLS. Certificate verification is on unless `insecureSkipVerify` is set. */
export interface LdapTlsOptions {
  /** PEM of the CA(s) that issued the server certificate; the system store is used when absent. */
  readonly ca?: string | readonly string[];
  /** PEM client certificate and key, for SASL EXTERNAL. */
  readonly cert?: string;
  readonly key?: string;
  /** Host name to verify the certificate against, when it differs from the URL's host. */
  readonly servername?: string;
  readonly minVersion?: SecureVersion;
  /** Skips certificate verification (a warning is logged on every connection). Never in production. */
  readonly insecureSkipVerify?: boolean;
}

/** How to authenticate: anonymous, simple (DN + password) or SASL EXTERNAL (client certificate / ldapi). */
export type LdapBind =
  | { readonly method: 'anonymous' }
  | { readonly method: 'simple'; readonly dn: string; readonly password: string }
  | { readonly method: 'saslExternal' };

/** Reconnect behaviour after a connection that worked was lost (server restart, network blip). */
export interface ReconnectOptions {
  /** First wait before reconnecting; doubles up to `maxDelayMs`. Default 100 ms. */
  readonly initialDelayMs?: number;
  /** Default 5,000 ms. */
  readonly maxDelayMs?: number;
  /** Give up (and fail the operation) after this long. Default 30,000 ms. */
  readonly maxElapsedMs?: number;
}

/** Options of {@link createLdapConnection}. */
export interface LdapConnectionOptions {
  /** `ldap://host:port`, `ldaps://host:port` or `ldapi://<url-encoded socket path>`. */
  readonly url: string;
  /** Upgrade an `ldap://` connection with StartTLS before binding. */
  readonly startTls?: boolean;
  readonly tls?: LdapTlsOptions;
  /** Default anonymous. */
  readonly bind?: LdapBind;
  /** Default 10,000 ms. */
  readonly connectTimeoutMs?: number;
  /** Time allowed for each operation (each page of a paged search); default 30,000 ms. */
  readonly operationTimeoutMs?: number;
  readonly reconnect?: ReconnectOptions;
  /** Attributes always returned as binary (base64 in entries). Default objectGUID, objectSid, jpegPhoto, … */
  readonly binaryAttributes?: readonly string[];
  readonly logger?: Logger;
}

/** An entry as read: DN and attribute values (binary values base64-encoded). Names as the server sent them. */
export interface LdapEntry {
  readonly dn: string;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

/** One change of an LDAP modify request. */
export interface Modification {
  readonly operation: 'add' | 'delete' | 'replace';
  readonly attribute: string;
  /** Values; empty with `delete` removes the whole attribute. Buffers go out as binary. */
  readonly values: readonly (string | Buffer)[];
}

/** Options of a search. */
export interface LdapSearchOptions {
  readonly scope?: 'base' | 'one' | 'sub';
  /** An RFC 4515 filter whose values were escaped (see `escapeFilterValue`), or an ldapts Filter. */
  readonly filter?: string | import('ldapts').Filter;
  readonly attributes?: readonly string[];
  readonly sizeLimit?: number;
  readonly controls?: readonly import('ldapts').Control[];
}
