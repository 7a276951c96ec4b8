import { describe, expect, it } from 'vitest';
import { diffAttributes } from '../index.ts';

const single = (name: string): boolean | undefined =>
  ['displayname', 'uidnumber'].includes(name.toLowerCase())
    ? true
    : name === 'unknownAttr'
      ? undefined
      : false;

describe('diffAttributes: the minimal modification', () => {
  it('adds and deletes only the values that differ on a multi-valued attribute', () => {
    expect(diffAttributes({ mail: ['a@x', 'b@x'] }, { mail: ['b@x', 'c@x'] }, single)).toEqual([
      { operation: 'delete', attribute: 'mail', values: ['a@x'] },
      { operation: 'add', attribute: 'mail', values: ['c@x'] },
    ]);
  });

  it('replaces a changed single-valued attribute', () => {
    expect(diffAttributes({ displayName: ['Old'] }, { displayName: ['New'] }, single)).toEqual([
      { operation: 'replace', attribute: 'displayName', values: ['New'] },
    ]);
  });

  it('deletes the whole attribute when no value remains (null, [] or only empty strings)', () => {
    for (const wanted of [null, [], ['']]) {
      expect(diffAttributes({ title: ['T'] }, { title: wanted }, single)).toEqual([
        { operation: 'delete', attribute: 'title', values: [] },
      ]);
    }
  });

  it('never sends an empty string or a duplicate, and adds an attribute that was absent', () => {
    expect(diffAttributes({}, { telephoneNumber: ['', '1', '1'] }, single)).toEqual([
      { operation: 'add', attribute: 'telephoneNumber', values: ['1'] },
    ]);
  });

  it('sends nothing when nothing differs: order, attribute-name case, absent-and-removed', () => {
    expect(
      diffAttributes({ Mail: ['a', 'b'], sn: ['X'] }, { mail: ['b', 'a'], SN: ['X'], title: null }, single),
    ).toEqual([]);
  });

  it('leaves attributes that are not named alone', () => {
    expect(diffAttributes({ cn: ['A'], sn: ['B'] }, { sn: ['C'] }, () => true)).toEqual([
      { operation: 'replace', attribute: 'sn', values: ['C'] },
    ]);
  });

  it('handles a case-only change of a multi-valued value by delete then add, in one request', () => {
    expect(diffAttributes({ mail: ['A@x', 'b@x'] }, { mail: ['a@x', 'b@x'] }, single)).toEqual([
      { operation: 'delete', attribute: 'mail', values: ['A@x'] },
      { operation: 'add', attribute: 'mail', values: ['a@x'] },
    ]);
  });

  it('uses replace for one value to one value when the schema does not say', () => {
    expect(diffAttributes({ unknownAttr: ['1'] }, { unknownAttr: ['2'] }, single)).toEqual([
      { operation: 'replace', attribute: 'unknownAttr', values: ['2'] },
    ]);
  });
});
