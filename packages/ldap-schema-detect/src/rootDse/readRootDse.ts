import type { Client } from 'ldapts';
import { DetectError } from '../DetectError.ts';
import { normalizeRootDse, type RootDse } from './RootDse.ts';

/**
 * Attributes asked for by name besides `*` and `+`: some servers (AD LDS, older Sun/IBM) return operational
 * Root DSE attributes only when named, and some ignore `+` (RFC 3673).
 */
export const ROOT_DSE_ATTRIBUTES: readonly string[] = [
  '*',
  '+',
  'namingContexts',
  'subschemaSubentry',
  'supportedControl',
  'supportedExtension',
  'supportedFeatures',
  'supportedLDAPVersion',
  'supportedSASLMechanisms',
  'supportedCapabilities',
  'vendorName',
  'vendorVersion',
  'defaultNamingContext',
  'configContext',
  'changelog',
  'firstChangeNumber',
  'lastChangeNumber',
  'highestCommittedUSN',
  'lastusn',
  'isGlobalCatalogReady',
  'domainControllerFunctionality',
  'configurationNamingContext',
  'schemaNamingContext',
  'dsServiceName',
  'altServer',
  'objectClass',
];

/**
 * Reads the Root DSE (base search on the empty DN) with all user and operational attributes.
 * @param client a connected (and, if the server requires it, bound) ldapts client
 * @example
 * const rootDse = await readRootDse(client);
 * rootDseValues(rootDse, 'namingContexts'); // ['dc=example,dc=org']
 */
export async function readRootDse(client: Client): Promise<RootDse> {
  let entries: Awaited<ReturnType<Client['search']>>['searchEntries'];
  try {
    ({ searchEntries: entries } = await client.search('', {
      scope: 'base',
      filter: '(objectClass=*)',
      attributes: [...ROOT_DSE_ATTRIBUTES],
    }));
  } catch (cause) {
    throw new DetectError(
      'root-dse-unreadable',
      `Could not read the Root DSE (base search on ""): ${(cause as Error).message}. ` +
        'Bind before detecting, or allow the bind account (or anonymous) to read the Root DSE.',
      { cause },
    );
  }
  const entry = entries[0];
  if (!entry) {
    throw new DetectError(
      'root-dse-unreadable',
      'The server returned no Root DSE entry for a base search on "". ' +
        'Allow the bind account to read the Root DSE (access control on the empty DN).',
    );
  }
  return normalizeRootDse(entry);
}
