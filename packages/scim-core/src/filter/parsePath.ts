import type { PatchPath, SafeParseResult } from './ast.ts';
import { FilterParser } from './FilterParser.ts';
import { collectIssues, issueError } from './parseFilter.ts';

const MAX_PATH_LENGTH = 2048;

/**
 * Parses a PATCH `path` (RFC 7644 §3.5.2) such as `name.familyName`, `emails[type eq "work"].value` or
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`, without throwing.
 *
 * @param source the path text
 * @example
 * const result = safeParsePath('members[value eq "2819c223"]');
 */
export function safeParsePath(source: unknown): SafeParseResult<PatchPath> {
  return collectIssues(source, MAX_PATH_LENGTH, 'path', (text) => new FilterParser(text).parsePath());
}

/**
 * Parses a PATCH `path` (RFC 7644 §3.5.2); throws a 400 `invalidPath` ScimError with offset and caret line.
 *
 * @param source the path text
 * @example
 * const path = parsePath('emails[type eq "work"].value');
 * // path.attribute.name === 'emails', path.subAttribute === 'value'
 */
export function parsePath(source: string): PatchPath {
  const result = safeParsePath(source);
  if (result.success) return result.output;
  throw issueError('invalidPath', 'path', source, result.issues[0]!);
}
