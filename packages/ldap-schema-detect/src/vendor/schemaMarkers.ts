import type { ResolvedSchema } from '../schema/ResolvedSchema.ts';
import type { VendorId } from './Vendor.ts';

/** Schema definitions only one product ships; used when the Root DSE names no vendor. */
export const SCHEMA_MARKERS: readonly {
  id: VendorId;
  name: string;
  test: (s: ResolvedSchema) => string | null;
}[] = [
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
