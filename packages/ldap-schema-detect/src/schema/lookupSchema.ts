import type { ResolvedAttributeType, ResolvedObjectClass, ResolvedSchema } from './ResolvedSchema.ts';

/**
 * Finds an object class by any of its names or its OID, case-insensitively.
 * @param schema a resolved schema
 * @param nameOrOid e.g. `inetorgperson` or `2.16.840.1.113730.3.2.2`
 */
export function getObjectClass(schema: ResolvedSchema, nameOrOid: string): ResolvedObjectClass | undefined {
  const key = schema.index.objectClasses[nameOrOid.toLowerCase()];
  return key === undefined ? undefined : schema.objectClasses[key];
}

/**
 * Finds an attribute type by any of its names (`cn`, `commonName`) or its OID, case-insensitively.
 * Attribute options such as `;binary` or `;lang-en` are ignored.
 * @param schema a resolved schema
 * @param nameOrOid attribute description
 */
export function getAttributeType(
  schema: ResolvedSchema,
  nameOrOid: string,
): ResolvedAttributeType | undefined {
  const base = (nameOrOid.split(';')[0] as string).toLowerCase();
  const key = schema.index.attributeTypes[base];
  return key === undefined ? undefined : schema.attributeTypes[key];
}

/** What an entry of some object classes must and may carry. */
export interface AllowedAttributes {
  /** Effective MUST of all the classes (primary names). */
  readonly must: readonly string[];
  /** Everything else it may carry: effective MAY, plus operational / extensible ones if the schema options say so. */
  readonly may: readonly string[];
  /** Class names that the schema does not define. */
  readonly unknownClasses: readonly string[];
}

/**
 * The attributes an entry of a structural class plus auxiliaries must and may have — the Select Attributes
 * page. With `includeOperational`, server-maintained attributes are offered too; with `includeExtensible`
 * (and extensibleObject among the classes or the option set), every user attribute is.
 * @param schema a resolved schema
 * @param classNames structural class first, then auxiliaries
 */
export function allowedAttributes(schema: ResolvedSchema, classNames: readonly string[]): AllowedAttributes {
  const must = new Set<string>();
  const may = new Set<string>();
  const unknownClasses: string[] = [];
  let extensible = schema.options.includeExtensible && schema.extensibleObject;
  for (const name of classNames) {
    const cls = getObjectClass(schema, name);
    if (!cls) {
      unknownClasses.push(name);
      continue;
    }
    if (cls.name.toLowerCase() === 'extensibleobject') extensible = true;
    for (const a of cls.effectiveMust) must.add(a);
    for (const a of cls.effectiveMay) may.add(a);
  }
  for (const attr of Object.values(schema.attributeTypes)) {
    if (attr.obsolete) continue;
    if (attr.operational ? schema.options.includeOperational : extensible) may.add(attr.name);
  }
  for (const a of must) may.delete(a);
  return { must: [...must], may: [...may], unknownClasses };
}
