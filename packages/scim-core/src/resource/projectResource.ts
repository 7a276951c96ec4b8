import { parseAttributePath } from '../filter/parseAttributePath.ts';
import {
  indexSchemas,
  resolveAttribute,
  resolveSubAttribute,
  type SchemaIndex,
} from '../schema/indexSchemas.ts';
import type { AttributeDefinition, ResourceSchemas, ScimResource } from '../schema/types.ts';
import { isObject } from './getKey.ts';

/** Which attributes the client asked for (RFC 7644 §3.9), as parsed by `parseListQuery`. */
export interface ProjectionOptions {
  readonly attributes?: readonly string[];
  readonly excludedAttributes?: readonly string[];
}

// Requested paths as lower-case `schemaId:name` (whole attribute) and `schemaId:name.sub`, plus whole schemas.
interface Selection {
  readonly attributes: Set<string>;
  readonly subs: Set<string>;
  readonly schemas: Set<string>;
}

function select(index: SchemaIndex, paths: readonly string[] | undefined): Selection | undefined {
  if (!paths || paths.length === 0) return undefined;
  const selection: Selection = { attributes: new Set(), subs: new Set(), schemas: new Set() };
  for (const text of paths) {
    if (index.byId.has(text.toLowerCase())) {
      selection.schemas.add(text.toLowerCase());
      continue;
    }
    let path: ReturnType<typeof parseAttributePath>;
    try {
      path = parseAttributePath(text, 0);
    } catch {
      continue;
    }
    // RFC 7644 §3.9 does not make unknown names an error; they select nothing.
    const resolved = resolveAttribute(index, path.uri, path.name);
    if (!resolved) continue;
    const key = `${resolved.schema.id}:${resolved.definition.name}`.toLowerCase();
    if (path.subAttribute === undefined) selection.attributes.add(key);
    else {
      selection.subs.add(key);
      selection.attributes.add(`${key}.${path.subAttribute.toLowerCase()}`);
    }
  }
  return selection;
}

type Decision = 'all' | 'none' | 'subs';

function decide(
  definition: AttributeDefinition,
  key: string,
  schemaKey: string,
  only?: Selection,
  excluded?: Selection,
): Decision {
  if (definition.returned === 'never') return 'none';
  if (definition.returned === 'always') return 'all';
  if (only) {
    if (only.attributes.has(key) || only.schemas.has(schemaKey)) return 'all';
    return only.subs.has(key) ? 'subs' : 'none';
  }
  if (definition.returned === 'request') return 'none';
  if (excluded && (excluded.attributes.has(key) || excluded.schemas.has(schemaKey))) return 'none';
  return excluded?.subs.has(key) ? 'subs' : 'all';
}

function projectValue(
  value: unknown,
  definition: AttributeDefinition,
  key: string,
  decision: Decision,
  only?: Selection,
  excluded?: Selection,
): unknown {
  if (!definition.subAttributes) return value;
  const projectOne = (element: unknown): unknown => {
    if (!isObject(element)) return element;
    const out: Record<string, unknown> = {};
    for (const name in element) {
      const sub = resolveSubAttribute(definition, name);
      if (sub?.returned === 'never') continue;
      const subKey = `${key}.${(sub?.name ?? name).toLowerCase()}`;
      if (decision === 'subs' && sub?.returned !== 'always') {
        if (only && !only.attributes.has(subKey)) continue;
        if (!only && excluded?.attributes.has(subKey)) continue;
      }
      out[sub?.name ?? name] = element[name];
    }
    return out;
  };
  return Array.isArray(value) ? value.map(projectOne) : projectOne(value);
}

function projectObject(
  source: { readonly [key: string]: unknown },
  index: SchemaIndex,
  uri: string | undefined,
  only?: Selection,
  excluded?: Selection,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name in source) {
    const value = source[name];
    if (value === undefined || value === null) continue;
    if (uri === undefined) {
      if (name === 'schemas') {
        out[name] = value;
        continue;
      }
      const extension = index.byId.get(name.toLowerCase());
      if (extension?.extension && isObject(value)) {
        const projected = projectObject(value, index, extension.schema.id, only, excluded);
        if (Object.keys(projected).length > 0) out[extension.schema.id] = projected;
        continue;
      }
    }
    const resolved = resolveAttribute(index, uri ?? index.core.schema.id, name);
    if (!resolved) {
      // Attributes no schema defines are passed through unless the client asked for specific ones.
      if (!only) out[name] = value;
      continue;
    }
    const key = `${resolved.schema.id}:${resolved.definition.name}`.toLowerCase();
    const decision = decide(resolved.definition, key, resolved.schema.id.toLowerCase(), only, excluded);
    if (decision === 'none') continue;
    out[resolved.definition.name] = projectValue(value, resolved.definition, key, decision, only, excluded);
  }
  return out;
}

/**
 * Renders a resource for a response, honouring each attribute's `returned` (never: password, export_password;
 * always: id; request: only when asked) and the client's `attributes` / `excludedAttributes` (RFC 7644 §3.9).
 * Names match case-insensitively and may be URN-qualified or name sub-attributes (`name.givenName`).
 *
 * @param resource the full resource
 * @param options the requested and excluded attribute paths
 * @param schemas the resource's schemas
 * @example
 * projectResource(user, { attributes: ['userName', 'name.familyName'] }, schemas);
 * // { schemas, id, userName, name: { familyName } }
 */
export function projectResource(
  resource: ScimResource,
  options: ProjectionOptions,
  schemas: ResourceSchemas,
): Record<string, unknown> {
  const index = indexSchemas(schemas);
  const only = select(index, options.attributes);
  const excluded = only ? undefined : select(index, options.excludedAttributes);
  const out = projectObject(resource, index, undefined, only, excluded);
  // `schemas` lists the core schema and exactly the extensions the rendered resource carries (RFC 7643 §3).
  if (Array.isArray(resource['schemas'])) {
    const ids = (resource['schemas'] as unknown[]).filter((id): id is string => {
      if (typeof id !== 'string') return false;
      const entry = index.byId.get(id.toLowerCase());
      return !entry?.extension || out[entry.schema.id] !== undefined;
    });
    for (const extension of schemas.extensions) {
      if (
        out[extension.id] !== undefined &&
        !ids.some((id) => id.toLowerCase() === extension.id.toLowerCase())
      )
        ids.push(extension.id);
    }
    out['schemas'] = ids;
  }
  return out;
}
