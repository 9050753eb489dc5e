#!/usr/bin/env bash
# Where a request's time goes: starts the same app as bench/run.sh with EF Core's command log on
# (JSON, with the request's scope), sends GET /health, GET /api/v1/me and POST /api/v1/reports a
# few times each, and prints per request the SQL statements, their summed time, transactions, and
# what the background notification worker ran in between.
# Usage: bench/queries.sh   (needs dotnet, curl, python3)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
prepare
start_app \
  Logging__Console__FormatterName=json \
  Logging__Console__FormatterOptions__IncludeScopes=true \
  Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information \
  Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Transaction=Debug
# Warm up every path once, then measure a few of each.
curl -s -o /dev/null "$BASE/health"
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me"
post_report >/dev/null
sleep 1
: >"$WORK/app.log.mark"; MARK=$(wc -l <"$WORK/app.log")
for _ in 1 2 3; do
  curl -s -o /dev/null -w 'GET /health %{http_code} %{time_total}s\n' "$BASE/health"
  curl -s -o /dev/null -w 'GET /api/v1/me %{http_code} %{time_total}s\n' -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me"
  curl -s -o /dev/null -w 'POST /api/v1/reports %{http_code} %{time_total}s\n' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "$REPORT_JSON" "$BASE/api/v1/reports"
  sleep 0.5
done
sleep 1
stop_app
tail -n +"$((MARK + 1))" "$WORK/app.log" | python3 -c '
import json, sys, collections
requests = collections.OrderedDict()
for line in sys.stdin:
    line = line.strip()
    if not line.startswith("{"): continue
    entry = json.loads(line)
    scope = next((s for s in entry.get("Scopes", []) if isinstance(s, dict) and "RequestId" in s), None)
    key = (scope["RequestId"], scope["RequestPath"]) if scope else ("(background)", "notification worker")
    state = entry.get("State", {})
    r = requests.setdefault(key, {"sql": [], "tx": []})
    if entry.get("EventId") == 20101:
        r["sql"].append((float(state.get("elapsed", 0)), " ".join(state.get("commandText", "").split())))
    elif "Transaction" in entry.get("Category", ""):
        r["tx"].append(entry.get("Message", "").split(".")[0])
for (rid, path), r in requests.items():
    total = sum(e for e, _ in r["sql"])
    sql, tx = r["sql"], r["tx"]
    print(f"\n{path} [{rid}]: {len(sql)} statements, {total:.0f} ms summed (EF rounds to whole ms); transaction events: {tx}")
    for elapsed, sql in r["sql"]:
        print(f"  {elapsed:4.0f} ms  {sql[:150]}")
'
