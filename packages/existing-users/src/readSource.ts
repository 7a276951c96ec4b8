import { readCsv } from './readCsv.ts';
import { readJsonUsers } from './readJsonUsers.ts';
import type { SourceRow, TextChunks } from './SourceRow.ts';

/** Source file formats. */
export type SourceFormat = 'csv' | 'json';

/**
 * The format of a source file from its name: `.json`, `.jsonl`, `.ndjson` are JSON, everything else CSV.
 * @param fileName the file's name or path
 */
export function sourceFormatOf(fileName: string): SourceFormat {
  return /\.(json|jsonl|ndjson)$/i.test(fileName) ? 'json' : 'csv';
}

/**
 * Reads a source of users (an Entra export or any CSV / JSON file) as rows.
 * @param chunks the file's text or bytes
 * @param format `csv` or `json` (see {@link sourceFormatOf})
 * @param name the file name, for error messages
 */
export function readSource(
  chunks: TextChunks,
  format: SourceFormat,
  name: string,
): AsyncGenerator<SourceRow> {
  return format === 'json' ? readJsonUsers(chunks, { name }) : readCsv(chunks, { name });
}
