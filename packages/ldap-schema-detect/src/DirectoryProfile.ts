import type { Capabilities, NamedOid } from './rootDse/capabilities.ts';
import type { DefaultNamingContext, Partition } from './rootDse/classifyNamingContexts.ts';
import type { RootDse } from './rootDse/RootDse.ts';
import type { ResolvedSchema } from './schema/ResolvedSchema.ts';
import type { CertificateDetails } from './tls/describeCertificate.ts';
import type { Vendor } from './vendor/fingerprintVendor.ts';

/** How delta imports can learn what changed. */
export type DeltaMethod = 'accesslog' | 'changelog' | 'usn' | 'syncrepl' | 'timestamp' | 'none';

/** An OpenLDAP slapo-accesslog database. */
export interface AccesslogInfo {
  readonly dn: string;
  /** Whether the bind DN could read it; null when not checked (offline detection). */
  readonly readable: boolean | null;
  /** Whether it holds any audit entries yet; null when not checked or not readable. */
  readonly hasEntries: boolean | null;
  /** Suffixes whose writes it logs. */
  readonly suffixes: readonly string[];
  /** How `suffixes` was found: cn=config's olcAccessLogDB, logged reqDN values, or the only user partition. */
  readonly suffixSource: 'olcAccessLogDB' | 'reqDN' | 'single-user-partition' | null;
}

/** A draft-good-ldap-changelog change log (389 Retro Changelog, OpenDJ, DSEE, Tivoli, Isode). */
export interface ChangelogInfo {
  readonly dn: string;
  readonly readable: boolean | null;
  readonly firstChangeNumber: number | null;
  readonly lastChangeNumber: number | null;
  /** Where the change numbers came from. */
  readonly numbersSource: 'rootDse' | 'search' | null;
}

/** What the server offers for delta imports. */
export interface ChangeTracking {
  readonly accesslog: AccesslogInfo | null;
  readonly changelog: ChangelogInfo | null;
  /** AD `highestCommittedUSN` (entries carry uSNChanged), or 389's `lastusn` (entryUSN). */
  readonly usn: { readonly highest: string; readonly attribute: 'uSNChanged' | 'entryUSN' } | null;
  /** RFC 4533 Content Sync control advertised. */
  readonly syncrepl: boolean;
  readonly persistentSearch: boolean;
  readonly dirSync: boolean;
  /** modifyTimestamp is defined, so timestamp polling works (without deletes). */
  readonly timestamps: boolean;
}

/** One feature of the wizard's "Mandatory Features" check. */
export interface FeatureCheck {
  readonly name: string;
  readonly oid: string;
  readonly found: boolean;
  readonly required: boolean;
  readonly note: string;
}

/** The Global page's "Mandatory Features Found / Not Found" report. */
export interface MandatoryFeatures {
  readonly checks: readonly FeatureCheck[];
  readonly allFound: boolean;
  readonly warnings: readonly string[];
}

/** What the rest of the system should configure itself with, and why. */
export interface Recommendations {
  /** Anchor attribute name, or `dn`. */
  readonly anchor: string;
  readonly deltaMethod: DeltaMethod;
  /** DN to read changes from (accesslog or changelog), when the method needs one. */
  readonly changelogDn: string | null;
  /** Structural object class for users, or null if the schema has none of the usual ones. */
  readonly userClass: string | null;
  /** Auxiliary classes worth offering (posixAccount, shadowAccount, …) that the schema defines. */
  readonly userAuxiliaryClasses: readonly string[];
  /** Attributes a new user of `userClass` must be given (effective MUST, minus what the server sets itself). */
  readonly userClassMust: readonly string[];
  readonly reasons: { readonly anchor: string; readonly deltaMethod: string; readonly userClass: string };
  readonly mandatoryFeatures: MandatoryFeatures;
}

/** Everything detected about one directory. JSON-serialisable (`JSON.stringify` round-trips it). */
export interface DirectoryProfile {
  readonly formatVersion: 1;
  readonly vendor: Vendor;
  readonly rootDse: RootDse;
  readonly capabilities: Capabilities;
  readonly supportedControls: readonly NamedOid[];
  readonly supportedExtensions: readonly NamedOid[];
  readonly supportedFeatures: readonly NamedOid[];
  readonly supportedLdapVersions: readonly number[];
  readonly saslMechanisms: readonly string[];
  readonly namingContexts: readonly Partition[];
  readonly defaultNamingContext: DefaultNamingContext;
  readonly subschemaSubentry: string | null;
  /** Null when the subschema could not be read. */
  readonly schema: ResolvedSchema | null;
  readonly changeTracking: ChangeTracking;
  readonly recommendations: Recommendations;
  readonly tls?: CertificateDetails;
  /** Anything the admin should look at: unreadable change log, odd defaultNamingContext, schema problems… */
  readonly warnings: readonly string[];
}
