import { joinUrl } from './schemasDocument.ts';

/** URN of the ServiceProviderConfig resource (RFC 7643 §5). */
export const SERVICE_PROVIDER_CONFIG_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';

/** What the server really supports; every flag is published as given, nothing is claimed by default. */
export interface ServiceProviderConfigOptions {
  /** Largest page a query returns (the `maxResults` given to `parseListQuery`). */
  readonly maxResults: number;
  readonly patch?: boolean;
  readonly sort?: boolean;
  readonly etag?: boolean;
  readonly changePassword?: boolean;
  readonly documentationUri?: string;
  /** SCIM base URL, for `meta.location`. */
  readonly baseUrl?: string;
}

/**
 * The `/ServiceProviderConfig` document (RFC 7643 §5): PATCH, filter with its maxResults, sort, ETag and
 * change-password as the options say; bulk is not supported; authentication by bearer token.
 *
 * @param options what the server supports
 * @example
 * serviceProviderConfig({ maxResults: 200, patch: true, sort: false, etag: true, changePassword: true });
 */
export function serviceProviderConfig(options: ServiceProviderConfigOptions): Record<string, unknown> {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    ...(options.documentationUri === undefined ? {} : { documentationUri: options.documentationUri }),
    patch: { supported: options.patch ?? false },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: options.maxResults },
    changePassword: { supported: options.changePassword ?? false },
    sort: { supported: options.sort ?? false },
    etag: { supported: options.etag ?? false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description:
          'Authentication with a bearer token in the Authorization header (the Entra secret token)',
        primary: true,
      },
    ],
    meta: {
      resourceType: 'ServiceProviderConfig',
      ...(options.baseUrl === undefined
        ? {}
        : { location: joinUrl(options.baseUrl, 'ServiceProviderConfig') }),
    },
  };
}
