/**
 * What `active=false` does (the wizard's Disable flow): nothing, delete the entry, set an attribute to a
 * value, or lock the account through the target's lock profile (`setDisabled`).
 */
export type DisableFlow =
  | { readonly type: 'none' }
  | { readonly type: 'delete' }
  | { readonly type: 'lock' }
  | {
      readonly type: 'setAttribute';
      readonly attribute: string;
      readonly disabledValue: string;
      /** The value when enabled; `null` removes the attribute instead. */
      readonly enabledValue: string | null;
    };

/** What `DELETE /Users/{id}` does (the wizard's Delete flow). */
export type DeleteFlow = 'none' | 'delete';

/** Password handling on create and change. */
export interface PasswordPolicy {
  /**
   * The directory attribute that holds passwords (default `userPassword`); a value mapped or sent for it is
   * set through `DirectoryTarget.setPassword`, never written as a plain attribute, and never read back.
   */
  readonly attribute?: string;
  /** Set an initial random password on create when the request carries none (the seed's POSIX example). */
  readonly initialRandom?: boolean | { readonly length?: number };
}

/** Deprovisioning and password policy of a connector. */
export interface ProvisioningPolicy {
  /** Default `{ type: 'none' }` (as ECMA2Host's wizard). */
  readonly disableFlow?: DisableFlow;
  /** Default `'delete'`. */
  readonly deleteFlow?: DeleteFlow;
  readonly password?: PasswordPolicy;
  /**
   * How a create (and an update of a matching attribute) checks that no other entry already has the value
   * of a matching attribute: `directory` (default) asks the cache, then the directory; `cache` only the cache
   * (one LDAP search fewer per create, misses entries added outside since the last import); `off` skips it
   * (the directory's own uniqueness rules still apply).
   */
  readonly duplicateCheck?: 'directory' | 'cache' | 'off';
}
