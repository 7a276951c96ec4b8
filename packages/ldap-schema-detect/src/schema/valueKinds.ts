/**
 * How a value of an attribute is best handled by a client: as text, a number, a boolean, a DN, raw bytes,
 * a time stamp or an OID. Derived from the attribute's syntax OID.
 */
export type ValueKind = 'string' | 'integer' | 'boolean' | 'dn' | 'binary' | 'generalizedTime' | 'oid';

const RFC4517 = '1.3.6.1.4.1.1466.115.121.1.';

/** Syntax OID → value kind, for RFC 4517 syntaxes and the vendor syntaxes seen in AD LDS and eDirectory. */
const KINDS: Readonly<Record<string, ValueKind>> = {
  [`${RFC4517}4`]: 'binary', // Audio
  [`${RFC4517}5`]: 'binary', // Binary
  [`${RFC4517}7`]: 'boolean',
  [`${RFC4517}8`]: 'binary', // Certificate
  [`${RFC4517}9`]: 'binary', // Certificate List
  [`${RFC4517}10`]: 'binary', // Certificate Pair
  [`${RFC4517}12`]: 'dn',
  [`${RFC4517}23`]: 'binary', // Fax
  [`${RFC4517}24`]: 'generalizedTime',
  [`${RFC4517}27`]: 'integer',
  [`${RFC4517}28`]: 'binary', // JPEG
  [`${RFC4517}34`]: 'dn', // Name and Optional UID
  [`${RFC4517}38`]: 'oid',
  [`${RFC4517}40`]: 'binary', // Octet String
  [`${RFC4517}49`]: 'binary', // Supported Algorithm
  [`${RFC4517}53`]: 'generalizedTime', // UTC Time
  '1.2.840.113556.1.4.906': 'integer', // AD Large Integer
  '1.2.840.113556.1.4.907': 'binary', // AD NT Security Descriptor
  '1.2.840.113556.1.4.903': 'string', // AD DN-Binary (text form B:len:hex:dn)
  '2.16.840.1.113719.1.1.5.1.12': 'dn', // eDirectory Tagged Name
  '2.16.840.1.113719.1.1.5.1.22': 'integer', // eDirectory Counter
  '2.16.840.1.113719.1.1.5.1.25': 'dn', // eDirectory Typed Name
};

/** Syntaxes whose values must be transferred with the `;binary` option (RFC 4522 §2). */
const BINARY_TRANSFER = new Set([`${RFC4517}8`, `${RFC4517}9`, `${RFC4517}10`, `${RFC4517}49`]);

/** Human names of the common syntaxes, for reports. */
const SYNTAX_NAMES: Readonly<Record<string, string>> = {
  [`${RFC4517}7`]: 'Boolean',
  [`${RFC4517}12`]: 'DN',
  [`${RFC4517}15`]: 'Directory String',
  [`${RFC4517}24`]: 'Generalized Time',
  [`${RFC4517}26`]: 'IA5 String',
  [`${RFC4517}27`]: 'INTEGER',
  [`${RFC4517}36`]: 'Numeric String',
  [`${RFC4517}38`]: 'OID',
  [`${RFC4517}40`]: 'Octet String',
  [`${RFC4517}44`]: 'Printable String',
  [`${RFC4517}50`]: 'Telephone Number',
  '1.3.6.1.1.16.1': 'UUID',
};

/**
 * The value kind of a syntax OID; unknown syntaxes are treated as strings, the safest lossless choice for text
 * protocols.
 * @param syntaxOid numeric OID of the syntax, or null when the attribute has none
 */
export function valueKindOfSyntax(syntaxOid: string | null): ValueKind {
  if (syntaxOid === null) return 'string';
  return KINDS[syntaxOid] ?? 'string';
}

/**
 * Whether values of this syntax travel as `attr;binary` (RFC 4522), e.g. userCertificate.
 * @param syntaxOid numeric OID of the syntax
 */
export function syntaxRequiresBinaryTransfer(syntaxOid: string | null): boolean {
  return syntaxOid !== null && BINARY_TRANSFER.has(syntaxOid);
}

/**
 * A readable name for a well-known syntax OID, or null.
 * @param syntaxOid numeric OID of the syntax
 */
export function syntaxName(syntaxOid: string | null): string | null {
  return syntaxOid === null ? null : (SYNTAX_NAMES[syntaxOid] ?? null);
}

const CASE_EXACT = /^(caseExact|octetString|bitString)/i;
const CASE_IGNORE =
  /^(caseIgnore|distinguishedName|uniqueMember|telephoneNumber|numericString|uuid|integer|generalizedTime|objectIdentifier|boolean)/i;
/** AD's case-sensitive string syntaxes (String(Case) and String(Printable) variants). */
const AD_CASE_EXACT_SYNTAXES = new Set(['1.2.840.113556.1.4.1362']);

/**
 * Whether two values that differ only in letter case are different values for this attribute.
 * Decided by the EQUALITY rule (caseExact* vs caseIgnore*); without one, by syntax (AD compares its Unicode
 * String syntax case-insensitively; octet strings and IA5 without a rule are compared exactly).
 * @param equality EQUALITY matching rule name or OID
 * @param syntaxOid numeric OID of the syntax
 */
export function isCaseSensitive(equality: string | null, syntaxOid: string | null): boolean {
  if (equality !== null) {
    const rule = EQUALITY_OIDS[equality] ?? equality;
    if (CASE_IGNORE.test(rule)) return false;
    if (CASE_EXACT.test(rule)) return true;
  }
  if (syntaxOid !== null && AD_CASE_EXACT_SYNTAXES.has(syntaxOid)) return true;
  return valueKindOfSyntax(syntaxOid) === 'binary';
}

/** RFC 4517 equality rule OIDs that servers sometimes print instead of names. */
const EQUALITY_OIDS: Readonly<Record<string, string>> = {
  '2.5.13.1': 'distinguishedNameMatch',
  '2.5.13.2': 'caseIgnoreMatch',
  '2.5.13.5': 'caseExactMatch',
  '2.5.13.8': 'numericStringMatch',
  '2.5.13.14': 'integerMatch',
  '2.5.13.17': 'octetStringMatch',
  '2.5.13.20': 'telephoneNumberMatch',
  '2.5.13.27': 'generalizedTimeMatch',
  '1.3.6.1.4.1.1466.109.114.1': 'caseExactIA5Match',
  '1.3.6.1.4.1.1466.109.114.2': 'caseIgnoreIA5Match',
};
