#!/usr/bin/env bash
# bench.sh [filter] — run every benchmark (packages/*/bench/*.bench.ts, apps/*/bench/*.bench.ts), or those
# whose path contains FILTER. Each prints its own figures (and baseline, measured in the same run) as
# Markdown; copy them into docs/benchmarks.md with the machine line this script prints first.
#
# The benchmarks measure the packages as they ship: the workspace is built first, and a package's code is
# imported by its name, which resolves to its dist/ (only the bench file itself and test helpers go
# through tsx). The dev loader's output is slower (it keeps function names with a helper call for every
# closure created, which an add path creates several of). BENCH_NO_BUILD=1 skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
filter=${1:-}
[ "${BENCH_NO_BUILD:-}" = 1 ] || pnpm -r --silent build >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), node $(node --version), $(date -u +%Y-%m-%d)"
for f in packages/*/bench/*.bench.ts apps/*/bench/*.bench.ts; do
  [ -e "$f" ] || continue
  [ -z "$filter" ] || [[ "$f" == *"$filter"* ]] || continue
  echo; echo "### $f"
  node --import tsx "$f"
done
