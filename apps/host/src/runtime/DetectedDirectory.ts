/**
 * The parts of `@scim2ldap/ldap-schema-detect`'s `DirectoryProfile` the host reads to fill configuration
 * defaults (declared by shape, so the host depends on the fields it uses, not the whole profile).
 */
export interface DetectedDirectory {
  readonly vendor: { readonly id: string; readonly name: string; readonly version: string | null };
  readonly namingContexts: readonly { readonly dn: string; readonly role: string }[];
  readonly defaultNamingContext: { readonly dn: string | null };
  readonly schema: {
    readonly objectClasses: Readonly<
      Record<
        string,
        {
          readonly name: string;
          readonly effectiveMust: readonly string[];
          readonly effectiveMay: readonly string[];
        }
      >
    >;
    readonly attributeTypes: Readonly<
      Record<
        string,
        {
          readonly names: readonly string[];
          readonly singleValue: boolean;
          readonly caseSensitive?: boolean;
          readonly noUserModification?: boolean;
          readonly operational?: boolean;
          readonly syntax?: string | null;
          readonly equality?: string | null;
        }
      >
    >;
    readonly index: {
      readonly objectClasses: Readonly<Record<string, string>>;
      readonly attributeTypes: Readonly<Record<string, string>>;
    };
  } | null;
  readonly recommendations: {
    readonly anchor: string;
    readonly deltaMethod: string;
    readonly changelogDn: string | null;
    readonly userClass: string | null;
  };
  readonly capabilities?: unknown;
  readonly warnings?: readonly string[];
}
