#!/usr/bin/env bash
# Load run of POST /api/v1/reports against the real app (Release, SQLite on disk, a personal token).
# Prints requests/s, p50/p99 latency and non-2xx counts for GET /health, GET /api/v1/me and
# POST /api/v1/reports, the ratio reports/health, and checks that every 201 is a row on disk.
# Usage: bench/run.sh            (from anywhere in a clone; needs dotnet, wrk, curl and sqlite3 or python3)
# Settings (environment): DURATION=30s WARMUP=10s CONNECTIONS=16 THREADS=2 KEEP=1 (keep the temp dir)
#                         BENCH_TMP=/path (where the database goes; default $TMPDIR or /tmp)
# Results are described in docs/benchmarks.md.
set -euo pipefail

DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
EMAIL=fortroendevald@demo.varna.se
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

for tool in dotnet wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required (Debian: apt-get install wrk curl)" >&2; exit 2; }
done
if command -v sqlite3 >/dev/null; then
  count_reports() { sqlite3 "$DB" "SELECT count(*) FROM reports;"; }
elif command -v python3 >/dev/null; then
  count_reports() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM reports").fetchone()[0])' "$DB"; }
else
  echo "bench: sqlite3 or python3 is required to count the stored reports" >&2; exit 2
fi

WORK=$(mktemp -d "${BENCH_TMP:-${TMPDIR:-/tmp}}/varna-bench.XXXXXX")
DB=$WORK/varna.db
APP_PID=
cleanup() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ ${KEEP:-0} == 1 ]]; then echo "bench: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== Machine"
echo "date:      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cpu:       $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "memory:    $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
echo "database:  $DB on $(df -T "$WORK" | awk 'NR==2 {print $2 " (" $1 ")"}')"
echo "dotnet:    $(dotnet --version) SDK; wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
echo "os:        $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "load:      $(uptime | sed 's/.*load average: //') (before)"
if [[ $(df -T "$WORK" | awk 'NR==2 {print $2}') == tmpfs ]]; then
  echo "bench: warning: $WORK is on tmpfs, where fsync costs nothing; set BENCH_TMP to a directory on disk." >&2
fi

echo "== Build (Release)"
dotnet publish "$ROOT/src/Varna" -c Release -o "$WORK/app" --nologo -v quiet >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }

# Production-like: Release, no Development features (no developer exception page, no dev
# appsettings), logging at Warning, the database file on disk with the app's own pragmas (WAL,
# synchronous=FULL). "Staging" because Production refuses demo mode, which the seeded accounts need.
export ASPNETCORE_ENVIRONMENT=Staging
export DOTNET_ENVIRONMENT=Staging
export Demo__Enabled=true
export ConnectionStrings__Varna="Data Source=$DB"
export Smtp__PickupDirectory="$WORK/mail"
export Logging__LogLevel__Default=Warning
unset Smtp__Host || true

cd "$WORK/app"
echo "== Database, demo and token"
dotnet Varna.dll migrate >/dev/null
dotnet Varna.dll seed-demo >/dev/null
TOKEN=$(dotnet Varna.dll token create --email "$EMAIL" --name bench | tail -n 1)
[[ $TOKEN == varna_* ]] || { echo "bench: no token from 'token create'" >&2; exit 1; }
export VARNA_TOKEN=$TOKEN

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))
BASE=http://127.0.0.1:$PORT
echo "== App on $BASE"
ASPNETCORE_URLS=$BASE dotnet Varna.dll >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$BASE/health" 2>/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; echo "bench: the app stopped" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$BASE/health" || { echo "bench: the app did not answer /health" >&2; exit 1; }
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"dangerNow":false,"channel":"social_media_public","types":["threat","hate_speech"],"description":"Prov","wish":"request_contact","occurredAt":"2026-11-20"}' \
  "$BASE/api/v1/reports")
[[ $STATUS == 201 ]] || { echo "bench: a single report answered $STATUS, not 201" >&2; exit 1; }

BENCH=$ROOT/bench
WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" --latency)

echo "== Warm-up ($WARMUP each)"
"${WRK[@]}" -d"$WARMUP" "$BASE/health" >/dev/null
"${WRK[@]}" -d"$WARMUP" -s "$BENCH/report.lua" "$BASE/api/v1/reports" >/dev/null

# Pulls "requests/s p50 p99 non2xx socket-errors" out of wrk's output; latencies in ms.
summarise() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { sub(/.*Socket errors: /, ""); errors = $0 }
    END { printf "%s %.2f %.2f %d %s\n", rps, p50, p99, non2xx + 0, (errors == "" ? "none" : errors) }' "$1"
}

echo "== GET /health ($DURATION, $CONNECTIONS connections, $THREADS threads)"
"${WRK[@]}" -d"$DURATION" "$BASE/health" | tee "$WORK/health.txt"
echo "== GET /api/v1/me (token authentication and two reads)"
"${WRK[@]}" -d"$DURATION" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me" | tee "$WORK/me.txt"

BEFORE=$(count_reports)
echo "== POST /api/v1/reports ($DURATION, $CONNECTIONS connections, $THREADS threads)"
"${WRK[@]}" -d"$DURATION" -s "$BENCH/report.lua" "$BASE/api/v1/reports" | tee "$WORK/reports.txt"
CREATED=$(awk '$1 == "status" && $2 == 201 { print $3 }' "$WORK/reports.txt")
CREATED=${CREATED:-0}

# Stop the app before counting, so the count is what is on disk, not what a process still holds.
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
AFTER=$(count_reports)
STORED=$((AFTER - BEFORE))
LOAD_AFTER=$(uptime | sed 's/.*load average: //')

read -r H_RPS H_P50 H_P99 H_NON H_ERR <<<"$(summarise "$WORK/health.txt")"
read -r M_RPS M_P50 M_P99 M_NON M_ERR <<<"$(summarise "$WORK/me.txt")"
read -r R_RPS R_P50 R_P99 R_NON R_ERR <<<"$(summarise "$WORK/reports.txt")"
SECONDS_RUN=$(awk '/requests in/ { sub(/s,?$/, "", $4); print $4 }' "$WORK/reports.txt")
DURABLE_RPS=$(awk -v n="$CREATED" -v s="$SECONDS_RUN" 'BEGIN { printf "%.1f", n / s }')
RATIO=$(awk -v r="$R_RPS" -v h="$H_RPS" 'BEGIN { printf "%.3f", r / h }')

echo
echo "== Summary"
printf '%-22s %10s %9s %9s %8s  %s\n' endpoint "req/s" "p50 ms" "p99 ms" non-2xx "socket errors"
printf '%-22s %10s %9s %9s %8s  %s\n' "GET /health" "$H_RPS" "$H_P50" "$H_P99" "$H_NON" "$H_ERR"
printf '%-22s %10s %9s %9s %8s  %s\n' "GET /api/v1/me" "$M_RPS" "$M_P50" "$M_P99" "$M_NON" "$M_ERR"
printf '%-22s %10s %9s %9s %8s  %s\n' "POST /api/v1/reports" "$R_RPS" "$R_P50" "$R_P99" "$R_NON" "$R_ERR"
echo "statuses (reports):    $(awk '$1 == "status" { printf "%s=%s ", $2, $3 }' "$WORK/reports.txt")"
echo "ratio reports/health:  $RATIO"
echo "201 responses:         $CREATED ($DURABLE_RPS durable reports/s over ${SECONDS_RUN}s)"
echo "rows stored:           $STORED"
echo "load:                  $LOAD_AFTER (after)"

# wrk stops without waiting for the requests still in flight; the app may commit those, so up to
# one per connection can be stored without wrk having counted its 201. Fewer rows than 201s is a bug.
if (( STORED < CREATED )); then
  echo "bench: FAIL: $CREATED reports were answered 201 but only $STORED are stored" >&2; exit 1
elif (( STORED - CREATED > CONNECTIONS )); then
  echo "bench: FAIL: $STORED stored but only $CREATED answered 201 (more than $CONNECTIONS in flight)" >&2; exit 1
fi
echo "durability:            ok (every 201 is a row; $((STORED - CREATED)) more were in flight when wrk stopped)"
PASS=$(awk -v n="$DURABLE_RPS" -v p="$R_P99" -v non="$R_NON" 'BEGIN { print (n >= 400 && p < 50 && non == 0) ? "met" : "missed" }')
echo "target (>= 400 durable reports/s, p99 < 50 ms, at $CONNECTIONS connections): $PASS"
