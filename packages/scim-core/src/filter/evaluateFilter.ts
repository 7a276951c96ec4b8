import { getKey, isObject } from '../resource/getKey.ts';
import {
  indexSchemas,
  resolveAttribute,
  resolveSubAttribute,
  type SchemaIndex,
} from '../schema/indexSchemas.ts';
import type { AttributeDefinition, ResourceSchemas } from '../schema/types.ts';
import type { AttributePath, Filter } from './ast.ts';
import { compareValue, isPresent } from './compareValue.ts';

interface Values {
  readonly values: readonly unknown[];
  readonly definition: AttributeDefinition | undefined;
}

type Lookup = (path: AttributePath) => Values;

function asArray(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

// Picks `sub` from each element; with no sub, complex elements stand for their `value` (RFC 7644 §3.4.2.2).
function descend(
  raw: unknown,
  parent: AttributeDefinition | undefined,
  sub: string | undefined,
  forPresence: boolean,
): Values {
  const elements = asArray(raw);
  if (sub === undefined) {
    if (forPresence || !elements.some(isObject)) return { values: elements, definition: parent };
    sub = 'value';
  }
  const values: unknown[] = [];
  for (const element of elements) if (isObject(element)) values.push(...asArray(getKey(element, sub)));
  return { values, definition: parent ? resolveSubAttribute(parent, sub) : undefined };
}

function hidden(definition: AttributeDefinition): boolean {
  return definition.mutability === 'writeOnly' || definition.returned === 'never';
}

function resourceLookup(
  resource: { readonly [key: string]: unknown },
  index: SchemaIndex | undefined,
  forPresence: boolean,
): Lookup {
  return (path) => {
    const resolved = index ? resolveAttribute(index, path.uri, path.name) : undefined;
    let container: unknown = resource;
    if (resolved?.extension) container = getKey(resource, resolved.schema.id);
    else if (
      !resolved &&
      path.uri !== undefined &&
      path.uri.toLowerCase() !== index?.core.schema.id.toLowerCase()
    ) {
      container = getKey(resource, path.uri);
    }
    // Filtering on a writeOnly/never-returned attribute (a password) would be an oracle for its value.
    if (resolved && hidden(resolved.definition)) return { values: [], definition: resolved.definition };
    const raw = isObject(container) ? getKey(container, path.name) : undefined;
    return descend(raw, resolved?.definition, path.subAttribute, forPresence);
  };
}

function elementLookup(
  element: unknown,
  parent: AttributeDefinition | undefined,
  forPresence: boolean,
): Lookup {
  return (path) => {
    const definition = parent ? resolveSubAttribute(parent, path.name) : undefined;
    const raw = isObject(element) ? getKey(element, path.name) : undefined;
    return descend(raw, definition, path.subAttribute, forPresence);
  };
}

function evaluate(filter: Filter, lookup: Lookup, presence: Lookup, index: SchemaIndex | undefined): boolean {
  switch (filter.kind) {
    case 'and':
      return (
        evaluate(filter.left, lookup, presence, index) && evaluate(filter.right, lookup, presence, index)
      );
    case 'or':
      return (
        evaluate(filter.left, lookup, presence, index) || evaluate(filter.right, lookup, presence, index)
      );
    case 'not':
      return !evaluate(filter.filter, lookup, presence, index);
    case 'present':
      return presence(filter.attribute).values.some(isPresent);
    case 'compare': {
      const { values, definition } = lookup(filter.attribute);
      if (filter.value === null) {
        const present = values.some(isPresent);
        return filter.op === 'ne' ? present : filter.op === 'eq' ? !present : false;
      }
      // "ne" holds when no value equals (so an absent attribute is "ne" anything); the rest when any value does.
      if (filter.op === 'ne') return !values.some((value) => compareValue(value, filter, definition));
      return values.some((value) => compareValue(value, filter, definition));
    }
    case 'valuePath': {
      const { values, definition } = presence(filter.attribute);
      return values.some((element) => matchElement(filter.filter, element, definition, index));
    }
  }
}

/**
 * Tests a resource against a parsed filter, honouring each attribute's `caseExact` and type (dateTime,
 * numbers, booleans) from `schemas`; unknown attributes are simply absent, so Entra's probe
 * `PLACEHOLDER eq "<guid>"` matches nothing instead of failing.
 *
 * @param filter the parsed filter
 * @param resource the resource JSON (extension attributes under their URN)
 * @param schemas the resource's schemas; without them every string compares case-insensitively
 * @example
 * evaluateFilter(parseFilter('name.familyName sw "jen"'), { name: { familyName: 'Jensen' } }, userSchemas); // true
 */
export function evaluateFilter(
  filter: Filter,
  resource: { readonly [key: string]: unknown },
  schemas?: ResourceSchemas,
): boolean {
  const index = schemas ? indexSchemas(schemas) : undefined;
  return evaluate(
    filter,
    resourceLookup(resource, index, false),
    resourceLookup(resource, index, true),
    index,
  );
}

// Simple multi-valued attributes (objectClass) expose each element as `value` (`objectClass[value eq "person"]`).
const simpleParents = new WeakMap<AttributeDefinition, AttributeDefinition>();

function matchElement(
  filter: Filter,
  element: unknown,
  definition: AttributeDefinition | undefined,
  index: SchemaIndex | undefined,
): boolean {
  let subject = element;
  let parent = definition;
  if (!isObject(element) || (definition && definition.type !== 'complex')) {
    subject = { value: element };
    if (definition) {
      parent = simpleParents.get(definition);
      if (!parent) {
        const value: AttributeDefinition = { ...definition, name: 'value', multiValued: false };
        parent = { ...definition, multiValued: false, type: 'complex', subAttributes: [value] };
        simpleParents.set(definition, parent);
      }
    }
  }
  return evaluate(filter, elementLookup(subject, parent, false), elementLookup(subject, parent, true), index);
}

/**
 * Tests one element of a multi-valued attribute against a value filter (`emails[type eq "work"]`). Elements of
 * simple multi-valued attributes are addressed as `value` (`objectClass[value eq "person"]`).
 */
export function evaluateElementFilter(
  filter: Filter,
  element: unknown,
  definition: AttributeDefinition,
): boolean {
  return matchElement(filter, element, definition, undefined);
}
