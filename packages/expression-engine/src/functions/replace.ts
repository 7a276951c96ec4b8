import type { CallExpression } from '../ast.ts';
import { type Evaluator, type RuntimeValue, type Scope, fail, mapText, show, toText } from '../runtime.ts';
import { compileReplacement, toJsRegExp } from './dotNetRegex.ts';
import type { CompiledArgument, FunctionDefinition } from './FunctionDefinition.ts';

/** A pattern compiled once when it is a constant, or on first use (with a small cache) when it is not. */
function regexReader(arg: CompiledArgument, call: CallExpression): (scope: Scope) => RegExp {
  const compile = (scope: Scope | undefined, pattern: string): RegExp => {
    try {
      return toJsRegExp(pattern);
    } catch (error) {
      const shown = scope ? show(scope, pattern) : JSON.stringify(pattern);
      return fail(
        call,
        'invalid-regex',
        `regexPattern ${shown} is not a valid regular expression: ${(error as Error).message}`,
        error,
      );
    }
  };
  if (arg.constant) {
    const regex = compile(undefined, toText(arg.value) ?? '');
    return () => regex;
  }
  const cache = new Map<string, RegExp>();
  return (scope) => {
    const pattern = toText(arg.evaluate(scope)) ?? '';
    let regex = cache.get(pattern);
    if (!regex) {
      regex = compile(scope, pattern);
      if (cache.size >= 32) cache.clear();
      cache.set(pattern, regex);
    }
    return regex;
  };
}

const text = (arg: CompiledArgument | undefined): ((scope: Scope) => string) => {
  if (!arg) return () => '';
  const read = arg.evaluate;
  return (scope) => toText(read(scope)) ?? '';
};

/** Replaces each match of the named group (only that part of the match) with a fixed text. */
function replaceGroup(input: string, regex: RegExp, group: string, replacement: string): string {
  let out = '';
  let last = 0;
  for (const match of input.matchAll(regex)) {
    const span = match.indices?.groups?.[group];
    if (!span) continue;
    out += input.slice(last, span[0]) + replacement;
    last = span[1];
  }
  return out + input.slice(last);
}

/**
 * Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName,
 * template): Entra's five replace modes, chosen by which arguments are given (case-sensitive throughout):
 * 1. oldValue + template: the template with every oldValue replaced by source.
 * 2. oldValue + replacementValue: every oldValue in source replaced.
 * 3. regexPattern + regexGroupName + replacementValue: in every match, the named group's text replaced.
 * 4. regexPattern + regexGroupName + replacementAttributeName: source if it has a value; otherwise the
 *    named group of the first match in the replacement attribute's value (null when nothing matches).
 * 5. regexPattern + replacementValue: every match replaced, with .NET substitutions (`${name}`, `$1`, `$$`).
 * Patterns are .NET regular expressions (named groups `(?<name>…)`); a null source gives null except in
 * mode 4, and a multi-valued source is replaced value by value.
 */
export const Replace: FunctionDefinition = {
  name: 'Replace',
  description: `Replaces text in source: a fixed oldValue, or .NET regex matches (with \${group} substitution), or a named group; can also fill a template or fall back to another attribute.`,
  parameters: [
    { name: 'source', description: 'The text to change.' },
    { name: 'oldValue', description: 'Fixed text to find.', optional: true },
    {
      name: 'regexPattern',
      description: '.NET regular expression to find; named groups (?<name>…).',
      optional: true,
    },
    { name: 'regexGroupName', description: 'Named group of regexPattern to act on.', optional: true },
    {
      name: 'replacementValue',
      description: `Replacement text; with a regex it may use \${name} and $1.`,
      optional: true,
    },
    {
      name: 'replacementAttributeName',
      description: 'Fallback value whose regexGroupName is used when source is empty.',
      optional: true,
    },
    { name: 'template', description: 'Text in which oldValue is replaced by source.', optional: true },
  ],
  examples: [
    {
      expression: 'Replace([BusinessTitle],"Product Developer", , , "Software Engineer", , )',
      input: { BusinessTitle: 'Product Developer' },
      output: 'Software Engineer',
    },
    {
      expression: 'Replace([UserID],"<username>", , , , , "<username>@contoso.com")',
      input: { UserID: 'jsmith' },
      output: 'jsmith@contoso.com',
    },
    {
      expression: `Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", , "\${phoneNumber}", , )`,
      input: { telephoneNumber: '+91 9998887777' },
      output: '9998887777',
    },
    {
      expression: 'Replace([mobile], , "[()\\\\s-]+", , "", , )',
      input: { mobile: '+1 (999) 888-7777' },
      output: '+19998887777',
      note: 'Entra\'s page prints "19998887777", but the pattern does not match "+"',
    },
    {
      expression: 'Replace([AddressLineData], ,"(?<streetNumber>^\\\\d*)","streetNumber", "888", , )',
      input: { AddressLineData: '545 Tremont Street' },
      output: '888 Tremont Street',
    },
    {
      expression:
        'Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", "phoneNumber" , , [mobile], )',
      input: { telephoneNumber: '', mobile: '+91 8887779999' },
      output: '8887779999',
    },
    {
      expression: 'Replace([mail], "@contoso.com", , ,"", ,)',
      input: { mail: 'john.doe@contoso.com' },
      output: 'john.doe',
    },
  ],
  compile: ([source, oldValue, pattern, groupName, replacement, fallback, template], call) => {
    const read = source!.evaluate;
    const perValue =
      (transform: (scope: Scope) => (text: string) => string): Evaluator =>
      (scope) =>
        mapText(read(scope), transform(scope));
    if (oldValue && template) {
      const readOld = text(oldValue);
      const readTemplate = text(template);
      return perValue((scope) => {
        const find = readOld(scope);
        const layout = readTemplate(scope);
        return (value) => (find === '' ? layout : layout.replaceAll(find, value));
      });
    }
    if (oldValue) {
      const readOld = text(oldValue);
      const readReplacement = text(replacement);
      return perValue((scope) => {
        const find = readOld(scope);
        const by = readReplacement(scope);
        return (value) => (find === '' ? value : value.replaceAll(find, by));
      });
    }
    if (!pattern) return read;
    const readRegex = regexReader(pattern, call);
    if (groupName && (replacement || !fallback)) {
      const readGroup = text(groupName);
      const readReplacement = text(replacement);
      return perValue((scope) => {
        const regex = readRegex(scope);
        const group = readGroup(scope);
        const by = readReplacement(scope);
        return (value) => replaceGroup(value, regex, group, by);
      });
    }
    if (groupName && fallback) {
      const readGroup = text(groupName);
      const readFallback = fallback.evaluate;
      return (scope): RuntimeValue => {
        const value = read(scope);
        if (value !== null && value !== '') return value;
        const other = toText(readFallback(scope));
        if (other === null) return null;
        const match = readRegex(scope).exec(other);
        readRegex(scope).lastIndex = 0;
        return match?.groups?.[readGroup(scope)] ?? null;
      };
    }
    const readReplacement = replacement ? replacement.evaluate : () => '';
    const fixed = replacement?.constant ? compileReplacement(toText(replacement.value) ?? '') : undefined;
    return perValue((scope) => {
      const regex = readRegex(scope);
      const build = fixed ?? compileReplacement(toText(readReplacement(scope)) ?? '');
      return (value) => {
        let out = '';
        let last = 0;
        for (const match of value.matchAll(regex)) {
          out += value.slice(last, match.index) + build(match, value);
          last = match.index + match[0].length;
        }
        return out + value.slice(last);
      };
    });
  },
};
