import type { ChangeTracking, DirectoryProfile } from './DirectoryProfile.ts';
import { inferChangeTracking } from './changeTracking/inferChangeTracking.ts';
import { recommend } from './recommend/recommend.ts';
import { detectCapabilities, namedOids } from './rootDse/capabilities.ts';
import { chooseDefaultNamingContext, classifyNamingContexts } from './rootDse/classifyNamingContexts.ts';
import { normalizeRootDse, rootDseValue, rootDseValues } from './rootDse/RootDse.ts';
import type { RawSubschema, ResolveSchemaOptions } from './schema/ResolvedSchema.ts';
import { resolveSchema } from './schema/resolveSchema.ts';
import type { CertificateDetails } from './tls/describeCertificate.ts';
import { fingerprintVendor } from './vendor/fingerprintVendor.ts';

/** Already-fetched data to build a profile from: a live read, or a recorded fixture. */
export interface BuildProfileInput {
  /** Root DSE attributes (any case; single values or arrays; Buffers allowed). */
  readonly rootDse: Readonly<Record<string, unknown>>;
  /** Subschema definitions, or null/absent if they could not be read. */
  readonly subschema?: RawSubschema | null;
  /** Schema options (operational / extensible attributes, `;binary` aliases). */
  readonly schemaOptions?: ResolveSchemaOptions;
  /** Live change-tracking findings; without them the Root DSE alone is used. */
  readonly changeTracking?: ChangeTracking;
  /** Naming contexts found live to hold an accesslog database under a non-standard DN. */
  readonly accesslogDns?: readonly string[];
  /** Anchor attributes present on the default naming context's entry (live probe). */
  readonly anchorsPresent?: readonly string[] | null;
  /** Connection port (3268/3269 marks an AD Global Catalog). */
  readonly port?: number;
  /** OpenLDAP cn=Monitor monitoredInfo, for the version. */
  readonly monitoredInfo?: string | null;
  readonly tls?: CertificateDetails;
  /** Warnings gathered while reading (e.g. an unreadable subschema). */
  readonly warnings?: readonly string[];
}

/**
 * Builds a {@link DirectoryProfile} from data already fetched, without a server: the pure core of
 * `detectDirectory`, also used to detect recorded fixtures.
 * @param input Root DSE, subschema and optional live findings
 * @example
 * const profile = buildProfile({ rootDse, subschema });
 * profile.vendor.id; // 'openldap'
 */
export function buildProfile(input: BuildProfileInput): DirectoryProfile {
  const rootDse = normalizeRootDse(input.rootDse);
  const warnings: string[] = [...(input.warnings ?? [])];
  const schema = input.subschema ? resolveSchema(input.subschema, input.schemaOptions) : null;
  const unparsable = schema?.problems.filter((p) => p.code === 'unparsable') ?? [];
  if (unparsable.length > 0) {
    warnings.push(
      `${unparsable.length} subschema definition(s) could not be parsed and were skipped, e.g.: ${(unparsable[0] as { message: string }).message}`,
    );
  }
  const capabilities = detectCapabilities(rootDse);
  const namingContexts = classifyNamingContexts(rootDse, input.accesslogDns ?? []);
  const defaultNamingContext = chooseDefaultNamingContext(rootDse, namingContexts);
  if (defaultNamingContext.warning) warnings.push(defaultNamingContext.warning);
  const vendor = fingerprintVendor({
    rootDse,
    schema,
    ...(input.port === undefined ? {} : { port: input.port }),
    monitoredInfo: input.monitoredInfo ?? null,
  });
  if (vendor.id === 'ad-ds')
    warnings.push(
      'This is Active Directory Domain Services: use an AD connector; the Generic LDAP connector supports AD LDS and the Global Catalog only.',
    );
  if (vendor.id === 'oracle-oid')
    warnings.push(
      'Oracle Internet Directory is not supported by the Generic LDAP connector; expect differences.',
    );
  const changeTracking =
    input.changeTracking ?? inferChangeTracking(rootDse, namingContexts, capabilities, schema);
  const { warnings: adviceWarnings, ...recommendations } = recommend({
    vendor,
    capabilities,
    schema,
    changeTracking,
    anchorsPresent: input.anchorsPresent ?? null,
  });
  warnings.push(...adviceWarnings, ...recommendations.mandatoryFeatures.warnings);
  return {
    formatVersion: 1,
    vendor,
    rootDse,
    capabilities,
    supportedControls: namedOids(rootDse, 'supportedControl'),
    supportedExtensions: namedOids(rootDse, 'supportedExtension'),
    supportedFeatures: namedOids(rootDse, 'supportedFeatures'),
    supportedLdapVersions: rootDseValues(rootDse, 'supportedLDAPVersion')
      .map(Number)
      .filter(Number.isInteger),
    saslMechanisms: [...rootDseValues(rootDse, 'supportedSASLMechanisms')],
    namingContexts,
    defaultNamingContext,
    subschemaSubentry: rootDseValue(rootDse, 'subschemaSubentry'),
    schema,
    changeTracking,
    recommendations,
    ...(input.tls ? { tls: input.tls } : {}),
    warnings,
  };
}
