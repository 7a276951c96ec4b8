// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env:NAME} and ${file:PATH} are the config file's secret syntax
import * as v from 'valibot';

/*
 * The host's configuration file, mirroring ECMA2Host's wizard pages per connector:
 * Properties (name, secretToken, autosyncMinutes) → Connectivity → Global (password, changelog) → Partitions →
 * Run Profiles → Object Types (objectClass, anchor, dnRule) → Select Attributes → Deprovisioning.
 * Messages name the expectation and the fix; the key path and the bad value are added by formatConfigIssues.
 */

const nonEmpty = (what: string) =>
  v.pipe(v.string(`expected ${what} as text`), v.trim(), v.minLength(1, `${what} must not be empty`));

const port = v.pipe(
  v.number('expected a port number (1–65535)'),
  v.integer('expected a whole port number'),
  v.minValue(1, 'a port is at least 1'),
  v.maxValue(65535, 'a port is at most 65535'),
);

const positiveInt = (what: string, max: number) =>
  v.pipe(
    v.number(`expected ${what} as a number`),
    v.integer(`expected ${what} as a whole number`),
    v.minValue(1, `${what} is at least 1`),
    v.maxValue(max, `${what} is at most ${max}`),
  );

const tlsFiles = v.strictObject({
  caFile: v.optional(nonEmpty('a CA certificate file path (PEM)')),
  clientCertFile: v.optional(nonEmpty('a client certificate file path (PEM)')),
  clientKeyFile: v.optional(nonEmpty('a client key file path (PEM)')),
  insecureSkipVerify: v.optional(v.boolean('expected true or false'), false),
});

const bind = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('anonymous') }),
    v.strictObject({
      type: v.literal('simple'),
      dn: nonEmpty('the bind DN (for example cn=admin,dc=example,dc=org)'),
      password: nonEmpty('the bind password (use ${env:NAME} or ${file:PATH})'),
    }),
    v.strictObject({ type: v.literal('sasl-external') }),
  ],
  'bind.type must be one of anonymous | simple | sasl-external',
);

const connectivity = v.strictObject({
  host: nonEmpty('the directory host name'),
  port: v.optional(port),
  security: v.optional(
    v.picklist(['none', 'ldaps', 'starttls'], 'security must be one of none | ldaps | starttls'),
    'none',
  ),
  timeoutSeconds: v.optional(positiveInt('timeoutSeconds', 3600), 180),
  /** Long-lived LDAP connections the connector keeps (writes and read-backs share one each). */
  poolSize: v.optional(positiveInt('poolSize', 64), 8),
  bind: v.optional(bind, { type: 'anonymous' }),
  tls: v.optional(tlsFiles, { insecureSkipVerify: false }),
});

const partition = v.strictObject({
  dn: nonEmpty('the partition (naming context) DN'),
  containers: v.optional(v.array(nonEmpty('a container DN'))),
});

const attributeChoice = v.union(
  [
    nonEmpty('an attribute name'),
    v.strictObject({
      name: nonEmpty('an attribute name'),
      treatAsSingleValue: v.optional(v.boolean('expected true or false'), false),
    }),
  ],
  'expected an attribute name, or { name, treatAsSingleValue }',
);

const apply = v.optional(
  v.picklist(['always', 'create'], 'apply must be always | create (Entra: "only during object creation")'),
  'always',
);

const reverse = v.strictObject({
  target: nonEmpty('the SCIM attribute this rule reads back into (for example userName)'),
  source: v.optional(nonEmpty('the directory attribute to copy back')),
  expression: v.optional(nonEmpty('an expression over the entry attributes, for example [uid]')),
});

const mappingRule = v.variant(
  'type',
  [
    v.strictObject({
      type: v.literal('direct'),
      target: nonEmpty('the LDAP attribute to write'),
      source: nonEmpty('the SCIM attribute path (for example userName or emails[type eq "work"].value)'),
      apply,
      defaultIfNull: v.optional(v.string()),
    }),
    v.strictObject({
      type: v.literal('constant'),
      target: nonEmpty('the LDAP attribute to write'),
      value: v.union(
        [v.string(), v.array(v.string())],
        'expected the constant value as text, or a list of texts (quote numbers: "10000")',
      ),
      apply,
    }),
    v.strictObject({
      type: v.literal('expression'),
      target: nonEmpty('the LDAP attribute to write'),
      expression: nonEmpty('an expression (for example Join(" ", [givenName], [surname]))'),
      apply,
      defaultIfNull: v.optional(v.string()),
      reverse: v.optional(reverse),
    }),
  ],
  'mapping type must be one of direct | constant | expression',
);

const disableFlow = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('none') }),
    v.strictObject({ type: v.literal('delete') }),
    v.strictObject({
      type: v.literal('setAttribute'),
      attribute: nonEmpty('the boolean LDAP attribute that holds the disabled state'),
      disabledValue: v.optional(v.string(), 'TRUE'),
      enabledValue: v.optional(v.nullable(v.string()), null),
    }),
    v.strictObject({ type: v.literal('lock') }),
  ],
  'disableFlow.type must be one of none | delete | setAttribute | lock',
);

const deltaMethod = v.picklist(
  ['auto', 'accesslog', 'changelog', 'usn', 'timestamp', 'none'],
  'deltaMethod must be one of auto | accesslog | changelog | usn | timestamp | none',
);

const connector = v.strictObject({
  name: v.pipe(
    v.string('expected the connector name as text'),
    v.regex(
      /^[A-Za-z0-9_-]{1,64}$/,
      'name must be 1–64 ASCII letters, digits, "_" or "-" (it becomes part of the URL)',
    ),
  ),
  description: v.optional(v.string()),
  secretToken: v.pipe(
    v.string('expected the secret token as text (use ${env:NAME} or ${file:PATH})'),
    v.minLength(
      12,
      'secretToken must be at least 12 characters (generate one with `openssl rand -base64 18`)',
    ),
  ),
  autosyncMinutes: v.optional(
    v.pipe(
      v.number('expected minutes as a number'),
      v.integer('expected whole minutes'),
      v.minValue(0, '0 turns autosync off'),
    ),
    120,
  ),
  connectivity,
  partitions: v.optional(v.array(partition)),
  objectClass: nonEmpty('the structural object class (for example inetOrgPerson)'),
  auxiliaryClasses: v.optional(v.array(nonEmpty('an auxiliary object class')), []),
  anchor: v.optional(nonEmpty('the anchor attribute (entryUUID, nsUniqueId, objectGUID, … or -dn-)')),
  attributes: v.optional(v.array(attributeChoice)),
  mapping: v.optional(
    v.strictObject({
      preset: v.optional(
        v.picklist(
          ['inetOrgPerson', 'posixAccount', 'none'],
          'preset must be inetOrgPerson | posixAccount | none',
        ),
        'inetOrgPerson',
      ),
      /** Where the preset's DN rule puts new users; default the first container (or partition). */
      container: v.optional(nonEmpty('the container DN new users are created in')),
      rdnAttribute: v.optional(v.picklist(['uid', 'cn'], 'rdnAttribute must be uid | cn')),
      gidNumber: v.optional(nonEmpty('the gidNumber every new POSIX user gets')),
      uidNumberSource: v.optional(nonEmpty("the SCIM attribute holding each user's uidNumber")),
      rules: v.optional(v.array(mappingRule), []),
      userNameAttribute: v.optional(nonEmpty('the directory attribute shown as userName')),
      externalIdAttribute: v.optional(nonEmpty('the directory attribute shown as externalId')),
    }),
    { preset: 'inetOrgPerson', rules: [] },
  ),
  matching: v.optional(
    v.array(
      v.strictObject({
        attribute: nonEmpty('the LDAP attribute to match on'),
        precedence: positiveInt('precedence', 100),
      }),
    ),
  ),
  /**
   * How a create checks that no other entry holds its matching-attribute value: `directory` (cache, then a
   * live search), `cache` (one LDAP search fewer per create), `off` (the directory's own rules only).
   */
  duplicateCheck: v.optional(
    v.picklist(['directory', 'cache', 'off'], 'duplicateCheck must be directory | cache | off'),
    'directory',
  ),
  dnRule: v.optional(
    nonEmpty(
      'an expression building the DN (for example Join("", "cn=", [userName], ",ou=people,dc=example,dc=org"))',
    ),
  ),
  deprovisioning: v.optional(
    v.strictObject({
      disableFlow: v.optional(disableFlow, { type: 'none' }),
      deleteFlow: v.optional(v.picklist(['none', 'delete'], 'deleteFlow must be none | delete'), 'delete'),
    }),
    { disableFlow: { type: 'none' }, deleteFlow: 'delete' },
  ),
  password: v.optional(
    v.strictObject({
      attribute: v.optional(nonEmpty('the password attribute'), 'userPassword'),
      method: v.optional(
        v.picklist(
          ['auto', 'passwordModify', 'attribute'],
          'password.method must be auto | passwordModify | attribute',
        ),
        'auto',
      ),
      /** Set an initial random password on create when none is sent (the seed's POSIX example). */
      initialRandom: v.optional(v.boolean('expected true or false'), false),
    }),
    { attribute: 'userPassword', method: 'auto', initialRandom: false },
  ),
  runProfiles: v.optional(
    v.strictObject({
      pageSize: v.optional(positiveInt('pageSize', 10000), 1000),
      deltaMethod: v.optional(deltaMethod, 'auto'),
      changeLogDn: v.optional(nonEmpty('the change log DN (cn=accesslog or cn=changelog)')),
    }),
    { pageSize: 1000, deltaMethod: 'auto' },
  ),
  store: v.optional(v.strictObject({ path: nonEmpty('the SQLite file path for the cache') })),
});

const serverTls = v.variant(
  'mode',
  [
    v.strictObject({
      mode: v.literal('self-signed'),
      dir: v.optional(nonEmpty('the directory that keeps the generated certificate')),
      hostnames: v.optional(v.array(nonEmpty('a host name for the certificate SAN'))),
      validityDays: v.optional(positiveInt('validityDays', 3650), 730),
    }),
    v.strictObject({
      mode: v.literal('files'),
      certFile: nonEmpty('the certificate file path (PEM, with chain)'),
      keyFile: nonEmpty('the private key file path (PEM)'),
    }),
    v.strictObject({ mode: v.literal('off') }),
  ],
  'server.tls.mode must be one of self-signed | files | off (off = plain HTTP, for tests only)',
);

const server = v.strictObject({
  listen: v.optional(nonEmpty('the address to listen on'), '0.0.0.0'),
  port: v.optional(
    v.pipe(v.number('expected a port number'), v.integer(), v.minValue(0), v.maxValue(65535)),
    8585,
  ),
  tls: v.optional(serverTls, { mode: 'self-signed', validityDays: 730 }),
  stateDir: v.optional(nonEmpty('the directory for the cache and certificate'), './scim2ldap-state'),
  bodyLimitBytes: v.optional(positiveInt('bodyLimitBytes', 64 * 1024 * 1024), 1024 * 1024),
  log: v.optional(
    v.strictObject({
      file: v.optional(nonEmpty('the provisioning log file (JSON lines); stdout when not set')),
      level: v.optional(
        v.picklist(['error', 'warn', 'info', 'debug'], 'log.level must be error | warn | info | debug'),
        'info',
      ),
    }),
    { level: 'info' },
  ),
});

/** The valibot schema of the whole configuration file. */
export const configSchema = v.pipe(
  v.strictObject({
    server: v.optional(server, {}),
    connectors: v.pipe(
      v.array(connector, 'connectors must be a list of connectors'),
      v.minLength(1, 'add at least one connector under connectors:'),
    ),
  }),
  v.forward(
    v.check(
      (c) => new Set(c.connectors.map((x) => x.name)).size === c.connectors.length,
      'two connectors share a name; each connector name must be unique (it becomes part of the URL)',
    ),
    ['connectors'],
  ),
  v.forward(
    v.check(
      (c) => new Set(c.connectors.map((x) => x.secretToken)).size === c.connectors.length,
      'two connectors share a secret token; give each connector its own token',
    ),
    ['connectors'],
  ),
);

/** The validated configuration (defaults applied, secrets resolved). */
export type HostConfig = v.InferOutput<typeof configSchema>;
/** One connector's validated configuration. */
export type ConnectorConfig = HostConfig['connectors'][number];
/** One mapping rule from a connector's `mapping.rules`. */
export type MappingRuleConfig = NonNullable<ConnectorConfig['mapping']['rules']>[number];
