import type { Filter } from '../filter/ast.ts';
import { parseAttributePath } from '../filter/parseAttributePath.ts';
import { parseFilter } from '../filter/parseFilter.ts';
import { FilterSyntaxError } from '../filter/scanFilter.ts';
import { badRequest } from '../ScimError.ts';

/** A validated list/query request (RFC 7644 §3.4.2), with defaults applied. */
export interface ListQuery {
  readonly filter?: Filter;
  /** The filter text as received (after URL decoding), for logs and caret errors. */
  readonly filterText?: string;
  /** 1-based index of the first result (RFC 7644 §3.4.2.4); values below 1 become 1. */
  readonly startIndex: number;
  /** Page size, capped at `maxResults`; negative values become 0. */
  readonly count: number;
  readonly attributes: readonly string[];
  readonly excludedAttributes: readonly string[];
  readonly sortBy?: string;
  readonly sortOrder: 'ascending' | 'descending';
}

/** Options of {@link parseListQuery}. */
export interface ListQueryOptions {
  /** Page size when the client gives no `count` (default 100). */
  readonly defaultCount?: number;
  /** Largest page served, as published in ServiceProviderConfig `filter.maxResults` (default 200). */
  readonly maxResults?: number;
  /** Longest filter accepted (default 4096 characters). */
  readonly filterMaxLength?: number;
}

/** Query parameters as URLSearchParams, a raw query string, or a record (values decoded, maybe repeated). */
export type QueryInput =
  | URLSearchParams
  | string
  | { readonly [name: string]: string | readonly string[] | undefined };

const NAMES = [
  'filter',
  'startindex',
  'count',
  'attributes',
  'excludedattributes',
  'sortby',
  'sortorder',
] as const;
type Name = (typeof NAMES)[number];

function collect(input: QueryInput): Map<Name, string> {
  const out = new Map<Name, string>();
  const add = (rawName: string, value: string): void => {
    const name = rawName.toLowerCase() as Name;
    if (!NAMES.includes(name)) return;
    if (out.has(name) && out.get(name) !== value) {
      throw badRequest('invalidValue', `Query parameter "${rawName}" is given more than once`);
    }
    out.set(name, value);
  };
  if (typeof input === 'string' || input instanceof URLSearchParams) {
    const params =
      typeof input === 'string' ? new URLSearchParams(input.startsWith('?') ? input.slice(1) : input) : input;
    for (const [name, value] of params) add(name, value);
    return out;
  }
  for (const name of Object.keys(input)) {
    const value = input[name];
    if (typeof value === 'string') add(name, value);
    else if (Array.isArray(value)) for (const item of value) add(name, item);
  }
  return out;
}

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  if (!/^\s*[+-]?\d{1,15}\s*$/.test(text))
    throw badRequest(
      'invalidValue',
      `Query parameter "${name}" must be an integer, got "${text.slice(0, 40)}"`,
    );
  return Number.parseInt(text, 10);
}

function attributeList(name: string, text: string | undefined): string[] {
  if (text === undefined) return [];
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const item of items) validatePath(name, item);
  return items;
}

function validatePath(name: string, item: string): void {
  try {
    parseAttributePath(item, 0);
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    throw badRequest(
      'invalidValue',
      `Query parameter "${name}": "${item.slice(0, 80)}" is not an attribute path (${error.message})`,
    );
  }
}

/**
 * Parses and validates the query parameters of `GET /Users` (RFC 7644 §3.4.2): filter, startIndex, count,
 * attributes, excludedAttributes, sortBy, sortOrder. Parameter names are case-insensitive; bad values give a 400
 * naming the parameter.
 *
 * @param input URLSearchParams, a query string (form-encoded, `+` for space) or a record of decoded values
 * @param options page size default and cap
 * @example
 * const query = parseListQuery('filter=userName+eq+%22bjensen%22&count=10');
 * // query.filter.kind === 'compare', query.count === 10, query.startIndex === 1
 */
export function parseListQuery(input: QueryInput, options: ListQueryOptions = {}): ListQuery {
  const params = collect(input);
  const maxResults = options.maxResults ?? 200;
  const filterText = params.get('filter');
  const startIndex = Math.max(1, integer('startIndex', params.get('startindex')) ?? 1);
  const count = Math.min(
    maxResults,
    Math.max(0, integer('count', params.get('count')) ?? options.defaultCount ?? 100),
  );
  const sortBy = params.get('sortby')?.trim() || undefined;
  if (sortBy !== undefined) validatePath('sortBy', sortBy);
  const order = params.get('sortorder')?.trim().toLowerCase() || 'ascending';
  if (order !== 'ascending' && order !== 'descending') {
    throw badRequest(
      'invalidValue',
      `Query parameter "sortOrder" must be "ascending" or "descending", got "${order.slice(0, 40)}"`,
    );
  }
  const hasFilter = filterText !== undefined && filterText.trim() !== '';
  return {
    ...(hasFilter
      ? {
          filter: parseFilter(
            filterText,
            options.filterMaxLength === undefined ? {} : { maxLength: options.filterMaxLength },
          ),
          filterText,
        }
      : {}),
    startIndex,
    count,
    attributes: attributeList('attributes', params.get('attributes')),
    excludedAttributes: attributeList('excludedAttributes', params.get('excludedattributes')),
    ...(sortBy === undefined ? {} : { sortBy }),
    sortOrder: order,
  };
}
