export { badRequest, SCIM_ERROR_SCHEMA, ScimError, toScimErrorBody } from './ScimError.ts';
export type { ScimErrorBody, ScimErrorOptions, ScimErrorType } from './ScimError.ts';

export type {
  AttributeDefinition,
  AttributeInput,
  AttributeType,
  Mutability,
  ResourceSchemas,
  ResourceTypeDefinition,
  Returned,
  SchemaDefinition,
  ScimResource,
  Uniqueness,
} from './schema/types.ts';
export { defineAttribute } from './schema/defineAttribute.ts';
export { USER_SCHEMA, userSchema } from './schema/userSchema.ts';
export { ENTERPRISE_USER_SCHEMA, enterpriseUserSchema } from './schema/enterpriseUserSchema.ts';
export { GROUP_SCHEMA, groupSchema } from './schema/groupSchema.ts';
export { commonAttributes } from './schema/commonAttributes.ts';
export { buildExtensionSchema, ECMA2HOST_USER_SCHEMA } from './schema/buildExtensionSchema.ts';
export type { ExtensionSchemaInput } from './schema/buildExtensionSchema.ts';

export type {
  AttributePath,
  CompareFilter,
  CompareOperator,
  Filter,
  FilterValue,
  LogicalFilter,
  NotFilter,
  ParseIssue,
  PatchPath,
  PresentFilter,
  SafeParseResult,
  ValuePathFilter,
} from './filter/ast.ts';
export { parseFilter, safeParseFilter } from './filter/parseFilter.ts';
export type { ParseFilterOptions } from './filter/parseFilter.ts';
export { parsePath, safeParsePath } from './filter/parsePath.ts';
export { evaluateFilter } from './filter/evaluateFilter.ts';
export { unsupportedFilter, visitFilter } from './filter/visitFilter.ts';
export type { FilterVisitor } from './filter/visitFilter.ts';

export { applyPatch } from './patch/applyPatch.ts';
export { PATCH_OP_SCHEMA, parsePatchRequest } from './patch/parsePatchRequest.ts';
export type { PatchOperation } from './patch/parsePatchRequest.ts';
export type { AttributeChange, ApplyPatchOptions, PatchResult } from './patch/types.ts';

export { parseListQuery } from './query/parseListQuery.ts';
export type { ListQuery, ListQueryOptions, QueryInput } from './query/parseListQuery.ts';
export { LIST_RESPONSE_SCHEMA, listResponse } from './query/listResponse.ts';
export type { ListResponse, ListResponseOptions } from './query/listResponse.ts';
export { buildMeta, ifMatchSatisfied, resourceLocation, weakETag } from './query/meta.ts';
export type { MetaInput, ResourceMeta } from './query/meta.ts';
export { projectResource } from './resource/projectResource.ts';
export type { ProjectionOptions } from './resource/projectResource.ts';
export { validateResource } from './resource/validateResource.ts';
export type { ValidateResourceOptions } from './resource/validateResource.ts';

export { SCHEMA_SCHEMA, schemaResource, schemasListResponse } from './discovery/schemasDocument.ts';
export {
  RESOURCE_TYPE_SCHEMA,
  resourceTypeResource,
  resourceTypesListResponse,
} from './discovery/resourceTypesDocument.ts';
export { SERVICE_PROVIDER_CONFIG_SCHEMA, serviceProviderConfig } from './discovery/serviceProviderConfig.ts';
export type { ServiceProviderConfigOptions } from './discovery/serviceProviderConfig.ts';
