import { formatCsvRow } from './formatCsv.ts';
import type { DirectoryCandidate } from './matchUsers.ts';

/** A column of the Entra admin center's "Bulk create users" template: label, Graph property, required. */
export interface BulkCreateColumn {
  readonly label: string;
  readonly property: string;
  readonly required: boolean;
}

/**
 * The template's columns in its order (heading format `<Item name> [property] <Required or blank>`).
 */
export const BULK_CREATE_COLUMNS: readonly BulkCreateColumn[] = [
  { label: 'Name', property: 'displayName', required: true },
  { label: 'User name', property: 'userPrincipalName', required: true },
  { label: 'Initial password', property: 'passwordProfile', required: true },
  { label: 'Block sign in (Yes/No)', property: 'accountEnabled', required: true },
  { label: 'First name', property: 'givenName', required: false },
  { label: 'Last name', property: 'surname', required: false },
  { label: 'Job title', property: 'jobTitle', required: false },
  { label: 'Department', property: 'department', required: false },
  { label: 'Usage location', property: 'usageLocation', required: false },
  { label: 'Street address', property: 'streetAddress', required: false },
  { label: 'State or province', property: 'state', required: false },
  { label: 'Country or region', property: 'country', required: false },
  { label: 'Office', property: 'physicalDeliveryOfficeName', required: false },
  { label: 'City', property: 'city', required: false },
  { label: 'ZIP or postal code', property: 'postalCode', required: false },
  { label: 'Office phone', property: 'telephoneNumber', required: false },
  { label: 'Mobile phone', property: 'mobile', required: false },
];

/** The template's first line. */
export const BULK_CREATE_VERSION = 'version:v1.0';

/**
 * Which directory attributes fill which template property; the first attribute with a value wins.
 * `userPrincipalName` and `displayName` are required: an entry without them is reported, not written.
 */
export type BulkCreateAttributeMap = Readonly<Record<string, readonly string[]>>;

/**
 * The default attribute map for inetOrgPerson directories: `displayName` ← displayName or cn,
 * `userPrincipalName` ← mail, `givenName`, `surname` ← sn, `jobTitle` ← title, `department` ←
 * departmentNumber or ou, `streetAddress` ← street, `state` ← st, `city` ← l, `postalCode`, the office and the
 * phone numbers.
 * @param upnAttribute the directory attribute holding the future userPrincipalName; default `mail`
 */
export function defaultBulkCreateMap(upnAttribute = 'mail'): BulkCreateAttributeMap {
  return {
    displayName: ['displayName', 'cn'],
    userPrincipalName: [upnAttribute],
    givenName: ['givenName'],
    surname: ['sn'],
    jobTitle: ['title'],
    department: ['departmentNumber', 'ou'],
    streetAddress: ['street'],
    state: ['st'],
    city: ['l'],
    postalCode: ['postalCode'],
    physicalDeliveryOfficeName: ['physicalDeliveryOfficeName'],
    telephoneNumber: ['telephoneNumber'],
    mobile: ['mobile'],
  };
}

/** Options of {@link formatBulkCreateCsv}. */
export interface BulkCreateOptions {
  /** Which attributes fill which property; default {@link defaultBulkCreateMap}. */
  readonly attributeMap?: BulkCreateAttributeMap;
  /**
   * Makes the initial password of each user. Without it the password column stays empty (fill it in, or
   * let the admin center reject the row) and no secret is written to the file.
   */
  readonly password?: () => string;
}

/** The bulk-create file and the entries left out because a required column had no value. */
export interface BulkCreateResult {
  readonly csv: string;
  readonly written: number;
  readonly skipped: readonly { readonly dn: string; readonly missing: readonly string[] }[];
}

function firstValue(entry: DirectoryCandidate, names: readonly string[]): string | undefined {
  for (const name of names) {
    const lower = name.toLowerCase();
    for (const [key, values] of Object.entries(entry.attributes))
      if (key.toLowerCase() === lower && values[0] !== undefined && values[0].trim() !== '')
        return values[0].trim();
  }
  return undefined;
}

/**
 * Writes directory entries as the Entra admin center's bulk-create CSV (the walkthrough's "create the missing
 * users" step): every account blocked from sign-in, no password unless asked.
 * @param entries the directory entries without an Entra user
 * @param options attribute map, password maker
 * @example
 * writeFileSync('bulk-create.csv', formatBulkCreateCsv(report.directoryOnly).csv);
 */
export function formatBulkCreateCsv(
  entries: Iterable<DirectoryCandidate>,
  options: BulkCreateOptions = {},
): BulkCreateResult {
  const map = options.attributeMap ?? defaultBulkCreateMap();
  let csv = `${BULK_CREATE_VERSION}\r\n`;
  csv += formatCsvRow(
    BULK_CREATE_COLUMNS.map((c) => `${c.label} [${c.property}]${c.required ? ' Required' : ''}`),
  );
  const skipped: { dn: string; missing: string[] }[] = [];
  let written = 0;
  for (const entry of entries) {
    const values: Record<string, string> = {};
    for (const [property, names] of Object.entries(map)) {
      const v = firstValue(entry, names);
      if (v !== undefined) values[property] = v;
    }
    const missing = ['displayName', 'userPrincipalName'].filter((p) => values[p] === undefined);
    if (missing.length > 0) {
      skipped.push({
        dn: entry.dn,
        missing: missing.map((p) => `${p} (from ${(map[p] ?? []).join(' or ')})`),
      });
      continue;
    }
    values.passwordProfile = options.password ? options.password() : '';
    values.accountEnabled = 'Yes';
    csv += formatCsvRow(BULK_CREATE_COLUMNS.map((c) => values[c.property] ?? ''));
    written++;
  }
  return { csv, written, skipped };
}
