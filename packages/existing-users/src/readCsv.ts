// RFC 4180 with the usual relaxations (LF or CRLF line ends, a byte-order mark, a final line without an end):
//
//   file        = header *(eol record) [eol]
//   header      = record
//   record      = field *(COMMA field)
//   field       = escaped / non-escaped
//   escaped     = DQUOTE *(TEXTDATA / COMMA / CR / LF / DQUOTE DQUOTE) DQUOTE
//   non-escaped = *TEXTDATA                    ; no DQUOTE, COMMA, CR or LF
//   eol         = CRLF / LF
//
// A first line `version:v1.0` (the Entra admin center's bulk templates) is skipped. Blank lines are skipped.
import { ExistingUsersError } from './ExistingUsersError.ts';
import { decodeChunks, type SourceRow, type TextChunks } from './SourceRow.ts';

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /** Field separator; default `,`. */
  readonly delimiter?: string;
  /** Longest field accepted, in characters; default 1,048,576. */
  readonly maxFieldLength?: number;
  /** Name used in error messages, e.g. the file name; default `CSV`. */
  readonly name?: string;
}

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/**
 * Reads a CSV file with a header line as a stream of rows, each a record keyed by the header's column names.
 * Streaming: it holds one record at a time, so files of any size fit in bounded memory.
 * @param chunks the file's text or bytes (UTF-8), e.g. `fs.createReadStream(path)`
 * @param options delimiter, size cap, name for messages
 * @example
 * for await (const row of readCsv(createReadStream('users.csv'))) console.log(row.fields.userPrincipalName);
 */
export async function* readCsv(chunks: TextChunks, options: ReadCsvOptions = {}): AsyncGenerator<SourceRow> {
  const delimiter = options.delimiter ?? ',';
  const maxField = options.maxFieldLength ?? 1_048_576;
  const name = options.name ?? 'CSV';
  let header: string[] | undefined;
  let fields: string[] = [];
  let field = '';
  let state = State.FieldStart;
  let line = 1;
  let recordLine = 1;
  let afterCr = false;

  const fail = (message: string): never => {
    throw new ExistingUsersError('CSV_SYNTAX', `${name} line ${line}: ${message}`);
  };
  const endField = (): void => {
    fields.push(field);
    field = '';
  };
  function* endRecord(): Generator<SourceRow> {
    endField();
    const values = fields;
    const start = recordLine;
    fields = [];
    recordLine = line;
    if (values.length === 1 && values[0] === '') return;
    if (!header) {
      if (values.length === 1 && /^version:v\d/i.test(values[0] ?? '')) return;
      header = values.map((h, i) => h.trim() || `column${i + 1}`);
      const seen = new Set<string>();
      for (const h of header) {
        if (seen.has(h))
          throw new ExistingUsersError(
            'CSV_SYNTAX',
            `${name} line ${start}: column "${h}" appears twice in the header; rename one of them`,
          );
        seen.add(h);
      }
      return;
    }
    if (values.length > header.length) {
      throw new ExistingUsersError(
        'CSV_SYNTAX',
        `${name} line ${start}: ${values.length} fields but the header has ${header.length} columns; quote fields that contain "${delimiter}"`,
      );
    }
    const record: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) record[header[i] as string] = values[i] ?? '';
    yield { position: start, fields: record };
  }

  for await (const text of decodeChunks(chunks)) {
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (afterCr) {
        afterCr = false;
        if (c === '\n') continue;
      }
      switch (state) {
        case State.FieldStart:
        case State.Unquoted:
          if (c === '"') {
            if (state === State.Unquoted)
              fail(`a quote inside an unquoted field; quote the whole field and double the quote ("")`);
            state = State.Quoted;
          } else if (c === delimiter) {
            endField();
            state = State.FieldStart;
          } else if (c === '\n' || c === '\r') {
            afterCr = c === '\r';
            line++;
            yield* endRecord();
            state = State.FieldStart;
          } else {
            field += c;
            state = State.Unquoted;
          }
          break;
        case State.Quoted:
          if (c === '"') state = State.QuoteInQuoted;
          else {
            if (c === '\n') line++;
            else if (c === '\r' && text[i + 1] !== '\n') line++;
            field += c;
          }
          break;
        case State.QuoteInQuoted:
          if (c === '"') {
            field += '"';
            state = State.Quoted;
          } else if (c === delimiter) {
            endField();
            state = State.FieldStart;
          } else if (c === '\n' || c === '\r') {
            afterCr = c === '\r';
            line++;
            yield* endRecord();
            state = State.FieldStart;
          } else {
            fail(`"${c}" after the closing quote of a field; expected "${delimiter}" or the end of the line`);
          }
          break;
      }
      if (field.length > maxField) fail(`a field longer than ${maxField} characters`);
    }
  }
  if (state === State.Quoted) {
    throw new ExistingUsersError(
      'CSV_SYNTAX',
      `${name} line ${recordLine}: a quoted field is never closed; add the closing quote (")`,
    );
  }
  if (state !== State.FieldStart || fields.length > 0) yield* endRecord();
  if (!header)
    throw new ExistingUsersError('CSV_SYNTAX', `${name}: no header line; the first line names the columns`);
}
