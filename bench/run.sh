#!/usr/bin/env bash
# Load run of POST /api/v1/reports against the real app (Release, SQLite on disk, a personal token).
# Prints requests/s, p50/p99 latency and non-2xx counts for GET /health, GET /api/v1/me and
# POST /api/v1/reports, the ratio reports/health, and checks that every 201 is a row on disk.
# Usage: bench/run.sh            (from anywhere in a clone; needs dotnet, wrk, curl and sqlite3 or python3)
# Settings (environment): DURATION=30s WARMUP=10s CONNECTIONS=16 THREADS=2 KEEP=1 (keep the temp dir)
#                         TRACE=1 (sample thread stacks with dotnet-trace during the POST phase; prints the top methods)
#                         COUNTERS=1 (record dotnet-counters during the POST phase; needs the dotnet-counters tool)
#                         BENCH_TMP=/path (where the database goes; default $TMPDIR or /tmp)
# Results are described in docs/benchmarks.md.
set -euo pipefail

DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v wrk >/dev/null || { echo "bench: wrk is required (Debian: apt-get install wrk)" >&2; exit 2; }
if command -v sqlite3 >/dev/null; then
  count_reports() { sqlite3 "$DB" "SELECT count(*) FROM reports;"; }
elif command -v python3 >/dev/null; then
  count_reports() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM reports").fetchone()[0])' "$DB"; }
else
  echo "bench: sqlite3 or python3 is required to count the stored reports" >&2; exit 2
fi

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

prepare
start_app
STATUS=$(post_report)
[[ $STATUS == 201 ]] || { echo "bench: a single report answered $STATUS, not 201" >&2; exit 1; }

BENCH=$ROOT/bench
# A 10 s timeout so that slow answers are measured, not dropped from the percentiles as wrk's 2 s default would.
WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s --latency)

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

# CPU time the app process used (user + system), in ms: divided by the requests of a phase it gives the
# cost of one request, which depends much less than requests/s on what else the machine is doing.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d\n", ($14 + $15) * 1000 / hz }' "/proc/$APP_PID/stat"; }

C0=$(cpu_ms)
echo "== GET /health ($DURATION, $CONNECTIONS connections, $THREADS threads)"
"${WRK[@]}" -d"$DURATION" "$BASE/health" | tee "$WORK/health.txt"
C1=$(cpu_ms)
echo "== GET /api/v1/me (token authentication and two reads)"
"${WRK[@]}" -d"$DURATION" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me" | tee "$WORK/me.txt"

C2=$(cpu_ms)
BEFORE=$(count_reports)
echo "== POST /api/v1/reports ($DURATION, $CONNECTIONS connections, $THREADS threads)"
COUNTERS_PID=
if [[ ${COUNTERS:-0} == 1 ]]; then
  SECS=$(awk -v d="$DURATION" 'BEGIN { n = d + 0; if (d ~ /m$/) n *= 60; printf "00:00:%02d:%02d", int(n / 60), n % 60 }')
  PATH=$PATH:$HOME/.dotnet/tools dotnet-counters collect -p "$APP_PID" --format csv -o "$WORK/counters.csv" --duration "$SECS" \
    --counters System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft.AspNetCore.Server.Kestrel >/dev/null 2>&1 &
  COUNTERS_PID=$!
fi
TRACE_PID=
if [[ ${TRACE:-0} == 1 ]]; then
  SECS=$(awk -v d="$DURATION" 'BEGIN { n = d + 0; if (d ~ /m$/) n *= 60; printf "00:00:%02d:%02d", int(n / 60), n % 60 }')
  PATH=$PATH:$HOME/.dotnet/tools dotnet-trace collect -p "$APP_PID" --profile dotnet-sampled-thread-time \
    --duration "$SECS" -o "$WORK/reports.nettrace" >/dev/null 2>&1 &
  TRACE_PID=$!
fi
"${WRK[@]}" -d"$DURATION" -s "$BENCH/report.lua" "$BASE/api/v1/reports" | tee "$WORK/reports.txt"
if [[ -n $TRACE_PID ]]; then
  wait "$TRACE_PID" 2>/dev/null || true
  echo "== dotnet-trace: methods longest on the stack during the POST phase (inclusive, all threads)"
  PATH=$PATH:$HOME/.dotnet/tools dotnet-trace report "$WORK/reports.nettrace" topN -n 40 --inclusive || true
fi
if [[ -n $COUNTERS_PID ]]; then
  wait "$COUNTERS_PID" 2>/dev/null || true
  echo "== dotnet-counters during the POST phase (mean of the 1 s samples, max)"
  python3 - "$WORK/counters.csv" <<'PY'
import csv, sys, collections
values = collections.defaultdict(list)
with open(sys.argv[1]) as f:
    for row in csv.DictReader(f):
        try: values[row["Counter Name"]].append(float(row["Mean/Increment"]))
        except (KeyError, ValueError): pass
for name, v in sorted(values.items()):
    if any(k in name for k in ("thread_pool", "cpu", "lock_contention", "working_set", "gc.collections", "current_requests", "active_connections", "exception")):
        print(f"  {name:70s} mean {sum(v)/len(v):10.2f}  max {max(v):10.2f}")
PY
fi
C3=$(cpu_ms)
CREATED=$(awk '$1 == "status" && $2 == 201 { print $3 }' "$WORK/reports.txt")
CREATED=${CREATED:-0}

# Stop the app before counting, so the count is what is on disk, not what a process still holds.
stop_app
AFTER=$(count_reports)
STORED=$((AFTER - BEFORE))
LOAD_AFTER=$(uptime | sed 's/.*load average: //')

read -r H_RPS H_P50 H_P99 H_NON H_ERR <<<"$(summarise "$WORK/health.txt")"
read -r M_RPS M_P50 M_P99 M_NON M_ERR <<<"$(summarise "$WORK/me.txt")"
read -r R_RPS R_P50 R_P99 R_NON R_ERR <<<"$(summarise "$WORK/reports.txt")"
requests() { awk '/requests in/ { print $1 }' "$1"; }
per_request() { awk -v ms="$1" -v n="$2" 'BEGIN { printf "%.2f", (n > 0 ? ms / n : 0) }'; }
H_CPU=$(per_request $((C1 - C0)) "$(requests "$WORK/health.txt")")
M_CPU=$(per_request $((C2 - C1)) "$(requests "$WORK/me.txt")")
R_CPU=$(per_request $((C3 - C2)) "$(requests "$WORK/reports.txt")")
SECONDS_RUN=$(awk '/requests in/ { sub(/s,?$/, "", $4); print $4 }' "$WORK/reports.txt")
DURABLE_RPS=$(awk -v n="$CREATED" -v s="$SECONDS_RUN" 'BEGIN { printf "%.1f", n / s }')
RATIO=$(awk -v r="$R_RPS" -v h="$H_RPS" 'BEGIN { printf "%.3f", r / h }')

echo
echo "== Summary"
F='%-22s %10s %9s %9s %8s %12s  %s\n'
printf "$F" endpoint "req/s" "p50 ms" "p99 ms" non-2xx "CPU ms/req" "socket errors"
printf "$F" "GET /health" "$H_RPS" "$H_P50" "$H_P99" "$H_NON" "$H_CPU" "$H_ERR"
printf "$F" "GET /api/v1/me" "$M_RPS" "$M_P50" "$M_P99" "$M_NON" "$M_CPU" "$M_ERR"
printf "$F" "POST /api/v1/reports" "$R_RPS" "$R_P50" "$R_P99" "$R_NON" "$R_CPU" "$R_ERR"
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
