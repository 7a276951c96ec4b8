/** URN of the ListResponse message (RFC 7644 §3.4.2). */
export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** A SCIM ListResponse, members in the order Entra's documentation shows them. */
export interface ListResponse<T> {
  readonly schemas: readonly [typeof LIST_RESPONSE_SCHEMA];
  readonly totalResults: number;
  readonly Resources: readonly T[];
  readonly startIndex: number;
  readonly itemsPerPage: number;
}

/** Paging figures of a {@link listResponse}; omitted ones default to "this page is everything". */
export interface ListResponseOptions {
  /** Total number of matches across all pages (default: the number of resources given). */
  readonly totalResults?: number;
  /** 1-based index of the first resource of this page (default 1). */
  readonly startIndex?: number;
}

/**
 * Wraps one page of resources in a ListResponse (RFC 7644 §3.4.2). Queries must always answer with one, even
 * when nothing matched (Entra's test-connection probe expects `totalResults: 0` and `Resources: []`).
 *
 * @param resources the (projected) resources of this page
 * @param options total and start index
 * @example
 * listResponse([], {}); // { schemas: [...], totalResults: 0, Resources: [], startIndex: 1, itemsPerPage: 0 }
 */
export function listResponse<T>(resources: readonly T[], options: ListResponseOptions = {}): ListResponse<T> {
  return {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults: options.totalResults ?? resources.length,
    Resources: resources,
    startIndex: options.startIndex ?? 1,
    itemsPerPage: resources.length,
  };
}
