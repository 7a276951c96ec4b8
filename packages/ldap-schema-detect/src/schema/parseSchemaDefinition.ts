import { DetectError } from '../DetectError.ts';
import { Failure } from './DefinitionParser.ts';
import {
  classKindOf,
  extensionsOf,
  issueOf,
  LABELS,
  list,
  parseFields,
  single,
  splitSyntax,
} from './definitionFields.ts';
import type {
  AttributeTypeDefinition,
  AttributeUsage,
  LdapSyntaxDefinition,
  MatchingRuleDefinition,
  ObjectClassDefinition,
  SafeParseResult,
  SchemaIssue,
} from './SchemaDefinition.ts';

export { MAX_DEFINITION_LENGTH } from './DefinitionParser.ts';

const USAGES: Readonly<Record<string, AttributeUsage>> = {
  userapplications: 'userApplications',
  directoryoperation: 'directoryOperation',
  distributedoperation: 'distributedOperation',
  dsaoperation: 'dSAOperation',
};

/** A definition that could not be parsed; `issue` says where and what was expected. */
export class SchemaParseError extends DetectError {
  /** The located problem. */
  readonly issue: SchemaIssue;

  /** @param issue the located problem */
  constructor(issue: SchemaIssue) {
    super(issue.code, `${issue.message}\n${issue.caret}`);
    this.name = 'SchemaParseError';
    this.issue = issue;
  }
}

/**
 * Parses one `objectClasses` value without throwing, so a caller can collect every bad definition.
 * @param input the definition text
 */
export function safeParseObjectClass(input: string): SafeParseResult<ObjectClassDefinition> {
  const r = parseFields(input, 'objectClass');
  if (!r.success) return r;
  const { oid, fields } = r.output;
  return {
    success: true,
    output: {
      kind: 'objectClass',
      oid,
      names: list(fields, 'NAME'),
      description: single(fields, 'DESC'),
      obsolete: fields.has('OBSOLETE'),
      sup: list(fields, 'SUP'),
      classKind: classKindOf(fields),
      must: list(fields, 'MUST'),
      may: list(fields, 'MAY'),
      extensions: extensionsOf(fields, 'objectClass'),
    },
  };
}

/**
 * Parses one `attributeTypes` value without throwing. An unknown USAGE is reported as an issue.
 * @param input the definition text
 */
export function safeParseAttributeType(input: string): SafeParseResult<AttributeTypeDefinition> {
  const r = parseFields(input, 'attributeType');
  if (!r.success) return r;
  const { oid, fields } = r.output;
  const usageRaw = single(fields, 'USAGE');
  const usage = usageRaw === null ? 'userApplications' : USAGES[usageRaw.toLowerCase()];
  if (usage === undefined) {
    const offset = Math.max(0, input.search(/\bUSAGE\b/i));
    const f = new Failure(
      offset,
      'USAGE userApplications, directoryOperation, distributedOperation or dSAOperation',
      `'${usageRaw}'`,
    );
    return { success: false, issues: [issueOf(input, LABELS.attributeType, f)] };
  }
  const { syntax, length } = splitSyntax(single(fields, 'SYNTAX'));
  return {
    success: true,
    output: {
      kind: 'attributeType',
      oid,
      names: list(fields, 'NAME'),
      description: single(fields, 'DESC'),
      obsolete: fields.has('OBSOLETE'),
      sup: single(fields, 'SUP'),
      equality: single(fields, 'EQUALITY'),
      ordering: single(fields, 'ORDERING'),
      substr: single(fields, 'SUBSTR'),
      syntax,
      syntaxLength: length,
      singleValue: fields.has('SINGLE-VALUE'),
      collective: fields.has('COLLECTIVE'),
      noUserModification: fields.has('NO-USER-MODIFICATION'),
      usage,
      extensions: extensionsOf(fields, 'attributeType'),
    },
  };
}

/**
 * Parses one `ldapSyntaxes` value without throwing.
 * @param input the definition text
 */
export function safeParseSyntax(input: string): SafeParseResult<LdapSyntaxDefinition> {
  const r = parseFields(input, 'ldapSyntax');
  if (!r.success) return r;
  const { oid, fields } = r.output;
  return {
    success: true,
    output: {
      kind: 'ldapSyntax',
      oid,
      description: single(fields, 'DESC'),
      extensions: extensionsOf(fields, 'ldapSyntax'),
    },
  };
}

/**
 * Parses one `matchingRules` value without throwing.
 * @param input the definition text
 */
export function safeParseMatchingRule(input: string): SafeParseResult<MatchingRuleDefinition> {
  const r = parseFields(input, 'matchingRule');
  if (!r.success) return r;
  const { oid, fields } = r.output;
  return {
    success: true,
    output: {
      kind: 'matchingRule',
      oid,
      names: list(fields, 'NAME'),
      description: single(fields, 'DESC'),
      obsolete: fields.has('OBSOLETE'),
      syntax: single(fields, 'SYNTAX'),
      extensions: extensionsOf(fields, 'matchingRule'),
    },
  };
}

function orThrow<T>(r: SafeParseResult<T>): T {
  if (r.success) return r.output;
  throw new SchemaParseError(r.issues[0] as SchemaIssue);
}

/**
 * Parses one `objectClasses` value (RFC 4512 §4.1.1).
 * @param input the definition text
 * @example
 * parseObjectClass("( 2.5.6.6 NAME 'person' SUP top STRUCTURAL MUST ( sn $ cn ) )").must // ['sn', 'cn']
 */
export function parseObjectClass(input: string): ObjectClassDefinition {
  return orThrow(safeParseObjectClass(input));
}

/**
 * Parses one `attributeTypes` value (RFC 4512 §4.1.2).
 * @param input the definition text
 * @example
 * parseAttributeType("( 2.5.4.3 NAME ( 'cn' 'commonName' ) SUP name )").names // ['cn', 'commonName']
 */
export function parseAttributeType(input: string): AttributeTypeDefinition {
  return orThrow(safeParseAttributeType(input));
}

/**
 * Parses one `ldapSyntaxes` value (RFC 4512 §4.1.5).
 * @param input the definition text
 */
export function parseSyntax(input: string): LdapSyntaxDefinition {
  return orThrow(safeParseSyntax(input));
}

/**
 * Parses one `matchingRules` value (RFC 4512 §4.1.3).
 * @param input the definition text
 */
export function parseMatchingRule(input: string): MatchingRuleDefinition {
  return orThrow(safeParseMatchingRule(input));
}
