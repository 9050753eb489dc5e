#!/usr/bin/env bash
# Runs every Värna test on a fresh machine: installs what it can, starts what it needs
# (a throwaway PostgreSQL cluster when the server binaries exist), and ends with
# "N passed, N failed". Exit code 0 only when everything passed.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/TestResults"
rm -rf "$results"; mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\n== %s\n' "$*"; }
as_root() { [ "$(id -u)" = 0 ]; }

# --- 1. Things to install --------------------------------------------------------------
apt_updated=0
apt_install() {
  if ! as_root; then echo "Missing: $*. Install it (as root: apt-get install -y $*) and run again."; return 1; fi
  if [ $apt_updated = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq || true; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
if [ ! -x /usr/bin/chromium ]; then
  say "Installing Chromium for the browser tests"
  apt_install chromium chromium-driver || echo "The browser tests will fail without /usr/bin/chromium."
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] && as_root; then
  say "Installing the PostgreSQL server"
  apt_install postgresql && pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi

say "Restoring tools and building"
dotnet tool restore >/dev/null || exit 1
dotnet build Varna.slnx -c Release -nologo -v quiet -warnaserror || { echo "0 passed, 1 failed"; exit 1; }

# --- 2. A throwaway PostgreSQL cluster --------------------------------------------------
pg_dir=""; pg_port=""
stop_pg() {
  if [ -n "$pg_dir" ]; then
    if as_root; then runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
    else "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; fi
    rm -rf "$pg_dir"
  fi
}
trap stop_pg EXIT
free_port() {
  for p in $(shuf -i 20000-60000 -n 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  return 1
}
if [ -n "$pg_bin" ]; then
  say "Starting a throwaway PostgreSQL cluster ($pg_bin)"
  pg_dir=$(mktemp -d /tmp/varna-pg.XXXXXX); pg_port=$(free_port)
  run_pg() { if as_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
  as_root && chown postgres "$pg_dir"
  if run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
     && run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
          -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null; then
    export VARNA_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
    echo "PostgreSQL listening on 127.0.0.1:$pg_port"
  else
    echo "Could not start PostgreSQL:"; cat "$pg_dir"/*.log; pg_dir=""
    echo "0 passed, 1 failed"; exit 1
  fi
else
  echo "PostgreSQL server binaries not found: the integration tests run on SQLite only."
fi

# --- 3. The tests ------------------------------------------------------------------------
status=0
run_tests() { # name project [env...]
  local name=$1 project=$2; shift 2
  say "Tests: $name"
  env "$@" dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=1
}
run_tests integration-sqlite tests/Varna.Tests VARNA_TEST_PG=
if [ -n "${VARNA_TEST_PG:-}" ]; then
  run_tests integration-postgres tests/Varna.Tests VARNA_TEST_PG="$VARNA_TEST_PG"
fi
run_tests browser tests/Varna.BrowserTests VARNA_TEST_PG=

# --- 4. One line for people and CI --------------------------------------------------------
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
expected_runs=$(( 2 + ( ${#VARNA_TEST_PG} > 0 ? 1 : 0 ) ))
found_runs=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$found_runs" -lt "$expected_runs" ]; then failed=$((failed + expected_runs - found_runs)); status=1; fi
[ "$failed" -gt 0 ] && status=1
echo
echo "$passed passed, $failed failed"
exit $status
