import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DirectoryProfile,
  parseLdif,
  profileFromLdif,
  type RawSubschema,
  subschemaFromEntry,
} from '../src/index.ts';

/** Folder of the recorded Root DSE + subschema fixtures. */
export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** File names of all recorded fixtures (`*.captured.ldif`, `*.documented.ldif`). */
export const fixtureNames = (): string[] => readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.ldif'));

/** The raw text of a fixture file. */
export const fixtureText = (name: string): string => readFileSync(join(FIXTURES_DIR, name), 'utf8');

/** A fixture detected offline. */
export const fixtureProfile = (name: string): DirectoryProfile => profileFromLdif(fixtureText(name));

/** The subschema definitions of a fixture. */
export function fixtureSubschema(name: string): RawSubschema {
  const record = parseLdif(fixtureText(name)).find((r) =>
    Object.keys(r.attributes).some((k) => /^objectclasses$/i.test(k)),
  );
  if (!record) throw new Error(`${name} holds no subschema record`);
  return subschemaFromEntry(record.attributes);
}
