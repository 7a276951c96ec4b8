import type { LdapConnection } from '../connection/createLdapConnection.ts';
import { classifyError, redactError } from '../errors/classifyError.ts';
import { LdapOperationError } from '../errors/LdapOperationError.ts';
import { serverSupports, type TargetContext } from '../target/targetContext.ts';
import { encodeUnicodePwd, hashPassword } from './hashPassword.ts';
import { passwordModifyOid, passwordModifyRequest } from './passwordModifyRequest.ts';

/**
 * Sets a password on the given connection: RFC 3062 Password Modify where the policy asks for it (or, with
 * `auto`, where the Root DSE lists it — falling back to the attribute when the server refuses the extended
 * operation, as ApacheDS does for an entry without a password yet), else a replace of the password
 * attribute, encoded per the policy. The password never reaches an error message.
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
  try {
    if (useExop) {
      try {
        await connection.extendedOperation(passwordModifyOid, passwordModifyRequest(dn, password));
        return;
      } catch (error) {
        if (method !== 'auto' || (error as LdapOperationError).code !== 'unwillingToPerform') throw error;
      }
    }
    const attribute = policy.attribute ?? 'userPassword';
    const scheme = policy.scheme ?? 'cleartext';
    const value = scheme === 'unicodePwd' ? encodeUnicodePwd(password) : hashPassword(password, scheme);
    await connection.modify(dn, [{ operation: 'replace', attribute, values: [value] }]);
  } catch (error) {
    const classified = classifyError(error, { operation: 'setPassword', dn });
    const named = classified.message.replace(
      /^(extendedOperation|modify [^:]*?) failed/,
      `setPassword ${dn} failed`,
    );
    throw redactError(
      new LdapOperationError(named, {
        code: classified.code,
        kind: classified.kind,
        operation: 'setPassword',
        dn,
        ...(classified.attribute === undefined ? {} : { attribute: classified.attribute }),
        ...(classified.diagnostic === undefined ? {} : { diagnostic: classified.diagnostic }),
      }),
      [password],
    );
  }
}
