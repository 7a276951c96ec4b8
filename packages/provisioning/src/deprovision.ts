import type { DirectoryEntry, DirectoryTarget } from './DirectoryTarget.ts';
import type { DeleteFlow, DisableFlow } from './ProvisioningPolicy.ts';

/**
 * Whether an entry counts as active under the disable flow: by the lock state the target reports (`lock`), by
 * the flag attribute (`setAttribute`: active unless it holds the disabled value), else active while it exists.
 * @param entry the entry as read back
 * @param flow the disable flow
 */
export function isActive(entry: DirectoryEntry, flow: DisableFlow): boolean {
  switch (flow.type) {
    case 'lock':
      return entry.disabled !== true;
    case 'setAttribute': {
      const wanted = flow.attribute.toLowerCase();
      const values =
        Object.entries(entry.attributes).find(([name]) => name.toLowerCase() === wanted)?.[1] ?? [];
      return !values.some((value) => value.toLowerCase() === flow.disabledValue.toLowerCase());
    }
    case 'none':
    case 'delete':
      return true;
  }
}

/** What the disable flow did: the entry as it now is, or `deleted` (the delete-on-disable flow). */
export type DisableOutcome =
  | { readonly kind: 'unchanged'; readonly entry: DirectoryEntry }
  | { readonly kind: 'updated'; readonly entry: DirectoryEntry }
  | { readonly kind: 'deleted'; readonly entry: DirectoryEntry };

/**
 * Applies `active` to an entry per the disable flow (ECMA2Host's Disable flow): nothing, delete the entry
 * (on `active=false`), set the flag attribute, or lock/unlock through the target's lock profile. Sends
 * nothing when the entry is already in the wanted state.
 * @param target the directory
 * @param entry the entry as currently held
 * @param active the wanted state
 * @param flow the disable flow
 */
export async function applyDisableFlow(
  target: DirectoryTarget,
  entry: DirectoryEntry,
  active: boolean,
  flow: DisableFlow,
): Promise<DisableOutcome> {
  if (isActive(entry, flow) === active && flow.type !== 'delete') return { kind: 'unchanged', entry };
  switch (flow.type) {
    case 'none':
      return { kind: 'unchanged', entry };
    case 'delete':
      if (active) return { kind: 'unchanged', entry };
      await target.delete(entry.dn);
      return { kind: 'deleted', entry };
    case 'lock':
      return { kind: 'updated', entry: await target.setDisabled(entry.dn, !active) };
    case 'setAttribute': {
      const value = active ? flow.enabledValue : flow.disabledValue;
      return {
        kind: 'updated',
        entry: await target.modify(entry.dn, { [flow.attribute]: value === null ? null : [value] }),
      };
    }
  }
}

/**
 * Applies `DELETE /Users/{id}` per the delete flow: `delete` removes the entry, `none` leaves it.
 * @param target the directory
 * @param entry the entry
 * @param flow the delete flow
 * @returns whether the entry was deleted
 */
export async function applyDeleteFlow(
  target: DirectoryTarget,
  entry: DirectoryEntry,
  flow: DeleteFlow,
): Promise<boolean> {
  if (flow === 'none') return false;
  await target.delete(entry.dn);
  return true;
}
