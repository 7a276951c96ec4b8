/** Machine-readable reason of a {@link ProvisioningError}. */
export type ProvisioningErrorCode = 'invalid-mapping' | 'invalid-policy' | 'invalid-schema';

/**
 * The error base of this package for configuration mistakes found when a provisioner is created (a mapping
 * rule without its source, an expression that does not parse, a DN rule and `-dn-` rule both set). Request
 * problems are SCIM errors (`ScimError` from `@scim2ldap/scim-core`) instead, with an HTTP status.
 */
export class ProvisioningError extends Error {
  override readonly name = 'ProvisioningError';
  readonly code: ProvisioningErrorCode;

  /**
   * @param code machine-readable reason
   * @param message what is wrong, where (the config path) and how to fix it
   * @param options `cause`, the underlying error
   */
  constructor(code: ProvisioningErrorCode, message: string, options?: { readonly cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}
