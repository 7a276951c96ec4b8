import { evaluateFilter, type Filter, parseFilter, type ScimResource } from '@scim2ldap/scim-core';
import type { CompiledMapping } from './compileMapping.ts';
import type { DirectoryEntry } from './DirectoryTarget.ts';
import { findEntries, type LookupContext, readByAnchor } from './findEntries.ts';
import { planQuery } from './planQuery.ts';
import type { UserSchemas } from './buildSchemas.ts';

/** What listing needs besides the directory and cache. */
export interface ListContext extends LookupContext {
  readonly mapping: CompiledMapping;
  readonly schemas: UserSchemas;
  readonly render: (entry: DirectoryEntry) => Promise<ScimResource>;
}

/** One page of users and the total. */
export interface UserPage {
  readonly items: readonly ScimResource[];
  readonly total: number;
}

/**
 * Users matching a filter: the filter becomes directory lookups (`planQuery`), each found entry is rendered
 * once, and when the lookups over-approximate (`and`) the filter is evaluated on the rendered resource.
 * @param context directory, cache, mapping, schemas and renderer
 * @param filter the filter text or AST
 * @param startIndex 1-based index of the first result
 * @param count most results
 */
export async function listFiltered(
  context: ListContext,
  filter: string | Filter,
  startIndex: number,
  count: number,
): Promise<UserPage> {
  const parsed = typeof filter === 'string' ? parseFilter(filter) : filter;
  const plan = planQuery(parsed, context.mapping, typeof filter === 'string' ? filter : undefined);
  const seen = new Set<string>();
  const items: ScimResource[] = [];
  // A `-dn-` lookup reads any DN; only entries of the user class are users (not the suffix or an OU).
  const structural = context.mapping.config.objectClasses?.[0]?.toLowerCase();
  const isUser = (entry: DirectoryEntry): boolean =>
    structural === undefined || entry.objectClasses.some((c) => c.toLowerCase() === structural);
  for (const lookup of plan.lookups) {
    for (const entry of await findEntries(context, lookup)) {
      if (seen.has(entry.anchor) || !isUser(entry)) continue;
      seen.add(entry.anchor);
      const resource = await context.render(entry);
      if (!plan.recheck || evaluateFilter(parsed, resource, context.schemas.resourceSchemas))
        items.push(resource);
    }
  }
  return { items: items.slice(startIndex - 1, startIndex - 1 + count), total: items.length };
}

/**
 * A page of all users: the cache in its order, each entry re-read from the directory (entries gone since the
 * last import are skipped and leave the cache).
 * @param context directory, cache and renderer
 * @param startIndex 1-based index of the first result
 * @param count most results
 */
export async function listAll(context: ListContext, startIndex: number, count: number): Promise<UserPage> {
  await context.cache.settle(); // include entries created a moment ago whose cache writes still linger
  const total = await context.store.count();
  const items: ScimResource[] = [];
  let index = 0;
  for await (const cached of context.store.iterate()) {
    index++;
    if (index < startIndex) continue;
    if (items.length >= count) break;
    const entry = await readByAnchor(context, cached.anchor);
    if (entry) items.push(await context.render(entry));
  }
  return { items, total };
}
