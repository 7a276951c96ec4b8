export type { DirectoryEntry, DirectoryTarget, NewDirectoryEntry } from './DirectoryTarget.ts';
