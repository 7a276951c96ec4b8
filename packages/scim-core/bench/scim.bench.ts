// scim-core throughput: parse a typical Entra matching filter (target ≥ 500,000/s) and apply a 5-operation
// Entra PATCH to a user (target ≥ 100,000/s), each next to same-run baselines: JSON.parse of the same filter
// as a JSON AST, scim2-parse-filter on the same text, and scim-patch on the same PATCH. `pnpm bench scim-core`.
// Each task runs BATCH calls per sample so timer overhead does not swamp sub-microsecond work.
import { scimPatch } from 'scim-patch';
import { parse as theirParse } from 'scim2-parse-filter';
import { Bench } from 'tinybench';
import { applyPatch, parseFilter } from '@scim2ldap/scim-core';
import { entraFiveOpPatch, schemas, user } from '../test/fixtures/entra.ts';

const BATCH = 1000;
const FILTER = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:mail eq "bsimon@contoso.com"';
const FILTER_JSON = JSON.stringify({
  kind: 'compare',
  op: 'eq',
  attribute: { uri: 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User', name: 'mail' },
  value: 'bsimon@contoso.com',
});
const SHORT = 'userName eq "Test_User_00aa00aa@testuser.com"';
const VALUE_PATH = 'emails[type eq "work"].value eq "bsimon@contoso.com"';
let sink = 0;

const bench = new Bench({ time: 2000, warmupTime: 500 });
bench
  .add('parseFilter: ECMA2Host matching filter', () => {
    for (let i = 0; i < BATCH; i++) sink += parseFilter(FILTER).kind.length;
  })
  .add('parseFilter: userName eq "…"', () => {
    for (let i = 0; i < BATCH; i++) sink += parseFilter(SHORT).kind.length;
  })
  .add('parseFilter: emails[type eq "work"].value eq "…"', () => {
    for (let i = 0; i < BATCH; i++) sink += parseFilter(VALUE_PATH).kind.length;
  })
  .add('baseline: JSON.parse of the same filter as a JSON AST', () => {
    for (let i = 0; i < BATCH; i++) sink += (JSON.parse(FILTER_JSON) as { op: string }).op.length;
  })
  .add('baseline: scim2-parse-filter parse of the same filter', () => {
    for (let i = 0; i < BATCH; i++) sink += theirParse(FILTER).op.length;
  })
  .add('applyPatch: 5-operation Entra PATCH (with changes)', () => {
    for (let i = 0; i < BATCH / 10; i++) sink += applyPatch(user, entraFiveOpPatch, schemas).changes.length;
  })
  .add('baseline: scim-patch, same PATCH (no schema, no changes; includes structuredClone)', () => {
    for (let i = 0; i < BATCH / 10; i++) {
      sink += Object.keys(
        scimPatch(structuredClone(user) as never, entraFiveOpPatch.Operations as never),
      ).length;
    }
  })
  .add('baseline: structuredClone of the user alone', () => {
    for (let i = 0; i < BATCH / 10; i++) sink += Object.keys(structuredClone(user)).length;
  });

await bench.run();

const perSample = (name: string): number =>
  name.includes('PATCH') || name.includes('structuredClone') ? BATCH / 10 : BATCH;
console.log('| task | calls/s (one core, from median) | median per call | mean per call | ±rme |');
console.log('|---|---:|---:|---:|---:|');
for (const task of bench.tasks) {
  const result = task.result;
  if (!result || !('latency' in result)) continue;
  const n = perSample(task.name);
  const median = result.latency.p50 ?? result.latency.mean;
  const ns = (ms: number): string => `${Math.round((ms / n) * 1e6).toLocaleString('en-US')} ns`;
  console.log(
    `| ${task.name} | ${Math.round((n * 1000) / median).toLocaleString('en-US')} | ${ns(median)} | ${ns(result.latency.mean)} | ${result.latency.rme.toFixed(1)}% |`,
  );
}
if (sink === 42) console.log('');
