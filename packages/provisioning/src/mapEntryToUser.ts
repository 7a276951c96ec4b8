import type { ScimResource } from '@scim2ldap/scim-core';
import type { UserSchemas } from './buildSchemas.ts';
import type { CompiledMapping } from './compileMapping.ts';
import type { DirectoryEntry } from './DirectoryTarget.ts';
import { isActive } from './deprovision.ts';
import type { DisableFlow } from './ProvisioningPolicy.ts';
import {
  CORE_USER_SCHEMA,
  DN_ATTRIBUTE,
  ECMA2HOST_USER_SCHEMA,
  ENTERPRISE_USER_SCHEMA,
} from './schemaUrns.ts';
import { setResourceValue } from './setResourceValue.ts';
import { toScimValues } from './toDirectoryValues.ts';

/** What {@link mapEntryToUser} needs besides the entry. */
export interface EntryToUserContext {
  readonly mapping: CompiledMapping;
  readonly schemas: UserSchemas;
  readonly disableFlow: DisableFlow;
}

/**
 * Builds the SCIM User from what the directory holds: `id` = the anchor, the ECMA2Host extension with every
 * selected attribute (write-only ones never), core attributes through the inverse of the mapping, `active`
 * from the disable flow's state. Responses are therefore never an echo of the request.
 * @param entry the entry as read back from the directory
 * @param context mapping, resource model and disable flow
 */
export async function mapEntryToUser(
  entry: DirectoryEntry,
  context: EntryToUserContext,
): Promise<ScimResource> {
  const { mapping, schemas } = context;
  const attributes = attributeValues(entry, schemas.passwordAttribute);
  const resource: Record<string, unknown> = { schemas: [CORE_USER_SCHEMA], id: entry.anchor };

  for (const reverse of mapping.reverses) {
    const values = await reverse.evaluate(attributes);
    if (values.length > 0) setResourceValue(resource, reverse.target, values);
  }
  if (resource.userName === undefined) {
    const name = mapping.config.userNameAttribute;
    resource.userName = (name ? lookup(attributes, name)?.[0] : undefined) ?? entry.dn;
  }
  if (resource.externalId === undefined && mapping.config.externalIdAttribute) {
    const value = lookup(attributes, mapping.config.externalIdAttribute)?.[0];
    if (value !== undefined) resource.externalId = value;
  }
  resource.active = isActive(entry, context.disableFlow);

  const extension: Record<string, unknown> = {};
  for (const attribute of schemas.attributes) {
    if (attribute.writeOnly) continue;
    const values =
      attribute.name === DN_ATTRIBUTE || attribute.name.toLowerCase() === '_distinguishedname'
        ? [entry.dn]
        : attribute.name.toLowerCase() === 'objectclass'
          ? entry.objectClasses
          : lookup(attributes, attribute.name);
    if (!values || values.length === 0) continue;
    const typed = toScimValues(values, attribute.type);
    extension[attribute.name] = attribute.multiValued ? typed : typed[0];
  }
  if (Object.keys(extension).length > 0) resource[ECMA2HOST_USER_SCHEMA] = extension;
  if (resource[ENTERPRISE_USER_SCHEMA] !== undefined) {
    resource.schemas = [CORE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA];
  }
  resource.schemas = [
    ...(resource.schemas as string[]),
    ...(resource[ECMA2HOST_USER_SCHEMA] ? [ECMA2HOST_USER_SCHEMA] : []),
  ];
  resource.meta = meta(attributes);
  return resource;
}

function meta(attributes: Readonly<Record<string, readonly string[]>>): Record<string, string> {
  const out: Record<string, string> = { resourceType: 'User' };
  const created = lookup(attributes, 'createTimestamp')?.[0];
  const modified = lookup(attributes, 'modifyTimestamp')?.[0] ?? created;
  if (created) out.created = toScimValues([created], 'dateTime')[0] as string;
  if (modified) out.lastModified = toScimValues([modified], 'dateTime')[0] as string;
  return out;
}

/** The entry's attributes with `objectClass` included and the password attribute left out, for reverse rules. */
function attributeValues(
  entry: DirectoryEntry,
  passwordAttribute: string,
): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = { objectClass: entry.objectClasses };
  const secret = passwordAttribute.toLowerCase();
  for (const [name, values] of Object.entries(entry.attributes))
    if (name.toLowerCase() !== secret) out[name] = values;
  return out;
}

/**
 * An attribute's values, names compared case-insensitively (RFC 4512 §2.5).
 * @param attributes the entry's attributes
 * @param name the attribute name
 */
export function lookup(
  attributes: Readonly<Record<string, readonly string[]>>,
  name: string,
): readonly string[] | undefined {
  const exact = attributes[name];
  if (exact !== undefined) return exact;
  const wanted = name.toLowerCase();
  for (const [key, values] of Object.entries(attributes)) if (key.toLowerCase() === wanted) return values;
  return undefined;
}
