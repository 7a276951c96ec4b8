import type { LdifChange } from './formatLdif.ts';

/** A directory entry as a target returns it (provisioning's `DirectoryEntry`, by shape). */
export interface ObservedEntry {
  readonly dn: string;
  readonly anchor: string;
  readonly objectClasses: readonly string[];
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  readonly disabled?: boolean;
}

/** The directory interface provisioning writes through (`DirectoryTarget` of @scim2ldap/provisioning, by shape). */
export interface ObservableTarget {
  add(
    entry: {
      readonly dn: string;
      readonly objectClasses: readonly string[];
      readonly attributes: Readonly<Record<string, readonly string[]>>;
    },
    options?: { readonly password?: string },
  ): Promise<ObservedEntry>;
  modify(dn: string, attributes: Readonly<Record<string, readonly string[] | null>>): Promise<ObservedEntry>;
  rename(dn: string, newDn: string): Promise<ObservedEntry>;
  delete(dn: string, options?: { readonly subtree?: boolean }): Promise<void>;
  setPassword(dn: string, password: string): Promise<void>;
  setDisabled(dn: string, disabled: boolean): Promise<ObservedEntry>;
  readByDn(dn: string): Promise<ObservedEntry | undefined>;
  readByAnchor(anchor: string): Promise<ObservedEntry | undefined>;
  search(attribute: string, value: string): Promise<ObservedEntry[]>;
}

/** One attribute a write changes: values before and after (`[]` when absent). */
export interface AttributeChange {
  readonly attribute: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** One write, in order: the LDIF change record (when LDIF can show it), a note, the changed attributes. */
export interface ObservedWrite {
  readonly operation: 'add' | 'modify' | 'rename' | 'delete' | 'setPassword' | 'setDisabled';
  readonly dn: string;
  /** The change as LDIF can express it; absent for password and lock changes (see `note`). */
  readonly change?: LdifChange;
  /** What LDIF does not show: `password set (value not shown)`, `disabled by the connector's lock profile`. */
  readonly note?: string;
  readonly changes: readonly AttributeChange[];
}

/** Options of {@link observeTarget}. */
export interface ObserveOptions {
  /** Send nothing: writes are recorded and answered with the entry as it would be. Reads still go through. */
  readonly dryRun: boolean;
}

/** ASCII placeholder anchor of an entry a dry run would add. */
export const DRY_RUN_ANCHOR = '(not created: dry run)';

function valuesOf(attributes: Readonly<Record<string, readonly string[]>>, name: string): readonly string[] {
  const lower = name.toLowerCase();
  for (const [key, values] of Object.entries(attributes)) if (key.toLowerCase() === lower) return values;
  return [];
}

function splitDn(dn: string): { rdn: string; parent: string } {
  for (let i = 0; i < dn.length; i++) {
    if (dn[i] === '\\') i++;
    else if (dn[i] === ',') return { rdn: dn.slice(0, i).trim(), parent: dn.slice(i + 1).trim() };
  }
  return { rdn: dn.trim(), parent: '' };
}

function withValues(
  attributes: Readonly<Record<string, readonly string[]>>,
  name: string,
  values: readonly string[] | null,
): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const [key, v] of Object.entries(attributes))
    if (key.toLowerCase() !== name.toLowerCase()) out[key] = v;
  if (values && values.length > 0) out[name] = values;
  return out;
}

/**
 * Wraps a provisioning target so every write is recorded as an LDIF change record with the attributes it
 * changes (before → after); with `dryRun` nothing is sent and writes answer with the entry as it would be, so
 * the provisioner runs its real logic (mapping, matching, minimal diff) against the live directory without
 * changing it. Passwords are never recorded.
 * @param target the real target
 * @param options dry run or not
 * @example
 * const observed = observeTarget(target, { dryRun: true });
 * await createProvisioner({ ...options, target: observed.target }).createUser(user);
 * for (const w of observed.writes) if (w.change) process.stdout.write(formatLdifChange(w.change));
 */
export function observeTarget(
  target: ObservableTarget,
  options: ObserveOptions,
): { readonly target: ObservableTarget; readonly writes: readonly ObservedWrite[] } {
  const writes: ObservedWrite[] = [];
  const simulated = new Map<string, ObservedEntry>();
  const key = (dn: string): string => dn.toLowerCase().replace(/\s*,\s*/g, ',');
  const read = async (dn: string): Promise<ObservedEntry | undefined> =>
    simulated.get(key(dn)) ?? (await target.readByDn(dn));
  const remember = (entry: ObservedEntry): ObservedEntry => {
    if (options.dryRun) simulated.set(key(entry.dn), entry);
    return entry;
  };

  const observed: ObservableTarget = {
    async add(entry, addOptions) {
      const attributes = { objectClass: entry.objectClasses, ...entry.attributes };
      writes.push({
        operation: 'add',
        dn: entry.dn,
        change: { type: 'add', dn: entry.dn, attributes },
        changes: Object.entries(attributes).map(([attribute, after]) => ({ attribute, before: [], after })),
      });
      if (addOptions?.password !== undefined)
        writes.push({
          operation: 'setPassword',
          dn: entry.dn,
          note: 'password set (value not shown)',
          changes: [],
        });
      if (!options.dryRun) return target.add(entry, addOptions);
      return remember({
        dn: entry.dn,
        anchor: DRY_RUN_ANCHOR,
        objectClasses: entry.objectClasses,
        attributes: entry.attributes,
      });
    },
    async modify(dn, attributes) {
      const current = await read(dn);
      const held = current?.attributes ?? {};
      const changes: AttributeChange[] = [];
      const modifications: {
        operation: 'replace' | 'delete';
        attribute: string;
        values: readonly string[];
      }[] = [];
      let next: Readonly<Record<string, readonly string[]>> = held;
      for (const [attribute, values] of Object.entries(attributes)) {
        const before =
          attribute.toLowerCase() === 'objectclass'
            ? (current?.objectClasses ?? [])
            : valuesOf(held, attribute);
        const after = values ?? [];
        changes.push({ attribute, before, after });
        modifications.push(
          after.length > 0
            ? { operation: 'replace', attribute, values: after }
            : { operation: 'delete', attribute, values: [] },
        );
        next = withValues(next, attribute, values);
      }
      writes.push({ operation: 'modify', dn, change: { type: 'modify', dn, modifications }, changes });
      if (!options.dryRun) return target.modify(dn, attributes);
      if (!current) throw new Error(`${dn} does not exist`);
      const objectClasses = attributes.objectClass ?? current.objectClasses;
      return remember({ ...current, objectClasses, attributes: next });
    },
    async rename(dn, newDn) {
      const from = splitDn(dn);
      const to = splitDn(newDn);
      const moved = key(from.parent) !== key(to.parent);
      writes.push({
        operation: 'rename',
        dn,
        change: {
          type: 'modrdn',
          dn,
          newRdn: to.rdn,
          deleteOldRdn: true,
          ...(moved ? { newSuperior: to.parent } : {}),
        },
        changes: [{ attribute: 'dn', before: [dn], after: [newDn] }],
      });
      if (!options.dryRun) return target.rename(dn, newDn);
      const current = await read(dn);
      if (!current) throw new Error(`${dn} does not exist`);
      simulated.delete(key(dn));
      return remember({ ...current, dn: newDn });
    },
    async delete(dn, deleteOptions) {
      writes.push({ operation: 'delete', dn, change: { type: 'delete', dn }, changes: [] });
      if (!options.dryRun) await target.delete(dn, deleteOptions);
    },
    async setPassword(dn, password) {
      writes.push({ operation: 'setPassword', dn, note: 'password set (value not shown)', changes: [] });
      if (!options.dryRun) await target.setPassword(dn, password);
    },
    async setDisabled(dn, disabled) {
      const current = await read(dn);
      writes.push({
        operation: 'setDisabled',
        dn,
        note: `${disabled ? 'disabled' : 'enabled'} by the connector's lock profile`,
        changes: [
          {
            attribute: '(disabled)',
            before: [String(current?.disabled ?? false)],
            after: [String(disabled)],
          },
        ],
      });
      if (!options.dryRun) return target.setDisabled(dn, disabled);
      if (!current) throw new Error(`${dn} does not exist`);
      return remember({ ...current, disabled });
    },
    readByDn: (dn) => read(dn),
    async readByAnchor(anchor) {
      for (const entry of simulated.values()) if (entry.anchor === anchor) return entry;
      return target.readByAnchor(anchor);
    },
    search: (attribute, value) => target.search(attribute, value),
  };
  return { target: observed, writes };
}
