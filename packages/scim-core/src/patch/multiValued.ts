import type { Filter } from '../filter/ast.ts';
import { isObject } from '../resource/getKey.ts';
import { jsonEqual } from '../resource/jsonEqual.ts';
import { resolveSubAttribute } from '../schema/indexSchemas.ts';
import type { AttributeDefinition } from '../schema/types.ts';

/** Wraps a possibly absent, possibly single value as an array. */
export function asArray(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function valueCaseExact(definition: AttributeDefinition): boolean {
  if (definition.type !== 'complex') return definition.caseExact;
  return resolveSubAttribute(definition, 'value')?.caseExact ?? false;
}

/**
 * True when two elements of a multi-valued attribute denote the same value: simple values by equality
 * (honouring caseExact), complex ones by `value` (and `type`, when both carry one), else structurally.
 */
export function sameElement(definition: AttributeDefinition, a: unknown, b: unknown): boolean {
  if (!isObject(a) || !isObject(b)) return jsonEqual(a, b, valueCaseExact(definition));
  if (a['value'] !== undefined && b['value'] !== undefined) {
    if (!jsonEqual(a['value'], b['value'], valueCaseExact(definition))) return false;
    const typeA = a['type'];
    const typeB = b['type'];
    return typeA === undefined || typeB === undefined || jsonEqual(typeA, typeB, false);
  }
  return jsonEqual(a, b, false);
}

/** RFC 7643 §2.4: at most one element may be primary; the last one marked primary wins. */
export function keepOnePrimary(elements: unknown[]): unknown[] {
  let last = -1;
  elements.forEach((element, i) => {
    if (isObject(element) && element['primary'] === true) last = i;
  });
  if (last === -1) return elements;
  return elements.map((element, i) =>
    i !== last && isObject(element) && element['primary'] === true
      ? Object.assign({}, element, { primary: false })
      : element,
  );
}

/** RFC 7644 §3.5.2.1 add on a multi-valued attribute: new values are appended, known ones merged, no duplicates. */
export function mergeElements(
  definition: AttributeDefinition,
  current: readonly unknown[],
  added: readonly unknown[],
): unknown[] {
  const out = [...current];
  for (const element of added) {
    const at = out.findIndex((existing) => sameElement(definition, existing, element));
    if (at === -1) out.push(element);
    else if (isObject(element) && isObject(out[at])) out[at] = Object.assign({}, out[at], element);
  }
  return keepOnePrimary(out);
}

/**
 * The element a value filter describes, for creating it when none matches: `type eq "work"` → `{ type: 'work' }`.
 * Only conjunctions of `eq` on sub-attributes qualify; anything else returns undefined (→ noTarget).
 */
export function seedFromFilter(
  filter: Filter,
  definition: AttributeDefinition,
): Record<string, unknown> | undefined {
  switch (filter.kind) {
    case 'compare': {
      if (filter.op !== 'eq' || filter.value === null || filter.attribute.subAttribute !== undefined)
        return undefined;
      const sub = resolveSubAttribute(definition, filter.attribute.name);
      return sub ? { [sub.name]: filter.value } : undefined;
    }
    case 'and': {
      const left = seedFromFilter(filter.left, definition);
      const right = left && seedFromFilter(filter.right, definition);
      return left && right ? Object.assign({}, left, right) : undefined;
    }
    case 'or':
    case 'not':
    case 'present':
    case 'valuePath':
      return undefined;
  }
}

/** A copy of a complex element with `name` set (or removed, for undefined). */
export function withSub(element: unknown, name: string, value: unknown): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const lower = name.toLowerCase();
  let placed = false;
  if (isObject(element)) {
    // Keep the element's key order: the sub-attribute stays where it was (under its canonical name).
    for (const key in element) {
      if (key.toLowerCase() !== lower) out[key] = element[key];
      else if (value !== undefined && !placed) {
        out[name] = value;
        placed = true;
      }
    }
  }
  if (value !== undefined && !placed) out[name] = value;
  for (const _ in out) return out;
  return undefined;
}
