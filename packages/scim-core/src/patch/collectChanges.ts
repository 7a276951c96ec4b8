import { getKey, isObject } from '../resource/getKey.ts';
import { jsonEqual } from '../resource/jsonEqual.ts';
import type { ResolvedAttribute } from '../schema/indexSchemas.ts';
import { asArray, sameElement } from './multiValued.ts';
import type { PatchState } from './PatchState.ts';
import type { AttributeChange } from './types.ts';

function change(
  resolved: ResolvedAttribute,
  op: AttributeChange['op'],
  values: readonly unknown[],
  oldValues: readonly unknown[],
  subAttribute?: string,
): AttributeChange {
  const { schema, definition } = resolved;
  const sensitive = definition.mutability === 'writeOnly' || definition.returned === 'never';
  const out: { -readonly [K in keyof AttributeChange]: AttributeChange[K] } = {
    path: `${schema.id}:${definition.name}${subAttribute === undefined ? '' : `.${subAttribute}`}`,
    schema: schema.id,
    attribute: definition.name,
    op,
    values,
    oldValues,
  };
  if (subAttribute !== undefined) out.subAttribute = subAttribute;
  if (sensitive) out.sensitive = true;
  return out;
}

function simpleChange(
  resolved: ResolvedAttribute,
  before: unknown,
  after: unknown,
  sub?: string,
): AttributeChange | undefined {
  if (before === undefined && after === undefined) return undefined;
  if (before === undefined) return change(resolved, 'add', [after], [], sub);
  if (after === undefined) return change(resolved, 'remove', [before], [before], sub);
  return jsonEqual(before, after) ? undefined : change(resolved, 'replace', [after], [before], sub);
}

function diffOne(resolved: ResolvedAttribute, before: unknown, after: unknown, out: AttributeChange[]): void {
  const { definition } = resolved;
  if (jsonEqual(before, after)) return;
  if (definition.multiValued) {
    const old = asArray(before);
    const now = asArray(after);
    if (old.length === 0) out.push(change(resolved, 'add', now, old));
    else if (now.length === 0) out.push(change(resolved, 'remove', old, old));
    else if (definition.type === 'complex') out.push(change(resolved, 'replace', now, old));
    else {
      // Simple multi-valued (objectClass, LDAP multi-valued attributes): the exact values added and removed.
      const added = now.filter((value) => !old.some((o) => sameElement(definition, o, value)));
      const removed = old.filter((value) => !now.some((n) => sameElement(definition, n, value)));
      if (added.length === 0 && removed.length === 0) out.push(change(resolved, 'replace', now, old));
      if (added.length > 0) out.push(change(resolved, 'add', added, old));
      if (removed.length > 0) out.push(change(resolved, 'remove', removed, old));
    }
    return;
  }
  if (definition.type === 'complex' && (isObject(before) || isObject(after))) {
    // Single-valued complex (name, manager): one change per sub-attribute, as each maps to its own LDAP attribute.
    const b = isObject(before) ? before : {};
    const a = isObject(after) ? after : {};
    for (const sub of definition.subAttributes ?? []) {
      const item = simpleChange(resolved, getKey(b, sub.name), getKey(a, sub.name), sub.name);
      if (item) out.push(item);
    }
    return;
  }
  const item = simpleChange(resolved, before, after);
  if (item) out.push(item);
}

/** Compares each attribute the PATCH wrote with its value before, and lists what really changed. */
export function collectChanges(state: PatchState): AttributeChange[] {
  const out: AttributeChange[] = [];
  for (const { resolved, before } of state.touched.values())
    diffOne(resolved, before, state.get(resolved), out);
  return out;
}
