// Running the parser on one definition and reading its fields: size cap, scanner and parser failures turned
// into located issues with a caret line, and typed accessors for the keyword → value map.
import {
  DefinitionParser,
  Failure,
  type Fields,
  KEYWORDS,
  type Kind,
  MAX_DEFINITION_LENGTH,
} from './DefinitionParser.ts';
import type { ObjectClassKind, SafeParseResult, SchemaIssue } from './SchemaDefinition.ts';
import { scanSchema } from './scanSchema.ts';

function caretLine(input: string, offset: number): string {
  const start = Math.max(0, offset - 40);
  const end = Math.min(input.length, offset + 40);
  const prefix = start > 0 ? '…' : '';
  const snippet = prefix + input.slice(start, end).replace(/[\r\n\t]/g, ' ');
  return `${snippet}\n${' '.repeat(prefix.length + offset - start)}^`;
}

export function issueOf(input: string, label: string, f: Failure): SchemaIssue {
  return {
    code: 'schema-syntax',
    message: `Invalid ${label} at offset ${f.offset}: expected ${f.expected}, found ${f.found}.`,
    offset: f.offset,
    expected: f.expected,
    found: f.found,
    caret: caretLine(input, f.offset),
  };
}

export const LABELS: Readonly<Record<Kind, string>> = {
  objectClass: 'objectClasses definition',
  attributeType: 'attributeTypes definition',
  ldapSyntax: 'ldapSyntaxes definition',
  matchingRule: 'matchingRules definition',
};

export function parseFields(input: string, kind: Kind): SafeParseResult<{ oid: string; fields: Fields }> {
  if (input.length > MAX_DEFINITION_LENGTH) {
    const issue: SchemaIssue = {
      code: 'input-too-large',
      message: `The ${LABELS[kind]} is ${input.length} characters long; at most ${MAX_DEFINITION_LENGTH} are accepted.`,
      offset: MAX_DEFINITION_LENGTH,
      expected: `at most ${MAX_DEFINITION_LENGTH} characters`,
      found: `${input.length} characters`,
      caret: caretLine(input.slice(0, MAX_DEFINITION_LENGTH + 1), MAX_DEFINITION_LENGTH),
    };
    return { success: false, issues: [issue] };
  }
  const scanned = scanSchema(input);
  if ('failure' in scanned) {
    const f = scanned.failure;
    return {
      success: false,
      issues: [issueOf(input, LABELS[kind], new Failure(f.offset, f.expected, f.found))],
    };
  }
  try {
    return { success: true, output: new DefinitionParser(scanned.tokens, kind).definition() };
  } catch (error) {
    if (error instanceof Failure) return { success: false, issues: [issueOf(input, LABELS[kind], error)] };
    throw error;
  }
}

export function list(fields: Fields, key: string): string[] {
  const v = fields.get(key);
  return Array.isArray(v) ? v : [];
}

export function single(fields: Fields, key: string): string | null {
  const v = fields.get(key);
  return Array.isArray(v) ? (v[0] ?? null) : null;
}

export function extensionsOf(fields: Fields, kind: Kind): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of fields) {
    if (KEYWORDS[kind].has(key)) continue;
    out[key] = value === true ? [] : value;
  }
  return out;
}

export function classKindOf(fields: Fields): ObjectClassKind | null {
  if (fields.has('ABSTRACT')) return 'ABSTRACT';
  if (fields.has('AUXILIARY')) return 'AUXILIARY';
  if (fields.has('STRUCTURAL')) return 'STRUCTURAL';
  return null;
}

export function splitSyntax(raw: string | null): { syntax: string | null; length: number | null } {
  if (raw === null) return { syntax: null, length: null };
  const m = /^(.*?)\{(\d+)\}$/.exec(raw);
  if (!m) return { syntax: raw, length: null };
  return { syntax: m[1] as string, length: Number(m[2]) };
}
