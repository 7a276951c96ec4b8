import { safeParseAttributeType, safeParseObjectClass } from './parseSchemaDefinition.ts';
import type {
  RawSubschema,
  ResolvedAttributeType,
  ResolvedObjectClass,
  ResolvedSchema,
  ResolveSchemaOptions,
  SchemaProblem,
} from './ResolvedSchema.ts';
import type { AttributeTypeDefinition, ObjectClassDefinition } from './SchemaDefinition.ts';
import {
  isCaseSensitive,
  syntaxName,
  syntaxRequiresBinaryTransfer,
  valueKindOfSyntax,
} from './valueKinds.ts';

const lc = (s: string): string => s.toLowerCase();

function originOf(ext: Readonly<Record<string, readonly string[]>>): string | null {
  for (const [k, v] of Object.entries(ext)) {
    if (/^X-(ORIGIN|SCHEMA)$/i.test(k) && v.length > 0) return v.join(', ');
  }
  return null;
}

function indexDefinitions<T extends { oid: string; names: readonly string[] }>(
  defs: readonly T[],
  what: string,
  problems: SchemaProblem[],
): { byKey: Map<string, T>; index: Map<string, string> } {
  const byKey = new Map<string, T>();
  const index = new Map<string, string>();
  for (const def of defs) {
    const key = lc(def.names[0] ?? def.oid);
    if (byKey.has(key)) {
      problems.push({
        code: 'duplicate',
        message: `Duplicate ${what} '${key}' (${def.oid}); the first one is kept.`,
      });
      continue;
    }
    byKey.set(key, def);
    for (const alias of [def.oid, ...def.names]) {
      const a = lc(alias);
      if (!index.has(a)) index.set(a, key);
    }
  }
  return { byKey, index };
}

function resolveAttributes(
  defs: readonly AttributeTypeDefinition[],
  options: ResolveSchemaOptions,
  problems: SchemaProblem[],
): { attributes: Record<string, ResolvedAttributeType>; index: Map<string, string> } {
  const { byKey, index } = indexDefinitions(defs, 'attribute type', problems);
  const binaryAliases = new Set<string>();
  for (const alias of options.binaryAttributes ?? []) {
    const base = lc(alias.replace(/;binary$/i, '').trim());
    const key = index.get(base);
    if (key === undefined) {
      problems.push({
        code: 'unknown-alias',
        message: `Attribute alias '${alias}' names no attribute type in the schema; check its spelling.`,
      });
    } else binaryAliases.add(key);
  }
  const attributes: Record<string, ResolvedAttributeType> = {};
  const inherited = (
    def: AttributeTypeDefinition,
    pick: (d: AttributeTypeDefinition) => string | null,
  ): string | null => {
    const seen = new Set<AttributeTypeDefinition>();
    let cur: AttributeTypeDefinition | undefined = def;
    while (cur && !seen.has(cur)) {
      const v = pick(cur);
      if (v !== null) return v;
      seen.add(cur);
      cur = cur.sup === null ? undefined : byKey.get(index.get(lc(cur.sup)) ?? '');
    }
    return null;
  };
  const inheritedFlag = (def: AttributeTypeDefinition): boolean =>
    inherited(def, (d) => (d.singleValue ? 'yes' : null)) !== null;
  for (const [key, def] of byKey) {
    if (def.sup !== null && !index.has(lc(def.sup))) {
      problems.push({
        code: 'unknown-superclass',
        message: `Attribute type '${key}' names superior '${def.sup}', which the schema does not define.`,
      });
    }
    const syntax = inherited(def, (d) => d.syntax);
    const equality = inherited(def, (d) => d.equality);
    const binaryTransfer = syntaxRequiresBinaryTransfer(syntax) || binaryAliases.has(key);
    attributes[key] = {
      oid: def.oid,
      name: def.names[0] ?? def.oid,
      names: def.names,
      description: def.description,
      sup: def.sup === null ? null : (byKey.get(index.get(lc(def.sup)) ?? '')?.names[0] ?? def.sup),
      syntax,
      syntaxName: syntaxName(syntax),
      valueKind: binaryTransfer ? 'binary' : valueKindOfSyntax(syntax),
      equality,
      caseSensitive: isCaseSensitive(equality, syntax),
      singleValue: inheritedFlag(def),
      noUserModification: def.noUserModification,
      usage: def.usage,
      operational: def.usage !== 'userApplications',
      binaryTransfer,
      obsolete: def.obsolete,
      origin: originOf(def.extensions),
    };
  }
  return { attributes, index };
}

function resolveClasses(
  defs: readonly ObjectClassDefinition[],
  attrIndex: ReadonlyMap<string, string>,
  attributes: Readonly<Record<string, ResolvedAttributeType>>,
  problems: SchemaProblem[],
): { classes: Record<string, ResolvedObjectClass>; index: Map<string, string> } {
  const { byKey, index } = indexDefinitions(defs, 'object class', problems);
  const attrName = (ref: string, owner: string): string => {
    const key = attrIndex.get(lc(ref));
    if (key === undefined) {
      problems.push({
        code: 'unknown-attribute',
        message: `Object class '${owner}' lists attribute '${ref}', which the schema does not define.`,
      });
      return ref;
    }
    return (attributes[key] as ResolvedAttributeType).name;
  };
  const supKeys = (def: ObjectClassDefinition, key: string): string[] =>
    def.sup.flatMap((s) => {
      const k = index.get(lc(s));
      if (k === undefined) {
        problems.push({
          code: 'unknown-superclass',
          message: `Object class '${key}' names superclass '${s}', which the schema does not define.`,
        });
        return [];
      }
      return k === key ? [] : [k];
    });
  const ancestors = new Map<string, string[]>();
  const visiting = new Set<string>();
  const chain = (key: string): string[] => {
    const done = ancestors.get(key);
    if (done) return done;
    if (visiting.has(key)) {
      problems.push({ code: 'cycle', message: `Object class '${key}' is its own superclass (SUP cycle).` });
      return [];
    }
    visiting.add(key);
    const out: string[] = [];
    for (const s of supKeys(byKey.get(key) as ObjectClassDefinition, key)) {
      for (const a of [s, ...chain(s)]) if (a !== key && !out.includes(a)) out.push(a);
    }
    visiting.delete(key);
    ancestors.set(key, out);
    return out;
  };
  const own = new Map<string, { must: string[]; may: string[] }>();
  for (const [key, def] of byKey) {
    own.set(key, { must: def.must.map((a) => attrName(a, key)), may: def.may.map((a) => attrName(a, key)) });
  }
  const classes: Record<string, ResolvedObjectClass> = {};
  for (const [key, def] of byKey) {
    const sups = chain(key);
    const mine = own.get(key) as { must: string[]; may: string[] };
    const must = new Set(mine.must);
    const may = new Set(mine.may);
    for (const s of sups) {
      const o = own.get(s);
      for (const a of o?.must ?? []) must.add(a);
      for (const a of o?.may ?? []) may.add(a);
    }
    for (const a of must) may.delete(a);
    const nameOf = (k: string): string => (classes[k]?.name ?? byKey.get(k)?.names[0] ?? k) as string;
    classes[key] = {
      oid: def.oid,
      name: def.names[0] ?? def.oid,
      names: def.names,
      description: def.description,
      kind: def.classKind === null ? 'structural' : (lc(def.classKind) as ResolvedObjectClass['kind']),
      sup: supKeys(def, key).map(nameOf),
      superclasses: sups.map(nameOf),
      must: mine.must,
      may: mine.may,
      effectiveMust: [...must],
      effectiveMay: [...may],
      obsolete: def.obsolete,
      origin: originOf(def.extensions),
    };
  }
  return { classes, index };
}

/**
 * Parses and resolves a subschema: every definition is parsed (bad ones become `problems`, never a crash),
 * attribute types inherit syntax, equality and SINGLE-VALUE along SUP, and object classes get their
 * superclass chain and effective MUST/MAY.
 * @param raw the subschema subentry's definition strings
 * @param options include operational / extensible attributes, `;binary` aliases
 * @example
 * const schema = resolveSchema({ objectClasses, attributeTypes });
 * getObjectClass(schema, 'inetOrgPerson')?.effectiveMust; // ['objectClass', 'sn', 'cn'] on OpenLDAP
 */
export function resolveSchema(raw: RawSubschema, options: ResolveSchemaOptions = {}): ResolvedSchema {
  const problems: SchemaProblem[] = [];
  const attrDefs: AttributeTypeDefinition[] = [];
  for (const text of raw.attributeTypes ?? []) {
    const r = safeParseAttributeType(text);
    if (r.success) attrDefs.push(r.output);
    else
      problems.push({
        code: 'unparsable',
        message: r.issues.map((i) => `${i.message}\n${i.caret}`).join('\n'),
      });
  }
  const classDefs: ObjectClassDefinition[] = [];
  for (const text of raw.objectClasses ?? []) {
    const r = safeParseObjectClass(text);
    if (r.success) classDefs.push(r.output);
    else
      problems.push({
        code: 'unparsable',
        message: r.issues.map((i) => `${i.message}\n${i.caret}`).join('\n'),
      });
  }
  const { attributes, index: attrIndex } = resolveAttributes(attrDefs, options, problems);
  const { classes, index: classIndex } = resolveClasses(classDefs, attrIndex, attributes, problems);
  return {
    objectClasses: classes,
    attributeTypes: attributes,
    index: { objectClasses: Object.fromEntries(classIndex), attributeTypes: Object.fromEntries(attrIndex) },
    extensibleObject: classIndex.has('extensibleobject'),
    options: {
      includeOperational: options.includeOperational ?? false,
      includeExtensible: options.includeExtensible ?? false,
    },
    problems,
  };
}
