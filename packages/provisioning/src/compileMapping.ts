import type { EvaluationContext } from '@scim2ldap/expression-engine';
import { type CompiledRuleExpression, compileRuleExpression } from './compileRuleExpression.ts';
import { canonicalPath, lookupCanonical, lookupSource, type SourceValues } from './flattenResource.ts';
import type { MappingConfig, MappingRule, ReverseRule } from './MappingConfig.ts';
import { ProvisioningError } from './ProvisioningError.ts';
import { DN_ATTRIBUTE, EXPORT_PASSWORD_ATTRIBUTE } from './schemaUrns.ts';

/** What one rule produced: values, nothing (null/absent), or "do not flow" (IgnoreFlowIfNullOrEmpty). */
export type RuleOutcome =
  | { readonly kind: 'values'; readonly values: readonly string[] }
  | { readonly kind: 'null' }
  | { readonly kind: 'ignore' };

/** A mapping rule ready to run. */
export interface CompiledRule {
  readonly rule: MappingRule;
  /** The target, lower-cased, for comparisons. */
  readonly key: string;
  /** Canonical SCIM paths the rule reads (see `canonicalPath`). */
  readonly sources: readonly string[];
  readonly createOnly: boolean;
  evaluate(values: SourceValues): Promise<RuleOutcome>;
}

/** An inverse rule ready to run: the SCIM path it fills from directory attributes. */
export interface CompiledReverse {
  readonly target: string;
  /** Directory attributes read, lower-cased. */
  readonly sources: readonly string[];
  /** The directory attribute copied as is, when the inverse is a plain copy (so lookups can use it). */
  readonly directSource?: string;
  evaluate(attributes: SourceValues): Promise<readonly string[]>;
}

/** A whole mapping ready to run. */
export interface CompiledMapping {
  readonly config: MappingConfig;
  /** Attribute rules (not the DN rule), in configuration order. */
  readonly rules: readonly CompiledRule[];
  readonly dnRule: CompiledRule | undefined;
  readonly reverses: readonly CompiledReverse[];
}

/**
 * Checks and compiles a mapping once, so a bad expression or a rule missing its source is reported when the
 * connector starts, naming the rule, rather than at the first request.
 * @param config the mapping
 * @param context clock and randomness for Now(), Guid(), RandomString()
 */
export function compileMapping(config: MappingConfig, context: EvaluationContext = {}): CompiledMapping {
  const rules: CompiledRule[] = [];
  let dnRule: CompiledRule | undefined;
  const seen = new Set<string>();
  for (const [index, rule] of config.rules.entries()) {
    const compiled = compileRule(rule, `mapping.rules[${index}] (target ${rule.target})`, context);
    if (seen.has(compiled.key)) {
      throw new ProvisioningError(
        'invalid-mapping',
        `mapping.rules[${index}]: a second rule targets "${rule.target}"; keep one rule per directory attribute`,
      );
    }
    seen.add(compiled.key);
    if (compiled.key === DN_ATTRIBUTE) dnRule = compiled;
    else rules.push(compiled);
  }
  if (config.dnRule !== undefined) {
    if (dnRule) {
      throw new ProvisioningError(
        'invalid-mapping',
        'Both mapping.dnRule and a rule targeting -dn- are set; keep one',
      );
    }
    dnRule = compileRule(
      { type: 'expression', target: DN_ATTRIBUTE, expression: config.dnRule, apply: 'create' },
      'mapping.dnRule',
      context,
    );
  }
  const reverses: CompiledReverse[] = [];
  for (const [index, rule] of config.rules.entries()) {
    const where = `mapping.rules[${index}].reverse`;
    if (rule.reverse) reverses.push(compileReverse(rule.reverse, where, context));
    else if (rule.type === 'direct' && rule.source && invertible(rule)) {
      reverses.push(compileReverse({ target: rule.source, source: rule.target }, where, context));
    }
  }
  return { config, rules, dnRule, reverses };
}

function compileRule(rule: MappingRule, where: string, context: EvaluationContext): CompiledRule {
  const base = { rule, key: rule.target.toLowerCase(), createOnly: rule.apply === 'create' };
  if (!rule.target)
    throw new ProvisioningError('invalid-mapping', `${where}: "target" is empty; name the LDAP attribute`);
  switch (rule.type) {
    case 'direct': {
      const source = rule.source;
      if (!source) {
        throw new ProvisioningError(
          'invalid-mapping',
          `${where}: a direct rule needs "source" (a SCIM attribute path)`,
        );
      }
      const canonical = canonicalPath(source);
      return {
        ...base,
        sources: [canonical],
        evaluate: async (values) => outcome(values[source] ?? lookupCanonical(values, canonical)),
      };
    }
    case 'constant': {
      if (rule.value === undefined) {
        throw new ProvisioningError('invalid-mapping', `${where}: a constant rule needs "value"`);
      }
      const values = typeof rule.value === 'string' ? [rule.value] : [...rule.value];
      return { ...base, sources: [], evaluate: async () => outcome(values) };
    }
    case 'expression': {
      if (!rule.expression) {
        throw new ProvisioningError('invalid-mapping', `${where}: an expression rule needs "expression"`);
      }
      const compiled = compileRuleExpression(rule.expression, where, context);
      return {
        ...base,
        sources: compiled.references.map(canonicalPath),
        evaluate: (values) => compiled.evaluate(values),
      };
    }
    default:
      throw new ProvisioningError(
        'invalid-mapping',
        `${where}: type "${String((rule as { type: unknown }).type)}" is not direct | constant | expression`,
      );
  }
}

function compileReverse(reverse: ReverseRule, where: string, context: EvaluationContext): CompiledReverse {
  if (reverse.expression !== undefined) {
    const compiled: CompiledRuleExpression = compileRuleExpression(reverse.expression, where, context);
    return {
      target: reverse.target,
      sources: compiled.references.map((name) => name.toLowerCase()),
      evaluate: async (attributes) => {
        const result = await compiled.evaluate(attributes);
        return result.kind === 'values' ? result.values : [];
      },
    };
  }
  const source = reverse.source;
  if (!source) throw new ProvisioningError('invalid-mapping', `${where}: needs "source" or "expression"`);
  return {
    target: reverse.target,
    sources: [source.toLowerCase()],
    directSource: source,
    evaluate: async (attributes) => lookupSource(attributes, source) ?? [],
  };
}

/** Passwords, the DN and object classes never flow back into core attributes by themselves. */
function invertible(rule: MappingRule): boolean {
  const key = rule.target.toLowerCase();
  return (
    canonicalPath(rule.source ?? '') !== 'password' &&
    key !== DN_ATTRIBUTE &&
    key !== 'objectclass' &&
    key !== EXPORT_PASSWORD_ATTRIBUTE
  );
}

function outcome(values: readonly string[] | undefined): RuleOutcome {
  return values && values.length > 0 ? { kind: 'values', values } : { kind: 'null' };
}
