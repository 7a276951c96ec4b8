// Expression engine throughput: evaluations/second of the compiled seed DN expression (target ≥ 1,000,000/s
// on one core) and parse + compile of a ~200-character expression (target ≥ 50,000/s), each next to a
// same-run baseline. `pnpm bench expression-engine`. Each task runs a batch of BATCH calls per sample so the
// timer's own cost does not swamp sub-microsecond work; figures are per single call.
import { Bench } from 'tinybench';
import { compileExpression, parseExpression } from '@scim2ldap/expression-engine';

const BATCH = 1000;
const DN = 'Join("", "CN=", Word([userPrincipalName], 1, "@"), ",DC=Contoso,DC=lab")';
const LONG =
  'IgnoreFlowIfNullOrEmpty(ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".", Coalesce([PreferredFirstName], [givenName]), [surname]))), Switch([country], "contoso.com", "NL", "contoso.nl", "DE", "contoso.de"))))';

const users = Array.from({ length: 64 }, (_, i) => ({ userPrincipalName: `user${i}.name@contoso.com` }));
const compiled = compileExpression(DN);
let sink = 0;

const bench = new Bench({ time: 2000, warmupTime: 500 });
bench
  .add('evaluateSync: seed DN expression', () => {
    for (let i = 0; i < BATCH; i++) {
      const result = compiled.evaluateSync(users[i & 63]!);
      if (result.kind === 'value' && typeof result.value === 'string') sink += result.value.length;
    }
  })
  .add('baseline: hand-written DN function', () => {
    for (let i = 0; i < BATCH; i++) {
      const upn = users[i & 63]!.userPrincipalName;
      const at = upn.indexOf('@');
      sink += `CN=${at < 0 ? upn : upn.slice(0, at)},DC=Contoso,DC=lab`.length;
    }
  })
  .add(`parse + compile: ${LONG.length}-character expression`, () => {
    for (let i = 0; i < BATCH / 10; i++) sink += compileExpression(LONG).attributes.length;
  })
  .add(`parse only: ${LONG.length}-character expression`, () => {
    for (let i = 0; i < BATCH / 10; i++) sink += parseExpression(LONG).end;
  })
  .add(`baseline: JSON.parse of the same expression as a JSON string`, () => {
    const json = JSON.stringify(LONG);
    for (let i = 0; i < BATCH / 10; i++) sink += (JSON.parse(json) as string).length;
  });

await bench.run();

const perCall = (name: string): number =>
  name.startsWith('evaluate') || name.startsWith('baseline: hand') ? BATCH : BATCH / 10;
console.log('| task | calls/s (one core, from median) | median per call | mean per call | ±rme |');
console.log('|---|---:|---:|---:|---:|');
for (const task of bench.tasks) {
  const result = task.result;
  if (!result || !('latency' in result)) continue;
  const n = perCall(task.name);
  const median = result.latency.p50 ?? result.latency.mean;
  const rate = (n * 1000) / median;
  const ns = (ms: number): string => `${Math.round((ms / n) * 1e6).toLocaleString('en-US')} ns`;
  console.log(
    `| ${task.name} | ${Math.round(rate).toLocaleString('en-US')} | ${ns(median)} | ${ns(result.latency.mean)} | ${result.latency.rme.toFixed(1)}% |`,
  );
}
if (sink === 42) console.log('');
