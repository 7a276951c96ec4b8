import type { EntryInput } from '../AnchorStore.ts';

/**
 * A small inetOrgPerson entry for contract tests; `overrides` replace top-level fields.
 * @internal
 */
export function _person(n: number, overrides: Partial<EntryInput> = {}): EntryInput {
  return {
    anchor: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    dn: `uid=user${n},ou=People,dc=example,dc=org`,
    objectClasses: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'],
    attributes: {
      uid: [`user${n}`],
      cn: [`User ${n}`],
      sn: [`Number${n}`],
      mail: [`User${n}@Example.org`],
      employeeNumber: [`E${n}`],
    },
    ...overrides,
  };
}

/**
 * A fake clock that moves one minute per reading, so run start and finish times are predictable.
 * @internal
 */
export function _fakeClock(start = Date.UTC(2026, 0, 1, 0, 0, 0)): () => Date {
  let t = start;
  return () => {
    const d = new Date(t);
    t += 60_000;
    return d;
  };
}
