import { type AttributePath, type Filter, unsupportedFilter, visitFilter } from '@scim2ldap/scim-core';
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

/** A sub-filter the directory cannot answer by equality, kept so `and` can lean on its other side. */
interface Unanswerable {
  readonly unanswerable: Filter;
  readonly reason: string;
}

type PartialPlan = QueryPlan | Unanswerable;

const EQ_ONLY =
  'only "eq" with a string or number value can be answered; combine other conditions with an eq on a matching attribute using "and"';

/**
 * Turns a SCIM filter into directory lookups with scim-core's filter visitor: `<attr> eq "<value>"` on `id` (the
 * anchor), an ECMA2Host extension attribute (`…:User:mail`, `…:User:-dn-`), or a core attribute a Direct/reverse
 * rule maps to a directory attribute (`userName`, `emails[type eq "work"].value`); `or` as a union; `and`
 * through an answerable side, the whole filter then checked on the results. A comparison on an unknown
 * attribute matches nothing (Entra's test probe `PLACEHOLDER eq "<guid>"`); anything else is a 400
 * `invalidFilter` naming the construct.
 * @param filter the parsed filter
 * @param mapping the compiled mapping (to find which directory attribute a core attribute is)
 * @param source the filter text, for the caret in errors
 */
export function planQuery(filter: Filter, mapping: CompiledMapping, source?: string): QueryPlan {
  const unanswerable = (node: Filter, reason: string): Unanswerable => ({ unanswerable: node, reason });
  const plan = visitFilter<PartialPlan>(
    filter,
    {
      compare: (node) =>
        node.op === 'eq' && (typeof node.value === 'string' || typeof node.value === 'number')
          ? { lookups: [resolveLookup(node.attribute, String(node.value), mapping)], recheck: false }
          : unanswerable(node, EQ_ONLY),
      valuePath: (node) => {
        const leaf = valuePathLeaf(node.filter);
        if (!leaf) return unanswerable(node, 'a value filter needs a `value eq "…"` condition');
        const typed = leaf.type === undefined ? '' : `[type eq "${leaf.type}"]`;
        const path = `${node.attribute.uri ? `${node.attribute.uri}:` : ''}${node.attribute.name}${typed}.value`;
        return { lookups: [lookupForPath(path, leaf.value, mapping)], recheck: true };
      },
      present: (node) => unanswerable(node, EQ_ONLY),
      not: (node) => unanswerable(node, 'the directory is queried by equality; "not" cannot be answered'),
      and: (_node, left, right) => {
        const answered = 'lookups' in left ? left : right;
        return 'lookups' in answered ? { lookups: answered.lookups, recheck: true } : left;
      },
      or: (_node, left, right) => {
        if (!('lookups' in left)) return left;
        if (!('lookups' in right)) return right;
        return { lookups: [...left.lookups, ...right.lookups], recheck: left.recheck || right.recheck };
      },
    },
    source,
  );
  if ('lookups' in plan) return plan;
  throw unsupportedFilter(plan.unanswerable, plan.reason, source);
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
