import { badRequest } from '../ScimError.ts';
import { resolveSubAttribute } from '../schema/indexSchemas.ts';
import type { AttributeDefinition } from '../schema/types.ts';
import { isObject } from './getKey.ts';

/** How incoming values are checked: what to do with unknown sub-attributes, and read-only ones. */
export interface CoerceOptions {
  readonly unknownAttributes: 'error' | 'ignore';
}

// RFC 3339 / xsd:dateTime as RFC 7643 §2.3.5 requires.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}$/;

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function invalid(label: string, expected: string, value: unknown, secret = false): never {
  // writeOnly / never-returned values (passwords) are described by type only, never echoed into the error.
  const got = secret
    ? `a ${value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value} (value not shown)`
    : preview(value);
  throw badRequest('invalidValue', `Attribute "${label}" must be ${expected}, got ${got}`);
}

function isSecret(definition: AttributeDefinition): boolean {
  return definition.mutability === 'writeOnly' || definition.returned === 'never';
}

/**
 * Checks and normalises one value of a (single) attribute against its definition: Entra's "True"/"False"
 * strings become booleans, numeric strings become numbers where the schema says integer/decimal, complex
 * values get their sub-attribute names canonicalised. Throws 400 invalidValue naming the attribute.
 */
export function coerceSingle(
  definition: AttributeDefinition,
  value: unknown,
  label: string,
  options: CoerceOptions,
): unknown {
  const secret = isSecret(definition);
  switch (definition.type) {
    case 'string':
    case 'reference':
      return typeof value === 'string' ? value : invalid(label, 'a string', value, secret);
    case 'binary':
      return typeof value === 'string' && BASE64.test(value)
        ? value
        : invalid(label, 'a base64 string', value, secret);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      // Entra sends "True"/"False" without the aadOptscim062020 flag (entra-ecma-facts §4.4).
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      return invalid(label, 'a boolean (true or false)', value, secret);
    case 'integer':
    case 'decimal': {
      const number = typeof value === 'string' && NUMBER.test(value.trim()) ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isFinite(number))
        return invalid(label, `a number (${definition.type})`, value, secret);
      if (definition.type === 'integer' && !Number.isInteger(number))
        return invalid(label, 'an integer', value, secret);
      return number;
    }
    case 'dateTime':
      return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
        ? value
        : invalid(label, 'a dateTime such as "2024-05-01T12:00:00Z"', value, secret);
    case 'complex':
      return coerceComplex(definition, value, label, options);
  }
}

function coerceComplex(
  definition: AttributeDefinition,
  value: unknown,
  label: string,
  options: CoerceOptions,
): Record<string, unknown> {
  if (!isObject(value)) {
    // A bare id for a complex attribute with a `value` (Entra's manager: "value": "<id>") means { value: id }.
    const inner = typeof value === 'string' ? resolveSubAttribute(definition, 'value') : undefined;
    if (inner) return { [inner.name]: coerceSingle(inner, value, `${label}.${inner.name}`, options) };
    return invalid(label, 'an object', value, isSecret(definition));
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const sub = resolveSubAttribute(definition, key);
    if (!sub) {
      if (options.unknownAttributes === 'ignore') continue;
      throw badRequest(
        'invalidValue',
        `Attribute "${label}" has no sub-attribute "${key}"; allowed: ${(definition.subAttributes ?? []).map((s) => s.name).join(', ')}`,
      );
    }
    const item = value[key];
    // readOnly sub-attributes (manager.displayName, groups.*) are the server's to set: ignored on input.
    if (item === null || item === undefined || sub.mutability === 'readOnly') continue;
    out[sub.name] = coerceSingle(sub, item, `${label}.${sub.name}`, options);
  }
  return out;
}

/**
 * Coerces a whole attribute value: arrays for multi-valued attributes (a lone value is wrapped), a single value
 * otherwise (a one-element array is unwrapped, as Entra sends `manager` as `[{…}]`). `null` and `[]` mean
 * "unassigned" (RFC 7643 §2.5) and return undefined.
 */
export function coerceValue(
  definition: AttributeDefinition,
  value: unknown,
  label: string,
  options: CoerceOptions,
): unknown {
  if (value === null || value === undefined) return undefined;
  if (definition.multiValued) {
    const items = Array.isArray(value) ? value : [value];
    const out = items
      .filter((item) => item !== null)
      .map((item) => coerceSingle(definition, item, label, options));
    return out.length === 0 ? undefined : out;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (value.length !== 1)
      invalid(label, 'a single value (the attribute is not multi-valued)', value, isSecret(definition));
    return coerceSingle(definition, value[0], label, options);
  }
  return coerceSingle(definition, value, label, options);
}
