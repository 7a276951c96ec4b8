import { ExistingUsersError } from './ExistingUsersError.ts';
import { decodeChunks, type SourceRow, type TextChunks } from './SourceRow.ts';

/** Options of {@link readJsonUsers}. */
export interface ReadJsonOptions {
  /** Largest whole JSON document accepted, in characters (JSON Lines has no limit); default 256 MiB. */
  readonly maxDocumentLength?: number;
  /** Name used in error messages, e.g. the file name; default `JSON`. */
  readonly name?: string;
}

function itemsOf(document: unknown, name: string): readonly unknown[] {
  if (Array.isArray(document)) return document;
  if (document !== null && typeof document === 'object') {
    const object = document as Record<string, unknown>;
    for (const key of ['value', 'Resources', 'users'])
      if (Array.isArray(object[key])) return object[key] as unknown[];
    return [document];
  }
  throw new ExistingUsersError(
    'SOURCE_SHAPE',
    `${name}: expected an array of users, a Graph response ({ "value": [...] }) or one user object`,
  );
}

function* rowsOf(items: readonly unknown[], name: string, first = 1): Generator<SourceRow> {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new ExistingUsersError(
        'SOURCE_SHAPE',
        `${name} item ${first + i}: expected a user object, found ${Array.isArray(item) ? 'an array' : typeof item}`,
      );
    }
    yield { position: first + i, fields: item as Record<string, unknown> };
  }
}

function parse(text: string, name: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ExistingUsersError('JSON_SYNTAX', `${name}${where}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Reads users from JSON: an array of objects, a Microsoft Graph response (`{ "value": [...] }`), a SCIM
 * ListResponse (`Resources`), one object, or JSON Lines (one object per line, streamed in bounded memory).
 * @param chunks the file's text or bytes (UTF-8)
 * @param options size cap, name for messages
 * @example
 * for await (const row of readJsonUsers(createReadStream('users.json'))) console.log(row.fields.mail);
 */
export async function* readJsonUsers(
  chunks: TextChunks,
  options: ReadJsonOptions = {},
): AsyncGenerator<SourceRow> {
  const name = options.name ?? 'JSON';
  const max = options.maxDocumentLength ?? 256 * 1024 * 1024;
  let mode: 'unknown' | 'lines' | 'document' = 'unknown';
  let pending = '';
  let document = '';
  let lineNo = 0;

  const onLine = function* (line: string): Generator<SourceRow> {
    lineNo++;
    if (mode === 'document') {
      document += `${line}\n`;
      if (document.length > max)
        throw new ExistingUsersError(
          'TOO_LARGE',
          `${name}: a single JSON document larger than ${max} characters; write it as JSON Lines (one user per line)`,
        );
      return;
    }
    const trimmed = line.trim();
    if (trimmed === '') return;
    if (mode === 'unknown') {
      let value: unknown;
      try {
        value = trimmed.startsWith('{') ? JSON.parse(trimmed) : undefined;
      } catch {
        value = undefined;
      }
      if (value === undefined || Array.isArray((value as Record<string, unknown>).value)) {
        mode = 'document';
        document = `${line}\n`;
        return;
      }
      mode = 'lines';
    }
    const value = parse(trimmed, name, ` line ${lineNo}`);
    yield* rowsOf([value], name, lineNo);
  };

  for await (const text of decodeChunks(chunks)) {
    pending += text;
    let start = 0;
    for (let nl = pending.indexOf('\n', start); nl >= 0; nl = pending.indexOf('\n', start)) {
      yield* onLine(pending.slice(start, nl).replace(/\r$/, ''));
      start = nl + 1;
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0) yield* onLine(pending);
  if ((mode as string) === 'document') yield* rowsOf(itemsOf(parse(document, name, ''), name), name);
}
