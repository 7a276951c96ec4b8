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
  // Value and anchor indexes keep the double O(1), so benchmarks measure provisioning, not a linear scan.
  const byAnchor = new Map<string, string>();
  const byValue = new Map<string, Set<string>>();
  const valueKeys = (entry: DirectoryEntry): string[] =>
    Object.entries(entry.attributes).flatMap(([name, values]) =>
      values.map((v) => `${name.toLowerCase()}\0${v.toLowerCase()}`),
    );
  const unindex = (key: string): void => {
    const old = entries.get(key);
    if (!old) return;
    byAnchor.delete(old.anchor);
    for (const k of valueKeys(old)) byValue.get(k)?.delete(key);
  };
  const put = (entry: DirectoryEntry): DirectoryEntry => {
    const key = normalizeDn(entry.dn);
    unindex(key);
    entries.set(key, entry);
    byAnchor.set(entry.anchor, key);
    for (const k of valueKeys(entry)) {
      if (!byValue.has(k)) byValue.set(k, new Set());
      byValue.get(k)?.add(key);
    }
    return entry;
  };
  const remove = (dn: string): void => {
    const key = normalizeDn(dn);
    unindex(key);
    entries.delete(key);
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
      remove(dn);
      return put({ ...entry, dn: newDn });
    },
    async delete(dn) {
      calls.push({ op: 'delete', dn });
      get(dn);
      remove(dn);
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
      const key = byAnchor.get(anchor);
      return key === undefined ? undefined : entries.get(key);
    },
    async search(attribute, value) {
      const keys = byValue.get(`${attribute.toLowerCase()}\0${value.toLowerCase()}`) ?? new Set<string>();
      return [...keys].flatMap((key) => entries.get(key) ?? []);
    },
  };
}
