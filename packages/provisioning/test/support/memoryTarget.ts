import type { DirectoryEntry, DirectoryTarget, NewDirectoryEntry } from '../../src/index.ts';
import { normalizeDn, parentDn } from '../../src/index.ts';

/** A call the test double received, for asserting exactly what provisioning sent. */
export type TargetCall =
  | { op: 'add'; dn: string; attributes: string[]; password: boolean }
  | { op: 'modify'; dn: string; attributes: Record<string, readonly string[] | null> }
  | { op: 'rename'; dn: string; newDn: string }
  | { op: 'delete'; dn: string }
  | { op: 'setPassword'; dn: string }
  | { op: 'setDisabled'; dn: string; disabled: boolean };

class FakeLdapError extends Error {
  constructor(
    message: string,
    readonly kind: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * An in-memory DirectoryTarget for unit tests of the translation logic only (what provisioning sends for a
 * given SCIM request). Live behaviour is tested against OpenLDAP in test/*.test.ts.
 */
export function memoryTarget(containers: readonly string[]): DirectoryTarget & {
  calls: TargetCall[];
  entries: Map<string, DirectoryEntry>;
  passwords: Map<string, string>;
} {
  const entries = new Map<string, DirectoryEntry>();
  const passwords = new Map<string, string>();
  const calls: TargetCall[] = [];
  const known = new Set(containers.map(normalizeDn));
  let next = 1;
  const get = (dn: string): DirectoryEntry => {
    const entry = entries.get(normalizeDn(dn));
    if (!entry) throw new FakeLdapError(`No such object: ${dn}`, 'noSuchObject', 'noSuchObject');
    return entry;
  };
  const put = (entry: DirectoryEntry): DirectoryEntry => {
    entries.set(normalizeDn(entry.dn), entry);
    return entry;
  };
  return {
    calls,
    entries,
    passwords,
    async add(entry: NewDirectoryEntry, options) {
      calls.push({
        op: 'add',
        dn: entry.dn,
        attributes: Object.keys(entry.attributes),
        password: options?.password !== undefined,
      });
      if (entries.has(normalizeDn(entry.dn)))
        throw new FakeLdapError('Already exists', 'conflict', 'entryAlreadyExists');
      if (!known.has(normalizeDn(parentDn(entry.dn))))
        throw new FakeLdapError('No such object', 'noSuchObject', 'noSuchObject');
      if (options?.password) passwords.set(normalizeDn(entry.dn), options.password);
      return put({
        dn: entry.dn,
        anchor: `anchor-${next++}`,
        objectClasses: [...entry.objectClasses],
        attributes: { ...entry.attributes },
        disabled: false,
      });
    },
    async modify(dn, attributes) {
      calls.push({ op: 'modify', dn, attributes });
      const entry = get(dn);
      const next: Record<string, readonly string[]> = { ...entry.attributes };
      let objectClasses = entry.objectClasses;
      for (const [name, values] of Object.entries(attributes)) {
        if (name.toLowerCase() === 'objectclass') objectClasses = values ?? [];
        else if (values === null || values.length === 0) delete next[name];
        else next[name] = values;
      }
      return put({ ...entry, objectClasses, attributes: next });
    },
    async rename(dn, newDn) {
      calls.push({ op: 'rename', dn, newDn });
      const entry = get(dn);
      entries.delete(normalizeDn(dn));
      return put({ ...entry, dn: newDn });
    },
    async delete(dn) {
      calls.push({ op: 'delete', dn });
      get(dn);
      entries.delete(normalizeDn(dn));
    },
    async setPassword(dn, password) {
      calls.push({ op: 'setPassword', dn });
      get(dn);
      passwords.set(normalizeDn(dn), password);
    },
    async setDisabled(dn, disabled) {
      calls.push({ op: 'setDisabled', dn, disabled });
      return put({ ...get(dn), disabled });
    },
    async readByDn(dn) {
      return entries.get(normalizeDn(dn));
    },
    async readByAnchor(anchor) {
      return [...entries.values()].find((e) => e.anchor === anchor);
    },
    async search(attribute, value) {
      const wanted = attribute.toLowerCase();
      return [...entries.values()].filter((e) =>
        Object.entries(e.attributes).some(
          ([name, values]) =>
            name.toLowerCase() === wanted && values.some((v) => v.toLowerCase() === value.toLowerCase()),
        ),
      );
    },
  };
}
