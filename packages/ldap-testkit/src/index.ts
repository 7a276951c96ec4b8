export { BASE_DN } from './baseEntries.ts';
export { escapeDnValue, type LdifEntry, toLdif } from './ldif.ts';
export { loadEntriesOnline } from './loadEntriesOnline.ts';
export { MAX_SEED_USERS, type SeedOptions, seedLdif, seedUid, seedUser, seedUsers } from './seedUsers.ts';
export { DEFAULT_ADMIN_PASSWORD, MAX_APACHEDS_SEED, startDirectory } from './startDirectory.ts';
export { TestkitError, type TestkitErrorCode } from './TestkitError.ts';
export type { DirectoryKind, RunningDirectory, StartDirectoryOptions } from './types.ts';
