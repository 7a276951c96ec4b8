#!/usr/bin/env bash
# demo.sh — the main job until the SCIM host exists: make the machine ready (scripts/setup.sh), start a
# throw-away OpenLDAP with 10 seed users through the testkit, print how to reach it and an ldapsearch of
# it. On a terminal it keeps running until Ctrl-C; otherwise it stops the server again at once.
# (The host's issue replaces this body with the real demo.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
hold=(); [ -t 0 ] && hold=(--hold)
exec pnpm -s exec tsx --conditions=@scim2ldap/source packages/ldap-testkit/src/cli.ts \
  --kind "${SCIM2LDAP_DEMO_KIND:-openldap}" --seed 10 --search "${hold[@]}"
