import { describe, expect, it } from 'vitest';
import { DRY_RUN_ANCHOR, type ObservableTarget, type ObservedEntry, observeTarget } from './index.ts';

/** A directory held in a Map: enough to see what the wrapper sends on and what it answers. */
function mapTarget(initial: ObservedEntry[]): {
  target: ObservableTarget;
  calls: string[];
  entries: Map<string, ObservedEntry>;
} {
  const entries = new Map(initial.map((e) => [e.dn, e]));
  const calls: string[] = [];
  const get = (dn: string): ObservedEntry => {
    const e = entries.get(dn);
    if (!e) throw new Error(`no ${dn}`);
    return e;
  };
  const target: ObservableTarget = {
    async add(entry) {
      calls.push(`add ${entry.dn}`);
      const e = { ...entry, anchor: 'a-new' };
      entries.set(entry.dn, e);
      return e;
    },
    async modify(dn, attributes) {
      calls.push(`modify ${dn}`);
      const e = get(dn);
      const next = { ...e.attributes };
      for (const [k, v] of Object.entries(attributes)) {
        if (v?.length) next[k] = v;
        else delete next[k];
      }
      const updated = { ...e, attributes: next };
      entries.set(dn, updated);
      return updated;
    },
    async rename(dn, newDn) {
      calls.push(`rename ${dn}`);
      const e = { ...get(dn), dn: newDn };
      entries.delete(dn);
      entries.set(newDn, e);
      return e;
    },
    async delete(dn) {
      calls.push(`delete ${dn}`);
      entries.delete(dn);
    },
    async setPassword(dn) {
      calls.push(`setPassword ${dn}`);
    },
    async setDisabled(dn, disabled) {
      calls.push(`setDisabled ${dn}`);
      return { ...get(dn), disabled };
    },
    readByDn: async (dn) => entries.get(dn),
    readByAnchor: async (anchor) => [...entries.values()].find((e) => e.anchor === anchor),
    search: async (attribute, value) =>
      [...entries.values()].filter((e) => e.attributes[attribute]?.includes(value)),
  };
  return { target, calls, entries };
}

const ada: ObservedEntry = {
  dn: 'uid=ada,ou=people,dc=x',
  anchor: 'a-1',
  objectClasses: ['inetOrgPerson'],
  attributes: { uid: ['ada'], title: ['Dev'], mail: ['ada@x.org'] },
};

describe('observeTarget', () => {
  it('in a dry run sends no write, records LDIF change records, and answers later reads with the simulated entry', async () => {
    const real = mapTarget([ada]);
    const { target, writes } = observeTarget(real.target, { dryRun: true });
    const modified = await target.modify(ada.dn, { title: ['Lead'], mail: null });
    expect(modified.attributes).toEqual({ uid: ['ada'], title: ['Lead'] });
    expect((await target.readByDn(ada.dn))?.attributes.title).toEqual(['Lead']);
    const added = await target.add(
      { dn: 'uid=bob,dc=x', objectClasses: ['person'], attributes: { sn: ['B'] } },
      { password: 'Secret-1' },
    );
    expect(added.anchor).toBe(DRY_RUN_ANCHOR);
    const renamed = await target.rename(ada.dn, 'uid=ada2,ou=staff,dc=x');
    expect(renamed.dn).toBe('uid=ada2,ou=staff,dc=x');
    await target.setPassword('uid=bob,dc=x', 'Secret-2');
    expect(real.calls).toEqual([]);
    expect(real.entries.get(ada.dn)).toEqual(ada);
    expect(writes.map((w) => w.change?.type ?? w.operation)).toEqual([
      'modify',
      'add',
      'setPassword',
      'modrdn',
      'setPassword',
    ]);
    expect(writes[0]?.change).toEqual({
      type: 'modify',
      dn: ada.dn,
      modifications: [
        { operation: 'replace', attribute: 'title', values: ['Lead'] },
        { operation: 'delete', attribute: 'mail', values: [] },
      ],
    });
    expect(writes[0]?.changes).toEqual([
      { attribute: 'title', before: ['Dev'], after: ['Lead'] },
      { attribute: 'mail', before: ['ada@x.org'], after: [] },
    ]);
    expect(writes[3]?.change).toEqual({
      type: 'modrdn',
      dn: ada.dn,
      newRdn: 'uid=ada2',
      deleteOldRdn: true,
      newSuperior: 'ou=staff,dc=x',
    });
    expect(JSON.stringify(writes)).not.toMatch(/Secret/);
  });

  it('for real sends every write on and still records what changed', async () => {
    const real = mapTarget([ada]);
    const { target, writes } = observeTarget(real.target, { dryRun: false });
    await target.modify(ada.dn, { title: ['Lead'] });
    await target.setDisabled(ada.dn, true);
    expect(real.calls).toEqual([`modify ${ada.dn}`, `setDisabled ${ada.dn}`]);
    expect(real.entries.get(ada.dn)?.attributes.title).toEqual(['Lead']);
    expect(writes.map((w) => w.operation)).toEqual(['modify', 'setDisabled']);
    expect(writes[1]?.changes).toEqual([{ attribute: '(disabled)', before: ['false'], after: ['true'] }]);
  });
});
