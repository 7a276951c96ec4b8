import { badRequest } from '@scim2ldap/scim-core';
import type { ExposedAttribute, UserSchemas } from './buildSchemas.ts';
import type { CompiledMapping, CompiledRule } from './compileMapping.ts';
import { canonicalPath, flattenResource, lookupCanonical, type SourceValues } from './flattenResource.ts';
import { DnSyntaxError, escapeDnValue, formatDn, parseDn } from './parseDn.ts';
import { DN_ATTRIBUTE, ECMA2HOST_USER_SCHEMA, EXPORT_PASSWORD_ATTRIBUTE } from './schemaUrns.ts';
import { booleanText, toDirectoryValues } from './toDirectoryValues.ts';

/** What a SCIM User asks of the directory: DN, object classes, attribute values, password. */
export interface EntryPlan {
  /** The DN from `-dn-`, or (on create) from the DN rule; normalised spelling, values escaped. */
  readonly dn: string | undefined;
  readonly objectClasses: readonly string[] | undefined;
  /** Directory attributes to set; `null` removes the attribute. */
  readonly attributes: Readonly<Record<string, readonly string[] | null>>;
  /** A password to set; never logged. */
  readonly password: string | undefined;
}

/**
 * Which attributes to compute: all on `create`; every always-rule on `replace` (PUT); on `update` (PATCH) only
 * the rules and extension attributes that read one of the `changed` SCIM paths (canonical, see `canonicalPath`).
 */
export type MappingMode =
  | { readonly kind: 'create' }
  | { readonly kind: 'replace' }
  | { readonly kind: 'update'; readonly changed: ReadonlySet<string> };

const EXTENSION_PREFIX = `${ECMA2HOST_USER_SCHEMA.toLowerCase()}:`;

/**
 * Maps a SCIM User to what the directory entry should hold: ECMA2Host extension attributes as sent
 * (`-dn-`, `objectClass`, `export_password`, every selected attribute), then mapping rules for the attributes
 * the request did not name directly. Values are typed by the attribute's LDAP syntax.
 * @param resource the SCIM User (after PATCH, the patched resource)
 * @param mapping the compiled mapping
 * @param schemas the connector's resource model
 * @param mode what to compute
 */
export async function mapUserToEntry(
  resource: Readonly<Record<string, unknown>>,
  mapping: CompiledMapping,
  schemas: UserSchemas,
  mode: MappingMode,
): Promise<EntryPlan> {
  const exposed = exposedByName(schemas);
  const passwordKey = schemas.passwordAttribute.toLowerCase();
  // Only mapping rules and the DN rule read the flattened resource; ECMA2Host-style requests often need neither.
  let flattened: SourceValues | undefined;
  const source = (): SourceValues => {
    flattened ??= flattenResource(resource);
    return flattened;
  };
  const attributes: Record<string, readonly string[] | null> = {};
  const named = new Set<string>();
  let dn: string | undefined;
  let objectClasses: readonly string[] | undefined;
  let password = stringOf(resource.password);

  const extension = extensionOf(resource);
  for (const [name, value] of Object.entries(extension)) {
    const key = name.toLowerCase();
    if (mode.kind === 'update' && !mode.changed.has(EXTENSION_PREFIX + key)) continue;
    const attribute = exposed.get(key);
    if (!attribute) {
      throw badRequest(
        'invalidValue',
        `Attribute "${name}" of ${ECMA2HOST_USER_SCHEMA} is not a selected attribute of this connector; add it to the connector's attributes or remove it from the mapping`,
      );
    }
    if (attribute.readOnly) continue;
    named.add(key);
    const values = toDirectoryValues(name, value, attribute.type);
    checkCardinality(attribute, values);
    if (name === DN_ATTRIBUTE)
      dn = values[0] === undefined ? undefined : checkedDn(values[0], `${DN_ATTRIBUTE} value`);
    else if (key === 'objectclass') objectClasses = values;
    else if (key === EXPORT_PASSWORD_ATTRIBUTE || key === passwordKey) password = values[0] ?? password;
    else attributes[attribute.name] = values.length > 0 ? values : null;
  }

  if (mode.kind === 'update') {
    // An extension attribute the PATCH removed is absent from the patched resource: remove it from the entry.
    for (const path of mode.changed) {
      if (!path.startsWith(EXTENSION_PREFIX)) continue;
      const attribute = exposed.get(path.slice(EXTENSION_PREFIX.length));
      if (!attribute || named.has(attribute.name.toLowerCase()) || !removable(attribute, passwordKey))
        continue;
      named.add(attribute.name.toLowerCase());
      attributes[attribute.name] = null;
    }
  }

  for (const rule of mapping.rules) {
    if (named.has(rule.key) || !applies(rule, mode)) continue;
    const values = await ruleValues(rule, source(), mode);
    if (values === undefined) continue;
    const attribute = exposed.get(rule.key);
    if (attribute) checkCardinality(attribute, values ?? []);
    if (rule.key === 'objectclass') objectClasses = values ?? undefined;
    else if (rule.key === EXPORT_PASSWORD_ATTRIBUTE || rule.key === passwordKey)
      password = values?.[0] ?? password;
    else
      attributes[rule.rule.target] =
        values && attribute?.type === 'boolean'
          ? values.map((v) => booleanText(rule.rule.target, v))
          : values;
  }

  // A DN rule applied "always" follows its inputs: a changed user name renames the entry.
  if (dn === undefined && mapping.dnRule && applies(mapping.dnRule, mode)) {
    const escaped: Record<string, string[]> = {};
    for (const path of mapping.dnRule.sources) {
      const values = lookupCanonical(source(), path);
      if (values) escaped[path] = values.map(escapeDnValue);
    }
    const result = await mapping.dnRule.evaluate(escaped);
    if (result.kind === 'values' && result.values[0])
      dn = checkedDn(result.values[0], 'The DN rule produced a DN that');
  }
  if (objectClasses === undefined && mode.kind === 'create') objectClasses = mapping.config.objectClasses;
  return { dn, objectClasses, attributes, password };
}

const exposedCache = new WeakMap<UserSchemas, ReadonlyMap<string, ExposedAttribute>>();

/** The connector's exposed attributes by lower-case name, built once per resource model. */
function exposedByName(schemas: UserSchemas): ReadonlyMap<string, ExposedAttribute> {
  let exposed = exposedCache.get(schemas);
  if (exposed === undefined) {
    exposed = new Map(schemas.attributes.map((a) => [a.name.toLowerCase(), a]));
    exposedCache.set(schemas, exposed);
  }
  return exposed;
}

/** Plain directory attributes can be removed; the DN, object classes and passwords cannot. */
function removable(attribute: ExposedAttribute, passwordKey: string): boolean {
  const key = attribute.name.toLowerCase();
  return (
    !attribute.readOnly &&
    ![DN_ATTRIBUTE, 'objectclass', EXPORT_PASSWORD_ATTRIBUTE, passwordKey].includes(key)
  );
}

function applies(rule: CompiledRule, mode: MappingMode): boolean {
  if (mode.kind === 'create') return true;
  if (rule.createOnly) return false;
  if (mode.kind === 'replace') return true;
  return rule.sources.some((path) => mode.changed.has(path));
}

/** The values a rule yields; `null` = remove the attribute; `undefined` = leave it alone. */
async function ruleValues(
  rule: CompiledRule,
  source: SourceValues,
  mode: MappingMode,
): Promise<readonly string[] | null | undefined> {
  const result = await rule.evaluate(source);
  if (result.kind === 'ignore') return undefined;
  if (result.kind === 'values') {
    const values = result.values.filter((v) => v !== '');
    if (values.length > 0) return values;
  }
  if (mode.kind === 'create')
    return rule.rule.defaultIfNull === undefined ? undefined : [rule.rule.defaultIfNull];
  return null;
}

function checkCardinality(attribute: ExposedAttribute, values: readonly string[]): void {
  if (!attribute.multiValued && values.length > 1) {
    throw badRequest(
      'invalidValue',
      `Attribute "${attribute.name}" is single-valued in this connector but got ${values.length} values; send one value`,
    );
  }
}

function checkedDn(dn: string, what: string): string {
  let parsed: ReturnType<typeof parseDn>;
  try {
    parsed = parseDn(dn);
  } catch (error) {
    if (!(error instanceof DnSyntaxError)) throw error;
    throw badRequest('invalidValue', `${what} is not a valid DN (RFC 4514): ${error.message}`, {
      cause: error,
    });
  }
  // An input the DN rule needs was missing: "CN=,DC=Contoso,DC=lab" is no entry name.
  if (parsed.length === 0 || parsed[0]?.some((part) => part.value === '')) {
    throw badRequest(
      'invalidValue',
      `${what} is not a valid DN: ${JSON.stringify(dn)} has an empty name; send the attributes the DN rule reads`,
    );
  }
  return formatDn(parsed);
}

function extensionOf(resource: Readonly<Record<string, unknown>>): Record<string, unknown> {
  for (const [key, value] of Object.entries(resource)) {
    if (
      key.toLowerCase() === ECMA2HOST_USER_SCHEMA.toLowerCase() &&
      typeof value === 'object' &&
      value !== null
    ) {
      return value as Record<string, unknown>;
    }
  }
  return {};
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Canonical path of an ECMA2Host extension attribute, as `flattenResource` spells it. */
export function extensionPath(name: string): string {
  return canonicalPath(`${ECMA2HOST_USER_SCHEMA}:${name}`);
}
