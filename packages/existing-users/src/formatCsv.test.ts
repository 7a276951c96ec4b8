import { describe, expect, it } from 'vitest';
import { entryCsvFormatter, formatCsvRow, readCsv, recordsToCsv } from './index.ts';

describe('CSV writing', () => {
  it('quotes only what needs quoting and round-trips through readCsv', async () => {
    const values = ['plain', 'a,b', 'say "x"', 'two\nlines', ' padded ', ''];
    const text = formatCsvRow(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']) + formatCsvRow(values);
    expect(formatCsvRow(values)).toBe('plain,"a,b","say ""x""","two\nlines"," padded ",\r\n');
    const rows = [];
    for await (const r of readCsv([text])) rows.push(Object.values(r.fields));
    expect(rows).toEqual([values]);
  });

  it('formats entries with dn first, attributes matched case-insensitively, multi-values joined by ;', () => {
    const csv = entryCsvFormatter(['mail', 'cn']);
    expect(csv.header).toBe('dn,mail,cn\r\n');
    expect(csv.format({ dn: 'uid=a,dc=x', attributes: { CN: ['A', 'Alias'] } })).toBe(
      '"uid=a,dc=x",,A;Alias\r\n',
    );
  });

  it('writes records with the union of their keys and extra columns', () => {
    expect(recordsToCsv([{ a: '1' }, { b: ['x', 'y'], a: true }], ['dn'])).toBe(
      'a,b,dn\r\n1,,\r\ntrue,x;y,\r\n',
    );
  });
});
