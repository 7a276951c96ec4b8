#!/usr/bin/env bash
# test.sh — the one command that runs every check: setup, lint + format, type check, generated-docs check,
# and all vitest projects (unit suites and the live-directory suites against OpenLDAP, 389 DS, ApacheDS).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== lint + format (biome)"
pnpm exec biome ci . --colors=off
echo "== type check"
pnpm exec tsc -p tsconfig.json --noEmit
if [ -f scripts/check-docs.sh ]; then echo "== generated docs are current"; bash scripts/check-docs.sh; fi
echo "== build + publint"
pnpm -s build >/dev/null
pnpm -s check:publint
echo "== tests (vitest)"
mkdir -p .tmp
set +e
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@"
rc=$?
set -e
node -e '
const r = JSON.parse(require("fs").readFileSync(".tmp/vitest.json", "utf8"));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
if (r.numTotalTests === 0) process.exit(1);
' || rc=1
exit $rc
