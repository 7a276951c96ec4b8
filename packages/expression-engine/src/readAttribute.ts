import { type Evaluator, normalizeInput } from './RuntimeValue.ts';

/**
 * Compiles an `[attribute]` reference: an own property of the source object by exact name, else by a
 * case-insensitive match (attribute names are case-insensitive in Entra and SCIM). Inherited properties such
 * as `constructor` are never read.
 * @param name the attribute name as written in the expression
 */
export function readAttribute(name: string): Evaluator {
  const lower = name.toLowerCase();
  return (scope) => {
    const source = scope.source;
    const value = source[name];
    if (typeof value === 'string') return value;
    if (value !== undefined && Object.hasOwn(source, name)) return normalizeInput(value);
    for (const key of Object.keys(source)) {
      if (key.length === lower.length && key.toLowerCase() === lower) return normalizeInput(source[key]);
    }
    return null;
  };
}
