import type { CallExpression } from '../ast.ts';
import {
  type Evaluator,
  type RuntimeValue,
  type Scope,
  fail,
  mapText,
  show,
  toText,
} from '../RuntimeValue.ts';
import { compileReplacement, toJsRegExp } from './dotNetRegex.ts';
import type { CompiledArgument } from './FunctionDefinition.ts';

type Reader = (scope: Scope) => string;
type Transform = (scope: Scope) => (text: string) => string;

/** Reads an optional argument as text ("" when omitted or null). */
export function textReader(arg: CompiledArgument | undefined): Reader {
  if (!arg) return () => '';
  const read = arg.evaluate;
  return (scope) => toText(read(scope)) ?? '';
}

/**
 * A .NET pattern compiled once when it is a constant (an invalid one fails compileExpression), or on first
 * use with a small cache when it is computed.
 * @param arg the compiled regexPattern argument
 * @param call the Replace call, for messages
 */
export function regexReader(arg: CompiledArgument, call: CallExpression): (scope: Scope) => RegExp {
  const compile = (scope: Scope | undefined, pattern: string): RegExp => {
    try {
      return toJsRegExp(pattern);
    } catch (error) {
      const shown = scope ? show(scope, pattern) : JSON.stringify(pattern);
      const reason = (error as Error).message;
      return fail(
        call,
        'invalid-regex',
        `regexPattern ${shown} is not a valid regular expression: ${reason}`,
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

/** Applies a per-evaluation text transform to every value of the source (null stays null). */
export function perValue(read: Evaluator, transform: Transform): Evaluator {
  return (scope) => mapText(read(scope), transform(scope));
}

/** Mode 1: the template with every oldValue replaced by the source value. */
export function fillTemplate(read: Evaluator, oldValue: Reader, template: Reader): Evaluator {
  return perValue(read, (scope) => {
    const find = oldValue(scope);
    const layout = template(scope);
    return (value) => (find === '' ? layout : layout.replaceAll(find, value));
  });
}

/** Mode 2: every oldValue in the source replaced by replacementValue. */
export function replaceText(read: Evaluator, oldValue: Reader, replacement: Reader): Evaluator {
  return perValue(read, (scope) => {
    const find = oldValue(scope);
    const by = replacement(scope);
    return (value) => (find === '' ? value : value.replaceAll(find, by));
  });
}

/** Mode 3: in every match, only the named group's text replaced. */
export function replaceGroup(
  read: Evaluator,
  regex: (scope: Scope) => RegExp,
  group: Reader,
  replacement: Reader,
): Evaluator {
  return perValue(read, (scope) => {
    const pattern = regex(scope);
    const name = group(scope);
    const by = replacement(scope);
    return (input) => {
      let out = '';
      let last = 0;
      for (const match of input.matchAll(pattern)) {
        const span = match.indices?.groups?.[name];
        if (!span) continue;
        out += input.slice(last, span[0]) + by;
        last = span[1];
      }
      return out + input.slice(last);
    };
  });
}

/** Mode 4: the source if it has a value, else the named group of the first match in the fallback value. */
export function groupFromFallback(
  read: Evaluator,
  regex: (scope: Scope) => RegExp,
  group: Reader,
  fallback: Evaluator,
): Evaluator {
  return (scope): RuntimeValue => {
    const value = read(scope);
    if (value !== null && value !== '') return value;
    const other = toText(fallback(scope));
    if (other === null) return null;
    const first = other.matchAll(regex(scope)).next();
    return first.done ? null : (first.value.groups?.[group(scope)] ?? null);
  };
}

/** Mode 5: every match replaced, with .NET substitutions in the replacement. */
export function replaceMatches(
  read: Evaluator,
  regex: (scope: Scope) => RegExp,
  replacement: CompiledArgument | undefined,
): Evaluator {
  const fixed =
    !replacement || replacement.constant
      ? compileReplacement(toText(replacement?.value ?? '') ?? '')
      : undefined;
  return perValue(read, (scope) => {
    const pattern = regex(scope);
    const build = fixed ?? compileReplacement(toText(replacement!.evaluate(scope)) ?? '');
    return (value) => {
      let out = '';
      let last = 0;
      for (const match of value.matchAll(pattern)) {
        out += value.slice(last, match.index) + build(match, value);
        last = match.index + match[0].length;
      }
      return out + value.slice(last);
    };
  });
}
