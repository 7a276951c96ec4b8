import { rootDseValue, rootDseValues } from '../rootDse/RootDse.ts';
import type { VendorRule } from './Vendor.ts';

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

/** AD LDS (ADAM capability), AD DS, and the AD Global Catalog (GC-ready and on port 3268/3269). */
export const activeDirectory: VendorRule = ({ rootDse, port }) => {
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
