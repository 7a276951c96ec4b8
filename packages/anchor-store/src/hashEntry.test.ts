import { describe, expect, it } from 'vitest';
import { hashEntry } from './index.ts';

const base = {
  dn: 'uid=jo,ou=People,dc=example,dc=org',
  objectClasses: ['top', 'inetOrgPerson'],
  attributes: { cn: ['Jo'], mail: ['jo@example.org', 'j.o@example.org'], sn: ['O'] },
};

describe('hashEntry', () => {
  it('ignores attribute order, name case, object-class case and value order', () => {
    expect(
      hashEntry({
        dn: base.dn,
        objectClasses: ['INETORGPERSON', 'top'],
        attributes: { SN: ['O'], Mail: ['j.o@example.org', 'jo@example.org'], cn: ['Jo'], description: [] },
      }),
    ).toBe(hashEntry(base));
  });

  it('changes with any value, with value case, and with the DN', () => {
    const h = hashEntry(base);
    expect(hashEntry({ ...base, attributes: { ...base.attributes, cn: ['jo'] } })).not.toBe(h);
    expect(hashEntry({ ...base, attributes: { ...base.attributes, sn: ['O', 'P'] } })).not.toBe(h);
    expect(hashEntry({ ...base, dn: 'uid=jo,ou=Staff,dc=example,dc=org' })).not.toBe(h);
    expect(hashEntry({ ...base, objectClasses: ['top'] })).not.toBe(h);
  });

  it('cannot be fooled by moving text between fields', () => {
    expect(hashEntry({ dn: 'x', objectClasses: [], attributes: { a: ['bc'] } })).not.toBe(
      hashEntry({ dn: 'x', objectClasses: [], attributes: { ab: ['c'] } }),
    );
    expect(hashEntry({ dn: 'x', objectClasses: [], attributes: { a: ['b', 'c'] } })).not.toBe(
      hashEntry({ dn: 'x', objectClasses: [], attributes: { a: ['b\u00031:c'] } }),
    );
  });

  it('gives the same hash whatever attribute lists came before (cached name orders)', () => {
    const h = hashEntry(base);
    for (let i = 0; i < 40; i++) {
      hashEntry({ dn: base.dn, objectClasses: ['top'], attributes: { [`a${i}`]: ['x'], cn: ['Jo'] } });
    }
    expect(hashEntry(base)).toBe(h);
    expect(
      hashEntry({
        ...base,
        attributes: { mail: ['jo@example.org', 'j.o@example.org'], sn: ['O'], cn: ['Jo'] },
      }),
    ).toBe(h);
    expect(hashEntry({ ...base, attributes: { cn: ['Jo'], mail: ['jo@example.org'], sn: ['O'] } })).not.toBe(
      h,
    );
  });
});
