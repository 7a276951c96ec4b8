import { findKey, isObject } from '../resource/getKey.ts';
import type { ResolvedAttribute, SchemaIndex } from '../schema/indexSchemas.ts';
import type { AttributeDefinition, ScimResource } from '../schema/types.ts';

interface Touched {
  readonly resolved: ResolvedAttribute;
  readonly before: unknown;
}

/**
 * The working copy of a resource during a PATCH. Values are replaced, never mutated in place, so the input
 * resource stays untouched; the first write to each attribute records its value before the PATCH.
 */
export class PatchState {
  readonly root: Record<string, unknown>;
  readonly index: SchemaIndex;
  // Keyed by definition object: each belongs to exactly one schema, and no key string is built per write.
  readonly touched = new Map<AttributeDefinition, Touched>();
  private readonly copied = new Set<string>();

  constructor(resource: ScimResource, index: SchemaIndex) {
    this.root = Object.assign({}, resource);
    this.index = index;
  }

  private container(resolved: ResolvedAttribute, create: boolean): Record<string, unknown> | undefined {
    if (!resolved.extension) return this.root;
    const id = resolved.schema.id;
    const key = findKey(this.root, id);
    const existing = key === undefined ? undefined : this.root[key];
    if (!this.copied.has(id)) {
      if (!isObject(existing) && !create) return undefined;
      if (key !== undefined && key !== id) delete this.root[key];
      this.root[id] = isObject(existing) ? Object.assign({}, existing) : {};
      this.copied.add(id);
    }
    return this.root[id] as Record<string, unknown>;
  }

  /** The current value of an attribute (do not mutate it). */
  get(resolved: ResolvedAttribute): unknown {
    const container = resolved.extension
      ? this.root[findKey(this.root, resolved.schema.id) ?? '']
      : this.root;
    if (!isObject(container)) return undefined;
    const key = findKey(container, resolved.definition.name);
    return key === undefined ? undefined : container[key];
  }

  /** Sets (or, with undefined, removes) an attribute under its canonical name. */
  set(resolved: ResolvedAttribute, value: unknown): void {
    if (!this.touched.has(resolved.definition))
      this.touched.set(resolved.definition, { resolved, before: this.get(resolved) });
    const container = this.container(resolved, value !== undefined);
    if (!container) return;
    const name = resolved.definition.name;
    const key = findKey(container, name);
    if (key !== undefined && (key !== name || value === undefined)) delete container[key];
    if (value !== undefined) container[name] = value;
    else if (resolved.extension && Object.keys(container).length === 0) delete this.root[resolved.schema.id];
  }
}
