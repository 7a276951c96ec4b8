#!/usr/bin/env bash
# start-openldap.sh WORKDIR — a throw-away OpenLDAP 2.5 slapd (Debian "slapd") living entirely in WORKDIR.
#
# WORKDIR must exist and contain base.ldif (the suffix entry, OU tree and any seed users; loaded offline
# with slapadd before the start, so 100,000 users take seconds). Settings come from the environment:
#   TESTKIT_LDAP_PORT, TESTKIT_LDAPS_PORT   listeners on 127.0.0.1 (required)
#   TESTKIT_ADMIN_PW                        password of cn=admin,dc=example,dc=org (required)
#   TESTKIT_ACCESSLOG=1|0  TESTKIT_SYNCPROV=1|0  TESTKIT_PPOLICY=1|0  TESTKIT_NOSYNC=0|1  (defaults 1 1 1 0)
#   TESTKIT_OWNER_PID       stop the server when this process dies (optional)
#   TESTKIT_DEBUG           slapd -d level (default 0); output in WORKDIR/slapd.log
#   TESTKIT_TIMEOUT         readiness wait in seconds (default 20)
# Prints KEY=VALUE lines on stdout. TLS material comes from make-certs.sh (a CA, server and client cert);
# a client presenting client.crt may bind with SASL EXTERNAL as the admin, as may the local user over ldapi.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

W=$(cd "${1:?usage: start-openldap.sh WORKDIR}" && pwd)
LDAP_PORT=${TESTKIT_LDAP_PORT:?} LDAPS_PORT=${TESTKIT_LDAPS_PORT:?} ADMIN_PW=${TESTKIT_ADMIN_PW:?}
ACCESSLOG=${TESTKIT_ACCESSLOG:-1} SYNCPROV=${TESTKIT_SYNCPROV:-1} PPOLICY=${TESTKIT_PPOLICY:-1}
NOSYNC=${TESTKIT_NOSYNC:-0} DEBUG=${TESTKIT_DEBUG:-0} TIMEOUT=${TESTKIT_TIMEOUT:-20}
SUFFIX="dc=example,dc=org"
ADMIN_DN="cn=admin,$SUFFIX"

for b in slapd slapadd slappasswd; do need "$b" slapd; done
need ldapsearch ldap-utils
need openssl openssl
export PATH="$PATH:/usr/sbin"
[ -f "$W/base.ldif" ] || die "no $W/base.ldif"
for p in "$LDAP_PORT" "$LDAPS_PORT"; do port_free "$p" || die "PORT_IN_USE: 127.0.0.1:$p"; done
SOCK="$W/ldapi"
[ ${#SOCK} -lt 100 ] || die "WORKDIR path too long for a unix socket: $W"
LDAPI_URL="ldapi://$(urlencode_path "$SOCK")"
mkdir -p "$W/slapd.d" "$W/db" "$W/accesslog"

bash "$here/make-certs.sh" "$W/tls"
PW_HASH=$(slappasswd -s "$ADMIN_PW")
PEER="gidNumber=$(id -g)+uidNumber=$(id -u),cn=peercred,cn=external,cn=auth"
nosync=""; [ "$NOSYNC" = 1 ] && nosync=$'\nolcDbNoSync: TRUE'

# cn=config, built offline. Database numbering: {1} accesslog (if on), then the suffix database.
main="{1}mdb"; [ "$ACCESSLOG" = 1 ] && main="{2}mdb"
modules="olcModuleLoad: back_mdb"
[ "$ACCESSLOG" = 1 ] && modules+=$'\nolcModuleLoad: accesslog'
[ "$SYNCPROV" = 1 ] && modules+=$'\nolcModuleLoad: syncprov'
[ "$PPOLICY" = 1 ] && modules+=$'\nolcModuleLoad: ppolicy'
# overlay order on the suffix database: syncprov, accesslog, ppolicy (each optional)
sp_i=0; al_i=$((SYNCPROV == 1 ? 1 : 0)); pp_i=$((al_i + (ACCESSLOG == 1 ? 1 : 0)))
{
  cat <<LDIF
dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: $W/slapd.pid
olcTLSCACertificateFile: $W/tls/ca.crt
olcTLSCertificateFile: $W/tls/server.crt
olcTLSCertificateKeyFile: $W/tls/server.key
olcTLSVerifyClient: try
olcAuthzRegexp: {0}"^gidNumber=$(id -g)\\+uidNumber=$(id -u),cn=peercred,cn=external,cn=auth\$" "$ADMIN_DN"
olcAuthzRegexp: {1}"^cn=testkit-client,o=scim2ldap\$" "$ADMIN_DN"

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
$modules

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

LDIF
  for s in core cosine nis inetorgperson; do printf 'include: file:///etc/ldap/schema/%s.ldif\n\n' "$s"; done
  cat <<LDIF
dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend
olcAccess: {0}to dn.base="" by * read
olcAccess: {1}to dn.base="cn=Subschema" by * read
olcAccess: {2}to attrs=userPassword by self write by anonymous auth by * none
olcAccess: {3}to * by self read by users read by * none

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcRootDN: cn=config
olcAccess: {0}to * by dn.exact="$ADMIN_DN" manage by * none

LDIF
  if [ "$ACCESSLOG" = 1 ]; then
    cat <<LDIF
dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: cn=accesslog
olcDbDirectory: $W/accesslog
olcDbMaxSize: 8589934592$nosync
olcDbIndex: default eq
olcDbIndex: entryCSN,objectClass,reqEnd,reqResult,reqStart,reqDN
olcAccess: {0}to * by dn.exact="$ADMIN_DN" read by * none
olcLimits: {0}dn.exact="$ADMIN_DN" time=unlimited size=unlimited

LDIF
    [ "$SYNCPROV" = 1 ] && cat <<LDIF
dn: olcOverlay={0}syncprov,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcSyncProvConfig
olcOverlay: {0}syncprov
olcSpNoPresent: TRUE
olcSpReloadHint: TRUE

LDIF
  fi
  cat <<LDIF
dn: olcDatabase=$main,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: $main
olcSuffix: $SUFFIX
olcDbDirectory: $W/db
olcDbMaxSize: 17179869184$nosync
olcRootDN: $ADMIN_DN
olcRootPW: $PW_HASH
olcDbIndex: objectClass eq
olcDbIndex: cn,uid,mail,sn,givenName eq,sub
olcDbIndex: uidNumber,gidNumber,memberUid,member,uniqueMember,employeeNumber eq
olcDbIndex: entryCSN,entryUUID eq
olcLimits: {0}dn.exact="$ADMIN_DN" time=unlimited size=unlimited

LDIF
  if [ "$SYNCPROV" = 1 ]; then cat <<LDIF
dn: olcOverlay={$sp_i}syncprov,olcDatabase=$main,cn=config
objectClass: olcOverlayConfig
objectClass: olcSyncProvConfig
olcOverlay: {$sp_i}syncprov
olcSpCheckpoint: 100 10
olcSpSessionLog: 10000

LDIF
  fi
  if [ "$ACCESSLOG" = 1 ]; then cat <<LDIF
dn: olcOverlay={$al_i}accesslog,olcDatabase=$main,cn=config
objectClass: olcOverlayConfig
objectClass: olcAccessLogConfig
olcOverlay: {$al_i}accesslog
olcAccessLogDB: cn=accesslog
olcAccessLogOps: writes
olcAccessLogSuccess: TRUE
olcAccessLogPurge: 07+00:00 01+00:00

LDIF
  fi
  if [ "$PPOLICY" = 1 ]; then cat <<LDIF
dn: olcOverlay={$pp_i}ppolicy,olcDatabase=$main,cn=config
objectClass: olcOverlayConfig
objectClass: olcPPolicyConfig
olcOverlay: {$pp_i}ppolicy
olcPPolicyDefault: cn=default,ou=policies,$SUFFIX
olcPPolicyHashCleartext: TRUE
olcPPolicyUseLockout: FALSE

LDIF
  fi
} > "$W/config.ldif"

slapadd -n0 -F "$W/slapd.d" -l "$W/config.ldif" >"$W/slapadd.log" 2>&1 || { cat "$W/slapadd.log" >&2; die "slapadd of cn=config failed"; }
t_seed=$(now_ms)
# -q: quick mode (no consistency checks) for large seeds; the LDIF is generated, so it is well-formed
slapadd -q -F "$W/slapd.d" -b "$SUFFIX" -l "$W/base.ldif" >>"$W/slapadd.log" 2>&1 || { tail -20 "$W/slapadd.log" >&2; die "slapadd of base.ldif failed"; }
SEED_MS=$(( $(now_ms) - t_seed ))

t0=$(now_ms)
# -d keeps slapd in the foreground, so $! is slapd itself; its output goes to slapd.log
nohup slapd -d "$DEBUG" -F "$W/slapd.d" -h "ldap://127.0.0.1:$LDAP_PORT/ ldaps://127.0.0.1:$LDAPS_PORT/ $LDAPI_URL/" \
  >"$W/slapd.log" 2>&1 </dev/null &
PID=$!
echo "$PID" > "$W/server.pid"
start_watchdog "$PID" "${TESTKIT_OWNER_PID:-}" "$W"
# Ready = our own ldapi socket answers (a TCP probe could reach someone else's server on that port).
# slapd opens every listener before serving and exits if one cannot be bound.
deadline=$(( $(date +%s) + TIMEOUT ))
until ldapsearch -x -LLL -o nettimeout=1 -H "$LDAPI_URL" -b "" -s base namingContexts >/dev/null 2>&1; do
  if ! kill -0 "$PID" 2>/dev/null; then
    tail -20 "$W/slapd.log" >&2
    grep -qi "address already in use" "$W/slapd.log" && die "PORT_IN_USE: slapd could not bind its ports"
    die "slapd exited during start-up"
  fi
  [ "$(date +%s)" -lt "$deadline" ] || { kill "$PID"; die "slapd not ready after ${TIMEOUT}s"; }
  sleep 0.02
done
READY_MS=$(( $(now_ms) - t0 ))

cat <<OUT
PID=$PID
WORKDIR=$W
LDAP_URL=ldap://127.0.0.1:$LDAP_PORT
LDAPS_URL=ldaps://127.0.0.1:$LDAPS_PORT
LDAPI_URL=$LDAPI_URL
LDAPI_SOCKET=$SOCK
BASE_DN=$SUFFIX
ADMIN_DN=$ADMIN_DN
CA_CERT=$W/tls/ca.crt
CLIENT_CERT=$W/tls/client.crt
CLIENT_KEY=$W/tls/client.key
CHANGELOG_DN=$([ "$ACCESSLOG" = 1 ] && echo cn=accesslog || true)
SEED_MS=$SEED_MS
READY_MS=$READY_MS
OUT
