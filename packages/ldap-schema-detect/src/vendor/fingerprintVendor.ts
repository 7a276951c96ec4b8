import { type RootDse, rootDseValue, rootDseValues } from '../rootDse/RootDse.ts';
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

const firstVersion = (s: string | null): string | null => /\d+(?:\.\d+)+/.exec(s ?? '')?.[0] ?? null;

/** AD domainControllerFunctionality → product level (MS-ADTS 6.1.4.2). */
const AD_LEVELS: Readonly<Record<string, string>> = {
  '0': 'Windows 2000',
  '2': 'Windows Server 2003',
  '3': 'Windows Server 2008',
  '4': 'Windows Server 2008 R2',
  '5': 'Windows Server 2012',
  '6': 'Windows Server 2012 R2',
  '7': 'Windows Server 2016 or later',
  '10': 'Windows Server 2025',
};

type Rule = (input: FingerprintInput, vn: string, vv: string) => Vendor | null;

const activeDirectory: Rule = ({ rootDse, port }) => {
  const caps = rootDseValues(rootDse, 'supportedCapabilities');
  const level = rootDseValue(rootDse, 'domainControllerFunctionality');
  const version = level === null ? null : (AD_LEVELS[level] ?? `functional level ${level}`);
  const levelEvidence = level === null ? [] : [`domainControllerFunctionality: ${level}`];
  if (caps.includes('1.2.840.113556.1.4.1851')) {
    return {
      id: 'ad-lds',
      name: 'Active Directory Lightweight Directory Services',
      version,
      evidence: [
        'supportedCapabilities has 1.2.840.113556.1.4.1851 (LDAP_CAP_ACTIVE_DIRECTORY_ADAM_OID)',
        ...levelEvidence,
      ],
    };
  }
  if (!caps.includes('1.2.840.113556.1.4.800')) return null;
  const evidence = [
    'supportedCapabilities has 1.2.840.113556.1.4.800 (LDAP_CAP_ACTIVE_DIRECTORY_OID)',
    ...levelEvidence,
  ];
  const gcReady = /^true$/i.test(rootDseValue(rootDse, 'isGlobalCatalogReady') ?? '');
  if (gcReady && (port === 3268 || port === 3269)) {
    return {
      id: 'ad-gc',
      name: 'Active Directory Global Catalog',
      version,
      evidence: [...evidence, 'isGlobalCatalogReady: TRUE', `connected on Global Catalog port ${port}`],
    };
  }
  return { id: 'ad-ds', name: 'Active Directory Domain Services', version, evidence };
};

const byVendorAttributes: Rule = ({ rootDse }, vn, vv) => {
  const ev = (what: string): string[] => [what, ...(vv ? [`vendorVersion: ${vv}`] : [])];
  if (/^389 Project/i.test(vn) || /^389-Directory\//i.test(vv)) {
    return {
      id: '389ds',
      name: '389 Directory Server',
      version: /389-Directory\/([\d.]+)/i.exec(vv)?.[1] ?? firstVersion(vv),
      evidence: ev(`vendorName: ${vn}`),
    };
  }
  if (/^Red Hat/i.test(vn) || /^Red Hat-Directory\//i.test(vv)) {
    return {
      id: '389ds',
      name: 'Red Hat Directory Server',
      version: firstVersion(vv),
      evidence: ev(`vendorName: ${vn}`),
    };
  }
  if (/Apache Software Foundation/i.test(vn)) {
    return {
      id: 'apacheds',
      name: 'Apache Directory Server',
      version: vv || null,
      evidence: ev(`vendorName: ${vn}`),
    };
  }
  if (/OpenDJ|OpenDS|ForgeRock|Wren:?DS|Oracle Unified Directory/i.test(vv)) {
    const name = /Oracle Unified Directory/i.test(vv)
      ? 'Oracle Unified Directory'
      : /OpenDS/i.test(vv)
        ? 'OpenDS'
        : /ForgeRock/i.test(vv)
          ? 'ForgeRock Directory Services (OpenDJ)'
          : 'OpenDJ';
    return { id: 'opendj', name, version: firstVersion(vv), evidence: [`vendorVersion: ${vv}`] };
  }
  if (/Oracle Internet Directory/i.test(vv)) {
    return {
      id: 'oracle-oid',
      name: 'Oracle Internet Directory',
      version: firstVersion(vv),
      evidence: [`vendorVersion: ${vv}`],
    };
  }
  if (
    /Sun-ONE-Directory|Sun-Java\(tm\)-System-Directory|Sun-Directory-Server|Directory Server Enterprise Edition|ODSEE/i.test(
      vv,
    )
  ) {
    const name = /Sun-ONE/i.test(vv)
      ? 'Sun ONE Directory Server'
      : 'Oracle (Sun) Directory Server Enterprise Edition';
    return {
      id: 'dsee',
      name,
      version: firstVersion(vv) ?? /\/(\d+)/.exec(vv)?.[1] ?? null,
      evidence: ev(`vendorName: ${vn || '(absent)'}`),
    };
  }
  if (
    /International Business Machines|^IBM\b/i.test(vn) ||
    rootDseValues(rootDse, 'ibm-supportedCapabilities').length > 0
  ) {
    const dirVersion = rootDseValue(rootDse, 'ibmdirectoryversion');
    return {
      id: 'tivoli',
      name: 'IBM Tivoli / Security Directory Server',
      version: firstVersion(dirVersion) ?? firstVersion(vv) ?? (vv || null),
      evidence: vn ? ev(`vendorName: ${vn}`) : ['Root DSE has ibm-supportedCapabilities'],
    };
  }
  if (/Isode/i.test(vn) || /M-Vault/i.test(vv)) {
    return {
      id: 'isode',
      name: 'Isode M-Vault',
      version: firstVersion(vv),
      evidence: ev(`vendorName: ${vn || '(absent)'}`),
    };
  }
  if (
    /NetIQ|Novell|Micro Focus|Open ?Text/i.test(vn) &&
    (/eDirectory/i.test(vv) || rootDseValue(rootDse, 'directoryTreeName') !== null)
  ) {
    return {
      id: 'edirectory',
      name: /Novell/i.test(vn) ? 'Novell eDirectory' : 'NetIQ eDirectory',
      version: firstVersion(vv),
      evidence: ev(`vendorName: ${vn}`),
    };
  }
  if (/eDirectory/i.test(vv)) {
    return {
      id: 'edirectory',
      name: 'NetIQ eDirectory',
      version: firstVersion(vv),
      evidence: [`vendorVersion: ${vv}`],
    };
  }
  if (/Radiant/i.test(vn) || /RadiantOne|\bVDS\b/i.test(vv)) {
    return {
      id: 'radiantone',
      name: 'RadiantOne Virtual Directory Server',
      version: firstVersion(vv),
      evidence: ev(`vendorName: ${vn || '(absent)'}`),
    };
  }
  return null;
};

const openLdap: Rule = ({ rootDse, monitoredInfo }, vn) => {
  const classes = rootDseValues(rootDse, 'objectClass').map((c) => c.toLowerCase());
  const evidence: string[] = [];
  if (classes.includes('openldaprootdse')) evidence.push('Root DSE objectClass: OpenLDAProotDSE');
  if (rootDseValue(rootDse, 'configContext') !== null && vn === '')
    evidence.push('configContext present and no vendorName');
  if (evidence.length === 0) return null;
  const version = /slapd\s+([\d.]+)/i.exec(monitoredInfo ?? '')?.[1] ?? null;
  if (version !== null) evidence.push(`cn=Monitor monitoredInfo: ${monitoredInfo}`);
  return { id: 'openldap', name: 'OpenLDAP', version, evidence };
};

/** Schema definitions only one product ships; used when the Root DSE names no vendor. */
const SCHEMA_MARKERS: readonly { id: VendorId; name: string; test: (s: ResolvedSchema) => string | null }[] =
  [
    {
      id: 'openldap',
      name: 'OpenLDAP',
      test: (s) => ('openldaprootdse' in s.index.objectClasses ? 'object class OpenLDAProotDSE' : null),
    },
    {
      id: 'edirectory',
      name: 'NetIQ eDirectory',
      test: (s) =>
        Object.values(s.attributeTypes).some((a) => a.oid.startsWith('2.16.840.1.113719.')) &&
        'guid' in s.index.attributeTypes
          ? 'Novell attribute OIDs (2.16.840.1.113719.*) and GUID'
          : null,
    },
    {
      id: 'opendj',
      name: 'OpenDJ',
      test: (s) => ('ds-sync-hist' in s.index.attributeTypes ? 'attribute type ds-sync-hist' : null),
    },
    {
      id: 'tivoli',
      name: 'IBM Tivoli / Security Directory Server',
      test: (s) => ('ibm-entryuuid' in s.index.attributeTypes ? 'attribute type ibm-entryUUID' : null),
    },
    {
      id: 'apacheds',
      name: 'Apache Directory Server',
      test: (s) => ('m-oid' in s.index.attributeTypes ? 'ApacheDS meta schema (m-oid)' : null),
    },
    {
      id: 'ad-lds',
      name: 'Active Directory (LDS or DS)',
      test: (s) =>
        'objectguid' in s.index.attributeTypes && 'msds-usnlastsyncsuccess' in s.index.attributeTypes
          ? 'attribute types objectGUID and msDS-*'
          : null,
    },
  ];

/**
 * Tells which directory product answers, from the Root DSE (vendorName/vendorVersion, AD capabilities,
 * OpenLDAP's root DSE class) and, failing that, from schema markers. Never throws: an unrecognised server is
 * `unknown` with the evidence that was looked at.
 * @param input Root DSE, optional resolved schema, connection port, monitor info
 * @example
 * fingerprintVendor({ rootDse }).id; // '389ds' for vendorName "389 Project"
 */
export function fingerprintVendor(input: FingerprintInput): Vendor {
  const vn = rootDseValue(input.rootDse, 'vendorName')?.trim() ?? '';
  const vv = rootDseValue(input.rootDse, 'vendorVersion')?.trim() ?? '';
  for (const rule of [activeDirectory, byVendorAttributes, openLdap]) {
    const hit = rule(input, vn, vv);
    if (hit) return hit;
  }
  if (input.schema) {
    for (const marker of SCHEMA_MARKERS) {
      const why = marker.test(input.schema);
      if (why !== null)
        return {
          id: marker.id,
          name: marker.name,
          version: firstVersion(vv),
          evidence: [`schema marker: ${why}`],
        };
    }
  }
  const seen =
    vn || vv
      ? [`vendorName: ${vn || '(absent)'}`, `vendorVersion: ${vv || '(absent)'}`]
      : ['no vendorName/vendorVersion in the Root DSE'];
  return {
    id: 'unknown',
    name: vn ? `${vn} (unrecognised LDAPv3 server)` : 'Unknown LDAPv3 server',
    version: firstVersion(vv),
    evidence: seen,
  };
}
