import { isObject } from '../resource/getKey.ts';
import { badRequest } from '../ScimError.ts';
import type { AttributeDefinition } from '../schema/types.ts';
import type { CompareFilter } from './ast.ts';

/** RFC 7644 §3.4.2.2 `pr`: not null, not an empty string, array or object. */
export function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.values(value).some(isPresent);
  return true;
}

/**
 * Compares one attribute value with a filter literal by the attribute's type: booleans by equality only,
 * dateTimes as instants, numbers numerically, strings honouring caseExact.
 */
export function compareValue(
  actual: unknown,
  node: CompareFilter,
  definition: AttributeDefinition | undefined,
): boolean {
  const { op } = node;
  let expected = node.value;
  const type = definition?.type;
  if (type === 'boolean' || type === 'binary' || typeof actual === 'boolean') {
    if (op !== 'eq' && op !== 'ne') {
      throw badRequest(
        'invalidFilter',
        `Operator "${op}" cannot be used on ${type ?? 'boolean'} attribute "${node.attribute.text}"`,
        {
          offset: node.offset,
        },
      );
    }
    if (typeof actual === 'string' && typeof expected === 'boolean') expected = String(expected);
    if (typeof actual === 'string' && typeof expected === 'string' && type === 'boolean') {
      return actual.toLowerCase() === expected.toLowerCase();
    }
    return actual === expected;
  }
  let a: string | number;
  let b: string | number;
  if (
    type === 'dateTime' &&
    typeof actual === 'string' &&
    typeof expected === 'string' &&
    op !== 'co' &&
    op !== 'sw' &&
    op !== 'ew'
  ) {
    a = Date.parse(actual);
    b = Date.parse(expected);
    if (Number.isNaN(b))
      throw badRequest(
        'invalidFilter',
        `"${expected}" is not a dateTime (RFC 3339) for "${node.attribute.text}"`,
        { offset: node.offset },
      );
  } else if (typeof actual === 'number' && typeof expected === 'number') {
    a = actual;
    b = expected;
  } else if (
    (typeof actual === 'string' || typeof actual === 'number') &&
    expected !== null &&
    typeof expected !== 'boolean'
  ) {
    const caseExact = definition?.caseExact ?? false;
    a = caseExact ? String(actual) : String(actual).toLowerCase();
    b = caseExact ? String(expected) : String(expected).toLowerCase();
  } else {
    return false;
  }
  switch (op) {
    case 'eq':
    case 'ne':
      return a === b;
    case 'co':
      return String(a).includes(String(b));
    case 'sw':
      return String(a).startsWith(String(b));
    case 'ew':
      return String(a).endsWith(String(b));
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
  }
}
