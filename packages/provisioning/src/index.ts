export type {
  AttributeAssertion,
  DirectoryEntry,
  DirectoryTarget,
  NewDirectoryEntry,
} from './DirectoryTarget.ts';

export { createProvisioner } from './createProvisioner.ts';
export type {
  Provisioner,
  ProvisionerOptions,
  RequestOptions,
  UserList,
  UserQuery,
} from './Provisioner.ts';

export type { MappingConfig, MappingRule, MatchingAttribute, ReverseRule } from './MappingConfig.ts';
export type { DeleteFlow, DisableFlow, PasswordPolicy, ProvisioningPolicy } from './ProvisioningPolicy.ts';
export type {
  DirectoryOperationRecord,
  ProvisioningLogRecord,
  ProvisioningOperation,
} from './ProvisioningLogRecord.ts';
export { ProvisioningError, type ProvisioningErrorCode } from './ProvisioningError.ts';

export { buildSchemas } from './buildSchemas.ts';
export type {
  BuildSchemasOptions,
  ExposedAttribute,
  SelectedAttribute,
  UserSchemas,
} from './buildSchemas.ts';
export type { DirectoryAttributeType, DirectorySchemaView, ExposedType } from './DirectorySchemaView.ts';

export { inetOrgPersonPreset, type InetOrgPersonPresetOptions } from './inetOrgPersonPreset.ts';
export { posixAccountPreset, type PosixAccountPresetOptions } from './posixAccountPreset.ts';

export { compileMapping } from './compileMapping.ts';
export type { CompiledMapping } from './compileMapping.ts';
export { mapUserToEntry, type EntryPlan, type MappingMode } from './mapUserToEntry.ts';
export { mapEntryToUser, type EntryToUserContext } from './mapEntryToUser.ts';

export { DnSyntaxError, escapeDnValue, formatDn, normalizeDn, parentDn, parseDn } from './parseDn.ts';
export type { DnAttribute, ParsedDn } from './parseDn.ts';
export { randomPassword, type RandomSource } from './randomPassword.ts';
export {
  CORE_USER_SCHEMA,
  DN_ATTRIBUTE,
  ECMA2HOST_USER_SCHEMA,
  ENTERPRISE_USER_SCHEMA,
  EXPORT_PASSWORD_ATTRIBUTE,
} from './schemaUrns.ts';
