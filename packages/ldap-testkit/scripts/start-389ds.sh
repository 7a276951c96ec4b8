#!/usr/bin/env bash
# start-389ds.sh WORKDIR — a throw-away 389 Directory Server 2.3 (Debian "389-ds-base") in WORKDIR,
# without systemd and without touching /etc or /var.
#
# WORKDIR must exist and contain base.ldif (suffix entry, OU tree, seed users), imported offline with
# ns-slapd ldif2db before the first start. Environment:
#   TESTKIT_LDAP_PORT, TESTKIT_LDAPS_PORT  listeners on 127.0.0.1 (required)
#   TESTKIT_ADMIN_PW                       password of cn=Directory Manager, >= 8 characters (required)
#   TESTKIT_OWNER_PID                      stop the server when this process dies (optional)
#   TESTKIT_TIMEOUT                        readiness wait in seconds (default 120)
# The Retro Changelog plug-in writes every change to cn=changelog. TLS: a certificate from make-certs.sh
# in the instance's NSS database. Prints KEY=VALUE lines on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

W=$(cd "${1:?usage: start-389ds.sh WORKDIR}" && pwd)
LDAP_PORT=${TESTKIT_LDAP_PORT:?} LDAPS_PORT=${TESTKIT_LDAPS_PORT:?}
: "${TESTKIT_ADMIN_PW:?}"
TIMEOUT=${TESTKIT_TIMEOUT:-120}
need dscreate 389-ds-base
need pk12util libnss3-tools
need certutil libnss3-tools
need ldapsearch ldap-utils
need openssl openssl
need python3 python3
NS_SLAPD=/usr/sbin/ns-slapd
[ -x "$NS_SLAPD" ] || die "MISSING_PREREQUISITE: $NS_SLAPD not found; run 'bash scripts/setup.sh' or 'apt-get install -y 389-ds-base'"
[ -f "$W/base.ldif" ] || die "no $W/base.ldif"
for p in "$LDAP_PORT" "$LDAPS_PORT"; do port_free "$p" || die "PORT_IN_USE: 127.0.0.1:$p"; done
# ns-slapd keeps a machine-wide semaphore /dev/shm/sem.slapd-NAME.stats: the name must be unique
INST="tk$LDAP_PORT"
[ ! -e "/dev/shm/sem.slapd-$INST.stats" ] || die "PORT_IN_USE: instance name $INST is taken"
[ ${#W} -lt 80 ] || die "WORKDIR path too long for a unix socket: $W"

python3 "$here/prepare-389ds.py" "$W" "$INST" "$LDAP_PORT" "$LDAPS_PORT"
export PREFIX="$W"
dscreate from-file "$W/instance.inf" >"$W/dscreate.log" 2>&1 || { tail -30 "$W/dscreate.log" >&2; die "dscreate failed"; }
CONF="$W/etc/dirsrv/slapd-$INST"

bash "$here/make-certs.sh" "$W/tls"
openssl pkcs12 -export -in "$W/tls/server.crt" -inkey "$W/tls/server.key" -name Server-Cert \
  -out "$W/tls/server.p12" -passout pass: 2>/dev/null
pk12util -i "$W/tls/server.p12" -d "$CONF" -k "$CONF/pwdfile.txt" -W "" >/dev/null
certutil -M -d "$CONF" -n Server-Cert -t "u,u,u" -f "$CONF/pwdfile.txt"
certutil -A -d "$CONF" -n "testkit CA" -t "CT,," -a -i "$W/tls/ca.crt" -f "$CONF/pwdfile.txt"
python3 "$here/finish-389ds-config.py" "$CONF/dse.ldif"

t_seed=$(now_ms)
"$NS_SLAPD" ldif2db -D "$CONF" -n userRoot -i "$W/base.ldif" >"$W/log/ldif2db.log" 2>&1 ||
  { tail -30 "$W/log/ldif2db.log" >&2; die "ldif2db import of base.ldif failed"; }
SEED_MS=$(( $(now_ms) - t_seed ))

t0=$(now_ms)
# -d: stay in the foreground ($! is ns-slapd itself); with this level the error log goes to ns-slapd.out
nohup "$NS_SLAPD" -D "$CONF" -i "$W/run/slapd.pid" -d 266354688 >"$W/log/ns-slapd.out" 2>&1 </dev/null &
PID=$!
echo "$PID" > "$W/server.pid"
start_watchdog "$PID" "${TESTKIT_OWNER_PID:-}" "$W" "rm -f /dev/shm/sem.slapd-$INST.stats"
LDAPI_URL="ldapi://$(urlencode_path "$W/run/ldapi")"
deadline=$(( $(date +%s) + TIMEOUT ))
until ldapsearch -x -LLL -o nettimeout=1 -H "$LDAPI_URL" -b "" -s base vendorVersion >/dev/null 2>&1; do
  if ! kill -0 "$PID" 2>/dev/null; then
    tail -30 "$W/log/ns-slapd.out" >&2
    grep -qi "address already in use" "$W/log/ns-slapd.out" && die "PORT_IN_USE: ns-slapd could not bind its ports"
    die "ns-slapd exited during start-up"
  fi
  [ "$(date +%s)" -lt "$deadline" ] || { kill "$PID"; die "ns-slapd not ready after ${TIMEOUT}s"; }
  sleep 0.05
done
READY_MS=$(( $(now_ms) - t0 ))

cat <<OUT
PID=$PID
WORKDIR=$W
LDAP_URL=ldap://127.0.0.1:$LDAP_PORT
LDAPS_URL=ldaps://127.0.0.1:$LDAPS_PORT
LDAPI_URL=$LDAPI_URL
LDAPI_SOCKET=$W/run/ldapi
CA_CERT=$W/tls/ca.crt
CHANGELOG_DN=cn=changelog
SEMAPHORE=/dev/shm/sem.slapd-$INST.stats
SEED_MS=$SEED_MS
READY_MS=$READY_MS
OUT
