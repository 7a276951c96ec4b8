import { describe, expect, it } from 'vitest';
import { listResponse } from '../index.ts';

describe('listResponse', () => {
  it('renders the empty answer Entra expects for its probe, in its member order', () => {
    const body = listResponse([]);
    expect(JSON.stringify(body)).toBe(
      '{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"Resources":[],"startIndex":1,"itemsPerPage":0}',
    );
  });

  it('reports the page size and the total across pages', () => {
    expect(listResponse([{ id: 'a' }, { id: 'b' }], { totalResults: 7, startIndex: 3 })).toMatchObject({
      totalResults: 7,
      startIndex: 3,
      itemsPerPage: 2,
    });
  });
});
