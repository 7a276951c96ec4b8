import type { Client } from 'ldapts';
import { DetectError } from '../DetectError.ts';
import type { RawSubschema } from './ResolvedSchema.ts';

const DEFINITION_ATTRIBUTES = ['objectClasses', 'attributeTypes', 'ldapSyntaxes', 'matchingRules'] as const;

/**
 * Picks the four definition attributes out of a subschema entry, matching names case-insensitively
 * (389 echoes the requested case, AD returns its own). Buffers are decoded as UTF-8.
 * @param entry attribute name → value(s), e.g. an ldapts search entry or a parsed LDIF record
 */
export function subschemaFromEntry(entry: Readonly<Record<string, unknown>>): RawSubschema {
  const out: Record<string, string[]> = {};
  for (const [name, raw] of Object.entries(entry)) {
    const want = DEFINITION_ATTRIBUTES.find((a) => a.toLowerCase() === name.toLowerCase());
    if (!want) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map((v: unknown) =>
      Buffer.isBuffer(v) ? v.toString('utf8') : String(v),
    );
    out[want] = [...(out[want] ?? []), ...values];
  }
  return out;
}

/**
 * Reads the subschema subentry named by the Root DSE's subschemaSubentry (RFC 4512 §4.2).
 * @param client a connected ldapts client
 * @param dn the subschema DN, e.g. `cn=Subschema`
 */
export async function readSubschema(client: Client, dn: string): Promise<RawSubschema> {
  try {
    const { searchEntries } = await client.search(dn, {
      scope: 'base',
      filter: '(objectClass=*)',
      attributes: [...DEFINITION_ATTRIBUTES],
    });
    const entry = searchEntries[0];
    if (!entry) throw new Error('no entry returned');
    return subschemaFromEntry(entry);
  } catch (cause) {
    throw new DetectError(
      'subschema-unreadable',
      `Could not read the subschema at '${dn}': ${(cause as Error).message}. Allow the bind account to read it.`,
      { cause },
    );
  }
}
