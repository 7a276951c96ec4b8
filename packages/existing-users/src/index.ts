export { ExistingUsersError, type ExistingUsersErrorCode } from './ExistingUsersError.ts';
export { decodeChunks, fieldOf, type SourceRow, type TextChunks, textOf } from './SourceRow.ts';
export { type ReadCsvOptions, readCsv } from './readCsv.ts';
export { type ReadJsonOptions, readJsonUsers } from './readJsonUsers.ts';
export { readSource, type SourceFormat, sourceFormatOf } from './readSource.ts';
export {
  type EntryCsvOptions,
  entryCsvFormatter,
  formatCsvField,
  formatCsvRow,
  recordsToCsv,
} from './formatCsv.ts';
export {
  formatLdifChange,
  formatLdifEntry,
  formatLdifLine,
  LDIF_VERSION,
  type LdifChange,
  type LdifEntry,
  type LdifModification,
  type LdifOptions,
} from './formatLdif.ts';
export { normalizeMatchValue } from './normalizeMatchValue.ts';
export {
  createDirectoryIndex,
  type DirectoryCandidate,
  type DirectoryIndex,
  isDisabledInSource,
  MATCH_CATEGORIES,
  type MatchCategory,
  type MatchReport,
  type MatchUsersOptions,
  matchUsers,
  type RowOutcome,
} from './matchUsers.ts';
export {
  BULK_CREATE_COLUMNS,
  BULK_CREATE_VERSION,
  type BulkCreateAttributeMap,
  type BulkCreateColumn,
  type BulkCreateOptions,
  type BulkCreateResult,
  defaultBulkCreateMap,
  formatBulkCreateCsv,
} from './bulkCreateCsv.ts';
export { isScimUser, toScimUser } from './toScimUser.ts';
export {
  checkRequired,
  expressionInputs,
  type MissingValue,
  type PlannedUser,
  type RequiredAttribute,
  type RequiredSchemaView,
  requiredAttributes,
} from './checkRequired.ts';
export {
  type AttributeChange,
  DRY_RUN_ANCHOR,
  type ObservableTarget,
  type ObserveOptions,
  type ObservedEntry,
  type ObservedWrite,
  observeTarget,
} from './observeTarget.ts';
