#!/usr/bin/env bash
# bench.sh [filter] — run every benchmark (packages/*/bench/*.bench.ts, apps/*/bench/*.bench.ts), or those
# whose path contains FILTER. Each prints its own figures (and baseline, measured in the same run) as
# Markdown; copy them into docs/benchmarks.md with the machine line this script prints first.
set -euo pipefail
cd "$(dirname "$0")/.."
filter=${1:-}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), node $(node --version), $(date -u +%Y-%m-%d)"
for f in packages/*/bench/*.bench.ts apps/*/bench/*.bench.ts; do
  [ -e "$f" ] || continue
  [ -z "$filter" ] || [[ "$f" == *"$filter"* ]] || continue
  echo; echo "### $f"
  node --conditions=@scim2ldap/source --import tsx "$f"
done
