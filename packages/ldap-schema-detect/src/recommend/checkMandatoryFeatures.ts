import type { FeatureCheck, MandatoryFeatures } from '../DirectoryProfile.ts';
import type { Capabilities } from '../rootDse/capabilities.ts';
import type { VendorId } from '../vendor/fingerprintVendor.ts';

/**
 * The Global page's "Mandatory Features" check: absolute true/false filters (always), all operational
 * attributes (when the anchor is not the DN) and a paging mechanism (paged results, or VLV with sort).
 * Missing features are warnings, as in the wizard: many servers under-advertise.
 * @param capabilities capability flags
 * @param vendorId detected vendor (AD never advertises RFC 4526 filters; the warning says it is harmless)
 * @param anchor recommended anchor attribute
 * @param anchorOperational whether the anchor is an operational attribute (returned only for `+` or by name);
 *   AD's objectGUID is not, so AD needs no RFC 3673 support
 */
export function checkMandatoryFeatures(
  capabilities: Capabilities,
  vendorId: VendorId,
  anchor: string,
  anchorOperational = anchor !== 'dn',
): MandatoryFeatures {
  const isAd = vendorId === 'ad-lds' || vendorId === 'ad-ds' || vendorId === 'ad-gc';
  const paging = capabilities.pagedResults || (capabilities.vlv && capabilities.serverSideSort);
  const checks: FeatureCheck[] = [
    {
      name: 'Absolute True/False filters (RFC 4526)',
      oid: '1.3.6.1.4.1.4203.1.5.3',
      found: capabilities.absoluteTrueFalseFilters,
      required: true,
      note: 'used to build (|…) filters across object types',
    },
    {
      name: "All operational attributes '+' (RFC 3673)",
      oid: '1.3.6.1.4.1.4203.1.5.1',
      found: capabilities.allOperationalAttributes,
      required: anchorOperational,
      note: anchorOperational
        ? `needed to read the operational ${anchor} anchor with '+'`
        : 'needed only for operational unique-id anchors',
    },
    {
      name: 'Paged results (RFC 2696) or VLV + server-side sort',
      oid: capabilities.pagedResults ? '1.2.840.113556.1.4.319' : '2.16.840.1.113730.3.4.9',
      found: paging,
      required: true,
      note: 'without paging a full import is one search, which size limits may cut short',
    },
  ];
  const warnings: string[] = [];
  for (const c of checks) {
    if (c.found || !c.required) continue;
    if (c.oid === '1.3.6.1.4.1.4203.1.5.3' && isAd) {
      warnings.push(
        'Mandatory feature not found: absolute True/False filters. Active Directory never advertises it; this is expected and harmless.',
      );
    } else if (c.oid === '1.3.6.1.4.1.4203.1.5.3') {
      warnings.push(
        'Mandatory feature not found: absolute True/False filters (RFC 4526). Many servers support (&) and (|) without advertising it; imports of several object types use (|(objectClass=a)(objectClass=b)) instead.',
      );
    } else if (c.oid === '1.3.6.1.4.1.4203.1.5.1') {
      warnings.push(
        `Mandatory feature not found: all operational attributes. The anchor ${anchor} will be requested by name.`,
      );
    } else {
      warnings.push(
        'Mandatory feature not found: no paging control. Full imports run as one search; raise the server size limit for the bind account or imports will be cut short.',
      );
    }
  }
  return { checks, allFound: checks.every((c) => c.found || !c.required), warnings };
}
