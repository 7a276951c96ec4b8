import type { LdapEntry, Modification } from '../connection/types.ts';

/**
 * How an account is disabled in a directory:
 * - `attribute`: a (boolean) attribute, e.g. AD LDS `msDS-UserAccountDisabled: TRUE` / `FALSE`, or 389 DS
 *   `nsAccountLock: true` removed on enable (`enabledValue: null`);
 * - `ppolicy`: OpenLDAP / draft-behera password policy, `pwdAccountLockedTime: 000001010000Z` (locked until an
 *   administrator unlocks) removed on enable. OpenLDAP honours it only when the entry's password policy has
 *   `pwdLockout: TRUE`; with `FALSE` the attribute is stored but binds still succeed.
 */
export type LockProfile =
  | {
      readonly kind: 'attribute';
      readonly attribute: string;
      readonly disabledValue: string;
      /** Value when enabled; `null` removes the attribute. */
      readonly enabledValue: string | null;
    }
  | { readonly kind: 'ppolicy' };

/** Ready-made lock profiles for the common directories. */
export const lockProfiles = {
  /** AD LDS: `msDS-UserAccountDisabled` TRUE / FALSE. */
  adLds: {
    kind: 'attribute',
    attribute: 'msDS-UserAccountDisabled',
    disabledValue: 'TRUE',
    enabledValue: 'FALSE',
  },
  /** 389 DS / RHDS: `nsAccountLock: true`, removed on enable. */
  ds389: { kind: 'attribute', attribute: 'nsAccountLock', disabledValue: 'true', enabledValue: null },
  /** OpenLDAP ppolicy: `pwdAccountLockedTime: 000001010000Z`, removed on enable. */
  openldapPpolicy: { kind: 'ppolicy' },
} as const satisfies Record<string, LockProfile>;

/** The value of `pwdAccountLockedTime` that locks an account until an administrator unlocks it. */
export const permanentLockTime = '000001010000Z';

/**
 * The attribute a lock profile reads and writes (must be requested explicitly: it is often operational).
 * @param profile the lock profile
 */
export function lockAttribute(profile: LockProfile): string {
  return profile.kind === 'ppolicy' ? 'pwdAccountLockedTime' : profile.attribute;
}

/**
 * Whether an entry is disabled per the profile.
 * @param profile the lock profile
 * @param entry the entry as read (with the lock attribute requested)
 */
export function isDisabled(profile: LockProfile, entry: LdapEntry): boolean {
  const name = lockAttribute(profile).toLowerCase();
  const values = Object.entries(entry.attributes).find(([n]) => n.toLowerCase() === name)?.[1] ?? [];
  if (profile.kind === 'ppolicy') return values.length > 0;
  return values.some((v) => v.toLowerCase() === profile.disabledValue.toLowerCase());
}

/**
 * The modification that disables or enables an entry per the profile; empty when it is already so.
 * @param profile the lock profile
 * @param entry the entry as read
 * @param disabled the wanted state
 */
export function lockModification(profile: LockProfile, entry: LdapEntry, disabled: boolean): Modification[] {
  if (isDisabled(profile, entry) === disabled) return [];
  const attribute = lockAttribute(profile);
  if (profile.kind === 'ppolicy') {
    return disabled
      ? [{ operation: 'replace', attribute, values: [permanentLockTime] }]
      : [{ operation: 'delete', attribute, values: [] }];
  }
  if (disabled) return [{ operation: 'replace', attribute, values: [profile.disabledValue] }];
  return profile.enabledValue === null
    ? [{ operation: 'delete', attribute, values: [] }]
    : [{ operation: 'replace', attribute, values: [profile.enabledValue] }];
}
