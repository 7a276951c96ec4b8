import { describe, expect, it } from 'vitest';
import { _canonicalEntry, _contentHash, _parseBody } from './canonicalEntry.ts';

const dn = 'uid=jo,ou=People,dc=example,dc=org';
const classes = ['top', 'inetOrgPerson'];

/** Stores an entry the way a driver does and reads it back. */
function roundTrip(attributes: Record<string, string[]>): [string[], Record<string, string[]>] {
  return _parseBody(_canonicalEntry(dn, classes, attributes).body);
}

describe('_canonicalEntry body', () => {
  it('writes the compact form and reads it back in canonical order', () => {
    const { body } = _canonicalEntry(dn, classes, { sn: ['O'], CN: ['Jo'], mail: ['b@x', 'a@x'] });
    expect(body).toBe('[["top","inetOrgPerson"],["CN","mail","sn"]]\u001dJo\u001eb@x\u001fa@x\u001eO');
    expect(_parseBody(body)).toEqual([classes, { CN: ['Jo'], mail: ['b@x', 'a@x'], sn: ['O'] }]);
  });

  it('reads back empty strings, no attributes and values holding the header mark', () => {
    expect(roundTrip({ a: [''], b: ['', ''] })).toEqual([classes, { a: [''], b: ['', ''] }]);
    expect(roundTrip({})).toEqual([classes, {}]);
    expect(roundTrip({ a: [] })).toEqual([classes, {}]);
    expect(roundTrip({ a: ['x\u001dy'], b: ['\u001d'] })).toEqual([
      classes,
      { a: ['x\u001dy'], b: ['\u001d'] },
    ]);
  });

  it('falls back to JSON when a value holds a separator, and reads that back', () => {
    for (const value of ['a\u001fb', 'a\u001eb', '\u001e', '\u001f\u001e']) {
      const attributes = { cn: [value], mail: ['m', value] };
      const { body } = _canonicalEntry(dn, classes, attributes);
      expect(body.startsWith('[["top","inetOrgPerson"],["cn","mail"],[')).toBe(true);
      expect(_parseBody(body)).toEqual([classes, attributes]);
    }
  });

  it('reads the two JSON forms written by earlier versions', () => {
    expect(_parseBody('[["top"],["cn","mail"],[["Jo"],["a@x","b@x"]]]')).toEqual([
      ['top'],
      { cn: ['Jo'], mail: ['a@x', 'b@x'] },
    ]);
    expect(_parseBody('[["top"],{"cn":["Jo"]}]')).toEqual([['top'], { cn: ['Jo'] }]);
  });

  it('keeps an attribute named __proto__ as an attribute', () => {
    const [, attributes] = roundTrip({ ['__proto__']: ['x'], cn: ['Jo'] } as Record<string, string[]>);
    expect(Object.keys(attributes)).toEqual(['__proto__', 'cn']);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
  });
});

describe('_canonicalEntry hash', () => {
  const hashOf = (attributes: Record<string, string[]>): string =>
    _canonicalEntry(dn, classes, attributes).hash;

  it('tells the two forms apart: separators inside a value are not value boundaries', () => {
    expect(hashOf({ a: ['b\u001fc'] })).not.toBe(hashOf({ a: ['b', 'c'] }));
    expect(hashOf({ a: ['b\u001ec'] })).not.toBe(hashOf({ a: ['b'], c: ['c'] }));
    expect(hashOf({ a: ['[["b"]]'] })).not.toBe(hashOf({ a: ['b'] }));
  });

  it('is the same for any value order, in either form', () => {
    expect(hashOf({ m: ['b', 'a', 'c'] })).toBe(hashOf({ m: ['c', 'a', 'b'] }));
    expect(hashOf({ m: ['b\u001f', 'a'] })).toBe(hashOf({ m: ['a', 'b\u001f'] }));
    expect(hashOf({ m: ['b\u001f', 'a'] })).not.toBe(hashOf({ m: ['a', 'b'] }));
  });

  it('can be computed from the DN and body alone (the load writer thread) exactly when a prefix is given', () => {
    const inOrder = _canonicalEntry(dn, classes, { cn: ['Jo'], mail: ['a@x', 'b@x'] });
    expect(inOrder.hashPrefix).toBeDefined();
    expect(_contentHash(dn, inOrder.hashPrefix!, inOrder.body)).toBe(inOrder.hash);
    // Values out of order (the hash needs a sorted text) or the JSON form: no prefix, the caller hashes.
    expect(_canonicalEntry(dn, classes, { mail: ['b@x', 'a@x'] }).hashPrefix).toBeUndefined();
    expect(_canonicalEntry(dn, classes, { cn: ['J\u001fo'] }).hashPrefix).toBeUndefined();
  });
});
