import { evaluateElementFilter } from '../filter/evaluateFilter.ts';
import { coerceSingle, coerceValue, type CoerceOptions } from '../resource/coerceValue.ts';
import { isObject } from '../resource/getKey.ts';
import { jsonEqual } from '../resource/jsonEqual.ts';
import { badRequest } from '../ScimError.ts';
import {
  asArray,
  keepOnePrimary,
  mergeElements,
  sameElement,
  seedFromFilter,
  withSub,
} from './multiValued.ts';
import type { PatchState } from './PatchState.ts';
import type { AttributeTarget, ExtensionTarget } from './resolveTarget.ts';
import { resolveAttribute } from '../schema/indexSchemas.ts';

/** A PATCH operation with `op` normalised to lower case. */
export type PatchOp = 'add' | 'replace' | 'remove';

// RFC 7644 §3.5.2: readOnly attributes cannot be changed, immutable ones only while unassigned. Re-sending the
// current value is not a change, so it is accepted (clients echo `id` or `meta` back).
function guardMutability(target: AttributeTarget, current: unknown, next: unknown): void {
  const definition = target.sub ?? target.resolved.definition;
  const parent = target.resolved.definition;
  const readOnly = parent.mutability === 'readOnly' || definition.mutability === 'readOnly';
  const immutable = parent.mutability === 'immutable' || definition.mutability === 'immutable';
  if ((!readOnly && !immutable) || jsonEqual(current, next)) return;
  if (readOnly) {
    throw badRequest('mutability', `Attribute "${target.label}" is readOnly and cannot be modified`);
  }
  if (current !== undefined && asArray(current).length > 0 && !isGrowOnly(current, next)) {
    throw badRequest('mutability', `Attribute "${target.label}" is immutable and already has a value`);
  }
}

// Adding elements to a multi-valued attribute with immutable sub-attributes (Group members) is allowed.
function isGrowOnly(current: unknown, next: unknown): boolean {
  if (!Array.isArray(current) || !Array.isArray(next)) return false;
  return current.every((element) => next.some((other) => jsonEqual(element, other)));
}

function store(state: PatchState, target: AttributeTarget, next: unknown): undefined {
  const current = state.get(target.resolved);
  guardMutability(target, current, next);
  if (next === undefined && target.resolved.definition.required) {
    throw badRequest(
      'invalidValue',
      `Attribute "${target.label}" is required; replace it instead of removing it`,
    );
  }
  state.set(target.resolved, next);
}

function emptyToUndefined(elements: unknown[]): unknown[] | undefined {
  return elements.length === 0 ? undefined : elements;
}

/** `add` / `replace` on a resolved target (RFC 7644 §3.5.2.1 and §3.5.2.3). */
export function writeTarget(
  state: PatchState,
  op: 'add' | 'replace',
  target: AttributeTarget,
  raw: unknown,
  options: CoerceOptions,
): undefined {
  const { definition } = target.resolved;
  const current = state.get(target.resolved);
  const { sub, filter, label } = target;
  if (!sub && !filter) {
    const value = coerceValue(definition, raw, label, options);
    if (value === undefined) return store(state, target, undefined);
    if (definition.multiValued) {
      const elements = value as unknown[];
      return store(
        state,
        target,
        op === 'add' ? mergeElements(definition, asArray(current), elements) : keepOnePrimary(elements),
      );
    }
    // Both add and replace merge into a single-valued complex attribute (§3.5.2.3: unspecified sub-attributes stay).
    const next =
      definition.type === 'complex' && isObject(current) ? Object.assign({}, current, value) : value;
    return store(state, target, next);
  }
  const subValue = sub ? coerceValue(sub, raw, label, options) : undefined;
  if (sub && !filter) {
    if (!definition.multiValued) return store(state, target, withSub(current, sub.name, subValue));
    const elements = asArray(current);
    const next = (elements.length === 0 ? [{}] : elements).map((element) =>
      withSub(element, sub.name, subValue),
    );
    return store(state, target, emptyToUndefined(next.filter((element) => element !== undefined)));
  }
  const elements = asArray(current);
  const matches = elements.map((element) => evaluateElementFilter(filter!, element, definition));
  if (!matches.includes(true)) {
    // Entra sends `Replace emails[type eq "work"].value` for a user who may have no work address yet; the
    // filter names the element to create (only for `eq` conjunctions, so the new element really matches).
    const seed = seedFromFilter(filter!, definition);
    if (!seed || (op === 'replace' && !sub)) {
      throw badRequest('noTarget', `Path "${label}": no value of "${definition.name}" matches the filter`);
    }
    const coercedSeed = coerceSingle(definition, seed, label, options) as Record<string, unknown>;
    const element = sub
      ? withSub(coercedSeed, sub.name, subValue)
      : Object.assign({}, coercedSeed, coerceSingle(definition, raw, label, options));
    if (sub && subValue === undefined) return;
    return store(state, target, keepOnePrimary([...elements, element]));
  }
  const replacement = sub ? undefined : coerceSingle(definition, raw, label, options);
  const next = elements.map((element, i) => {
    if (!matches[i]) return element;
    if (sub) return withSub(element, sub.name, subValue);
    return op === 'add' && isObject(element) ? Object.assign({}, element, replacement) : replacement;
  });
  store(state, target, emptyToUndefined(keepOnePrimary(next.filter((element) => element !== undefined))));
}

/** `remove` on a resolved target (RFC 7644 §3.5.2.2), including Entra's `members` + value form. */
export function removeTarget(
  state: PatchState,
  target: AttributeTarget,
  raw: unknown,
  options: CoerceOptions,
): undefined {
  const { definition } = target.resolved;
  const current = state.get(target.resolved);
  const { sub, filter } = target;
  if (current === undefined) return;
  if (!sub && !filter) {
    // Entra (without aadOptscim062020) removes group members as {"path":"members","value":[{"value":"id"}]}:
    // only the listed values go, never the whole attribute (peers §4.1, azure-docs#30826).
    if (definition.multiValued && raw !== undefined && raw !== null) {
      const listed = asArray(coerceValue(definition, raw, target.label, options));
      const next = asArray(current).filter(
        (element) => !listed.some((gone) => sameElement(definition, element, gone)),
      );
      return store(state, target, emptyToUndefined(next));
    }
    return store(state, target, undefined);
  }
  if (!filter) {
    if (!definition.multiValued) return store(state, target, withSub(current, sub!.name, undefined));
    const next = asArray(current).map((element) => withSub(element, sub!.name, undefined));
    return store(state, target, emptyToUndefined(next.filter((element) => element !== undefined)));
  }
  const next: unknown[] = [];
  for (const element of asArray(current)) {
    if (!evaluateElementFilter(filter, element, definition)) next.push(element);
    else if (sub) {
      const kept = withSub(element, sub.name, undefined);
      if (kept !== undefined) next.push(kept);
    }
  }
  store(state, target, emptyToUndefined(next));
}

/** `remove` of a whole extension (`path` = the extension URN): every attribute of it is recorded as removed. */
export function removeExtension(state: PatchState, target: ExtensionTarget): undefined {
  for (const definition of target.schema.attributes) {
    const resolved = resolveAttribute(state.index, target.schema.id, definition.name);
    if (!resolved || state.get(resolved) === undefined) continue;
    const attributeTarget: AttributeTarget = {
      kind: 'attribute',
      resolved,
      label: `${target.label}:${definition.name}`,
    };
    store(state, attributeTarget, undefined);
  }
}
