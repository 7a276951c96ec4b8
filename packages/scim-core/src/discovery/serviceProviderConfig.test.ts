import { describe, expect, it } from 'vitest';
import { serviceProviderConfig } from '../index.ts';

describe('serviceProviderConfig', () => {
  it('publishes exactly the given capabilities, bulk off and bearer-token auth', () => {
    const config = serviceProviderConfig({
      maxResults: 200,
      patch: true,
      etag: true,
      changePassword: true,
      baseUrl: 'https://h/scim',
    });
    expect(config).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: true },
      sort: { supported: false },
      etag: { supported: true },
      meta: { resourceType: 'ServiceProviderConfig', location: 'https://h/scim/ServiceProviderConfig' },
    });
    expect(config['authenticationSchemes']).toEqual([
      expect.objectContaining({ type: 'oauthbearertoken', primary: true }),
    ]);
  });

  it('claims nothing that is not switched on', () => {
    const config = serviceProviderConfig({ maxResults: 50 });
    for (const feature of ['patch', 'changePassword', 'sort', 'etag'])
      expect(config[feature]).toEqual({ supported: false });
  });
});
