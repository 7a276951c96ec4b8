export { type BuildProfileInput, buildProfile } from './buildProfile.ts';
export { discoverChangeTracking } from './changeTracking/discoverChangeTracking.ts';
export { inferChangeTracking } from './changeTracking/inferChangeTracking.ts';
export { DetectError, type DetectErrorCode } from './DetectError.ts';
export type {
  AccesslogInfo,
  ChangelogInfo,
  ChangeTracking,
  DeltaMethod,
  DirectoryProfile,
  FeatureCheck,
  MandatoryFeatures,
  Recommendations,
} from './DirectoryProfile.ts';
export { type DetectDirectoryOptions, detectDirectory } from './detectDirectory.ts';
export { describeProfile } from './describeProfile.ts';
export { type LdifRecord, MAX_LDIF_LENGTH, parseLdif } from './ldif/parseLdif.ts';
export { profileFromLdif } from './ldif/profileFromLdif.ts';
export { checkMandatoryFeatures } from './recommend/checkMandatoryFeatures.ts';
export { type RecommendInput, recommend } from './recommend/recommend.ts';
export {
  type CapabilityName,
  type Capabilities,
  detectCapabilities,
  KNOWN_OIDS,
  type NamedOid,
  namedOids,
  type OidSource,
  oidName,
} from './rootDse/capabilities.ts';
export {
  chooseDefaultNamingContext,
  classifyNamingContexts,
  type DefaultNamingContext,
  type Partition,
  type PartitionRole,
} from './rootDse/classifyNamingContexts.ts';
export { type RootDse, normalizeRootDse, rootDseValue, rootDseValues } from './rootDse/RootDse.ts';
export { ROOT_DSE_ATTRIBUTES, readRootDse } from './rootDse/readRootDse.ts';
export {
  type AllowedAttributes,
  allowedAttributes,
  getAttributeType,
  getObjectClass,
} from './schema/lookupSchema.ts';
export {
  MAX_DEFINITION_LENGTH,
  parseAttributeType,
  parseMatchingRule,
  parseObjectClass,
  parseSyntax,
  SchemaParseError,
  safeParseAttributeType,
  safeParseMatchingRule,
  safeParseObjectClass,
  safeParseSyntax,
} from './schema/parseSchemaDefinition.ts';
export type {
  RawSubschema,
  ResolvedAttributeType,
  ResolvedClassKind,
  ResolvedObjectClass,
  ResolvedSchema,
  ResolveSchemaOptions,
  SchemaProblem,
} from './schema/ResolvedSchema.ts';
export { readSubschema, subschemaFromEntry } from './schema/readSubschema.ts';
export { resolveSchema } from './schema/resolveSchema.ts';
export type {
  AttributeTypeDefinition,
  AttributeUsage,
  LdapSyntaxDefinition,
  MatchingRuleDefinition,
  ObjectClassDefinition,
  ObjectClassKind,
  SafeParseResult,
  SchemaDefinition,
  SchemaExtensions,
  SchemaIssue,
} from './schema/SchemaDefinition.ts';
export {
  isCaseSensitive,
  syntaxRequiresBinaryTransfer,
  type ValueKind,
  valueKindOfSyntax,
} from './schema/valueKinds.ts';
export { type CertificateDetails, describeCertificate } from './tls/describeCertificate.ts';
export { type ReadServerCertificateOptions, readServerCertificate } from './tls/readServerCertificate.ts';
export {
  type FingerprintInput,
  fingerprintVendor,
  type Vendor,
  type VendorId,
} from './vendor/fingerprintVendor.ts';
