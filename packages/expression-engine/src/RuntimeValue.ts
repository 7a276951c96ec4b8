import type { CallExpression } from './ast.ts';
import { ExpressionError, type ExpressionErrorCode } from './ExpressionError.ts';
import { formatEntraDate } from './functions/parseDateText.ts';
import type { AppRoleAssignment, ScimRole, Value } from './Value.ts';

/** App role assignments read from the source, kept whole for the app-role functions. */
export class AppRoleList {
  /** @param items the assignments, in source order */
  constructor(readonly items: readonly AppRoleAssignment[]) {}
}

/** SCIM roles built by AppRoleAssignmentsComplex. */
export class ScimRoleList {
  /** @param roles the roles */
  constructor(readonly roles: readonly ScimRole[]) {}
}

/** A value while an expression runs: like `Value`, but dates stay dates until they are rendered. */
export type RuntimeValue = null | string | Date | readonly string[] | AppRoleList | ScimRoleList;

/** Caller-supplied services; see `EvaluationContext` in compileExpression.ts for the documented form. */
export interface RuntimeContext {
  readonly clock?: () => Date;
  readonly random?: (size: number) => Uint8Array;
  readonly exists?: (value: string) => boolean | Promise<boolean>;
  readonly defaultDomain?: string;
}

/** Per-evaluation state passed to every compiled closure. */
export interface Scope {
  readonly source: Readonly<Record<string, unknown>>;
  readonly context: RuntimeContext;
  /** True when the expression uses Redact: error messages must not show values. */
  readonly secret: boolean;
  /** Set by IgnoreFlowIfNullOrEmpty when its value was null or empty. */
  ignore: boolean;
}

/** A compiled expression node. */
export type Evaluator = (scope: Scope) => RuntimeValue;

/** The evaluator of an omitted argument: always null. */
export const evaluateNull: Evaluator = () => null;

/** Renders a boolean the way Entra does. */
export const bool = (value: boolean): 'True' | 'False' => (value ? 'True' : 'False');

/** Reads one source value into the runtime model (see `InputValue`). */
export function normalizeInput(value: unknown): RuntimeValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return bool(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (Array.isArray(value)) {
    if (value.some((item) => typeof item === 'object' && item !== null && !(item instanceof Date))) {
      return new AppRoleList(
        value.map((item) => (typeof item === 'string' ? { value: item, displayName: item } : item)),
      );
    }
    const items: string[] = [];
    for (const item of value) {
      const text = toText(normalizeInput(item));
      if (text !== null) items.push(text);
    }
    return items.length === 0 ? null : items;
  }
  return String(value);
}

/** The role value of an assignment (its `value`, else its display name). */
export const roleValue = (role: AppRoleAssignment): string => role.value ?? role.displayName ?? '';

/** A single text: multi-valued values give their first value, dates their Entra rendering. */
export function toText(value: RuntimeValue): string | null {
  if (value === null || typeof value === 'string') return value;
  if (value instanceof Date) return formatEntraDate(value);
  const list = toList(value);
  return list.length === 0 ? null : list[0]!;
}

/** All values as texts: null gives none, a scalar one. */
export function toList(value: RuntimeValue): readonly string[] {
  if (value === null) return [];
  if (typeof value === 'string') return [value];
  if (value instanceof Date) return [formatEntraDate(value)];
  if (value instanceof AppRoleList) return value.items.map(roleValue);
  if (value instanceof ScimRoleList) return value.roles.map((role) => role.value);
  return value;
}

/** Applies a text transform to each value: null stays null, multi-valued values map element-wise. */
export function mapText(value: RuntimeValue, transform: (text: string) => string): RuntimeValue {
  if (value === null) return null;
  if (typeof value === 'string') return transform(value);
  if (value instanceof Date) return transform(formatEntraDate(value));
  return toList(value).map(transform);
}

/** True for null, "" and empty lists. */
export function isNullOrEmpty(value: RuntimeValue): boolean {
  if (value === null || value === '') return true;
  if (typeof value === 'string' || value instanceof Date) return false;
  return toList(value).length === 0;
}

/** True when a value reads as the boolean "True" (case-insensitive). */
export const isTrue = (value: RuntimeValue): boolean => {
  const text = toText(value);
  return text !== null && text.length === 4 && text.toLowerCase() === 'true';
};

/** Converts a runtime value to the public `Value` (dates rendered, roles materialised). */
export function toOutput(value: RuntimeValue): Value {
  if (value === null || typeof value === 'string') return value;
  if (value instanceof Date) return formatEntraDate(value);
  if (value instanceof ScimRoleList) return value.roles;
  if (value instanceof AppRoleList) return value.items.map(roleValue);
  return value;
}

/** Shows a value in an error message: truncated, and never when the expression is secret. */
export function show(scope: Scope, value: RuntimeValue): string {
  if (scope.secret) return '[Redact]';
  const text = toText(value);
  if (text === null) return 'null';
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/**
 * Throws the package error for a bad argument at run time, naming the function, the offset and the fix.
 * @param call the call node being evaluated
 * @param code machine-readable reason
 * @param message what was wrong and how to fix it
 * @param cause underlying error, if any
 */
export function fail(
  call: CallExpression,
  code: ExpressionErrorCode,
  message: string,
  cause?: unknown,
): never {
  throw new ExpressionError(
    code,
    `${call.name} (at offset ${call.start}): ${message}`,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Reads an integer argument (decimal text or a hex literal's value).
 * @param scope the evaluation scope (for secret-safe messages)
 * @param call the call node
 * @param parameter the parameter name, for the message
 * @param value the argument value
 */
export function toInteger(
  scope: Scope,
  call: CallExpression,
  parameter: string,
  value: RuntimeValue,
): number {
  const text = toText(value);
  const number = text === null ? Number.NaN : Number(text.trim());
  if (text === null || text.trim() === '' || !Number.isInteger(number)) {
    fail(call, 'invalid-number', `${parameter} must be a whole number, got ${show(scope, value)}`);
  }
  return number;
}
