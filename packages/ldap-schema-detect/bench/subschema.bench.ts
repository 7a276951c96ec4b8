// Subschema parse + resolve: OpenLDAP's full subschema as the testkit loads it (core, cosine, nis,
// inetorgperson and slapd's built-ins: 373 attribute types, 93 object classes), captured in
// fixtures/openldap-2.5.13.captured.ldif. Target: under 20 ms. 389 DS (1,015 attribute types, 200 classes) is
// measured too, as the largest schema we have. Same-run baseline: splitting every definition into
// whitespace-separated words (the least any parser must do). `pnpm bench ldap-schema-detect`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import {
  buildProfile,
  parseLdif,
  type RawSubschema,
  resolveSchema,
  subschemaFromEntry,
} from '@scim2ldap/ldap-schema-detect';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

function load(file: string): { rootDse: Record<string, readonly string[]>; subschema: RawSubschema } {
  const records = parseLdif(readFileSync(join(fixtures, file), 'utf8'));
  const root = records.find((r) => r.dn === '');
  const schema = records.find((r) => Object.keys(r.attributes).some((k) => /^objectclasses$/i.test(k)));
  if (!root || !schema) throw new Error(`${file}: Root DSE or subschema record missing`);
  return { rootDse: root.attributes, subschema: subschemaFromEntry(schema.attributes) };
}

const openldap = load('openldap-2.5.13.captured.ldif');
const ds = load('389ds-2.3.1.captured.ldif');
const count = (s: RawSubschema): number => (s.attributeTypes?.length ?? 0) + (s.objectClasses?.length ?? 0);
let sink = 0;

const bench = new Bench({ time: 2000, warmupTime: 500 });
bench
  .add(`resolveSchema: OpenLDAP (${count(openldap.subschema)} definitions)`, () => {
    sink += Object.keys(resolveSchema(openldap.subschema).objectClasses).length;
  })
  .add(`buildProfile: OpenLDAP Root DSE + subschema`, () => {
    sink += buildProfile(openldap).namingContexts.length;
  })
  .add(`resolveSchema: 389 DS (${count(ds.subschema)} definitions)`, () => {
    sink += Object.keys(resolveSchema(ds.subschema).objectClasses).length;
  })
  .add(`baseline: split OpenLDAP definitions into words`, () => {
    for (const d of [
      ...(openldap.subschema.attributeTypes ?? []),
      ...(openldap.subschema.objectClasses ?? []),
    ]) {
      sink += d.split(/\s+/).length;
    }
  });

// Cold: the first call in a fresh process (no JIT warm-up), as `detect` pays it once.
const coldStart = performance.now();
resolveSchema(openldap.subschema);
const coldMs = performance.now() - coldStart;

await bench.run();

console.log('| task | median | mean | p99 | ±rme |');
console.log('|---|---:|---:|---:|---:|');
for (const task of bench.tasks) {
  const result = task.result;
  if (!result || !('latency' in result)) continue;
  const ms = (v: number | undefined): string => `${(v ?? Number.NaN).toFixed(3)} ms`;
  console.log(
    `| ${task.name} | ${ms(result.latency.p50)} | ${ms(result.latency.mean)} | ${ms(result.latency.p99)} | ${result.latency.rme.toFixed(1)}% |`,
  );
}
console.log(
  `| first call in a fresh process (cold JIT): resolveSchema OpenLDAP | ${coldMs.toFixed(1)} ms | | | |`,
);
if (sink === 42) console.log('');
