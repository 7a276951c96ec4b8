# lib.sh — shared helpers for the start-*.sh scripts (sourced, not run).

# die MESSAGE — print to stderr and exit 1 (the TypeScript side shows stderr in its error)
die() { echo "$*" >&2; exit 1; }

# need BIN PACKAGE... — fail with the install hint when a program is missing
need() {
  local bin=$1; shift
  command -v "$bin" >/dev/null 2>&1 || [ -x "/usr/sbin/$bin" ] ||
    die "MISSING_PREREQUISITE: '$bin' not found; run 'bash scripts/setup.sh' or 'apt-get install -y $*'"
}

# port_free PORT — true when nothing accepts connections on 127.0.0.1:PORT
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# now_ms — wall clock in milliseconds
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# urlencode_path PATH — a unix socket path as the host part of an ldapi:// URL
urlencode_path() { printf '%s' "$1" | sed -e 's/%/%25/g' -e 's|/|%2F|g'; }

# start_watchdog SERVER_PID OWNER_PID WORKDIR [EXTRA_CLEANUP_CMD]
# A detached shell that lives as long as WORKDIR does. If the owning Node process goes away (exit, crash,
# SIGKILL) while WORKDIR still exists, it stops the server (SIGTERM, SIGKILL after 30 s) and removes
# WORKDIR, so a crashed test run leaves no servers behind. A normal stop() removes WORKDIR itself, which
# ends the watchdog. A zombie server (exited, not yet reaped) counts as stopped.
start_watchdog() {
  local pid=$1 owner=$2 dir=$3 extra=${4:-true}
  [ -n "$owner" ] && [ "$owner" != 0 ] || return 0
  setsid bash -c '
    pid=$1 owner=$2 dir=$3 extra=$4
    alive() { local s; s=$(sed "s/.*) //" "/proc/$1/stat" 2>/dev/null | cut -c1); [ -n "$s" ] && [ "$s" != Z ]; }
    while [ -d "$dir" ]; do
      if ! alive "$owner"; then
        if alive "$pid"; then
          kill -TERM "$pid" 2>/dev/null
          for _ in $(seq 1 300); do alive "$pid" || break; sleep 0.1; done
          alive "$pid" && kill -KILL "$pid" 2>/dev/null
        fi
        eval "$extra"
        rm -rf "$dir"
        exit 0
      fi
      sleep 1
    done' testkit-watchdog "$pid" "$owner" "$dir" "$extra" </dev/null >/dev/null 2>&1 &
}
