import { type RootDse, rootDseValues } from './RootDse.ts';

/** Where an OID is advertised in the Root DSE. */
export type OidSource = 'supportedControl' | 'supportedExtension' | 'supportedFeatures';

interface KnownOid {
  readonly flag: CapabilityName | null;
  readonly name: string;
  readonly source: OidSource;
}

/** Named capability flags derived from the Root DSE. */
export type CapabilityName =
  | 'pagedResults'
  | 'vlv'
  | 'serverSideSort'
  | 'treeDelete'
  | 'showDeleted'
  | 'permissiveModify'
  | 'assertion'
  | 'preRead'
  | 'postRead'
  | 'contentSync'
  | 'persistentSearch'
  | 'dirSync'
  | 'manageDsaIT'
  | 'proxiedAuthorization'
  | 'passwordPolicy'
  | 'subentries'
  | 'relaxRules'
  | 'matchedValues'
  | 'passwordModify'
  | 'whoAmI'
  | 'startTls'
  | 'cancel'
  | 'transactions'
  | 'absoluteTrueFalseFilters'
  | 'allOperationalAttributes'
  | 'objectClassAttributes'
  | 'modifyIncrement'
  | 'languageTags';

/** One boolean per {@link CapabilityName}. */
export type Capabilities = Readonly<Record<CapabilityName, boolean>>;

/** An advertised OID with its well-known name (null when this package does not know it). */
export interface NamedOid {
  readonly oid: string;
  readonly name: string | null;
}

const c = (flag: CapabilityName | null, name: string): KnownOid => ({
  flag,
  name,
  source: 'supportedControl',
});
const e = (flag: CapabilityName | null, name: string): KnownOid => ({
  flag,
  name,
  source: 'supportedExtension',
});
const f = (flag: CapabilityName | null, name: string): KnownOid => ({
  flag,
  name,
  source: 'supportedFeatures',
});

/** Well-known OIDs (RFCs, drafts, AD and Netscape controls) with the flag each one sets. */
export const KNOWN_OIDS: Readonly<Record<string, KnownOid>> = {
  '1.2.840.113556.1.4.319': c('pagedResults', 'Simple Paged Results (RFC 2696)'),
  '2.16.840.1.113730.3.4.9': c('vlv', 'Virtual List View request'),
  '2.16.840.1.113730.3.4.10': c(null, 'Virtual List View response'),
  '1.2.840.113556.1.4.473': c('serverSideSort', 'Server-side sort request (RFC 2891)'),
  '1.2.840.113556.1.4.474': c(null, 'Server-side sort response (RFC 2891)'),
  '1.2.840.113556.1.4.805': c('treeDelete', 'Tree Delete'),
  '1.2.840.113556.1.4.417': c('showDeleted', 'Show Deleted'),
  '1.2.840.113556.1.4.1413': c('permissiveModify', 'Permissive Modify'),
  '1.2.840.113556.1.4.841': c('dirSync', 'AD DirSync'),
  '1.2.840.113556.1.4.528': c(null, 'AD Server Notification'),
  '1.2.840.113556.1.4.2239': c(null, 'AD Policy Hints'),
  '1.3.6.1.1.12': c('assertion', 'Assertion (RFC 4528)'),
  '1.3.6.1.1.13.1': c('preRead', 'Pre-Read (RFC 4527)'),
  '1.3.6.1.1.13.2': c('postRead', 'Post-Read (RFC 4527)'),
  '1.3.6.1.1.21.2': c(null, 'Transaction Specification (RFC 5805)'),
  '1.3.6.1.1.22': c(null, "Don't Use Copy (RFC 6171)"),
  '1.3.6.1.4.1.4203.1.9.1.1': c('contentSync', 'Content Synchronization / syncrepl (RFC 4533)'),
  '1.3.6.1.4.1.4203.1.9.1.2': c(null, 'Sync State (RFC 4533)'),
  '1.3.6.1.4.1.4203.1.9.1.3': c(null, 'Sync Done (RFC 4533)'),
  '2.16.840.1.113730.3.4.3': c('persistentSearch', 'Persistent Search'),
  '2.16.840.1.113730.3.4.7': c(null, 'Entry Change Notification'),
  '2.16.840.1.113730.3.4.2': c('manageDsaIT', 'ManageDsaIT (RFC 3296)'),
  '2.16.840.1.113730.3.4.12': c(null, 'Proxied Authorization v1'),
  '2.16.840.1.113730.3.4.18': c('proxiedAuthorization', 'Proxied Authorization v2 (RFC 4370)'),
  '1.3.6.1.4.1.42.2.27.8.5.1': c('passwordPolicy', 'Password Policy (draft-behera)'),
  '1.3.6.1.4.1.42.2.27.9.5.2': c(null, 'Get Effective Rights'),
  '1.3.6.1.4.1.42.2.27.9.5.8': c(null, 'Account Usability'),
  '1.3.6.1.4.1.4203.1.10.1': c('subentries', 'Subentries (RFC 3672)'),
  '1.3.6.1.4.1.4203.666.5.12': c('relaxRules', 'Relax Rules'),
  '1.2.826.0.1.3344810.2.3': c('matchedValues', 'Matched Values (RFC 3876)'),
  '2.16.840.1.113730.3.4.4': c(null, 'Netscape Password Expired'),
  '2.16.840.1.113730.3.4.5': c(null, 'Netscape Password Expiring'),
  '2.16.840.1.113730.3.4.15': c(null, 'Authorization Identity Response (RFC 3829)'),
  '2.16.840.1.113730.3.4.16': c(null, 'Authorization Identity Request (RFC 3829)'),
  '1.3.6.1.4.1.4203.1.11.1': e('passwordModify', 'Password Modify (RFC 3062)'),
  '1.3.6.1.4.1.4203.1.11.3': e('whoAmI', 'Who am I? (RFC 4532)'),
  '1.3.6.1.4.1.1466.20037': e('startTls', 'StartTLS (RFC 4511)'),
  '1.3.6.1.4.1.1466.20036': e(null, 'Notice of Disconnection (RFC 4511)'),
  '1.3.6.1.1.8': e('cancel', 'Cancel (RFC 3909)'),
  '1.3.6.1.1.21.1': e('transactions', 'Start Transaction (RFC 5805)'),
  '1.3.6.1.1.21.3': e(null, 'End Transaction (RFC 5805)'),
  '1.3.6.1.4.1.4203.1.5.1': f('allOperationalAttributes', "All operational attributes '+' (RFC 3673)"),
  '1.3.6.1.4.1.4203.1.5.2': f('objectClassAttributes', "Attributes by object class '@' (RFC 4529)"),
  '1.3.6.1.4.1.4203.1.5.3': f('absoluteTrueFalseFilters', 'Absolute True/False filters (RFC 4526)'),
  '1.3.6.1.4.1.4203.1.5.4': f('languageTags', 'Language tags (RFC 3866)'),
  '1.3.6.1.1.14': f('modifyIncrement', 'Modify-Increment (RFC 4525)'),
};

const ALL_FLAGS: readonly CapabilityName[] = [
  ...new Set(Object.values(KNOWN_OIDS).flatMap((k) => (k.flag === null ? [] : [k.flag]))),
];

/**
 * Turns the Root DSE's supportedControl / supportedExtension / supportedFeatures into named flags. An OID
 * counts wherever it is listed (some servers put features among controls).
 * @param rootDse a normalised Root DSE
 * @example
 * detectCapabilities(rootDse).pagedResults; // true when 1.2.840.113556.1.4.319 is advertised
 */
export function detectCapabilities(rootDse: RootDse): Capabilities {
  const advertised = new Set([
    ...rootDseValues(rootDse, 'supportedControl'),
    ...rootDseValues(rootDse, 'supportedExtension'),
    ...rootDseValues(rootDse, 'supportedFeatures'),
  ]);
  const out = Object.fromEntries(ALL_FLAGS.map((flag) => [flag, false])) as Record<CapabilityName, boolean>;
  for (const oid of advertised) {
    const known = KNOWN_OIDS[oid.trim()];
    if (known?.flag) out[known.flag] = true;
  }
  return out;
}

/**
 * Lists the OIDs of one Root DSE attribute with their well-known names.
 * @param rootDse a normalised Root DSE
 * @param source which attribute
 */
export function namedOids(rootDse: RootDse, source: OidSource): NamedOid[] {
  return rootDseValues(rootDse, source).map((oid) => ({ oid, name: KNOWN_OIDS[oid.trim()]?.name ?? null }));
}

/**
 * The well-known name of an OID, or null.
 * @param oid control, extension or feature OID
 */
export function oidName(oid: string): string | null {
  return KNOWN_OIDS[oid]?.name ?? null;
}
