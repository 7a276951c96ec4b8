import type { PeerCertificate } from 'node:tls';
import type { Client } from 'ldapts';
import { buildProfile } from './buildProfile.ts';
import { discoverChangeTracking } from './changeTracking/discoverChangeTracking.ts';
import { DetectError } from './DetectError.ts';
import type { DirectoryProfile } from './DirectoryProfile.ts';
import { readRootDse } from './rootDse/readRootDse.ts';
import { type RootDse, rootDseValue, rootDseValues } from './rootDse/RootDse.ts';
import type { RawSubschema, ResolveSchemaOptions } from './schema/ResolvedSchema.ts';
import { readSubschema } from './schema/readSubschema.ts';
import { type CertificateDetails, describeCertificate } from './tls/describeCertificate.ts';

/** Options of {@link detectDirectory}. */
export interface DetectDirectoryOptions {
  /** Include operational / extensible attributes, `;binary` aliases (the Connectivity page options). */
  readonly schema?: ResolveSchemaOptions;
  /** Port of the connection; 3268/3269 identifies an AD Global Catalog. */
  readonly port?: number;
  /**
   * The server certificate to describe (PEM, DER, or a PeerCertificate). When absent and the client's socket is
   * a TLS socket (LDAPS or after StartTLS), its peer certificate is used.
   */
  readonly certificate?: string | Buffer | PeerCertificate;
  /** Check change logs, anchors and cn=Monitor against the server (default true). False: Root DSE + schema only. */
  readonly probe?: boolean;
  /** Most changelog entries read to find first/last change numbers when the Root DSE lacks them. */
  readonly maxChangelogScan?: number;
}

const ANCHOR_CANDIDATES = ['entryUUID', 'nsUniqueId', 'objectGUID', 'GUID', 'ibm-entryUUID'];

async function tryRead(
  client: Client,
  dn: string,
  attributes: string[],
): Promise<Record<string, unknown> | null> {
  try {
    const { searchEntries } = await client.search(dn, {
      scope: 'base',
      filter: '(objectClass=*)',
      attributes,
    });
    return searchEntries[0] ?? null;
  } catch {
    return null;
  }
}

async function findAccesslogDns(client: Client, rootDse: RootDse): Promise<string[]> {
  const isOpenLdap = rootDseValues(rootDse, 'objectClass').some((c) => c.toLowerCase() === 'openldaprootdse');
  if (!isOpenLdap) return [];
  const found: string[] = [];
  for (const dn of rootDseValues(rootDse, 'namingContexts')) {
    const entry = await tryRead(client, dn, ['objectClass']);
    const classes = entry ? [entry.objectClass].flat().map((c) => String(c).toLowerCase()) : [];
    if (classes.includes('auditcontainer')) found.push(dn);
  }
  return found;
}

function peerCertificateOf(client: Client): PeerCertificate | null {
  const socket = (
    client as unknown as { socket?: { getPeerCertificate?: (detailed: boolean) => PeerCertificate } }
  ).socket;
  if (typeof socket?.getPeerCertificate !== 'function') return null;
  const cert = socket.getPeerCertificate(false);
  return cert && Buffer.isBuffer(cert.raw) ? cert : null;
}

/**
 * Detects everything about the directory behind an ldapts client: Root DSE, capabilities, vendor and version,
 * partitions, the resolved subschema, change tracking (checked with the current bind), anchor, delta method,
 * user class and the server certificate. Read-only: it never writes to the directory.
 * @param client a connected ldapts client, bound as the account the connector will use
 * @param options schema options, port, certificate, probing
 * @example
 * const client = new Client({ url: 'ldap://127.0.0.1:389' });
 * await client.bind('cn=admin,dc=example,dc=org', password);
 * const profile = await detectDirectory(client);
 * console.log(describeProfile(profile));
 */
export async function detectDirectory(
  client: Client,
  options: DetectDirectoryOptions = {},
): Promise<DirectoryProfile> {
  const rootDse = await readRootDse(client);
  const warnings: string[] = [];
  const subschemaDn = rootDseValue(rootDse, 'subschemaSubentry');
  let subschema: RawSubschema | null = null;
  if (subschemaDn === null) {
    warnings.push(
      'The Root DSE names no subschemaSubentry, so the schema is unknown; object classes and attributes must be configured by hand.',
    );
  } else {
    try {
      subschema = await readSubschema(client, subschemaDn);
    } catch (error) {
      if (!(error instanceof DetectError)) throw error;
      warnings.push(error.message);
    }
  }
  let certificate: CertificateDetails | undefined;
  const peer = options.certificate ?? peerCertificateOf(client);
  if (peer) certificate = describeCertificate(peer);
  const base = {
    rootDse,
    subschema,
    warnings,
    ...(options.schema ? { schemaOptions: options.schema } : {}),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(certificate ? { tls: certificate } : {}),
  };
  if (options.probe === false) return buildProfile(base);

  const accesslogDns = await findAccesslogDns(client, rootDse);
  const draft = buildProfile({ ...base, accesslogDns });
  const changeTracking = await discoverChangeTracking(client, draft.changeTracking, draft.namingContexts, {
    ...(options.maxChangelogScan === undefined ? {} : { maxChangelogScan: options.maxChangelogScan }),
  });
  const baseDn = draft.defaultNamingContext.dn;
  const anchorEntry = baseDn === null ? null : await tryRead(client, baseDn, ANCHOR_CANDIDATES);
  const anchorsPresent = anchorEntry ? Object.keys(anchorEntry).filter((k) => k !== 'dn') : null;
  const monitor =
    draft.vendor.id === 'openldap' ? await tryRead(client, 'cn=Monitor', ['monitoredInfo']) : null;
  const monitoredInfo = monitor ? ([monitor.monitoredInfo].flat().map(String)[0] ?? null) : null;
  return buildProfile({ ...base, accesslogDns, changeTracking, anchorsPresent, monitoredInfo });
}
