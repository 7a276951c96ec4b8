import { parseAttributePath } from '../filter/parseAttributePath.ts';
import { FilterSyntaxError } from '../filter/scanFilter.ts';
import { badRequest } from '../ScimError.ts';
import {
  indexSchemas,
  type ResolvedAttribute,
  resolveAttribute,
  type SchemaIndex,
} from '../schema/indexSchemas.ts';
import type { ResourceSchemas, ScimResource } from '../schema/types.ts';
import { type CoerceOptions, coerceValue } from './coerceValue.ts';
import { getKey, isObject } from './getKey.ts';
import { jsonEqual } from './jsonEqual.ts';

/** Options of {@link validateResource}. */
export interface ValidateResourceOptions {
  /** `error` (default): an attribute no schema defines fails with 400 naming it; `ignore`: it is dropped. */
  readonly unknownAttributes?: 'error' | 'ignore';
  /** `create` (POST) or `replace` (PUT); with `replace` and `existing`, immutable attributes may not change. */
  readonly mode?: 'create' | 'replace';
  /** The stored resource, for the immutability check of a PUT. */
  readonly existing?: ScimResource;
}

function unknown(options: CoerceOptions, detail: string): void {
  if (options.unknownAttributes === 'error') throw badRequest('invalidSyntax', detail);
}

function put(out: Record<string, unknown>, resolved: ResolvedAttribute, value: unknown): void {
  if (!resolved.extension) {
    out[resolved.definition.name] = value;
    return;
  }
  const container = (out[resolved.schema.id] ?? {}) as Record<string, unknown>;
  container[resolved.definition.name] = value;
  out[resolved.schema.id] = container;
}

function accept(
  index: SchemaIndex,
  out: Record<string, unknown>,
  uri: string | undefined,
  key: string,
  value: unknown,
  options: CoerceOptions,
): void {
  let path: ReturnType<typeof parseAttributePath> | undefined;
  try {
    path = parseAttributePath(uri === undefined ? key : `${uri}:${key}`, 0);
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
  }
  const resolved =
    path && path.subAttribute === undefined ? resolveAttribute(index, path.uri, path.name) : undefined;
  if (!resolved) {
    const schemaNames = index.entries.map((entry) => entry.schema.id).join(', ');
    unknown(
      options,
      `Unknown attribute "${uri === undefined ? key : `${uri}:${key}`}": not defined in ${schemaNames}. Remove it, or add it to the connector's attributes`,
    );
    return;
  }
  // RFC 7643 §7: readOnly values sent by a client (id, meta, groups) are ignored.
  if (resolved.definition.mutability === 'readOnly') return;
  const label = resolved.extension
    ? `${resolved.schema.id}:${resolved.definition.name}`
    : resolved.definition.name;
  const coerced = coerceValue(resolved.definition, value, label, options);
  if (coerced !== undefined) put(out, resolved, coerced);
}

function checkRequired(index: SchemaIndex, out: Record<string, unknown>): void {
  for (const entry of index.entries) {
    if (entry.extension && out[entry.schema.id] === undefined) continue;
    const container = entry.extension ? (out[entry.schema.id] as Record<string, unknown>) : out;
    for (const definition of entry.schema.attributes) {
      if (
        definition.required &&
        definition.mutability !== 'readOnly' &&
        container[definition.name] === undefined
      ) {
        const label = entry.extension ? `${entry.schema.id}:${definition.name}` : definition.name;
        throw badRequest('invalidValue', `Attribute "${label}" is required`);
      }
    }
  }
}

function checkImmutable(index: SchemaIndex, out: Record<string, unknown>, existing: ScimResource): void {
  for (const entry of index.entries) {
    const before = entry.extension ? getKey(existing, entry.schema.id) : existing;
    const after = entry.extension ? out[entry.schema.id] : out;
    if (!isObject(before)) continue;
    for (const definition of entry.schema.attributes) {
      if (definition.mutability !== 'immutable') continue;
      const old = getKey(before, definition.name);
      const now = isObject(after) ? after[definition.name] : undefined;
      if (old !== undefined && !jsonEqual(old, now)) {
        throw badRequest(
          'mutability',
          `Attribute "${definition.name}" is immutable and cannot be changed by a replace`,
        );
      }
    }
  }
}

/**
 * Validates and normalises a POST/PUT body against the schemas: `schemas` must name the core schema, values are
 * type-checked (Entra's "True"/"False" accepted for booleans), attribute names are canonicalised, readOnly
 * attributes are dropped, required ones enforced, unknown ones rejected with a 400 naming them (or dropped).
 * Extension attributes may come under their URN key or URN-qualified at the top level; Entra does not list
 * extension URNs in `schemas`, so they are added to the output's `schemas` when present.
 *
 * @param body the parsed JSON body
 * @param schemas the resource's schemas
 * @param options unknown-attribute policy, mode and the stored resource for PUT
 * @example
 * const user = validateResource(body, { core: userSchema, extensions: [enterpriseUserSchema] }, { mode: 'create' });
 */
export function validateResource(
  body: unknown,
  schemas: ResourceSchemas,
  options: ValidateResourceOptions = {},
): ScimResource {
  if (!isObject(body))
    throw badRequest('invalidSyntax', 'The request body must be a JSON object (a SCIM resource)');
  const index = indexSchemas(schemas);
  const coerce: CoerceOptions = { unknownAttributes: options.unknownAttributes ?? 'error' };
  const listed = getKey(body, 'schemas');
  if (
    !Array.isArray(listed) ||
    !listed.some((id) => typeof id === 'string' && id.toLowerCase() === schemas.core.id.toLowerCase())
  ) {
    throw badRequest('invalidSyntax', `The resource must list "${schemas.core.id}" in "schemas"`);
  }
  for (const id of listed) {
    if (typeof id !== 'string' || !index.byId.has(id.toLowerCase()))
      unknown(coerce, `Unknown schema ${JSON.stringify(id)} in "schemas"`);
  }
  const out: Record<string, unknown> = {};
  for (const key in body) {
    if (key.toLowerCase() === 'schemas') continue;
    const entry = index.byId.get(key.toLowerCase());
    if (entry?.extension) {
      const value = body[key];
      if (!isObject(value))
        throw badRequest('invalidSyntax', `"${key}" must be an object of ${entry.schema.name} attributes`);
      for (const name in value) accept(index, out, entry.schema.id, name, value[name], coerce);
    } else {
      accept(index, out, undefined, key, body[key], coerce);
    }
  }
  checkRequired(index, out);
  if (options.mode === 'replace' && options.existing) checkImmutable(index, out, options.existing);
  const ids = [
    schemas.core.id,
    ...schemas.extensions.filter((schema) => out[schema.id] !== undefined).map((schema) => schema.id),
  ];
  return { schemas: ids, ...out };
}
