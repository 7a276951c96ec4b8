import { describe, expect, it } from 'vitest';
import { badRequest, ScimError, toScimErrorBody } from './index.ts';

describe('ScimError', () => {
  it('renders the RFC 7644 §3.12 body with status as a string', () => {
    const error = new ScimError(409, 'userName "bjensen" is already taken', { scimType: 'uniqueness' });
    expect(error.toScimErrorBody()).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
      detail: 'userName "bjensen" is already taken',
    });
    expect(new ScimError(404, 'Resource 42 not found').toScimErrorBody()).not.toHaveProperty('scimType');
  });

  it('keeps the cause for logs but never renders it', () => {
    const cause = new Error('LDAP bind password=hunter2 rejected');
    const error = badRequest('invalidValue', 'bad value', { cause });
    expect(error.cause).toBe(cause);
    expect(JSON.stringify(error.toScimErrorBody())).not.toContain('hunter2');
  });

  it('renders anything that is not a ScimError as a 500 without its message', () => {
    expect(toScimErrorBody(new Error('secret internals'))).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '500',
      detail: 'Internal server error',
    });
  });
});
