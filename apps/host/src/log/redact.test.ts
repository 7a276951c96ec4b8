import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../index.ts';

const secrets = ['s3cr3t-token-value', 'bind-P@ss"word\\x'];

/** Keys a log line may carry, secret-looking ones among them. */
const key = fc.constantFrom(
  'requestId',
  'dn',
  'detail',
  'password',
  'userPassword',
  'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:export_password',
  'Authorization',
  'clientSecret',
  'tokenDigest',
  'credentials',
  'passwordPolicy:x',
  'a"b',
  'pass\\word',
);
/** Strings that may hold a secret, key-like text or characters JSON escapes. */
const text = fc.oneof(
  fc.string(),
  fc.constantFrom(...secrets, 'x "password": y', '"token":', 'é\u2028\n"', 's3cr3t-token-valu'),
  fc.tuple(fc.string(), fc.constantFrom(...secrets), fc.string()).map(([a, s, b]) => `${a}${s}${b}`),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  ),
})).node;

describe('the log line redaction', () => {
  it('writes what redact() gives, whether or not a line needs redacting', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (l) => lines.push(l), now: () => new Date(0) });
    logger.addSecrets(secrets);
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (fields) => {
        lines.length = 0;
        logger.request(fields);
        const expected = { time: new Date(0).toISOString(), level: 'info', kind: 'request', ...fields };
        expect(lines[0]).toBe(`${JSON.stringify(redact(expected, secrets))}\n`);
        for (const secret of secrets) expect(lines[0]).not.toContain(JSON.stringify(secret).slice(1, -1));
      }),
      { numRuns: 2000 },
    );
  });

  it('redacts secret-looking keys at any depth and scrubs known secrets from any string', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (l) => lines.push(l) });
    logger.addSecrets(secrets);
    logger.request({
      dn: 'cn=a,dc=x',
      ldapOps: [{ operation: 'setPassword', attributes: ['userPassword'], result: 'success' }],
      nested: { Authorization: 'Bearer s3cr3t-token-value', deeper: [{ userPassword: 'x' }] },
      detail: 'bind failed for bind-P@ss"word\\x',
    });
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line.nested).toEqual({ Authorization: '[redacted]', deeper: [{ userPassword: '[redacted]' }] });
    expect(line.detail).toBe('bind failed for [redacted]');
    expect(line.ldapOps).toEqual([
      { operation: 'setPassword', attributes: ['userPassword'], result: 'success' },
    ]);
  });
});
