import {
  compileExpression,
  type EvaluationContext,
  ExpressionError,
  type InputValue,
} from '@scim2ldap/expression-engine';
import { badRequest } from '@scim2ldap/scim-core';
import type { RuleOutcome } from './compileMapping.ts';
import { canonicalPath, lookupCanonical, type SourceValues } from './flattenResource.ts';
import { ProvisioningError } from './ProvisioningError.ts';

/** An expression ready to evaluate, with the attribute names it references. */
export interface CompiledRuleExpression {
  readonly references: readonly string[];
  evaluate(values: SourceValues): Promise<RuleOutcome>;
}

/**
 * Compiles an Entra mapping expression with `@scim2ldap/expression-engine`. A syntax or validation error
 * becomes a {@link ProvisioningError} naming the rule (reported when the connector starts); an evaluation
 * error caused by a user's data becomes a 400 `invalidValue` naming the rule.
 * @param text the expression
 * @param where the rule it belongs to, for messages
 * @param context clock and randomness for Now(), Guid(), RandomString()
 */
export function compileRuleExpression(
  text: string,
  where: string,
  context: EvaluationContext = {},
): CompiledRuleExpression {
  let compiled: ReturnType<typeof compileExpression>;
  try {
    compiled = compileExpression(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ProvisioningError('invalid-mapping', `${where}: ${message}`, { cause: error });
  }
  const references = compiled.attributes.map((name) => [name, canonicalPath(name)] as const);
  return {
    references: compiled.attributes,
    evaluate: async (values) => {
      const source: Record<string, InputValue> = {};
      for (const [name, canonical] of references) {
        const found = values[name] ?? lookupCanonical(values, canonical);
        // One value is a scalar to the expression language; several are a multi-valued attribute.
        if (found !== undefined) source[name] = found.length === 1 ? found[0] : found;
      }
      let result: Awaited<ReturnType<typeof compiled.evaluate>>;
      try {
        result = await compiled.evaluate(source, context);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        throw badRequest('invalidValue', `${where}: ${error.message}`, { cause: error });
      }
      if (result.kind === 'ignore') return { kind: 'ignore' };
      const value = result.value;
      if (value === null) return { kind: 'null' };
      if (typeof value === 'string') return { kind: 'values', values: [value] };
      const strings = value.map((v) => (typeof v === 'string' ? v : v.value));
      return strings.length === 0 ? { kind: 'null' } : { kind: 'values', values: strings };
    },
  };
}
