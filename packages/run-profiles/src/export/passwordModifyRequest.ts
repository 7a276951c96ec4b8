import { BerWriter } from 'ldapts';

/** OID of the LDAP Password Modify extended operation (RFC 3062). */
export const passwordModifyOid = '1.3.6.1.4.1.4203.1.11.1';

/**
 * Encodes the request value of RFC 3062 Password Modify:
 * `SEQUENCE { userIdentity [0] OCTET STRING OPTIONAL, oldPasswd [1] OPTIONAL, newPasswd [2] OPTIONAL }`.
 * @param userDn the entry whose password is set
 * @param newPassword the new password
 */
export function passwordModifyRequest(userDn: string, newPassword: string): Buffer {
  const writer = new BerWriter();
  writer.startSequence();
  writer.writeString(userDn, 0x80);
  writer.writeString(newPassword, 0x82);
  writer.endSequence();
  return writer.buffer;
}
