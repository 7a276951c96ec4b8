import type { ConnectorConfig, MappingRuleConfig } from '../config/configSchema.ts';
import type { DetectedDirectory } from './DetectedDirectory.ts';

/** A mapping rule as `@scim2ldap/provisioning` takes it. */
export interface ResolvedMappingRule {
  readonly target: string;
  readonly type: 'direct' | 'constant' | 'expression';
  readonly source?: string;
  readonly value?: string | readonly string[];
  readonly expression?: string;
  readonly apply?: 'always' | 'create';
  readonly defaultIfNull?: string;
  readonly reverse?: { readonly target: string; readonly source?: string; readonly expression?: string };
}

/** What a connector runs with: its configuration with every gap filled from the detected directory. */
export interface ConnectorSettings {
  readonly url: string;
  readonly startTls: boolean;
  /** Search bases: the containers, else the partitions, else the default naming context. */
  readonly bases: readonly string[];
  readonly objectClass: string;
  readonly objectClasses: readonly string[];
  readonly anchor: string;
  readonly deltaMethod: 'accesslog' | 'changelog' | 'usn' | 'timestamp' | 'syncrepl' | 'none';
  readonly changeLogDn: string | null;
  readonly selected: readonly { readonly name: string; readonly treatAsSingleValue?: boolean }[];
  /** The container new users go to with a preset's DN rule. */
  readonly container: string;
  /** Config rules that replace the preset's rule for the same target, plus new ones. */
  readonly rules: readonly ResolvedMappingRule[];
  /** Attributes worth indexing in the cache for matching queries. */
  readonly indexed: readonly string[];
  readonly lockProfileVendor: string;
  /** Anything the admin should know about the defaults taken. */
  readonly notes: readonly string[];
}

const deltaMethods = new Set(['accesslog', 'changelog', 'usn', 'timestamp', 'syncrepl', 'none']);
const virtual = new Set(['-dn-', 'objectclass', 'export_password', '_distinguishedname']);

function toRule(rule: MappingRuleConfig): ResolvedMappingRule {
  switch (rule.type) {
    case 'direct':
      return {
        type: 'direct',
        target: rule.target,
        source: rule.source,
        apply: rule.apply,
        ...(rule.defaultIfNull === undefined ? {} : { defaultIfNull: rule.defaultIfNull }),
      };
    case 'constant':
      return { type: 'constant', target: rule.target, value: rule.value, apply: rule.apply };
    case 'expression':
      return {
        type: 'expression',
        target: rule.target,
        expression: rule.expression,
        apply: rule.apply,
        ...(rule.defaultIfNull === undefined ? {} : { defaultIfNull: rule.defaultIfNull }),
        ...(rule.reverse === undefined
          ? {}
          : {
              reverse: {
                target: rule.reverse.target,
                ...(rule.reverse.source === undefined ? {} : { source: rule.reverse.source }),
                ...(rule.reverse.expression === undefined ? {} : { expression: rule.reverse.expression }),
              },
            }),
      };
  }
}

/**
 * Fills a connector's configuration gaps from the detected directory, as ECMA2Host's wizard pre-fills its
 * pages: port from the security mode, search bases from the naming contexts, anchor and delta method from
 * the vendor's recommendation, selected attributes from the object classes' MUST and MAY.
 * @param config the connector's validated configuration
 * @param profile what detection found (may be `undefined` when the directory was unreachable at start)
 */
export function resolveConnectorSettings(
  config: ConnectorConfig,
  profile: DetectedDirectory | undefined,
): ConnectorSettings {
  const c = config.connectivity;
  const notes: string[] = [];
  const port = c.port ?? (c.security === 'ldaps' ? 636 : 389);
  const url = `${c.security === 'ldaps' ? 'ldaps' : 'ldap'}://${c.host.includes(':') ? `[${c.host}]` : c.host}:${port}`;

  const containers = (config.partitions ?? []).flatMap((p) => (p.containers?.length ? p.containers : [p.dn]));
  const fallbackBase =
    profile?.defaultNamingContext.dn ?? profile?.namingContexts.find((n) => n.role === 'user')?.dn;
  const bases = containers.length > 0 ? containers : fallbackBase ? [fallbackBase] : [];
  if (bases.length === 0) {
    throw new Error(
      `connector "${config.name}": no partition configured and the directory names no default naming context; set partitions: [{ dn: "dc=example,dc=org" }]`,
    );
  }
  if (containers.length === 0) notes.push(`partitions: using the directory's naming context ${bases[0]}`);

  const recommended = profile?.recommendations;
  // The wizard calls the DN `-dn-`; run-profiles calls it `dn`.
  const configured = config.anchor === '-dn-' ? 'dn' : config.anchor;
  const anchor = configured ?? recommended?.anchor ?? 'dn';
  if (!config.anchor)
    notes.push(
      `anchor: ${anchor} (${recommended ? `recommended for ${profile?.vendor.name}` : 'detection unavailable'})`,
    );
  const wantedDelta = config.runProfiles.deltaMethod;
  const detectedDelta = recommended?.deltaMethod ?? 'none';
  const deltaMethod = (
    wantedDelta === 'auto' ? detectedDelta : wantedDelta
  ) as ConnectorSettings['deltaMethod'];
  if (!deltaMethods.has(deltaMethod))
    throw new Error(`connector "${config.name}": unknown delta method ${deltaMethod}`);
  const changeLogDn = config.runProfiles.changeLogDn ?? recommended?.changelogDn ?? null;

  const objectClasses = [config.objectClass, ...config.auxiliaryClasses];
  let selected: ConnectorSettings['selected'];
  if (config.attributes) {
    selected = config.attributes.map((a) => (typeof a === 'string' ? { name: a } : a));
  } else {
    const names = new Map<string, string>();
    for (const special of ['-dn-', 'objectClass']) names.set(special.toLowerCase(), special);
    const schema = profile?.schema;
    for (const cls of objectClasses) {
      const key = schema?.index.objectClasses[cls.toLowerCase()];
      const oc = key === undefined ? undefined : schema?.objectClasses[key];
      if (!oc) {
        if (schema) notes.push(`object class ${cls} is not in the directory schema`);
        continue;
      }
      for (const a of [...oc.effectiveMust, ...oc.effectiveMay])
        if (!names.has(a.toLowerCase())) names.set(a.toLowerCase(), a);
    }
    selected = [...names.values()].map((name) => ({ name }));
    notes.push(`attributes: ${selected.length} selected from ${objectClasses.join(' + ')} (MUST and MAY)`);
  }

  const container = config.mapping.container ?? bases[0] ?? '';
  const rules = config.mapping.rules.map(toRule);
  const indexed = new Set<string>();
  for (const m of config.matching ?? []) indexed.add(m.attribute);
  for (const r of rules) if (!virtual.has(r.target.toLowerCase())) indexed.add(r.target);
  // Explicitly selected attributes are what Entra can match on; the MUST+MAY default is too wide to index.
  if (config.attributes) {
    for (const s of selected)
      if (!virtual.has(s.name.toLowerCase()) && !/password/i.test(s.name)) indexed.add(s.name);
  }
  for (const a of ['uid', 'mail', 'cn', 'employeeNumber']) indexed.add(a);

  return {
    url,
    startTls: c.security === 'starttls',
    bases,
    objectClass: config.objectClass,
    objectClasses,
    anchor,
    deltaMethod,
    changeLogDn,
    selected,
    container,
    rules,
    indexed: [...indexed],
    lockProfileVendor: profile?.vendor.id ?? 'unknown',
    notes,
  };
}
