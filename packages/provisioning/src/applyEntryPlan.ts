import type { DirectoryEntry, DirectoryTarget } from './DirectoryTarget.ts';
import { applyDisableFlow } from './deprovision.ts';
import { sameDn } from './findEntries.ts';
import type { EntryPlan } from './mapUserToEntry.ts';
import { lookup } from './mapEntryToUser.ts';
import type { DisableFlow } from './ProvisioningPolicy.ts';

/** The entry after an update, or `deleted` when the disable flow deleted it. */
export type UpdateOutcome =
  | { readonly kind: 'entry'; readonly entry: DirectoryEntry }
  | { readonly kind: 'deleted'; readonly entry: DirectoryEntry };

/**
 * Brings an existing entry to a plan with the fewest directory operations: a rename when the DN differs, one
 * modify naming only the attributes whose values differ from what the directory holds, a password set, then
 * the disable flow when `active` changes. Nothing is sent for an attribute already right.
 * @param target the directory
 * @param entry the entry as currently held
 * @param plan what the SCIM request asks for
 * @param active the wanted `active` state, when the request set it
 * @param disableFlow the disable flow
 */
export async function applyEntryPlan(
  target: DirectoryTarget,
  entry: DirectoryEntry,
  plan: EntryPlan,
  active: boolean | undefined,
  disableFlow: DisableFlow,
): Promise<UpdateOutcome> {
  let current = entry;
  if (plan.dn !== undefined && !sameDn(plan.dn, current.dn))
    current = await target.rename(current.dn, plan.dn);
  const changes = changedAttributes(current, plan);
  if (Object.keys(changes).length > 0) current = await target.modify(current.dn, changes);
  if (plan.password !== undefined) await target.setPassword(current.dn, plan.password);
  if (active !== undefined) {
    const outcome = await applyDisableFlow(target, current, active, disableFlow);
    if (outcome.kind === 'deleted') return { kind: 'deleted', entry: outcome.entry };
    current = outcome.entry;
  }
  return { kind: 'entry', entry: current };
}

/**
 * The attributes of a plan whose values differ from the entry's (as sets; object classes case-insensitively).
 * @param entry the entry as held
 * @param plan the wanted values
 */
export function changedAttributes(
  entry: DirectoryEntry,
  plan: EntryPlan,
): Record<string, readonly string[] | null> {
  const changes: Record<string, readonly string[] | null> = {};
  for (const [name, wanted] of Object.entries(plan.attributes)) {
    const held = lookup(entry.attributes, name) ?? [];
    if (wanted === null || wanted.length === 0) {
      if (held.length > 0) changes[name] = null;
    } else if (!sameValues(held, wanted, false)) {
      changes[name] = wanted;
    }
  }
  if (plan.objectClasses !== undefined && !sameValues(entry.objectClasses, plan.objectClasses, true)) {
    // Object classes are only ever added by an update: removing one would orphan attributes it allowed.
    const merged = [...entry.objectClasses];
    for (const name of plan.objectClasses) {
      if (!merged.some((held) => held.toLowerCase() === name.toLowerCase())) merged.push(name);
    }
    if (merged.length !== entry.objectClasses.length) changes.objectClass = merged;
  }
  return changes;
}

function sameValues(a: readonly string[], b: readonly string[], ignoreCase: boolean): boolean {
  const norm = (v: string): string => (ignoreCase ? v.toLowerCase() : v);
  const left = new Set(a.map(norm));
  const right = new Set(b.map(norm));
  return left.size === right.size && [...left].every((v) => right.has(v));
}
