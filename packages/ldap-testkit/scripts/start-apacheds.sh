#!/usr/bin/env bash
# start-apacheds.sh WORKDIR — a throw-away ApacheDS 2.0.0-M26 (Debian "apacheds", Java) in WORKDIR.
#
# Environment:
#   TESTKIT_LDAP_PORT, TESTKIT_LDAPS_PORT  listeners on 127.0.0.1 (required)
#   TESTKIT_ADMIN_PW                       new password of uid=admin,ou=system (required)
#   TESTKIT_OWNER_PID                      stop the server when this process dies (optional)
#   TESTKIT_TIMEOUT                        readiness wait in seconds (default 120)
#   TESTKIT_JAVA_OPTS                      default -Xmx256m
# Debian 12's apacheds package is incomplete: its lib/ has dangling symlinks (filled by the extra
# packages scripts/setup.sh installs), it needs a few more jars on the classpath, and Java 17 needs
# --add-exports for the JDK-internal certificate classes it links against. After the start, the packaged
# admin password ("secret") is replaced and the nis schema (posixAccount) is enabled. Entries are added
# over LDAP by the caller (ApacheDS has no offline loader). Prints KEY=VALUE lines on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

W=$(cd "${1:?usage: start-apacheds.sh WORKDIR}" && pwd)
LDAP_PORT=${TESTKIT_LDAP_PORT:?} LDAPS_PORT=${TESTKIT_LDAPS_PORT:?} ADMIN_PW=${TESTKIT_ADMIN_PW:?}
TIMEOUT=${TESTKIT_TIMEOUT:-120}
JAVA_OPTS=${TESTKIT_JAVA_OPTS:--Xmx256m}
need java default-jre-headless
need ldapmodify ldap-utils
need openssl openssl
need python3 python3
[ -f /etc/apacheds/config.ldif ] || die "MISSING_PREREQUISITE: ApacheDS is not installed; run 'bash scripts/setup.sh' or 'apt-get install -y apacheds'"
for p in "$LDAP_PORT" "$LDAPS_PORT"; do port_free "$p" || die "PORT_IN_USE: 127.0.0.1:$p"; done

bash "$here/make-certs.sh" "$W/tls"
KS_PW=testkit-keystore
openssl pkcs12 -export -in "$W/tls/server.crt" -inkey "$W/tls/server.key" -certfile "$W/tls/ca.crt" \
  -name server -out "$W/tls/server.p12" -passout "pass:$KS_PW" 2>/dev/null
python3 "$here/prepare-apacheds.py" "$W" "$LDAP_PORT" "$LDAPS_PORT" "$W/tls/server.p12" "$KS_PW"

join() { local IFS=,; echo "$*"; }
api=org.apache.directory.api.ldap
CONTROLS=$(join $api.codec.controls.cascade.CascadeFactory $api.codec.controls.manageDsaIT.ManageDsaITFactory \
  $api.codec.controls.search.entryChange.EntryChangeFactory $api.codec.controls.search.pagedSearch.PagedResultsFactory \
  $api.codec.controls.search.persistentSearch.PersistentSearchFactory $api.codec.controls.search.subentries.SubentriesFactory \
  $api.extras.controls.ppolicy_impl.PasswordPolicyFactory $api.extras.controls.syncrepl_impl.SyncDoneValueFactory \
  $api.extras.controls.syncrepl_impl.SyncInfoValueFactory $api.extras.controls.syncrepl_impl.SyncRequestValueFactory \
  $api.extras.controls.syncrepl_impl.SyncStateValueFactory)
ext=$api.extras.extended.ads_impl
EXTOPS=$(join $ext.cancel.CancelFactory $ext.certGeneration.CertGenerationFactory \
  $ext.gracefulShutdown.GracefulShutdownFactory $ext.storedProcedure.StoredProcedureFactory \
  $ext.gracefulDisconnect.GracefulDisconnectFactory)
# jars the package's lib/ does not link although its code needs them
EXTRA_CP=""
for j in caffeine commons-collections4 commons-lang3 commons-text commons-codec commons-pool2; do
  EXTRA_CP="$EXTRA_CP:/usr/share/java/$j.jar"
done
EXPORTS=""
for p in x509 util pkcs; do EXPORTS="$EXPORTS --add-exports=java.base/sun.security.$p=ALL-UNNAMED"; done

t0=$(now_ms)
cd "$W"
# shellcheck disable=SC2086
nohup java -Djava.awt.headless=true $JAVA_OPTS $EXPORTS \
  -Dapacheds.controls="$CONTROLS" -Dapacheds.extendedOperations="$EXTOPS" \
  -Dlog4j.configuration="file:$W/conf/log4j.properties" -Dapacheds.log.dir="$W/log" \
  -cp "/usr/share/apacheds/lib/*$EXTRA_CP" org.apache.directory.server.UberjarMain "$W/" \
  >"$W/log/stdout.log" 2>&1 </dev/null &
PID=$!
echo "$PID" > "$W/server.pid"
start_watchdog "$PID" "${TESTKIT_OWNER_PID:-}" "$W"

LDAP_URL="ldap://127.0.0.1:$LDAP_PORT"
# our JVM must own the listening socket (a bind could otherwise reach another ApacheDS on that port)
owns_port() { command -v ss >/dev/null 2>&1 || return 0; ss -ltnpH "sport = :$LDAP_PORT" 2>/dev/null | grep -q "pid=$PID,"; }
deadline=$(( $(date +%s) + TIMEOUT ))
until owns_port && ldapwhoami -x -o nettimeout=2 -H "$LDAP_URL" -D uid=admin,ou=system -w secret >/dev/null 2>&1; do
  if ! kill -0 "$PID" 2>/dev/null; then tail -40 "$W/log/stdout.log" >&2; die "apacheds exited during start-up"; fi
  [ "$(date +%s)" -lt "$deadline" ] || { kill "$PID"; die "apacheds not ready after ${TIMEOUT}s"; }
  sleep 0.2
done
printf 'dn: uid=admin,ou=system\nchangetype: modify\nreplace: userPassword\nuserPassword: %s\n' "$ADMIN_PW" |
  ldapmodify -x -H "$LDAP_URL" -D uid=admin,ou=system -w secret >/dev/null
printf 'dn: cn=nis,ou=schema\nchangetype: modify\nreplace: m-disabled\nm-disabled: FALSE\n' |
  ldapmodify -x -H "$LDAP_URL" -D uid=admin,ou=system -y <(printf '%s' "$ADMIN_PW") >/dev/null
READY_MS=$(( $(now_ms) - t0 ))

cat <<OUT
PID=$PID
WORKDIR=$W
LDAP_URL=$LDAP_URL
LDAPS_URL=ldaps://127.0.0.1:$LDAPS_PORT
CA_CERT=$W/tls/ca.crt
READY_MS=$READY_MS
OUT
