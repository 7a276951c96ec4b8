import type { LdapConnection } from '../connection/createLdapConnection.ts';
import { serverSupports, type TargetContext } from '../target/targetContext.ts';
import { encodeUnicodePwd, hashPassword } from './hashPassword.ts';
import { passwordModifyOid, passwordModifyRequest } from './passwordModifyRequest.ts';

/**
 * Sets a password on the given connection: RFC 3062 Password Modify where the policy asks for it (or, with
 * `auto`, where the Root DSE lists it), else a replace of the password attribute, encoded per the policy.
 * The password never reaches an error message.
 * @param context the target context
 * @param connection the connection to use (the one that just added the entry)
 * @param dn the entry
 * @param password the new password
 */
export async function writePassword(
  context: TargetContext,
  connection: LdapConnection,
  dn: string,
  password: string,
): Promise<void> {
  const policy = context.password;
  const method = policy.method ?? 'auto';
  const useExop =
    method === 'passwordModify' ||
    (method === 'auto' &&
      policy.attribute === undefined &&
      (await serverSupports(context, connection, 'supportedExtension', passwordModifyOid)));
  if (useExop) {
    await connection
      .extendedOperation(passwordModifyOid, passwordModifyRequest(dn, password))
      .catch((error) => {
        throw redactTarget(error, dn);
      });
    return;
  }
  const attribute = policy.attribute ?? 'userPassword';
  const scheme = policy.scheme ?? 'cleartext';
  const value = scheme === 'unicodePwd' ? encodeUnicodePwd(password) : hashPassword(password, scheme);
  await connection.modify(dn, [{ operation: 'replace', attribute, values: [value] }]).catch((error) => {
    throw redactTarget(error, dn);
  });
}

function redactTarget(error: unknown, dn: string): unknown {
  // Extended-operation errors do not know the DN; say which entry the password was for.
  if (error instanceof Error && !error.message.includes(dn)) {
    error.message = error.message.replace(/^extendedOperation/, `setPassword ${dn}`);
  }
  return error;
}
