import { type BuildProfileInput, buildProfile } from '../buildProfile.ts';
import { DetectError } from '../DetectError.ts';
import type { DirectoryProfile } from '../DirectoryProfile.ts';
import { subschemaFromEntry } from '../schema/readSubschema.ts';
import { parseLdif } from './parseLdif.ts';

/**
 * Detects a directory from recorded LDIF — the Root DSE record (`dn:` empty) and, if present, the subschema
 * record (the one carrying objectClasses/attributeTypes) — without a server.
 * @param text LDIF with the Root DSE and optionally the subschema entry
 * @param extra further {@link buildProfile} input (schema options, port, …)
 * @example
 * profileFromLdif(readFileSync('fixtures/ad-lds.ldif', 'utf8')).vendor.id; // 'ad-lds'
 */
export function profileFromLdif(
  text: string,
  extra: Omit<BuildProfileInput, 'rootDse' | 'subschema'> = {},
): DirectoryProfile {
  const records = parseLdif(text);
  const root = records.find((r) => r.dn.trim() === '');
  if (!root)
    throw new DetectError('ldif-syntax', "The LDIF holds no Root DSE record (a record with an empty 'dn:').");
  const schemaRecord = records.find((r) =>
    Object.keys(r.attributes).some((k) => /^(objectclasses|attributetypes)$/i.test(k)),
  );
  return buildProfile({
    ...extra,
    rootDse: root.attributes,
    subschema: schemaRecord ? subschemaFromEntry(schemaRecord.attributes) : null,
  });
}
