import type { ConnectionPool } from '../connection/createConnectionPool.ts';
import type { LdapConnection } from '../connection/createLdapConnection.ts';
import type { LdapEntry } from '../connection/types.ts';
import { LdapOperationError } from '../errors/LdapOperationError.ts';
import type { SingleValuedLookup } from '../export/diffAttributes.ts';
import { isDisabled, type LockProfile, lockAttribute } from '../export/lockProfile.ts';
import type { DirectoryEntry, LdapTargetOptions, PasswordPolicy } from './types.ts';

/** Resolved options shared by the export operations. */
export interface TargetContext {
  readonly pool: ConnectionPool;
  readonly bases: readonly string[];
  readonly userObjectClass: string;
  readonly anchor: string;
  readonly readAttributes: readonly string[];
  readonly singleValued: SingleValuedLookup;
  readonly lockProfile: LockProfile | undefined;
  readonly password: PasswordPolicy;
  readonly subtreeDelete: 'auto' | 'treeDeleteControl' | 'recursive';
  /**
   * The Root DSE's `supportedControl` and `supportedExtension` OIDs, read once through whichever connection
   * asks first (asked on every add).
   */
  supported: Promise<{ readonly [list in SupportList]: ReadonlySet<string> }> | undefined;
}

/** The Root DSE lists {@link serverSupports} looks in. */
type SupportList = 'supportedExtension' | 'supportedControl';

/**
 * Whether the Root DSE lists an OID under `supportedExtension` or `supportedControl`, read through the
 * connection already held (so a pool of one cannot deadlock).
 * @param context the target context (caches the Root DSE's OIDs)
 * @param connection the connection in use
 * @param list which Root DSE attribute
 * @param oid the OID
 */
export async function serverSupports(
  context: TargetContext,
  connection: LdapConnection,
  list: SupportList,
  oid: string,
): Promise<boolean> {
  if (context.supported === undefined) {
    const reading = connection.read('', ['supportedExtension', 'supportedControl']).then((entry) => {
      if (entry === undefined) throw new Error('Root DSE not readable');
      return {
        supportedControl: new Set(valuesOf(entry, 'supportedControl')),
        supportedExtension: new Set(valuesOf(entry, 'supportedExtension')),
      };
    });
    context.supported = reading;
    reading.catch(() => {
      if (context.supported === reading) context.supported = undefined;
    });
  }
  try {
    return (await context.supported)[list].has(oid);
  } catch {
    return false;
  }
}

/**
 * Resolves target options into the context the operations use (defaults applied, attribute list built).
 * @param options the target options
 */
export function resolveTargetContext(options: LdapTargetOptions): TargetContext {
  const anchor = options.anchor ?? 'entryUUID';
  const selected = options.attributes ?? ['*'];
  const extra = [
    'objectClass',
    ...(anchor.toLowerCase() === 'dn' ? [] : [anchor]),
    ...(options.lockProfile === undefined ? [] : [lockAttribute(options.lockProfile)]),
  ];
  const readAttributes = [...new Set([...selected, ...extra])];
  let configured: SingleValuedLookup;
  if (typeof options.singleValued === 'function') configured = options.singleValued;
  else {
    const set = new Set([...(options.singleValued ?? [])].map((a) => a.toLowerCase()));
    configured = (attribute) => (set.has(attribute.toLowerCase()) ? true : set.size > 0 ? false : undefined);
  }
  const schema = options.schema ?? undefined;
  const singleValued: SingleValuedLookup =
    schema === undefined
      ? configured
      : (attribute) => {
          if (configured(attribute) === true) return true;
          const key = schema.index.attributeTypes[(attribute.split(';')[0] ?? '').toLowerCase()];
          const type = key === undefined ? undefined : schema.attributeTypes[key];
          return type === undefined ? configured(attribute) : type.singleValue;
        };
  return {
    pool: options.pool,
    bases: options.bases,
    userObjectClass: options.userObjectClass ?? 'inetOrgPerson',
    anchor,
    readAttributes,
    singleValued,
    lockProfile: options.lockProfile,
    password: options.passwordPolicy ?? {},
    subtreeDelete: options.subtreeDelete ?? 'auto',
    supported: undefined,
  };
}

/**
 * Values of an attribute of an entry, by case-insensitive name.
 * @param entry the entry
 * @param name the attribute name
 */
export function valuesOf(entry: LdapEntry, name: string): readonly string[] {
  const lower = name.toLowerCase();
  for (const key in entry.attributes) if (key.toLowerCase() === lower) return entry.attributes[key]!;
  return [];
}

/**
 * Turns an entry as read into a {@link DirectoryEntry} (anchor, object classes, lock state).
 * @param context the target context
 * @param entry the entry as read
 */
export function toDirectoryEntry(context: TargetContext, entry: LdapEntry): DirectoryEntry {
  const attributes: Record<string, readonly string[]> = {};
  let objectClasses: readonly string[] | undefined;
  for (const name in entry.attributes) {
    const values = entry.attributes[name]!;
    if (name.length === 11 && name.toLowerCase() === 'objectclass') objectClasses ??= values;
    else if (values.length > 0) attributes[name] = values;
  }
  const anchor =
    context.anchor.toLowerCase() === 'dn' ? entry.dn : (valuesOf(entry, context.anchor)[0] ?? '');
  return {
    dn: entry.dn,
    anchor,
    objectClasses: objectClasses ?? [],
    attributes,
    ...(context.lockProfile === undefined ? {} : { disabled: isDisabled(context.lockProfile, entry) }),
  };
}

/**
 * Reads an entry by DN on the given connection (read-after-write on the connection that wrote).
 * @param context the target context
 * @param connection the connection that did the write
 * @param dn the entry's DN
 */
export async function readBack(
  context: TargetContext,
  connection: LdapConnection,
  dn: string,
): Promise<DirectoryEntry | undefined> {
  const entry = await connection.read(dn, context.readAttributes);
  return entry === undefined ? undefined : toDirectoryEntry(context, entry);
}

/**
 * Like {@link readBack} but the entry must exist (it was just written).
 * @param context the target context
 * @param connection the connection that did the write
 * @param dn the entry's DN
 */
export async function mustReadBack(
  context: TargetContext,
  connection: LdapConnection,
  dn: string,
): Promise<DirectoryEntry> {
  const entry = await readBack(context, connection, dn);
  if (entry === undefined) {
    throw new LdapOperationError(
      `read-back of ${dn} found no entry right after writing it; another client may have deleted or moved it.`,
      { code: 'noSuchObject', kind: 'noSuchObject', operation: 'read', dn },
    );
  }
  return entry;
}
