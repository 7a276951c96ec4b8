export type { ConnectionPool, ConnectionPoolOptions, PoolHealth } from './connection/createConnectionPool.ts';
export { createConnectionPool } from './connection/createConnectionPool.ts';
export type { LdapConnection } from './connection/createLdapConnection.ts';
export { createLdapConnection } from './connection/createLdapConnection.ts';
export { openClient } from './connection/openClient.ts';
export type {
  LdapBind,
  LdapConnectionOptions,
  LdapEntry,
  LdapSearchOptions,
  LdapTlsOptions,
  Logger,
  Modification,
  ReconnectOptions,
} from './connection/types.ts';
export {
  buildDn,
  dnEquals,
  escapeDnValue,
  formatDn,
  formatRdn,
  isWithinDn,
  normalizeDn,
  parentDn,
  rdnOf,
} from './dn/formatDn.ts';
export type { Ava, Dn, DnIssue, Rdn } from './dn/parseDn.ts';
export { DnSyntaxError, parseDn, safeParseDn } from './dn/parseDn.ts';
export { classifyError } from './errors/classifyError.ts';
export type { LdapErrorKind, LdapOperationErrorOptions } from './errors/LdapOperationError.ts';
export { LdapOperationError } from './errors/LdapOperationError.ts';
export { resultCodeName } from './errors/resultCodes.ts';
export { treeDeleteOid } from './export/deleteEntry.ts';
export type { SingleValuedLookup } from './export/diffAttributes.ts';
export { cleanValues, diffAttributes } from './export/diffAttributes.ts';
export type { PasswordScheme } from './export/hashPassword.ts';
export { encodeUnicodePwd, hashPassword } from './export/hashPassword.ts';
export type { LockProfile } from './export/lockProfile.ts';
export { isDisabled, lockProfiles, permanentLockTime } from './export/lockProfile.ts';
export { passwordModifyOid } from './export/passwordModifyRequest.ts';
export { equalityFilter, escapeFilterValue } from './filter/escapeFilterValue.ts';
export type { LdapTarget } from './target/createLdapTarget.ts';
export { createLdapTarget } from './target/createLdapTarget.ts';
export type {
  DirectoryEntry,
  LdapDirectoryTarget,
  LdapTargetOptions,
  NewDirectoryEntry,
  PasswordPolicy,
} from './target/types.ts';
export type { ApplyContext, ApplyCounts } from './delta/applyChanges.ts';
export { applyChanges } from './delta/applyChanges.ts';
export type { AttributeChange, ChangeRecord } from './delta/ChangeRecord.ts';
export { parseAccesslogEntry, parseReqMods } from './delta/parseAccesslogEntry.ts';
export { parseChangelogEntry } from './delta/parseChangelogEntry.ts';
export { parseLdifChanges } from './delta/parseLdifChanges.ts';
export type { DeltaMethod } from './import/captureWatermark.ts';
export { captureWatermark } from './import/captureWatermark.ts';
export type { DeltaImportOptions, DeltaImportResult } from './import/deltaImport.ts';
export { deltaImport } from './import/deltaImport.ts';
export type { FullImportOptions, FullImportResult, ImportProgress } from './import/fullImport.ts';
export { fullImport } from './import/fullImport.ts';
export type { ImportScope } from './import/importScope.ts';
export { planUsnRecords } from './import/readChanges.ts';
