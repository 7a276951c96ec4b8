import Database from 'better-sqlite3';
const db = new Database(process.argv[2]);
db.pragma('cache_size = -65536');
if (process.argv[3]) {
  db.pragma('threads = ' + process.argv[3]);
  console.log(db.pragma('threads'));
}
for (const [name, def] of [
  ['entries_by_anchor', 'UNIQUE INDEX entries_by_anchor ON entries (anchor)'],
  ['entries_by_dn', 'INDEX entries_by_dn ON entries (dn_norm)'],
  [
    'attribute_index_by_value',
    'INDEX attribute_index_by_value ON attribute_index (attribute, value, entry_id)',
  ],
]) {
  db.exec(`DROP INDEX IF EXISTS ${name}`);
  const t = performance.now();
  db.exec(`CREATE ${def}`);
  console.log(name, (performance.now() - t).toFixed(0), 'ms');
}
