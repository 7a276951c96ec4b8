import type { AttributeChange } from './ChangeRecord.ts';

/*
 * The `changes` value of a draft-good-ldap-changelog entry is an LDIF fragment (RFC 2849):
 *
 *   changes   = *line                       ; folded lines continue with one leading space
 *   add entry : attr ":" value / attr "::" base64
 *   modify    : ( "add:" / "delete:" / "replace:" / "increment:" ) attr  *(attr-value-line) "-"
 */

/**
 * Unfolds LDIF lines (a line starting with one space continues the previous one).
 * @param text the LDIF text
 */
function unfold(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.replace(/\r\n/g, '\n').split('\n')) {
    if (raw.startsWith(' ') && lines.length > 0) lines[lines.length - 1] += raw.slice(1);
    else lines.push(raw);
  }
  return lines;
}

function valueLine(line: string): [string, string] | undefined {
  const b64 = /^([^:]+)::\s*(.*)$/.exec(line);
  if (b64 !== null) return [b64[1] ?? '', Buffer.from(b64[2] ?? '', 'base64').toString('utf8')];
  const plain = /^([^:]+):(?: (.*))?$/.exec(line);
  // RFC 2849: one space after the colon separates; a value starting with a space must be base64, so the
  // rest is kept as is.
  if (plain !== null) return [plain[1] ?? '', plain[2] ?? ''];
  return undefined;
}

/**
 * Parses the `changes` LDIF of a changelog entry. For an add it yields one `add` per attribute; for a modify
 * the `add:`/`delete:`/`replace:` blocks in order. Values are decoded (base64 too) and never trimmed.
 * @param text the LDIF fragment
 * @param changeType `add` or `modify`
 */
export function parseLdifChanges(text: string, changeType: 'add' | 'modify'): AttributeChange[] {
  const lines = unfold(text).filter((line) => line !== '' && !line.startsWith('#'));
  const changes: { operation: AttributeChange['operation']; attribute: string; values: string[] }[] = [];
  if (changeType === 'add') {
    for (const line of lines) {
      const pair = valueLine(line);
      if (pair === undefined) continue;
      const existing = changes.find((c) => c.attribute.toLowerCase() === pair[0].toLowerCase());
      if (existing === undefined) changes.push({ operation: 'add', attribute: pair[0], values: [pair[1]] });
      else existing.values.push(pair[1]);
    }
    return changes;
  }
  let current: (typeof changes)[number] | undefined;
  for (const line of lines) {
    if (line === '-') {
      current = undefined;
      continue;
    }
    const header = /^(add|delete|replace|increment):\s*(.+)$/i.exec(line);
    if (current === undefined && header !== null) {
      current = {
        operation: (header[1] ?? 'add').toLowerCase() as AttributeChange['operation'],
        attribute: (header[2] ?? '').trim(),
        values: [],
      };
      changes.push(current);
      continue;
    }
    const pair = valueLine(line);
    if (pair !== undefined && current !== undefined) current.values.push(pair[1]);
  }
  return changes;
}
