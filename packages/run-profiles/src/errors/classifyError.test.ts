import {
  AlreadyExistsError,
  BusyError,
  InsufficientAccessError,
  InvalidCredentialsError,
  NoSuchObjectError,
  ObjectClassViolationError,
  UnavailableError,
} from 'ldapts';
import { describe, expect, it } from 'vitest';
import { classifyError, LdapOperationError } from '../index.ts';

describe('classifyError', () => {
  it('maps result codes to kinds with the RFC names', () => {
    const cases: [Error, string, string][] = [
      [new AlreadyExistsError('Already exists'), 'entryAlreadyExists', 'conflict'],
      [new NoSuchObjectError(''), 'noSuchObject', 'noSuchObject'],
      [new InsufficientAccessError('no write access'), 'insufficientAccessRights', 'access'],
      [new BusyError('server busy'), 'busy', 'retryable'],
      [new UnavailableError('shutting down'), 'unavailable', 'retryable'],
      [
        new ObjectClassViolationError("object class 'person' requires attribute 'sn'"),
        'objectClassViolation',
        'schema',
      ],
    ];
    for (const [error, code, kind] of cases) {
      const classified = classifyError(error, { operation: 'add', dn: 'uid=a,dc=x' });
      expect(classified).toBeInstanceOf(LdapOperationError);
      expect([classified.code, classified.kind]).toEqual([code, kind]);
      expect(classified.cause).toBe(error);
    }
  });

  it('says the server is busy or unavailable and that the operation can be retried', () => {
    const error = classifyError(new BusyError('too many operations'), {
      operation: 'modify',
      dn: 'uid=a,dc=x',
    });
    expect(error.message).toBe(
      'modify uid=a,dc=x failed: busy (51), "too many operations". The server is busy or unavailable; the operation can be retried later.',
    );
  });

  it('names the attribute a schema diagnostic points at, only among those sent', () => {
    const attributes = { objectClass: ['inetOrgPerson'], sn: ['x'], mail: ['not an address'] };
    const missing = classifyError(
      new ObjectClassViolationError("object class 'inetOrgPerson' requires attribute 'sn'"),
      {
        operation: 'add',
        attributes,
      },
    );
    expect(missing.attribute).toBe('sn');
    expect(missing.message).toContain('The required attribute "sn" is missing');
    const unknownClass = classifyError(
      new ObjectClassViolationError('objectClass: value #0 invalid per syntax'),
      {
        operation: 'add',
        attributes,
      },
    );
    expect(unknownClass.attribute).toBe('objectClass');
    expect(unknownClass.message).toContain('objectClass value "inetOrgPerson"');
    const none = classifyError(new ObjectClassViolationError('something odd'), {
      operation: 'add',
      attributes,
    });
    expect(none.attribute).toBeUndefined();
    expect(none.message).toContain('check the object classes, required attributes and value syntax');
  });

  it('words a refused bind with the DN and never the password', () => {
    const error = classifyError(new InvalidCredentialsError('bad pw Hunter2!'), {
      operation: 'bind',
      bindDn: 'cn=admin,dc=x',
      secrets: ['Hunter2!'],
    });
    expect(error.kind).toBe('bind');
    expect(error.message).toContain('refused the bind as "cn=admin,dc=x"');
    expect(error.message).not.toContain('Hunter2!');
    expect(error.diagnostic).not.toContain('Hunter2!');
  });

  it('classifies transport failures: lost connection, refused, TLS, timeouts', () => {
    const lost = classifyError(new Error('Connection closed before message response was received.'), {
      operation: 'search',
      url: 'ldap://h:389',
    });
    expect([lost.code, lost.kind]).toEqual(['serverDown', 'retryable']);
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(classifyError(refused, { operation: 'connect', url: 'ldap://h:389' }).kind).toBe('network');
    const tls = Object.assign(new Error('unable to verify the first certificate'), {
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
    expect(classifyError(tls, { operation: 'connect', url: 'ldaps://h:636' }).message).toContain(
      'speaks LDAPS',
    );
    expect(classifyError(new Error('Connection timeout'), { operation: 'connect' }).kind).toBe('timeout');
    expect(classifyError(new Error('SearchRequest: Operation timed out'), { operation: 'search' }).code).toBe(
      'timeout',
    );
  });

  it('trims ApacheDS request dumps from diagnostics and reads their schema signals', () => {
    const dump =
      'LOOP_DETECT: failed for MessageType : ADD_REQUEST\nMessage ID : 4\n    userPassword: Secret-1\n: ERR_13735_ELEMENT_FOR_OID_DOES_NOT_EXIST OBJECT_CLASS for OID inetorgpersn does not exist!';
    const error = classifyError(Object.assign(new Error(`${dump} Code: 0x36`), { code: 54 }), {
      operation: 'add',
      attributes: { objectClass: ['top', 'inetOrgPersn'] },
    });
    expect(error.kind).toBe('schema');
    expect(error.attribute).toBe('objectClass');
    expect(error.message).toContain('"inetOrgPersn"');
    expect(error.message).not.toContain('Secret-1');
  });
});
