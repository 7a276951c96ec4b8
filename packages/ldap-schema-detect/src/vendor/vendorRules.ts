import { rootDseValue, rootDseValues } from '../rootDse/RootDse.ts';
import { firstVersion, type VendorRule } from './Vendor.ts';

/** Products that name themselves in vendorName / vendorVersion (RFC 3045). */
export const byVendorAttributes: VendorRule = ({ rootDse }, vn, vv) => {
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

/** OpenLDAP has no vendorName; its Root DSE class and configContext give it away. */
export const openLdap: VendorRule = ({ rootDse, monitoredInfo }, vn) => {
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
