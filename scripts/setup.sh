#!/usr/bin/env bash
# setup.sh — make a fresh Debian 12 machine ready for scim2ldap's demo and tests. Idempotent; run as root
# (or with sudo available). Installs: the three directory servers and ldap-utils from Debian's packages,
# pnpm (the version pinned in package.json), and the workspace's dependencies from the frozen lockfile.
# Env: SCIM2LDAP_SERVERS="openldap 389ds apacheds" limits which servers are installed.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVERS=${SCIM2LDAP_SERVERS:-openldap 389ds apacheds}
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

pkgs="ldap-utils openssl procps"
for s in $SERVERS; do case $s in
  openldap) pkgs="$pkgs slapd" ;;
  389ds) pkgs="$pkgs 389-ds-base" ;;
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
  # Keep package postinst scripts from starting system-wide daemons on the default ports.
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null; $SUDO chmod +x /usr/sbin/policy-rc.d; fi
  $SUDO apt-get update -q >/dev/null
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null
fi

want_pnpm=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$want_pnpm" ]; then
  echo "setup: installing pnpm $want_pnpm"
  npm install -g "pnpm@$want_pnpm" >/dev/null 2>&1
fi
echo "setup: installing workspace dependencies (frozen lockfile)"
pnpm install --frozen-lockfile --reporter=silent
echo "setup: ready"
