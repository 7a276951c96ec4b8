import type { Filter, PatchPath } from '../filter/ast.ts';
import { badRequest } from '../ScimError.ts';
import {
  type ResolvedAttribute,
  resolveAttribute,
  resolveSubAttribute,
  type SchemaIndex,
} from '../schema/indexSchemas.ts';
import type { AttributeDefinition, SchemaDefinition } from '../schema/types.ts';

/** What a PATCH path points at: an attribute (maybe one sub-attribute, maybe filtered elements). */
export interface AttributeTarget {
  readonly kind: 'attribute';
  readonly resolved: ResolvedAttribute;
  readonly sub?: AttributeDefinition;
  readonly filter?: Filter;
  /** The path as the client wrote it, for error messages. */
  readonly label: string;
}

/** A path naming a whole extension schema (`urn:…:enterprise:2.0:User`). */
export interface ExtensionTarget {
  readonly kind: 'extension';
  readonly schema: SchemaDefinition;
  readonly label: string;
}

// `urn:…:enterprise:2.0:User` parses as uri `urn:…:2.0` + name `User`; compare lengths first, as this runs per op.
function wholeExtension(index: SchemaIndex, uri: string, name: string): SchemaDefinition | undefined {
  const length = uri.length + 1 + name.length;
  for (const entry of index.entries) {
    if (
      entry.extension &&
      entry.schema.id.length === length &&
      `${uri}:${name}`.toLowerCase() === entry.schema.id.toLowerCase()
    ) {
      return entry.schema;
    }
  }
  return undefined;
}

/**
 * Resolves a parsed path against the schemas; undefined means "unknown attribute, ignore" (only when the
 * caller chose to ignore unknown attributes). Throws 400 invalidPath naming the attribute otherwise.
 */
export function resolveTarget(
  index: SchemaIndex,
  path: PatchPath,
  ignoreUnknown: boolean,
): AttributeTarget | ExtensionTarget | undefined {
  const { attribute } = path;
  const label = path.text;
  if (attribute.uri !== undefined && !path.filter && path.subAttribute === undefined) {
    const whole = wholeExtension(index, attribute.uri, attribute.name);
    if (whole) return { kind: 'extension', schema: whole, label };
  }
  if (attribute.uri !== undefined && !index.byId.has(attribute.uri.toLowerCase())) {
    if (ignoreUnknown) return undefined;
    const known = index.entries.map((entry) => entry.schema.id).join(', ');
    throw badRequest(
      'invalidPath',
      `Path "${label}" names schema "${attribute.uri}", which this resource does not have (known: ${known})`,
    );
  }
  const resolved = resolveAttribute(index, attribute.uri, attribute.name);
  if (!resolved) {
    if (ignoreUnknown) return undefined;
    const where = attribute.uri ?? 'the core schema or any extension';
    throw badRequest(
      'invalidPath',
      `Path "${label}": attribute "${attribute.name}" is not defined in ${where}`,
    );
  }
  const { definition } = resolved;
  if (path.filter && !definition.multiValued) {
    throw badRequest(
      'invalidPath',
      `Path "${label}": a value filter needs a multi-valued attribute, and "${definition.name}" is single-valued`,
    );
  }
  let sub: AttributeDefinition | undefined;
  if (path.subAttribute !== undefined) {
    sub = resolveSubAttribute(definition, path.subAttribute);
    if (!sub) {
      if (ignoreUnknown) return undefined;
      const allowed = definition.subAttributes?.map((s) => s.name).join(', ');
      throw badRequest(
        'invalidPath',
        `Path "${label}": "${definition.name}" has no sub-attribute "${path.subAttribute}"${allowed ? ` (allowed: ${allowed})` : ''}`,
      );
    }
  }
  const target: { -readonly [K in keyof AttributeTarget]: AttributeTarget[K] } = {
    kind: 'attribute',
    resolved,
    label,
  };
  if (sub) target.sub = sub;
  if (path.filter) target.filter = path.filter;
  return target;
}
