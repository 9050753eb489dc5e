#!/usr/bin/env bash
# Case handling at volume: an organisation with CASES (default 100,000) cases, most of them closed
# over five years and a share open in every stage (`seed-cases`). Measures, against the real app
# (Release, SQLite on disk), the officer's inbox (/arenden), a typical case page, a heavy case page
# (40 files, 30 messages, 300 timeline lines), GET /api/v1/cases and /health as the baseline; and
# counts the SQL statements each page issues before and after the 100,000 cases are added.
# Usage: bench/cases.sh   (needs dotnet, wrk, curl, python3)
# Settings: CASES=100000 OPEN_SHARE=0.05 DURATION=20s WARMUP=5s CONNECTIONS=2 THREADS=2 KEEP=1 BENCH_TMP=/path
# Two connections on two cores: the latency is the server's own time per page, not a queue behind other users.
set -euo pipefail

CASES=${CASES:-100000}
OPEN_SHARE=${OPEN_SHARE:-0.05}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-2}
THREADS=${THREADS:-2}
EMAIL=sakerhet@demo.varna.se
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v wrk >/dev/null || { echo "bench: wrk is required (Debian: apt-get install wrk)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench: python3 is required" >&2; exit 2; }
BENCH=$ROOT/bench

echo "== Machine"
echo "date:      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cpu:       $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "load:      $(uptime | sed 's/.*load average: //') (before)"

prepare
DEMO_CASE=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT id FROM cases WHERE reference LIKE ? ORDER BY sequence LIMIT 1", ("DEMO-%",)).fetchone()[0])' "$DB")
# EF stores GUIDs in SQLite as upper-case text; URLs take any case.
DEMO_CASE=${DEMO_CASE,,}

sign_in() {
  local jar=$WORK/cookies.txt page token
  rm -f "$jar"
  page=$(curl -s -c "$jar" -b "$jar" "$BASE/konto/logga-in")
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
  [[ -n $token ]] || token=$(grep -o 'name="__RequestVerificationToken"[^>]*' <<<"$page" | grep -o 'value="[^"]*"' | head -1 | sed 's/value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=Demo-2026!" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/konto/logga-in"
  COOKIE=$(awk '!/^#/ && NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 } /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/arenden")
  [[ $status == 200 ]] || { echo "bench: signed-in GET /arenden answered $status" >&2; exit 1; }
}

# Statements per request from EF Core's command log (JSON console with scopes).
count_queries() { # label url...
  local label=$1; shift
  start_app Logging__Console__FormatterName=json Logging__Console__FormatterOptions__IncludeScopes=true \
    Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information
  sign_in
  for url in "$@"; do curl -s -o /dev/null -H "Cookie: $COOKIE" "$BASE$url"; done   # warm-up
  sleep 1; local mark; mark=$(wc -l <"$WORK/app.log")
  for url in "$@"; do curl -s -o /dev/null -H "Cookie: $COOKIE" "$BASE$url"; sleep 0.3; done
  sleep 1
  stop_app
  tail -n +"$((mark + 1))" "$WORK/app.log" | LABEL=$label python3 -c '
import json, os, sys, collections
counts = collections.OrderedDict()
label = os.environ.get("LABEL", "")
for line in sys.stdin:
    if not line.startswith("{"): continue
    e = json.loads(line)
    if e.get("EventId") != 20101: continue
    scope = next((s for s in e.get("Scopes", []) if isinstance(s, dict) and "RequestPath" in s), None)
    if scope: counts[scope["RequestPath"]] = counts.get(scope["RequestPath"], 0) + 1
for path, n in counts.items():
    print(f"queries {label:8s} {n:3d}  {path}")
' | tee -a "$WORK/queries.txt"
}

echo "== SQL statements per page, demo only ($(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM cases").fetchone()[0])' "$DB") cases)"
count_queries before /arenden "/arenden/$DEMO_CASE"

echo "== Adding $CASES cases (open share $OPEN_SHARE)"
SEEDED=$(cd "$WORK/app" && dotnet Varna.dll seed-cases --count "$CASES" --open-share "$OPEN_SHARE")
echo "$SEEDED" | head -1
TYPICAL=$(awk '$1 == "typical" { print $2 }' <<<"$SEEDED")
HEAVY=$(awk '$1 == "heavy" { print $2 }' <<<"$SEEDED")
python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print("cases: %d total, %d open; timeline lines: %d; reports: %d" % (
    c.execute("SELECT count(*) FROM cases").fetchone()[0],
    c.execute("SELECT count(*) FROM cases WHERE status <> 'closed'").fetchone()[0],
    c.execute("SELECT count(*) FROM case_events").fetchone()[0],
    c.execute("SELECT count(*) FROM reports").fetchone()[0]))
PY

echo "== SQL statements per page, after"
count_queries after /arenden "/arenden/$DEMO_CASE" "/arenden/$TYPICAL" "/arenden/$HEAVY"

start_app
sign_in
WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s --latency -s "$BENCH/pages.lua")
run() { # name url [cookie|token]
  local name=$1 url=$2 auth=${3:-}
  local cookie="" token=""
  [[ $auth == cookie ]] && cookie=$COOKIE
  [[ $auth == token ]] && token=$TOKEN
  VARNA_COOKIE=$cookie VARNA_AUTH_TOKEN=$token "${WRK[@]}" -d"$WARMUP" "$BASE$url" >/dev/null
  VARNA_COOKIE=$cookie VARNA_AUTH_TOKEN=$token "${WRK[@]}" -d"$DURATION" "$BASE$url" >"$WORK/$name.txt"
  awk -v name="$name" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 } /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } $1 == "p95" { p95 = $2 }
    $1 == "status" { statuses = statuses $2 "=" $3 " " }
    END { printf "%-16s %9.1f %8.2f %8.2f %8.2f  %s\n", name, rps, p50, p95, p99, statuses }' "$WORK/$name.txt" | tee -a "$WORK/summary.txt"
}
echo "== Load: $DURATION each after $WARMUP warm-up, $CONNECTIONS connections"
printf "%-16s %9s %8s %8s %8s  %s\n" page "req/s" "p50 ms" "p95 ms" "p99 ms" statuses
run health /health
run inbox /arenden cookie
run inbox-page-2 "/arenden?sida=2" cookie
run case-typical "/arenden/$TYPICAL" cookie
run case-heavy "/arenden/$HEAVY" cookie
run api-cases /api/v1/cases token
run api-case-heavy "/api/v1/cases/$HEAVY" token
echo "load:      $(uptime | sed 's/.*load average: //') (after)"
PASS=$(awk '$1 ~ /^(inbox|case-typical|case-heavy)$/ && $4 >= 50 { bad = 1 } END { print bad ? "missed" : "met" }' "$WORK/summary.txt")
echo "target (inbox and case pages p95 < 50 ms): $PASS"
