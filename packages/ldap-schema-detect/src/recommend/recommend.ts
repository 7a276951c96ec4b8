import type { ChangeTracking, DeltaMethod, Recommendations } from '../DirectoryProfile.ts';
import type { Capabilities } from '../rootDse/capabilities.ts';
import { getAttributeType, getObjectClass } from '../schema/lookupSchema.ts';
import type { ResolvedSchema } from '../schema/ResolvedSchema.ts';
import type { Vendor, VendorId } from '../vendor/fingerprintVendor.ts';
import { checkMandatoryFeatures } from './checkMandatoryFeatures.ts';

/** Input of {@link recommend}. */
export interface RecommendInput {
  readonly vendor: Vendor;
  readonly capabilities: Capabilities;
  readonly schema: ResolvedSchema | null;
  readonly changeTracking: ChangeTracking;
  /** Anchor candidates actually present on an entry of the default naming context (live probe), if known. */
  readonly anchorsPresent?: readonly string[] | null;
}

/** The immutable id each product keeps on every entry, in order of preference. */
const ANCHORS_BY_VENDOR: Readonly<Partial<Record<VendorId, readonly string[]>>> = {
  'ad-lds': ['objectGUID'],
  'ad-ds': ['objectGUID'],
  'ad-gc': ['objectGUID'],
  edirectory: ['GUID'],
  '389ds': ['nsUniqueId', 'entryUUID'],
  dsee: ['nsUniqueId', 'entryUUID'],
  tivoli: ['ibm-entryUUID', 'entryUUID'],
};
const GENERIC_ANCHORS = ['entryUUID', 'nsUniqueId', 'objectGUID', 'GUID', 'ibm-entryUUID'];

function chooseAnchor(input: RecommendInput): { anchor: string; reason: string } {
  const { vendor, schema, anchorsPresent } = input;
  const candidates = [...(ANCHORS_BY_VENDOR[vendor.id] ?? []), ...GENERIC_ANCHORS];
  const present = anchorsPresent?.map((a) => a.toLowerCase()) ?? null;
  for (const name of new Set(candidates)) {
    const attr = schema ? getAttributeType(schema, name) : undefined;
    if (schema && !attr) continue;
    if (present !== null && !present.includes(name.toLowerCase())) continue;
    if (attr && !attr.singleValue) continue;
    const how = present !== null ? 'it is present on the base entry' : 'the schema defines it';
    return {
      anchor: attr?.name ?? name,
      reason: `${attr?.name ?? name} is a server-assigned, immutable, single-valued id and ${how}; unlike the DN it survives renames and moves.`,
    };
  }
  return {
    anchor: 'dn',
    reason:
      'No server-assigned unique id (entryUUID, nsUniqueId, objectGUID, GUID) was found, so the DN is the anchor; renames outside the connector will look like delete + add.',
  };
}

function chooseDeltaMethod(input: RecommendInput): {
  method: DeltaMethod;
  dn: string | null;
  reason: string;
  warnings: string[];
} {
  const { changeTracking: ct, vendor } = input;
  const warnings: string[] = [];
  if (ct.accesslog) {
    if (ct.accesslog.readable !== false) {
      return {
        method: 'accesslog',
        dn: ct.accesslog.dn,
        reason: `OpenLDAP accesslog at ${ct.accesslog.dn}${ct.accesslog.readable ? ' is readable by the bind DN' : ' (readability not checked)'}; it records adds, modifies, renames and deletes. Keep the connector host's clock in sync with the server: the watermark is a time stamp.`,
        warnings,
      };
    }
    warnings.push(
      `The accesslog ${ct.accesslog.dn} exists but the bind DN cannot read it; grant read access (and an unlimited size limit) to use it for delta imports.`,
    );
  }
  if (ct.changelog) {
    if (ct.changelog.readable !== false) {
      return {
        method: 'changelog',
        dn: ct.changelog.dn,
        reason: `Change log at ${ct.changelog.dn}${ct.changelog.readable ? ' is readable by the bind DN' : ' (readability not checked)'}; entries are keyed by changeNumber and cover all operations.`,
        warnings,
      };
    }
    warnings.push(
      `The change log ${ct.changelog.dn} exists but the bind DN cannot read it; grant read access to use it for delta imports.`,
    );
  }
  if (ct.usn?.attribute === 'uSNChanged') {
    return {
      method: 'usn',
      dn: null,
      reason: `Active Directory: uSNChanged above the watermark (highestCommittedUSN ${ct.usn.highest})${input.capabilities.showDeleted ? ', deletes via the Show Deleted control' : ''}.`,
      warnings,
    };
  }
  if (ct.syncrepl && vendor.id !== 'apacheds') {
    return {
      method: 'syncrepl',
      dn: null,
      reason:
        'The server offers RFC 4533 Content Synchronization (syncrepl refreshOnly with a cookie), which reports adds, modifies and deletes.',
      warnings,
    };
  }
  if (ct.timestamps) {
    const why =
      vendor.id === 'apacheds'
        ? 'ApacheDS keeps no persistent change log'
        : vendor.id === 'edirectory'
          ? 'eDirectory has no change log'
          : 'no change log is available';
    return {
      method: 'timestamp',
      dn: null,
      reason: `${why}: modifyTimestamp polling finds adds and updates but not deletes; schedule periodic full imports to catch deletions.`,
      warnings,
    };
  }
  return {
    method: 'none',
    dn: null,
    reason: 'No change log, USN or modifyTimestamp: only full imports are possible.',
    warnings,
  };
}

const USER_CLASSES = ['inetOrgPerson', 'user', 'organizationalPerson', 'person'];
/** MUST attributes Active Directory fills in itself on add; a client never maps them. */
const AD_SERVER_SET = new Set(['instancetype', 'ntsecuritydescriptor', 'objectcategory']);
const AUXILIARIES = ['posixAccount', 'shadowAccount', 'ldapPublicKey', 'eduPerson', 'msDS-BindableObject'];

function chooseUserClass(input: RecommendInput): {
  userClass: string | null;
  auxiliaries: string[];
  mustMap: string[];
  reason: string;
} {
  const { schema, vendor } = input;
  const order = vendor.id.startsWith('ad-') ? ['user', ...USER_CLASSES] : USER_CLASSES;
  if (!schema)
    return {
      userClass: vendor.id.startsWith('ad-') ? 'user' : 'inetOrgPerson',
      auxiliaries: [],
      mustMap: [],
      reason: 'The schema could not be read; this is the usual class for the product.',
    };
  const auxiliaries = AUXILIARIES.flatMap((n) => {
    const c = getObjectClass(schema, n);
    return c && c.kind === 'auxiliary' ? [c.name] : [];
  });
  for (const name of order) {
    const c = getObjectClass(schema, name);
    if (c?.kind !== 'structural') continue;
    const isAd = vendor.id.startsWith('ad-');
    const mustMap = c.effectiveMust.filter((a) => !(isAd && AD_SERVER_SET.has(a.toLowerCase())));
    const serverSet = c.effectiveMust.filter((a) => !mustMap.includes(a));
    return {
      userClass: c.name,
      auxiliaries,
      mustMap,
      reason:
        `${c.name} is a structural class the schema defines; its entries must carry ${mustMap.join(', ')}` +
        (serverSet.length ? ` (${serverSet.join(', ')} are set by Active Directory itself).` : '.'),
    };
  }
  return {
    userClass: null,
    auxiliaries,
    mustMap: [],
    reason:
      'None of inetOrgPerson, user, organizationalPerson or person is a structural class in this schema; pick the user class by hand.',
  };
}

/**
 * Recommends the anchor, delta method and user class, each with its reason, plus the mandatory-features report
 * — what the wizard pre-fills, but preferring immutable ids over the DN where the server has them.
 * @param input vendor, capabilities, schema, change tracking and an optional live anchor probe
 */
export function recommend(input: RecommendInput): Recommendations & { readonly warnings: readonly string[] } {
  const anchor = chooseAnchor(input);
  const delta = chooseDeltaMethod(input);
  const user = chooseUserClass(input);
  const anchorType =
    input.schema && anchor.anchor !== 'dn' ? getAttributeType(input.schema, anchor.anchor) : undefined;
  const mandatoryFeatures = checkMandatoryFeatures(
    input.capabilities,
    input.vendor.id,
    anchor.anchor,
    anchor.anchor !== 'dn' && (anchorType?.operational ?? true),
  );
  return {
    anchor: anchor.anchor,
    deltaMethod: delta.method,
    changelogDn: delta.dn,
    userClass: user.userClass,
    userAuxiliaryClasses: user.auxiliaries,
    userClassMust: user.mustMap,
    reasons: { anchor: anchor.reason, deltaMethod: delta.reason, userClass: user.reason },
    mandatoryFeatures,
    warnings: delta.warnings,
  };
}
