/**
 * What provisioning reads of a directory attribute type: the resolved attribute types of
 * `@scim2ldap/ldap-schema-detect`'s `DirectoryProfile.schema` fit this shape (RFC 4512 fields).
 */
export interface DirectoryAttributeType {
  readonly names: readonly string[];
  /** Syntax OID, e.g. `1.3.6.1.4.1.1466.115.121.1.27` (INTEGER). */
  readonly syntax?: string | null;
  readonly singleValue?: boolean;
  readonly noUserModification?: boolean;
  /** Equality matching rule, e.g. `caseExactMatch`; decides case-sensitive matching. */
  readonly equality?: string | null;
}

/** The directory schema as provisioning needs it: attribute types, as a list or keyed by name. */
export interface DirectorySchemaView {
  readonly attributeTypes:
    | readonly DirectoryAttributeType[]
    | Readonly<
        Record<string, Omit<DirectoryAttributeType, 'names'> & { readonly names?: readonly string[] }>
      >;
}

/**
 * Finds an attribute type by any of its names, case-insensitively (RFC 4512 §2.5).
 * @param schema the directory schema
 * @param name an attribute name
 */
export function findAttributeType(
  schema: DirectorySchemaView | undefined,
  name: string,
): Omit<DirectoryAttributeType, 'names'> | undefined {
  if (!schema) return undefined;
  const wanted = name.toLowerCase();
  const types = schema.attributeTypes;
  if (Array.isArray(types)) {
    return (types as readonly DirectoryAttributeType[]).find((type) =>
      type.names.some((n) => n.toLowerCase() === wanted),
    );
  }
  for (const [key, type] of Object.entries(types)) {
    if (key.toLowerCase() === wanted || type.names?.some((n) => n.toLowerCase() === wanted)) return type;
  }
  return undefined;
}

/** The SCIM type an LDAP syntax maps to. */
export type ExposedType = 'string' | 'integer' | 'boolean' | 'binary' | 'dateTime';

const SYNTAX_TYPES: Readonly<Record<string, ExposedType>> = {
  '1.3.6.1.4.1.1466.115.121.1.27': 'integer',
  '1.3.6.1.4.1.1466.115.121.1.7': 'boolean',
  '1.3.6.1.4.1.1466.115.121.1.24': 'dateTime',
  '1.3.6.1.4.1.1466.115.121.1.5': 'binary',
  '1.3.6.1.4.1.1466.115.121.1.8': 'binary',
  '1.3.6.1.4.1.1466.115.121.1.9': 'binary',
  '1.3.6.1.4.1.1466.115.121.1.10': 'binary',
  '1.3.6.1.4.1.1466.115.121.1.28': 'binary',
  '1.3.6.1.4.1.1466.115.121.1.40': 'binary',
  '1.3.6.1.4.1.1466.115.121.1.49': 'binary',
  // AD LDS: Integer8 and boolean syntaxes in Microsoft's OID arc.
  '1.2.840.113556.1.4.906': 'integer',
};

/**
 * The SCIM type for an LDAP syntax OID (RFC 4517 §3.3): INTEGER → integer, Boolean → boolean,
 * Generalized Time → dateTime, octet-string-like syntaxes → binary, everything else → string.
 * @param syntax the syntax OID, possibly with a `{length}` suffix
 */
export function typeOfSyntax(syntax: string | null | undefined): ExposedType {
  if (!syntax) return 'string';
  return SYNTAX_TYPES[syntax.replace(/\{\d+\}$/, '')] ?? 'string';
}
