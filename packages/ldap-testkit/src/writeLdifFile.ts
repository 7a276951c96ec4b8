import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Streams LDIF chunks to a file, honouring back-pressure, so 100,000 generated users never sit in memory.
 * @param path the file to create
 * @param chunks LDIF records
 */
export async function writeLdifFile(path: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  try {
    let buffer = '';
    for (const chunk of chunks) {
      buffer += chunk;
      if (buffer.length >= 1 << 16) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
    out.end(buffer);
    await once(out, 'finish');
  } finally {
    out.destroy();
  }
}
