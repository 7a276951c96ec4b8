/** Text as it arrives from a file or socket: strings or bytes (UTF-8), in order. */
export type TextChunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** One user record read from a source file: its position (CSV line or JSON item) and its fields. */
export interface SourceRow {
  /** 1-based: the CSV line the record starts on, or the JSON item / JSON Lines line number. */
  readonly position: number;
  /** Field values by column or property name, as the file spelled them. CSV fields are strings. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * Decodes chunks to strings, UTF-8 across chunk borders, dropping a leading byte-order mark.
 * @param chunks strings or bytes
 */
export async function* decodeChunks(chunks: TextChunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  let first = true;
  for await (const chunk of chunks as AsyncIterable<string | Uint8Array>) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/**
 * Finds a field by name: the exact spelling first, then case-insensitively (CSV headers from spreadsheets
 * often change case). `undefined` when the row has no such field.
 * @param fields the row's fields
 * @param name the column or property name
 */
export function fieldOf(fields: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(fields, name)) return fields[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(fields)) if (key.toLowerCase() === lower) return fields[key];
  return undefined;
}

/**
 * A field as text: strings as they are, numbers and booleans spelled out, the first element of an array,
 * `undefined` for null, missing, objects and empty strings.
 * @param value a field value
 */
export function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
