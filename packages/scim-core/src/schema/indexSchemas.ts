import { commonAttributes } from './commonAttributes.ts';
import type { AttributeDefinition, ResourceSchemas, SchemaDefinition } from './types.ts';

/** Where an attribute name resolved to: its schema, its definition, and whether it lives under the URN key. */
export interface ResolvedAttribute {
  readonly schema: SchemaDefinition;
  readonly definition: AttributeDefinition;
  /** True for extension attributes, stored under `resource[schema.id]`. */
  readonly extension: boolean;
}

interface SchemaEntry {
  readonly schema: SchemaDefinition;
  readonly extension: boolean;
  /** Resolved attributes by name, exact and lower-case (shared objects: resolving allocates nothing). */
  readonly resolved: ReadonlyMap<string, ResolvedAttribute>;
}

/** Case-insensitive lookups over a {@link ResourceSchemas}, built once per schemas object. */
export interface SchemaIndex {
  readonly schemas: ResourceSchemas;
  /** Schemas by lower-case id. */
  readonly byId: ReadonlyMap<string, SchemaEntry>;
  /** Schemas by id as defined (tried first: saves a toLowerCase() on correctly-cased requests). */
  readonly exact: ReadonlyMap<string, SchemaEntry>;
  /** Core first, then the extensions in order. */
  readonly entries: readonly SchemaEntry[];
  readonly core: SchemaEntry;
}

const cache = new WeakMap<ResourceSchemas, SchemaIndex>();
const subCache = new WeakMap<AttributeDefinition, ReadonlyMap<string, AttributeDefinition>>();

function byName(attributes: readonly AttributeDefinition[]): Map<string, AttributeDefinition> {
  const map = new Map<string, AttributeDefinition>();
  // Both spellings: the exact one lets the common, correctly-cased lookup skip toLowerCase().
  for (const attribute of attributes) {
    map.set(attribute.name.toLowerCase(), attribute);
    map.set(attribute.name, attribute);
  }
  return map;
}

function resolvedByName(
  schema: SchemaDefinition,
  extension: boolean,
  attributes: readonly AttributeDefinition[],
): Map<string, ResolvedAttribute> {
  const map = new Map<string, ResolvedAttribute>();
  for (const definition of attributes) {
    const resolved: ResolvedAttribute = { schema, definition, extension };
    map.set(definition.name.toLowerCase(), resolved);
    map.set(definition.name, resolved);
  }
  return map;
}

/** Returns the (cached) case-insensitive index of a schemas object. */
export function indexSchemas(schemas: ResourceSchemas): SchemaIndex {
  let index = cache.get(schemas);
  if (index) return index;
  const core: SchemaEntry = {
    schema: schemas.core,
    extension: false,
    resolved: resolvedByName(schemas.core, false, [...commonAttributes, ...schemas.core.attributes]),
  };
  const byId = new Map<string, SchemaEntry>([[schemas.core.id.toLowerCase(), core]]);
  for (const schema of schemas.extensions) {
    byId.set(schema.id.toLowerCase(), {
      schema,
      extension: true,
      resolved: resolvedByName(schema, true, schema.attributes),
    });
  }
  const entries = [...byId.values()];
  const exact = new Map(entries.map((entry) => [entry.schema.id, entry]));
  index = { schemas, byId, exact, entries, core };
  cache.set(schemas, index);
  return index;
}

/**
 * Resolves an attribute name (case-insensitively) to its definition. With a schema URN only that schema is
 * searched; without one the core schema and the common attributes come first, then the extensions in order
 * (RFC 7644 §3.10 lets clients omit the URN where the name is unambiguous).
 */
export function resolveAttribute(
  index: SchemaIndex,
  uri: string | undefined,
  name: string,
): ResolvedAttribute | undefined {
  if (uri !== undefined) {
    const entry = index.exact.get(uri) ?? index.byId.get(uri.toLowerCase());
    return entry && (entry.resolved.get(name) ?? entry.resolved.get(name.toLowerCase()));
  }
  for (const entry of index.entries) {
    const resolved = entry.resolved.get(name);
    if (resolved) return resolved;
  }
  const key = name.toLowerCase();
  for (const entry of index.entries) {
    const resolved = entry.resolved.get(key);
    if (resolved) return resolved;
  }
  return undefined;
}

/** Finds a sub-attribute of a complex attribute, case-insensitively. */
export function resolveSubAttribute(
  parent: AttributeDefinition,
  name: string,
): AttributeDefinition | undefined {
  const subs = parent.subAttributes;
  if (!subs) return undefined;
  let map = subCache.get(parent);
  if (!map) {
    map = byName(subs);
    subCache.set(parent, map);
  }
  return map.get(name) ?? map.get(name.toLowerCase());
}
