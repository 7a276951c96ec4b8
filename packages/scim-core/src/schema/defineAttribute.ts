import type { AttributeDefinition, AttributeInput } from './types.ts';

/**
 * Completes an attribute definition with RFC 7643 §2.2 defaults (string, single-valued, optional,
 * case-insensitive, readWrite, returned by default, not unique), so schemas stay short and explicit.
 *
 * @param input the name plus whatever differs from the defaults
 * @example
 * const mail = defineAttribute({ name: 'mail', multiValued: true });
 */
export function defineAttribute(input: AttributeInput): AttributeDefinition {
  const type = input.type ?? (input.subAttributes ? 'complex' : 'string');
  const { subAttributes, ...rest } = input;
  return {
    type,
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...rest,
    ...(subAttributes ? { subAttributes: subAttributes.map(defineAttribute) } : {}),
  };
}
