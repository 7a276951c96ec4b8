import { badRequest, type ScimError } from '../ScimError.ts';
import type { Filter, ParseIssue, SafeParseResult } from './ast.ts';
import { FilterParser } from './FilterParser.ts';
import { caretLine } from './caretLine.ts';
import { FilterSyntaxError } from './scanFilter.ts';

/** Options of {@link parseFilter}. */
export interface ParseFilterOptions {
  /** Longest accepted filter, in characters (default 4096). */
  readonly maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 4096;

/** Runs `parse` and turns syntax errors into issues. Shared by the safe filter and path parsers. */
export function collectIssues<T>(
  source: unknown,
  maxLength: number,
  what: string,
  parse: (text: string) => T,
): SafeParseResult<T> {
  if (typeof source !== 'string') {
    return {
      success: false,
      issues: [
        { message: `The ${what} must be a string`, offset: 0, expected: 'a string', found: typeof source },
      ],
    };
  }
  if (source.length > maxLength) {
    return {
      success: false,
      issues: [
        {
          message: `The ${what} is ${source.length} characters long; at most ${maxLength} are accepted`,
          offset: maxLength,
        },
      ],
    };
  }
  try {
    return { success: true, output: parse(source) };
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    const issue: ParseIssue = {
      message: error.message,
      offset: error.offset,
      ...(error.expected === undefined ? {} : { expected: error.expected }),
      ...(error.found === undefined ? {} : { found: error.found }),
    };
    return { success: false, issues: [issue] };
  }
}

/** Builds the 400 for a failed parse: message, offset and a caret line under the source. */
export function issueError(
  scimType: 'invalidFilter' | 'invalidPath',
  what: string,
  source: unknown,
  issue: ParseIssue,
): ScimError {
  const text = typeof source === 'string' ? source : '';
  const where = text && issue.offset <= text.length ? `\n${caretLine(text, issue.offset)}` : '';
  return badRequest(scimType, `Invalid ${what}: ${issue.message} at offset ${issue.offset}${where}`, {
    offset: issue.offset,
  });
}

/**
 * Parses a SCIM filter (RFC 7644 §3.4.2.2) into a readonly AST with offsets, without throwing.
 *
 * @param source the filter text, already URL-decoded
 * @param options size cap
 * @example
 * const result = safeParseFilter('userName eq "bjensen"');
 * if (result.success) console.log(result.output.kind); // 'compare'
 */
export function safeParseFilter(source: unknown, options: ParseFilterOptions = {}): SafeParseResult<Filter> {
  return collectIssues(source, options.maxLength ?? DEFAULT_MAX_LENGTH, 'filter', (text) =>
    new FilterParser(text).parseFilter(),
  );
}

/**
 * Parses a SCIM filter (RFC 7644 §3.4.2.2) into a readonly AST; throws a 400 `invalidFilter` ScimError whose
 * detail says what was expected, what was found and where (with a caret line).
 *
 * @param source the filter text, already URL-decoded
 * @param options size cap
 * @example
 * const filter = parseFilter('emails[type eq "work" and primary eq true].value eq "a@example.com"');
 */
export function parseFilter(source: string, options: ParseFilterOptions = {}): Filter {
  const result = safeParseFilter(source, options);
  if (result.success) return result.output;
  throw issueError('invalidFilter', 'filter', source, result.issues[0]!);
}
