import { badRequest } from '../ScimError.ts';

/** The `meta` attribute of a resource (RFC 7643 §3.1). */
export interface ResourceMeta {
  readonly resourceType: string;
  readonly created?: string;
  readonly lastModified?: string;
  readonly location?: string;
  readonly version?: string;
}

/** Input of {@link buildMeta}; dates may be Date objects or ISO strings. */
export interface MetaInput {
  readonly resourceType: string;
  readonly created?: Date | string;
  readonly lastModified?: Date | string;
  readonly location?: string;
  /** Opaque version (e.g. a content hash); rendered as a weak ETag. */
  readonly version?: string;
}

function iso(value: Date | string, name: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime()))
    throw badRequest('invalidValue', `meta.${name} is not a valid date: ${String(value).slice(0, 40)}`);
  return date.toISOString();
}

/**
 * Builds a resource's `meta`: dates as ISO 8601 UTC, the version as a weak ETag; absent parts are omitted.
 *
 * @param input resource type, timestamps, location and version
 * @example
 * buildMeta({ resourceType: 'User', created: new Date(0), version: 'a1b2' });
 * // { resourceType: 'User', created: '1970-01-01T00:00:00.000Z', version: 'W/"a1b2"' }
 */
export function buildMeta(input: MetaInput): ResourceMeta {
  return {
    resourceType: input.resourceType,
    ...(input.created === undefined ? {} : { created: iso(input.created, 'created') }),
    ...(input.lastModified === undefined ? {} : { lastModified: iso(input.lastModified, 'lastModified') }),
    ...(input.location === undefined ? {} : { location: input.location }),
    ...(input.version === undefined ? {} : { version: weakETag(input.version) }),
  };
}

/**
 * The URL of a resource: base URL, endpoint and the id percent-encoded (ids may be DNs with `,` `=` and spaces).
 *
 * @param baseUrl e.g. `https://host:8585/ecma2host_LDAP/scim`
 * @param endpoint e.g. `/Users`
 * @param id the resource id
 */
export function resourceLocation(baseUrl: string, endpoint: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${endpoint.replace(/^\/+|\/+$/g, '')}/${encodeURIComponent(id)}`;
}

/**
 * Renders a version as a weak entity tag (RFC 7232 §2.3), as SCIM servers publish in `meta.version`.
 *
 * @param version an opaque version string; an existing ETag is returned unchanged
 */
export function weakETag(version: string): string {
  if (/^(W\/)?"[^"]*"$/.test(version)) return version;
  return `W/"${version.replace(/["\\]/g, '')}"`;
}

/**
 * Whether an `If-Match` header allows a write to a resource at `version` (RFC 7232 §3.1, weak comparison):
 * `*` or any listed tag with the same opaque value.
 *
 * @param ifMatch the header value
 * @param version the resource's current `meta.version`
 */
export function ifMatchSatisfied(ifMatch: string, version: string): boolean {
  if (ifMatch.trim() === '*') return true;
  const current = weakETag(version).replace(/^W\//, '');
  return ifMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === current);
}
