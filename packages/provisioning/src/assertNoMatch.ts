import { ScimError } from '@scim2ldap/scim-core';
import { findEntries, type LookupContext } from './findEntries.ts';
import type { MatchingAttribute } from './MappingConfig.ts';

/**
 * Refuses a write that would give a second entry the value of a matching attribute another entry holds (in
 * precedence order): clients match users by these attributes, so a duplicate would break the next match.
 * @param context the directory and the cache
 * @param matching the matching attributes
 * @param mode `directory` asks the cache then the directory, `cache` only the cache, `off` nothing
 * @param attributes the values about to be written
 * @param self the anchor of the entry being updated (it may keep its own values)
 */
export async function assertNoMatch(
  context: LookupContext,
  matching: readonly MatchingAttribute[],
  mode: 'directory' | 'cache' | 'off',
  attributes: Readonly<Record<string, readonly string[] | null>>,
  self?: string,
): Promise<void> {
  if (mode === 'off') return;
  for (const { attribute } of [...matching].sort((a, b) => a.precedence - b.precedence)) {
    const wanted = attribute.toLowerCase();
    const value = Object.entries(attributes).find(([name]) => name.toLowerCase() === wanted)?.[1]?.[0];
    if (value === undefined) continue;
    const found = await findEntries(
      context,
      { kind: 'attribute', attribute, value },
      { live: mode === 'directory' },
    );
    const match = found.find((entry) => entry.anchor !== self);
    if (match) {
      throw new ScimError(
        409,
        `A directory entry already has ${attribute}=${JSON.stringify(value)} (${match.dn}, id ${match.anchor}); update that user instead of creating a duplicate`,
        { scimType: 'uniqueness' },
      );
    }
  }
}
