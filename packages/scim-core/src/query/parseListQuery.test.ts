import { describe, expect, it } from 'vitest';
import { entraFilters } from '../../test/fixtures/entra.ts';
import { showFilter } from '../../test/fixtures/showFilter.ts';
import { parseListQuery, ScimError } from '../index.ts';

describe('parseListQuery: Entra query shapes (entra-ecma-facts §3.6, §4.2, §4.3)', () => {
  it.each(entraFilters)('parses %s from a form-encoded query string', (filter) => {
    const encoded = new URLSearchParams({ filter }).toString();
    const query = parseListQuery(encoded);
    expect(query.filterText).toBe(filter);
    expect(query.filter?.kind).toMatch(/^(compare|valuePath)$/);
  });

  it('parses the group lookup with excludedAttributes=members', () => {
    const query = parseListQuery('excludedAttributes=members&filter=displayName+eq+%22Group+One%22');
    expect(query.excludedAttributes).toEqual(['members']);
    expect(query.filter && showFilter(query.filter)).toBe('displayName eq "Group One"');
  });
});

describe('parseListQuery', () => {
  it('applies defaults: startIndex 1, count 100, ascending, no filter', () => {
    expect(parseListQuery({})).toEqual({
      startIndex: 1,
      count: 100,
      attributes: [],
      excludedAttributes: [],
      sortOrder: 'ascending',
    });
  });

  it("decodes Entra's form-encoded probe and keeps the filter text", () => {
    const query = parseListQuery('?filter=PLACEHOLDER+eq+%228646d011-1693-4cd3-9ee6-0d7482ca2219%22');
    expect(query.filterText).toBe('PLACEHOLDER eq "8646d011-1693-4cd3-9ee6-0d7482ca2219"');
    expect(query.filter && showFilter(query.filter)).toBe(
      'PLACEHOLDER eq "8646d011-1693-4cd3-9ee6-0d7482ca2219"',
    );
  });

  it('reads URLSearchParams and records with repeated identical values, names in any case', () => {
    const params = new URLSearchParams({ excludedAttributes: 'members', filter: 'displayName eq "G"' });
    expect(parseListQuery(params)).toMatchObject({ excludedAttributes: ['members'] });
    expect(parseListQuery({ COUNT: ['5', '5'], StartIndex: '3' })).toMatchObject({ count: 5, startIndex: 3 });
  });

  it('clamps startIndex below 1 to 1, negative count to 0 and count above maxResults to it (RFC 7644 §3.4.2.4)', () => {
    expect(parseListQuery({ startIndex: '0', count: '-4' })).toMatchObject({ startIndex: 1, count: 0 });
    expect(parseListQuery({ count: '5000' }, { maxResults: 200 })).toMatchObject({ count: 200 });
    expect(parseListQuery({}, { defaultCount: 20 })).toMatchObject({ count: 20 });
  });

  it('splits attribute lists and validates sortBy/sortOrder', () => {
    expect(
      parseListQuery({
        attributes:
          'userName, name.familyName ,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
        sortBy: 'meta.lastModified',
        sortOrder: 'DESCENDING',
      }),
    ).toMatchObject({
      attributes: [
        'userName',
        'name.familyName',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
      ],
      sortBy: 'meta.lastModified',
      sortOrder: 'descending',
    });
  });

  const bad: [Record<string, string | string[]>, string, RegExp][] = [
    [{ count: 'ten' }, 'invalidValue', /"count" must be an integer, got "ten"/],
    [{ startIndex: '1.5' }, 'invalidValue', /"startIndex" must be an integer/],
    [{ sortOrder: 'up' }, 'invalidValue', /"sortOrder" must be "ascending" or "descending"/],
    [{ attributes: 'userName,name..x' }, 'invalidValue', /"attributes": "name..x" is not an attribute path/],
    [{ filter: ['userName eq "a"', 'userName eq "b"'] }, 'invalidValue', /"filter" is given more than once/],
    [{ filter: 'userName eq' }, 'invalidFilter', /Expected a value/],
  ];
  it.each(bad)('rejects %j with 400 %s', (input, scimType, detail) => {
    try {
      parseListQuery(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScimError);
      expect((error as ScimError).scimType).toBe(scimType);
      expect((error as ScimError).detail).toMatch(detail);
    }
  });
});
