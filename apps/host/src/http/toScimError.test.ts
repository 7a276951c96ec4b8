import { LdapOperationError } from '@scim2ldap/run-profiles';
import { describe, expect, it } from 'vitest';
import { toScimError } from '../index.ts';

const ldap = (kind: ConstructorParameters<typeof LdapOperationError>[1]['kind'], code: string) =>
  new LdapOperationError(`the directory said ${code}`, { kind, code, operation: 'add' });

describe('toScimError at the HTTP edge', () => {
  it.each([
    ['conflict', 'entryAlreadyExists', 409, 'uniqueness'],
    ['schema', 'objectClassViolation', 400, 'invalidValue'],
    ['invalid', 'invalidDNSyntax', 400, 'invalidValue'],
    ['noSuchObject', 'noSuchObject', 404, undefined],
    ['access', 'insufficientAccessRights', 403, undefined],
    ['unsupported', 'unavailableCriticalExtension', 502, undefined],
    ['other', 'other', 502, undefined],
  ] as const)('answers an LDAP %s error (%s) with %i', (kind, code, status, scimType) => {
    const answer = toScimError(ldap(kind, code));
    expect(answer.status).toBe(status);
    expect(answer.body.scimType).toBe(scimType);
    expect(answer.code).toBe(code);
    expect(answer.body.detail).toContain(`the directory said ${code}`);
  });

  it('answers a directory that is down with 503 and Retry-After', () => {
    const answer = toScimError(ldap('network', 'ECONNREFUSED'));
    expect(answer.status).toBe(503);
    expect(answer.headers['Retry-After']).toBe('30');
  });

  it('keeps 500 for an error nobody classified', () => {
    expect(toScimError(new TypeError('x is undefined')).status).toBe(500);
  });
});
