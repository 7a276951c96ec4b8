#!/usr/bin/env bash
# setup.sh — make a fresh Debian 12 machine ready for scim2ldap's demo and tests. Idempotent and quiet
# when there is nothing to do; run as root (or as a user with sudo). Installs: the three directory servers
# (slapd, 389-ds-base, apacheds + the packages that repair Debian's apacheds), ldap-utils and openssl from
# Debian; pnpm (the version pinned in package.json); the workspace's dependencies from the frozen lockfile.
# Needs Node.js ^20.19 || ^22.12 || >=24 already installed (Debian 12's own nodejs 18 is too old).
# Env: SCIM2LDAP_SERVERS="openldap 389ds apacheds" limits which servers are installed.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVERS=${SCIM2LDAP_SERVERS:-openldap 389ds apacheds}
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

# --- Node.js: must be there already, in a supported version
node_ok() {
  command -v node >/dev/null 2>&1 && node -e '
    const [a, b] = process.versions.node.split(".").map(Number);
    process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a >= 24 ? 0 : 1);'
}
if ! node_ok; then
  have=$(node --version 2>/dev/null || echo "none")
  echo "setup: Node.js ^20.19 || ^22.12 || >=24 is required (found: $have)." >&2
  echo "setup: install it first, e.g. from https://nodejs.org/en/download (Linux binaries) or the NodeSource" >&2
  echo "setup: apt repository (https://github.com/nodesource/distributions), then run this script again." >&2
  exit 1
fi

# --- Debian packages
pkgs="ldap-utils openssl iproute2 python3 curl wrk"
for s in $SERVERS; do case $s in
  openldap) pkgs="$pkgs slapd" ;;
  389ds) pkgs="$pkgs 389-ds-base libnss3-tools" ;;
  # Debian 12's apacheds package has dangling jar symlinks; these packages supply the jars.
  apacheds) pkgs="$pkgs apacheds default-jre-headless libapache-directory-api-java libmina2-java libcommons-pool-java \
    libdom4j-java libcommons-lang-java libbcprov-java libxpp3-java libapache-directory-jdbm-java libmavibot-java \
    libcaffeine-java" ;;
  *) echo "setup: unknown server '$s' in SCIM2LDAP_SERVERS (use openldap, 389ds, apacheds)" >&2; exit 2 ;;
esac; done

missing=""
for p in $pkgs; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "setup: installing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  # Keep package postinst scripts from starting system-wide daemons on the default ports
  # (the testkit runs its own servers on random ports).
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null; $SUDO chmod +x /usr/sbin/policy-rc.d; fi
  log=$(mktemp)
  # shellcheck disable=SC2086
  if ! { $SUDO apt-get update -q && $SUDO apt-get install -y -q --no-install-recommends $missing; } >"$log" 2>&1; then
    tail -30 "$log" >&2; rm -f "$log"; echo "setup: apt-get failed (see above)" >&2; exit 1
  fi
  rm -f "$log"
fi

# --- pnpm (the pinned version) and the workspace
want_pnpm=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$want_pnpm" ]; then
  echo "setup: installing pnpm $want_pnpm"
  $SUDO npm install -g --silent "pnpm@$want_pnpm" >/dev/null
fi
if ! pnpm install --frozen-lockfile --reporter=silent; then
  echo "setup: 'pnpm install --frozen-lockfile' failed; if package.json changed, run 'pnpm install' and commit pnpm-lock.yaml" >&2
  exit 1
fi
echo "setup: ready (Node $(node --version), pnpm $want_pnpm; servers: $SERVERS)"
