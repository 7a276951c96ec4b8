import { type AttributePath, type Filter, unsupportedFilter } from '@scim2ldap/scim-core';
import type { CompiledMapping } from './compileMapping.ts';
import type { EntryLookup } from './findEntries.ts';
import { canonicalPath } from './flattenResource.ts';
import { CORE_USER_SCHEMA, DN_ATTRIBUTE, ECMA2HOST_USER_SCHEMA } from './schemaUrns.ts';

/** How a filter is answered: equality lookups whose union holds every match, and whether to re-check the filter. */
export interface QueryPlan {
  readonly lookups: readonly EntryLookup[];
  /** `true` when the lookups over-approximate (an `and` answered by one side): evaluate the filter on each result. */
  readonly recheck: boolean;
}

/**
 * Turns a SCIM filter into directory lookups: `<attr> eq "<value>"` on `id` (the anchor), an ECMA2Host extension
 * attribute (`…:User:mail`, `…:User:-dn-`), or a core attribute a Direct/reverse rule maps to a directory
 * attribute (`userName`, `emails[type eq "work"].value`); `or` as a union; `and` through its first answerable
 * side, the rest checked on the results. A comparison on an unknown attribute matches nothing (Entra's test
 * probe `PLACEHOLDER eq "<guid>"`); anything else is a 400 `invalidFilter` naming the construct.
 * @param filter the parsed filter
 * @param mapping the compiled mapping (to find which directory attribute a core attribute is)
 * @param source the filter text, for the caret in errors
 */
export function planQuery(filter: Filter, mapping: CompiledMapping, source?: string): QueryPlan {
  switch (filter.kind) {
    case 'compare': {
      if (filter.op !== 'eq' || (typeof filter.value !== 'string' && typeof filter.value !== 'number')) {
        throw unsupportedFilter(
          filter,
          'only "eq" with a string or number value can be answered; combine other comparisons with an eq on a matching attribute using "and"',
          source,
        );
      }
      return { lookups: [resolveLookup(filter.attribute, String(filter.value), mapping)], recheck: false };
    }
    case 'valuePath': {
      const leaf = valuePathLeaf(filter.filter);
      if (!leaf) throw unsupportedFilter(filter, 'a value filter needs a `value eq "…"` condition', source);
      const typed = leaf.type === undefined ? '' : `[type eq "${leaf.type}"]`;
      const path = `${filter.attribute.uri ? `${filter.attribute.uri}:` : ''}${filter.attribute.name}${typed}.value`;
      return { lookups: [lookupForPath(path, leaf.value, mapping)], recheck: true };
    }
    case 'and': {
      const left = tryPlan(filter.left, mapping, source);
      const plan = left ?? planQuery(filter.right, mapping, source);
      return { lookups: plan.lookups, recheck: true };
    }
    case 'or': {
      const left = planQuery(filter.left, mapping, source);
      const right = planQuery(filter.right, mapping, source);
      return { lookups: [...left.lookups, ...right.lookups], recheck: left.recheck || right.recheck };
    }
    case 'present':
    case 'not':
      throw unsupportedFilter(
        filter,
        'the directory is queried by equality; use "eq" on a matching attribute',
        source,
      );
  }
}

function tryPlan(filter: Filter, mapping: CompiledMapping, source?: string): QueryPlan | undefined {
  try {
    return planQuery(filter, mapping, source);
  } catch {
    return undefined;
  }
}

/** `type eq "work" and value eq "x"` (either order) or `value eq "x"` inside a value path. */
function valuePathLeaf(filter: Filter): { type?: string; value: string } | undefined {
  if (filter.kind === 'compare' && filter.op === 'eq' && filter.attribute.name.toLowerCase() === 'value') {
    return filter.value === null ? undefined : { value: String(filter.value) };
  }
  if (filter.kind !== 'and') return undefined;
  const parts = [filter.left, filter.right];
  const value = parts.map(valuePathLeaf).find((leaf) => leaf !== undefined);
  const type = parts.find(
    (p) =>
      p.kind === 'compare' &&
      p.op === 'eq' &&
      p.attribute.name.toLowerCase() === 'type' &&
      typeof p.value === 'string',
  );
  if (!value) return undefined;
  return type && type.kind === 'compare' ? { type: String(type.value), value: value.value } : value;
}

function resolveLookup(attribute: AttributePath, value: string, mapping: CompiledMapping): EntryLookup {
  const path = `${attribute.uri ? `${attribute.uri}:` : ''}${attribute.name}${attribute.subAttribute ? `.${attribute.subAttribute}` : ''}`;
  return lookupForPath(path, value, mapping);
}

/**
 * The lookup for `<path> eq <value>`.
 * @param path a SCIM attribute path
 * @param value the compared value
 * @param mapping the compiled mapping
 */
export function lookupForPath(path: string, value: string, mapping: CompiledMapping): EntryLookup {
  const corePrefix = `${CORE_USER_SCHEMA.toLowerCase()}:`;
  const full = canonicalPath(path);
  const canonical = full.startsWith(corePrefix) ? full.slice(corePrefix.length) : full;
  const extensionPrefix = `${ECMA2HOST_USER_SCHEMA.toLowerCase()}:`;
  if (canonical === 'id') return { kind: 'anchor', value };
  if (canonical.startsWith(extensionPrefix)) {
    const name = path.slice(extensionPrefix.length);
    if (name === DN_ATTRIBUTE || name.toLowerCase() === '_distinguishedname') return { kind: 'dn', value };
    return { kind: 'attribute', attribute: name, value };
  }
  for (const rule of mapping.rules) {
    if (rule.rule.type === 'direct' && rule.sources[0] === canonical)
      return { kind: 'attribute', attribute: rule.rule.target, value };
  }
  for (const reverse of mapping.reverses) {
    if (reverse.directSource !== undefined && canonicalPath(reverse.target) === canonical) {
      return { kind: 'attribute', attribute: reverse.directSource, value };
    }
  }
  const { userNameAttribute, externalIdAttribute } = mapping.config;
  if (canonical === 'username') {
    return userNameAttribute
      ? { kind: 'attribute', attribute: userNameAttribute, value }
      : { kind: 'dn', value };
  }
  if (canonical === 'externalid' && externalIdAttribute)
    return { kind: 'attribute', attribute: externalIdAttribute, value };
  return { kind: 'none' };
}
