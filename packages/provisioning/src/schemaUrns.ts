/** The SCIM core User schema URN (RFC 7643 §4.1). */
export const CORE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** The SCIM enterprise User extension URN (RFC 7643 §4.3). */
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/**
 * The extension ECMA2Host exposes the selected directory attributes under; Entra names target attributes
 * `urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:<attr>`.
 */
export const ECMA2HOST_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';

/** The ECMA2Host virtual attribute holding the entry's DN. */
export const DN_ATTRIBUTE = '-dn-';

/** The ECMA2Host virtual write-only attribute whose value is set as the entry's password. */
export const EXPORT_PASSWORD_ATTRIBUTE = 'export_password';
