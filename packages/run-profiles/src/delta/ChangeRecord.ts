import type { LdapEntry } from '../connection/types.ts';

/** One attribute change inside a logged add or modify. Values are kept byte for byte (whitespace too). */
export interface AttributeChange {
  readonly operation: 'add' | 'delete' | 'replace' | 'increment';
  readonly attribute: string;
  readonly values: readonly string[];
}

/**
 * One change found by a delta method, in log order. Log-based methods (accesslog, changelog) yield
 * `add`/`modify`/`modrdn`/`delete`; entry-based ones (uSNChanged, modifyTimestamp) yield `entry` (the entry
 * as it is now) and `deleted` (a tombstone's anchor).
 */
export type ChangeRecord =
  | {
      readonly kind: 'add' | 'modify';
      readonly position: string;
      readonly dn: string;
      readonly anchor?: string;
      readonly changes: readonly AttributeChange[];
    }
  | {
      readonly kind: 'modrdn';
      readonly position: string;
      readonly dn: string;
      readonly newDn: string;
      readonly deleteOldRdn: boolean;
      readonly anchor?: string;
    }
  | { readonly kind: 'delete'; readonly position: string; readonly dn: string; readonly anchor?: string }
  | { readonly kind: 'entry'; readonly position: string; readonly entry: LdapEntry }
  | { readonly kind: 'deleted'; readonly position: string; readonly anchor: string; readonly dn?: string };
