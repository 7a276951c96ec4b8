import type { RootDse } from '../rootDse/RootDse.ts';
import type { ResolvedSchema } from '../schema/ResolvedSchema.ts';

/** Directory products this package recognises; `unknown` is any other LDAPv3 server. */
export type VendorId =
  | 'openldap'
  | 'ad-lds'
  | 'ad-gc'
  | 'ad-ds'
  | '389ds'
  | 'apacheds'
  | 'tivoli'
  | 'isode'
  | 'edirectory'
  | 'opendj'
  | 'dsee'
  | 'radiantone'
  | 'oracle-oid'
  | 'unknown';

/** Who the server is, and the evidence that decided it. */
export interface Vendor {
  readonly id: VendorId;
  readonly name: string;
  readonly version: string | null;
  /** Each line names the attribute, OID or schema marker that matched. */
  readonly evidence: readonly string[];
}

/** What fingerprinting may look at besides the Root DSE. */
export interface FingerprintInput {
  readonly rootDse: RootDse;
  readonly schema?: ResolvedSchema | null;
  /** TCP port of the connection: tells an AD Global Catalog (3268/3269) from a domain controller. */
  readonly port?: number;
  /** Version read elsewhere, e.g. OpenLDAP's cn=Monitor `monitoredInfo`. */
  readonly monitoredInfo?: string | null;
}

/** One fingerprinting rule: a vendor when its markers match, else null. */
export type VendorRule = (
  input: FingerprintInput,
  vendorName: string,
  vendorVersion: string,
) => Vendor | null;

/** The first dotted number in a version string, e.g. `2.3.1` of `389-Directory/2.3.1 B2025`. */
export const firstVersion = (s: string | null): string | null => /\d+(?:\.\d+)+/.exec(s ?? '')?.[0] ?? null;
