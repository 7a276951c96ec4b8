import { createHash, randomBytes } from 'node:crypto';

/** Password storage schemes we can produce for servers that do not hash a cleartext userPassword. */
export type PasswordScheme = 'cleartext' | '{SSHA}' | '{SSHA256}' | '{SSHA512}';

const digests = { '{SSHA}': 'sha1', '{SSHA256}': 'sha256', '{SSHA512}': 'sha512' } as const;

/**
 * Hashes a password for storage in userPassword (RFC 2307 style `{SSHA}` with an 8-byte random salt), or
 * returns it unchanged for `cleartext` (the server hashes, e.g. OpenLDAP ppolicy hash_cleartext or 389 DS).
 * @param password the cleartext password
 * @param scheme the storage scheme
 * @param salt optional salt (tests); random otherwise
 */
export function hashPassword(
  password: string,
  scheme: PasswordScheme,
  salt: Buffer = randomBytes(8),
): string {
  if (scheme === 'cleartext') return password;
  const digest = createHash(digests[scheme]).update(password, 'utf8').update(salt).digest();
  return `${scheme}${Buffer.concat([digest, salt]).toString('base64')}`;
}

/**
 * Encodes a password as AD LDS / Active Directory expect in `unicodePwd`: the password in double quotes,
 * UTF-16LE.
 * @param password the cleartext password
 */
export function encodeUnicodePwd(password: string): Buffer {
  return Buffer.from(`"${password}"`, 'utf16le');
}
