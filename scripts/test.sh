#!/usr/bin/env bash
# test.sh — the one command that runs every check: setup, lint + format, type check, generated-docs check,
# build + publint, and all vitest projects (unit suites and the live-directory suites against OpenLDAP,
# 389 DS and ApacheDS). A failing stage does not stop the later ones, so one run shows everything; the exit
# status is non-zero if any stage failed. The last line is always "N passed, N failed, N skipped" (CI reads
# it); the failed stages, if any, are listed just before it. Extra arguments go to vitest (e.g. --project expression-engine).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 0 failed, 0 skipped"; exit 1; }
mkdir -p .tmp
failed=()
stage() { # name command...
  local name=$1; shift
  echo "== $name"
  "$@" || failed+=("$name")
}
build() {
  pnpm -s build >.tmp/build.log 2>&1 && return 0
  grep -iE "error|failed" .tmp/build.log | head -20 >&2
  echo "build failed (full log: .tmp/build.log)" >&2
  return 1
}
stage "lint + format (biome)" pnpm exec biome ci . --colors=off
stage "type check" pnpm exec tsc -p tsconfig.json --noEmit
[ -f scripts/check-docs.sh ] && stage "generated docs are current" bash scripts/check-docs.sh
stage "build" build
stage "publint" pnpm -s check:publint
echo "== tests (vitest)"
rm -f .tmp/vitest.json
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@" || failed+=("vitest")
counts=$(node -e '
const fs = require("fs");
if (!fs.existsSync(".tmp/vitest.json")) { console.log("0 passed, 0 failed, 0 skipped"); process.exit(1); }
const r = JSON.parse(fs.readFileSync(".tmp/vitest.json", "utf8"));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
if (r.numTotalTests === 0) process.exit(1);
') || failed+=("vitest report")
[ ${#failed[@]} -eq 0 ] || echo "failed stages: ${failed[*]}"
echo "$counts"
[ ${#failed[@]} -eq 0 ]
