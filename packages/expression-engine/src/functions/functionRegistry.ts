import { Append, Prepend } from './append.ts';
import {
  AppRoleAssignments,
  AppRoleAssignmentsComplex,
  AssertiveAppRoleAssignmentsComplex,
  SingleAppRoleAssignment,
} from './appRoles.ts';
import { CBool, Not } from './booleans.ts';
import { CDate } from './cDate.ts';
import { ToLower, ToUpper } from './caseConversion.ts';
import { Coalesce } from './coalesce.ts';
import { IIF, Switch } from './conditionals.ts';
import { BitAnd, CStr } from './conversion.ts';
import { DateAdd, DateDiff } from './dateArithmetic.ts';
import { DefaultDomain } from './defaultDomain.ts';
import { ConvertToBase64, ConvertToUTF8Hex } from './encoding.ts';
import { DateFromNum, NumFromDate } from './fileTime.ts';
import { IgnoreFlowIfNullOrEmpty, Redact } from './flow.ts';
import { FormatDateTime } from './formatDateTime.ts';
import { type FunctionDefinition, type FunctionInfo, arityOf } from './FunctionDefinition.ts';
import { InStr } from './inStr.ts';
import { Left, Mid } from './leftMid.ts';
import { Join } from './join.ts';
import { Count, Item, RemoveDuplicates } from './multiValue.ts';
import { NormalizeDiacritics } from './normalizeDiacritics.ts';
import { Now } from './now.ts';
import { PCase } from './pCase.ts';
import { IsNothing, IsNull, IsNullOrEmpty, IsPresent, IsString } from './predicates.ts';
import { Guid, RandomString } from './random.ts';
import { Replace } from './replace.ts';
import { SelectUniqueValue } from './selectUniqueValue.ts';
import { Split } from './split.ts';
import { StripSpaces } from './stripSpaces.ts';
import { Word } from './word.ts';

/** Every function, in alphabetical order. */
const definitions: readonly FunctionDefinition[] = [
  Append,
  AppRoleAssignments,
  AppRoleAssignmentsComplex,
  AssertiveAppRoleAssignmentsComplex,
  BitAnd,
  CBool,
  CDate,
  Coalesce,
  ConvertToBase64,
  ConvertToUTF8Hex,
  Count,
  CStr,
  DateAdd,
  DateDiff,
  DateFromNum,
  DefaultDomain,
  FormatDateTime,
  Guid,
  IgnoreFlowIfNullOrEmpty,
  IIF,
  InStr,
  IsNothing,
  IsNull,
  IsNullOrEmpty,
  IsPresent,
  IsString,
  Item,
  Join,
  Left,
  Mid,
  NormalizeDiacritics,
  Not,
  Now,
  NumFromDate,
  PCase,
  Prepend,
  RandomString,
  Redact,
  RemoveDuplicates,
  Replace,
  SelectUniqueValue,
  SingleAppRoleAssignment,
  Split,
  StripSpaces,
  Switch,
  ToLower,
  ToUpper,
  Word,
];

/** Internal: function name → definition, for the compiler. */
export const definitionsByName: ReadonlyMap<string, FunctionDefinition> = new Map(
  definitions.map((d) => [d.name, d]),
);

/**
 * Every function of the expression language as plain, frozen data (name, parameters, description,
 * examples, arity), for the CLI's `expr` command, generated docs and editors.
 * @example
 * functionRegistry.find((f) => f.name === 'Word')?.parameters.map((p) => p.name); // ['string', 'wordNumber', 'delimiters']
 */
export const functionRegistry: readonly FunctionInfo[] = Object.freeze(
  definitions.map((definition): FunctionInfo => {
    const { name, description, parameters, examples, topLevelOnly, async } = definition;
    return Object.freeze({
      name,
      description,
      parameters,
      examples,
      ...arityOf(parameters),
      ...(topLevelOnly && { topLevelOnly }),
      ...(async && { async }),
    });
  }),
);
