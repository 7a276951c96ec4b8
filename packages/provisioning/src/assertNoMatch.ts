import { ScimError } from '@scim2ldap/scim-core';
import type { AttributeAssertion, DirectoryEntry } from './DirectoryTarget.ts';
import { findEntries, holdsValue, type LookupContext, remember } from './findEntries.ts';
import type { MatchingAttribute } from './MappingConfig.ts';

/**
 * Refuses a write that would give a second entry the value of a matching attribute another entry holds (in
 * precedence order): clients match users by these attributes, so a duplicate would break the next match.
 * In `directory` mode the directory is searched live (it sees entries created or changed outside the host,
 * and every in-scope entry the cache knows) — in ONE search over all the attributes when the target offers
 * `searchAny`, else one search per attribute; the cache is not asked first, as its hits would only be
 * re-read to confirm what the search finds anyway. In `cache` mode the cache answers (each hit re-read).
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
  const wanted: AttributeAssertion[] = [];
  for (const { attribute } of [...matching].sort((a, b) => a.precedence - b.precedence)) {
    const name = attribute.toLowerCase();
    const value = Object.entries(attributes).find(([key]) => key.toLowerCase() === name)?.[1]?.[0];
    if (value !== undefined) wanted.push({ attribute, value });
  }
  if (wanted.length === 0) return;
  if (mode === 'cache') {
    for (const assertion of wanted) {
      const cached = await findEntries(context, { kind: 'attribute', ...assertion }, { live: false });
      refuse(assertion, cached, self);
    }
    return;
  }
  const searchAny = context.target.searchAny;
  if (searchAny !== undefined && wanted.length > 1) {
    const found = await searchAny.call(context.target, wanted);
    for (const entry of found) await remember(context, entry);
    for (const assertion of wanted) {
      refuse(
        assertion,
        found.filter((e) => holdsValue(e, assertion.attribute, assertion.value)),
        self,
      );
    }
    // The directory's matching rule may equate values the simple comparison above does not (e.g.
    // telephoneNumberMatch ignores hyphens): the entry holds one of the values, but which is not known here.
    refuse(wanted, found, self);
    return;
  }
  for (const assertion of wanted) {
    const found = await context.target.search(assertion.attribute, assertion.value);
    for (const entry of found) await remember(context, entry);
    refuse(assertion, found, self);
  }
}

/**
 * Throws the 409 when an entry other than `self` holds the value — or, given several assertions, one of
 * them (the directory matched the entry, the values it holds do not say which).
 */
function refuse(
  assertion: AttributeAssertion | readonly AttributeAssertion[],
  found: readonly DirectoryEntry[],
  self: string | undefined,
): void {
  const match = found.find((entry) => entry.anchor !== self);
  if (!match) return;
  const assertions = Array.isArray(assertion) ? assertion : [assertion as AttributeAssertion];
  const named = assertions.map(({ attribute, value }) => `${attribute}=${JSON.stringify(value)}`);
  const what =
    named.length === 1
      ? `has ${named[0]}`
      : `holds a value equal, by the directory's matching rules, to one of ${named.join(', ')}`;
  throw new ScimError(
    409,
    `A directory entry already ${what} (${match.dn}, id ${match.anchor}); update that user instead of creating a duplicate`,
    { scimType: 'uniqueness' },
  );
}
