#!/usr/bin/env bash
# check-docs.sh — fails when a generated reference page under docs/reference/ no longer matches the code
# (config schema, expression function registry, CLI command registry, metrics, SCIM routes). It regenerates
# the pages into a temp directory with scripts/gen-docs.ts and diffs them against the committed ones.
# Fix: pnpm docs:gen, then commit docs/reference/.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node --conditions=@scim2ldap/source --import tsx scripts/gen-docs.ts "$tmp" >/dev/null
stale=()
for page in "$tmp"/*.md; do
  name=$(basename "$page")
  if ! diff -u "docs/reference/$name" "$page" >"$tmp/$name.diff" 2>&1; then
    stale+=("docs/reference/$name")
    head -40 "$tmp/$name.diff" >&2
  fi
done
if [ ${#stale[@]} -gt 0 ]; then
  echo "generated docs are stale: ${stale[*]}" >&2
  echo "run \`pnpm docs:gen\` and commit docs/reference/" >&2
  exit 1
fi
echo "generated docs are current (docs/reference/: $(ls "$tmp"/*.md | wc -l) pages)"
