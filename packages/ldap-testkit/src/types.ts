/** The directory servers the testkit can start. */
export type DirectoryKind = 'openldap' | '389ds' | 'apacheds';

/** Options of {@link startDirectory}. */
export interface StartDirectoryOptions {
  /** Which server to start. */
  readonly kind: DirectoryKind;
  /**
   * Generated users to load before the test starts: `users` entries `uid=user00001,ou=<ou>,<baseDn>`
   * (inetOrgPerson + posixAccount), see {@link seedUsers}. OpenLDAP and 389 DS load them offline
   * (100,000 in seconds); ApacheDS adds them over LDAP (roughly 100 per second, at most 20,000).
   */
  readonly seed?: { readonly users: number; readonly ou?: string };
  /** OpenLDAP only: `olcDbNoSync` on every database (no fsync per write; 6–8× faster adds). */
  readonly noSync?: boolean;
  /** OpenLDAP only: the accesslog overlay writing to `cn=accesslog` (default true). */
  readonly accesslog?: boolean;
  /** OpenLDAP only: the ppolicy overlay with `cn=default,ou=policies,<baseDn>` (default true). */
  readonly ppolicy?: boolean;
  /** Password of the admin DN (default `admin-secret`; 389 DS needs at least 8 characters). */
  readonly adminPassword?: string;
  /**
   * `native` runs the server as a process on this machine; `containers` starts OpenLDAP through
   * testcontainers. Default: the `SCIM2LDAP_TESTKIT` environment variable, else `native`.
   */
  readonly runtime?: 'native' | 'containers';
  /** Seconds to wait for the server to answer (default 20 for OpenLDAP, 120 for the others). */
  readonly timeoutSeconds?: number;
}

/** A started directory server and everything a test needs to reach it. */
export interface RunningDirectory {
  readonly kind: DirectoryKind;
  /** Plain LDAP (StartTLS-capable) on 127.0.0.1, e.g. `ldap://127.0.0.1:38123`. */
  readonly ldapUrl: string;
  /** LDAPS on 127.0.0.1; its certificate is signed by {@link RunningDirectory.caCert}. */
  readonly ldapsUrl: string;
  /** `ldapi://` URL of the server's unix socket (OpenLDAP and 389 DS). */
  readonly ldapiUrl?: string;
  /** Path of that unix socket, for clients that connect to a socket path (ldapts `createConnection`). */
  readonly ldapiSocketPath?: string;
  /** Always `dc=example,dc=org`. */
  readonly baseDn: string;
  /** The OU the seed users live in, e.g. `ou=people,dc=example,dc=org`. */
  readonly usersDn: string;
  readonly adminDn: string;
  readonly adminPassword: string;
  /** PEM file of the CA that signed the server certificate. */
  readonly caCertPath: string;
  /** The same CA certificate as a PEM string (for `tls.connect({ ca })`). */
  readonly caCert: string;
  /** Client certificate signed by the same CA; OpenLDAP maps it to the admin DN for SASL EXTERNAL. */
  readonly clientCertPath?: string;
  readonly clientKeyPath?: string;
  /** Where changes are logged: `cn=accesslog` (OpenLDAP) or `cn=changelog` (389 DS). */
  readonly changelogDn?: string;
  /** Temporary directory holding the server's configuration, data and logs; removed by `stop()`. */
  readonly workdir: string;
  /** Process id of the server (0 for a container). */
  readonly pid: number;
  /** Milliseconds from `startDirectory()` until the server answered (seed loading included). */
  readonly startupMs: number;
  /** Stops the server, waits until it has exited and removes its workdir. Safe to call twice. */
  stop(): Promise<void>;
}
