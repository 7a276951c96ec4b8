import { rootDseValue } from '../rootDse/RootDse.ts';
import { activeDirectory } from './activeDirectory.ts';
import { SCHEMA_MARKERS } from './schemaMarkers.ts';
import { type FingerprintInput, firstVersion, type Vendor } from './Vendor.ts';
import { byVendorAttributes, openLdap } from './vendorRules.ts';

export type { FingerprintInput, Vendor, VendorId } from './Vendor.ts';

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
