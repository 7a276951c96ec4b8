#!/usr/bin/env bash
# demo.sh — the scim2ldap demo on a fresh machine: installs what is missing (scripts/setup.sh), starts
# OpenLDAP and the scim2ldap host with Microsoft's OpenLDAP POSIX example (inetOrgPerson + posixAccount +
# shadowAccount, DN rule CN=<alias>,DC=example,DC=org), provisions sample users through SCIM the way Entra ID
# does (test connection, schema discovery, match, create, update, disable), prints the directory as
# ldapsearch shows it, and stops everything. Nothing is left running; temporary files are removed.
set -euo pipefail
cd "$(dirname "$0")/.."
# The demo needs OpenLDAP only; SCIM2LDAP_SERVERS overrides (e.g. to install all three servers).
SCIM2LDAP_SERVERS=${SCIM2LDAP_SERVERS:-openldap} bash scripts/setup.sh
exec node --conditions=@scim2ldap/source --import tsx apps/host/test/demo/runDemo.ts
