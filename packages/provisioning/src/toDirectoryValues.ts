import { badRequest } from '@scim2ldap/scim-core';
import type { ExposedType } from './DirectorySchemaView.ts';

/**
 * Converts a SCIM JSON value of a directory attribute to LDAP string values by the attribute's type: booleans
 * to `TRUE`/`FALSE` (RFC 4517 §3.3.3), numbers to decimal text, ISO 8601 date-times to Generalized Time
 * (`20240131120000Z`); arrays element by element; null and "" to nothing.
 * @param name the attribute, for error messages
 * @param value the JSON value
 * @param type the attribute's exposed type
 */
export function toDirectoryValues(name: string, value: unknown, type: ExposedType): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((element) => toDirectoryValues(name, element, type));
  if (typeof value === 'boolean') return [value ? 'TRUE' : 'FALSE'];
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw badRequest('invalidValue', `Attribute "${name}" must be a finite number`);
    return [String(value)];
  }
  if (typeof value !== 'string') {
    throw badRequest(
      'invalidValue',
      `Attribute "${name}" must be a string, number, boolean or a list of them, got an object`,
    );
  }
  if (value === '') return [];
  switch (type) {
    case 'boolean':
      return [booleanText(name, value)];
    case 'integer':
      if (!/^-?\d+$/.test(value.trim())) {
        throw badRequest(
          'invalidValue',
          `Attribute "${name}" must be an integer, got ${JSON.stringify(value.slice(0, 40))}`,
        );
      }
      return [value.trim()];
    case 'dateTime':
      return [generalizedTime(name, value)];
    case 'string':
    case 'binary':
      return [value];
  }
}

/**
 * Converts directory values to SCIM JSON by type: `TRUE`/`FALSE` to booleans, integers to numbers,
 * Generalized Time to ISO 8601; strings (and base64 binary) as they are.
 * @param values the directory's values
 * @param type the attribute's exposed type
 */
export function toScimValues(values: readonly string[], type: ExposedType): unknown[] {
  switch (type) {
    case 'boolean':
      return values.map((v) => v.toUpperCase() === 'TRUE');
    case 'integer':
      return values.map((v) => (/^-?\d{1,15}$/.test(v) ? Number(v) : v));
    case 'dateTime':
      return values.map(isoTime);
    case 'string':
    case 'binary':
      return [...values];
  }
}

/** Normalises a boolean-ish text (`true`, `True`, `TRUE`, `1`, …) to LDAP's `TRUE`/`FALSE`. */
export function booleanText(name: string, value: string): string {
  const lower = value.trim().toLowerCase();
  if (lower === 'true' || lower === '1') return 'TRUE';
  if (lower === 'false' || lower === '0') return 'FALSE';
  throw badRequest(
    'invalidValue',
    `Attribute "${name}" must be true or false, got ${JSON.stringify(value.slice(0, 40))}`,
  );
}

function generalizedTime(name: string, value: string): string {
  if (/^\d{14}(?:\.\d+)?(?:Z|[+-]\d{4})$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw badRequest(
      'invalidValue',
      `Attribute "${name}" must be an ISO 8601 date-time, got ${JSON.stringify(value.slice(0, 40))}`,
    );
  }
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

function isoTime(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : value;
}
