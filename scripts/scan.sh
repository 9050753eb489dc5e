#!/usr/bin/env bash
# External scanners against the running demo (issue 6): Debian's wapiti and sqlmap.
#
# What it does
#   1. Builds src/Varna (Release) and starts it on a free port in 5200-5299 (127.0.0.1, plain HTTP)
#      with a throwaway SQLite database, a fresh master key, demo mode (seeded accounts and cases),
#      mail to a pickup directory, environment "Staging" (no developer pages), and the rate limits
#      lifted: the scanners are one client sending thousands of requests (RateLimitTests cover the limiter).
#   2. Signs in with curl as the demo representative, security officer, admin and data protection
#      officer (GET /konto/logga-in, antiforgery token + cookie, POST the form) and makes personal
#      API tokens for the officer and the representative with the app's CLI (`token create`).
#   3. wapiti (crawl, then its attack modules) anonymously, as the representative and as the officer.
#      Sign-out and token revocation are excluded, so the session and the API token survive.
#      The ssrf/xxe modules need wapiti's Internet endpoint and are not run (no Internet here).
#   4. sqlmap, at the same time as wapiti (the app serves both): crawled forms (--forms, --crawl=2 anonymously, 3 signed in)
#      anonymously, as the representative and as the officer; the GET filters of the officer inbox,
#      the admin's representative search and the DPO's audit log search; and the API with a Bearer
#      token (case list filters, notes, report submission, a representative by id).
#   5. Writes the reports and SUMMARY.txt (findings, HTTP requests the app served by status, 5xx
#      answers, errors in the app log, what wapiti crawled) to the output directory, and stops the app (trap).
#
# Usage:  scripts/scan.sh [output-dir]        (default: scan-results/, ignored by git)
# Needs:  dotnet, curl, python3, wapiti and sqlmap (Debian: apt-get install wapiti sqlmap).
#         Neither tool updates itself or needs the Internet as called here.
# Time:   about 13 minutes of scanning plus the build and start; 32 minutes in all on a 2-core machine at load 60.
#         Every scanner step has its own time limit.
# Settings (environment): SCAN_TMP=/path (throwaway directory; default $TMPDIR or /tmp), KEEP=1
#                         (keep it), SCAN_QUICK=1 (short limits, to try the script itself).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$(mkdir -p "${1:-$ROOT/scan-results}" && cd "${1:-$ROOT/scan-results}" && pwd)
PASSWORD='Demo-2026!'                     # DemoRegistration.Password
REPRESENTATIVE=fortroendevald@demo.varna.se
OFFICER=sakerhet@demo.varna.se
ADMIN=admin@demo.varna.se
DPO=dso@demo.varna.se

for tool in dotnet curl python3 wapiti sqlmap timeout; do
  command -v "$tool" >/dev/null || { echo "scan: $tool is required (Debian: apt-get install wapiti sqlmap)" >&2; exit 2; }
done

if [[ ${SCAN_QUICK:-0} == 1 ]]; then
  W_CRAWL=(10 15 15); W_ATTACK=(3 3 3); S_FORMS=(30 30 30); S_GET=20; S_API=20
else
  # wapiti: crawl seconds and seconds per attack module for anonymous, representative, officer.
  W_CRAWL=(45 90 120); W_ATTACK=(10 20 25)
  # sqlmap: seconds for the forms run of anonymous, representative, officer; each GET target; each API target.
  S_FORMS=(120 180 240); S_GET=60; S_API=60
fi

WORK=$(mktemp -d "${SCAN_TMP:-${TMPDIR:-/tmp}}/varna-scan.XXXXXX")
APP_PID=
JOBS=()
stop_all() {
  local pid
  for pid in "${JOBS[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ ${KEEP:-0} == 1 ]]; then echo "scan: kept $WORK"; else rm -rf "$WORK"; fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

STARTED=$(date +%s)
log() { printf '[%s +%4ss] %s\n' "$(date -u +%H:%M:%S)" "$(( $(date +%s) - STARTED ))" "$*" | tee -a "$OUT/scan.log"; }
rm -rf "${OUT:?}"/{wapiti,sqlmap} "$OUT/scan.log" "$OUT/SUMMARY.txt" "$OUT/app.log"
mkdir -p "$OUT/wapiti" "$OUT/sqlmap"

log "wapiti $(wapiti --version 2>/dev/null | tail -1 | awk '{print $NF}'), sqlmap $(sqlmap --version 2>/dev/null | head -1), dotnet $(dotnet --version)"
log "build (Release)"
dotnet build "$ROOT/src/Varna" -c Release --nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
APP=$ROOT/src/Varna/bin/Release/net10.0

export ASPNETCORE_ENVIRONMENT=Staging DOTNET_ENVIRONMENT=Staging
export Demo__Enabled=true
export ConnectionStrings__Varna="Data Source=$WORK/varna.db"
export Smtp__PickupDirectory="$WORK/mail"
export Logging__LogLevel__Default=Warning
unset Smtp__Host || true
VARNA_MASTER_KEY=$(cd "$APP" && dotnet Varna.dll keys new-master | tail -n 1)
export VARNA_MASTER_KEY
for limit in SignIn SignInPerEmail Reports Evidence Anonymous Health; do
  export "RateLimits__${limit}__PermitLimit=1000000000"
done

log "database, demo data and API tokens"
(cd "$APP" && dotnet Varna.dll migrate >/dev/null && dotnet Varna.dll seed-demo >/dev/null)
OFFICER_TOKEN=$(cd "$APP" && dotnet Varna.dll token create --email "$OFFICER" --name scan | tail -n 1)
REP_TOKEN=$(cd "$APP" && dotnet Varna.dll token create --email "$REPRESENTATIVE" --name scan | tail -n 1)
[[ $OFFICER_TOKEN == varna_* && $REP_TOKEN == varna_* ]] || { echo "scan: no token from 'token create'" >&2; exit 1; }

PORT=
for candidate in $(shuf -i 5200-5299); do
  if python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' "$candidate" 2>/dev/null; then
    PORT=$candidate; break
  fi
done
[[ -n $PORT ]] || { echo "scan: no free port in 5200-5299" >&2; exit 1; }
BASE=http://127.0.0.1:$PORT
# Request lines in the app log ("Request finished ... - 200") count what each scanner sent.
(cd "$APP" && exec env ASPNETCORE_URLS="$BASE" \
  "Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information" dotnet Varna.dll) >"$OUT/app.log" 2>&1 &
APP_PID=$!
log "app on $BASE (pid $APP_PID)"
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null "$BASE/health" 2>/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/app.log" >&2; echo "scan: the app stopped" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$BASE/health" || { echo "scan: the app did not answer /health" >&2; exit 1; }

# sign_in EMAIL NAME: signs in like a browser; writes $WORK/NAME.jar (curl), NAME.cookie (header value)
# and NAME.json (wapiti's cookie file).
sign_in() {
  local email=$1 name=$2 jar=$WORK/$2.jar token status
  token=$(curl -fsS -c "$jar" "$BASE/konto/logga-in" \
    | python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
  status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" "$BASE/konto/logga-in" \
    --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token")
  [[ $status == 302 ]] || { echo "scan: signing in as $email answered $status" >&2; exit 1; }
  python3 - "$jar" "$WORK/$name" <<'PY'
import json, sys
jar, out = sys.argv[1], sys.argv[2]
cookies = {}
for line in open(jar):
    if line.startswith("#HttpOnly_"): line = line[len("#HttpOnly_"):]
    elif line.startswith("#") or not line.strip(): continue
    domain, _, path, secure, expires, name, value = line.rstrip("\n").split("\t")
    cookies[name] = (domain, path, value)
if "varna.auth" not in cookies: sys.exit("scan: no varna.auth cookie after sign-in")
open(out + ".cookie", "w").write("; ".join(f"{n}={v[2]}" for n, v in cookies.items()))
wapiti = {}
for n, (domain, path, value) in cookies.items():
    wapiti.setdefault(domain, {}).setdefault(path, {})[n] = {"value": value, "expires": None, "secure": False, "port": None, "version": 0}
json.dump(wapiti, open(out + ".json", "w"), indent=2)
PY
  # The session works: /konto answers 200 rather than a redirect to the sign-in page.
  [[ $(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $(cat "$WORK/$name.cookie")" "$BASE/konto") == 200 ]] \
    || { echo "scan: the session of $email does not work" >&2; exit 1; }
}
log "sign in: representative, officer, admin, data protection officer"
sign_in "$REPRESENTATIVE" representative
sign_in "$OFFICER" officer
sign_in "$ADMIN" admin
sign_in "$DPO" dpo

# Ids for the API targets.
json_first_id() { python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("items", d) if isinstance(d, dict) else d; print(d[0]["id"])'; }
CASE_ID=$(curl -fsS -H "Authorization: Bearer $OFFICER_TOKEN" "$BASE/api/v1/cases" | json_first_id)
REPRESENTATIVE_ID=$(curl -fsS -H "Authorization: Bearer $OFFICER_TOKEN" "$BASE/api/v1/representatives" | json_first_id)

requests_served() { grep -c 'Request finished' "$OUT/app.log" || true; }
phase() { # phase NAME COMMAND...: runs one scanner step (output in NAME.out) and notes its time
  local name=$1 t0 rc=0
  shift
  t0=$(date +%s)
  log "start $name"
  "$@" >"$OUT/$name.out" 2>&1 || rc=$?
  log "done  $name: exit $rc, $(( $(date +%s) - t0 )) s (the app has served $(requests_served) requests so far)"
}

EXCLUDE_WAPITI=(-x "$BASE/konto/logga-ut*" -x "$BASE/konto/api-nycklar*handler=Revoke*")
# common = blindsql cookieflags csp exec file http_headers permanentxss redirect sql ssrf xss; ssrf needs the Internet.
WAPITI_MODULES=common,-ssrf,csrf,crlf,methods,htaccess
# Debian's wapiti 3.0.4 builds its exclusion regex as "...\Z(?ms)", which Python 3.11 refuses ("global flags not at
# the start"), so any -x stops wapiti at once. WAPITI runs it with that one function corrected, with the Python
# of its own #! line (the one wapitiCore is installed for).
WAPITI=("$(head -1 "$(command -v wapiti)" | sed 's/^#! *//')" -c '
import re, sys
import wapitiCore.net.crawler as crawler
from wapitiCore.main.wapiti import wapiti_main
crawler.wildcard_translate = lambda pattern: re.compile(
    "(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())')
wapiti_run() { # wapiti_run NAME INDEX [cookie file]
  local name=$1 i=$2 cookie=() rc=0
  # Signed out, / only redirects to the sign-in page, which wapiti does not follow: start on the anonymous pages.
  [[ -n ${3:-} ]] && cookie=(-c "$3") || cookie=(-s "$BASE/konto/logga-in" -s "$BASE/konto/valj-losenord")
  timeout --kill-after=30 $(( W_CRAWL[i] + 14 * W_ATTACK[i] + 120 )) \
    "${WAPITI[@]}" -u "$BASE/" --scope folder "${cookie[@]}" "${EXCLUDE_WAPITI[@]}" -m "$WAPITI_MODULES" \
      --flush-session --store-session "$WORK/wapiti-$name" --max-scan-time "${W_CRAWL[i]}" --max-attack-time "${W_ATTACK[i]}" \
      --max-links-per-page 30 --max-files-per-dir 15 -d 4 -t 10 --no-bugreport -v 1 \
      -f json -o "$OUT/wapiti/$name.json" || rc=$?
  # What the crawler found (pages and forms), from wapiti's session database.
  "${WAPITI[0]}" - "$WORK/wapiti-$name" >"$OUT/wapiti/$name.crawled" <<'PY2' || true
import glob, sqlite3, sys
for db in glob.glob(sys.argv[1] + "/*.db"):
    c = sqlite3.connect(db)
    pages, forms = (c.execute(f"SELECT count(*) FROM paths WHERE evil=0 AND {w}").fetchone()[0] for w in ("method='GET'", "method!='GET'"))
    payloads = c.execute("SELECT count(*) FROM paths WHERE evil=1").fetchone()[0]
    print(f"crawled: {pages} GET resources and {forms} forms; findings stored: {payloads}")
PY2
  return $rc
}

SQLMAP_COMMON=(--batch --disable-coloring --dbms=SQLite --level=2 --risk=1 --timeout=15 --retries=1 --threads=2)
sqlmap_forms() { # sqlmap_forms NAME SECONDS DEPTH [cookie header]
  # Depth 3 when signed in: the forms of a case or report page are three links from the start page.
  local name=$1 seconds=$2 depth=$3 cookie=()
  [[ -n ${4:-} ]] && cookie=(--cookie "$4" --drop-set-cookie)
  timeout --kill-after=15 "$seconds" sqlmap -u "$BASE/" --forms --crawl="$depth" --crawl-exclude 'logga-ut|handler=Revoke' \
    "${cookie[@]}" --smart --skip=__RequestVerificationToken "${SQLMAP_COMMON[@]}" --output-dir "$OUT/sqlmap/$name"
}
sqlmap_get() { # the GET filters of the officer's inbox, the admin's search and the DPO's audit log, each signed in
  local rc=0
  timeout "$S_GET" sqlmap -u "$BASE/arenden?status=new&oro=high&handlaggare=me&forsenade=true&typ=threat&sida=1" \
    --cookie "$(cat "$WORK/officer.cookie")" --drop-set-cookie "${SQLMAP_COMMON[@]}" --output-dir "$OUT/sqlmap/get" || rc=$?
  timeout "$S_GET" sqlmap -u "$BASE/admin/fortroendevalda?q=Anna&organ=&aktuella=true" \
    --cookie "$(cat "$WORK/admin.cookie")" --drop-set-cookie "${SQLMAP_COMMON[@]}" --output-dir "$OUT/sqlmap/get" || rc=$?
  timeout "$S_GET" sqlmap -u "$BASE/dataskydd/logg?person=&epost=a%40b.se&arende=DEMO-2026-0001&fran=2026-01-01&till=2026-12-31&handelse=&sida=1" \
    --cookie "$(cat "$WORK/dpo.cookie")" --drop-set-cookie "${SQLMAP_COMMON[@]}" --output-dir "$OUT/sqlmap/get" || rc=$?
  return $rc
}
sqlmap_api() { # Bearer token; JSON bodies are detected by sqlmap, '*' marks a path position
  local officer=(-H "Authorization: Bearer $OFFICER_TOKEN") rep=(-H "Authorization: Bearer $REP_TOKEN") rc=0
  timeout "$S_API" sqlmap -u "$BASE/api/v1/cases?status=new&concern=high&assignee=me&overdue=true&type=threat&page=1" \
    "${officer[@]}" "${SQLMAP_COMMON[@]}" --output-dir "$OUT/sqlmap/api" || rc=$?
  timeout "$S_API" sqlmap -u "$BASE/api/v1/cases/$CASE_ID/notes" --data '{"text":"Ringde upp."}' \
    "${officer[@]}" "${SQLMAP_COMMON[@]}" --output-dir "$OUT/sqlmap/api" || rc=$?
  timeout "$S_API" sqlmap -u "$BASE/api/v1/reports" \
    --data '{"dangerNow":false,"channel":"email","types":["threat"],"description":"Ett hot.","wish":"request_contact","occurredAt":"2026-11-20"}' \
    "${rep[@]}" "${SQLMAP_COMMON[@]}" --output-dir "$OUT/sqlmap/api" || rc=$?
  timeout "$S_API" sqlmap -u "$BASE/api/v1/representatives/$REPRESENTATIVE_ID*" \
    "${officer[@]}" "${SQLMAP_COMMON[@]}" --output-dir "$OUT/sqlmap/api" || rc=$?
  return $rc
}

# Two lanes at once: wapiti's and sqlmap's. Each lane runs its steps one after the other.
# Job control gives each lane its own process group, so the trap can stop a lane with its scanner.
set -m
(
  phase wapiti-anonymous wapiti_run anonymous 0
  phase wapiti-representative wapiti_run representative 1 "$WORK/representative.json"
  phase wapiti-officer wapiti_run officer 2 "$WORK/officer.json"
) &
JOBS+=($!)
(
  phase sqlmap-anonymous sqlmap_forms anonymous "${S_FORMS[0]}" 2
  phase sqlmap-representative sqlmap_forms representative "${S_FORMS[1]}" 3 "$(cat "$WORK/representative.cookie")"
  phase sqlmap-officer sqlmap_forms officer "${S_FORMS[2]}" 3 "$(cat "$WORK/officer.cookie")"
  phase sqlmap-get sqlmap_get
  phase sqlmap-api sqlmap_api
) &
JOBS+=($!)
wait "${JOBS[@]}" || true
JOBS=()
set +m

# The sessions were still valid at the end (nothing the scanners did signed them out).
for name in representative officer; do
  log "session of $name at the end: $(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $(cat "$WORK/$name.cookie")" "$BASE/konto")"
done
log "API token at the end: $(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $OFFICER_TOKEN" "$BASE/api/v1/me")"
kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=

python3 - "$OUT" "$(( $(date +%s) - STARTED ))" <<'PY' | tee "$OUT/SUMMARY.txt"
import glob, json, os, re, sys, collections
out, seconds = sys.argv[1], int(sys.argv[2])
print(f"Scan finished in {seconds // 60} min {seconds % 60} s")
app = open(os.path.join(out, "app.log"), errors="replace").read()
finished = re.findall(r"Request finished HTTP/[\d.]+ (\w+) (.*?) - (\d{3})", app)
print(f"\nHTTP requests the app served: {len(finished)}")
print("  by status: " + ", ".join(f"{s}: {n}" for s, n in sorted(collections.Counter(s for _, _, s in finished).items())))
five = [f"{m} {u} -> {s}" for m, u, s in finished if s.startswith("5")]
print(f"  5xx answers: {len(five)}")
for line in sorted(set(five))[:30]: print("    " + line)
fails = re.findall(r"^fail: (.*)$", app, re.M)
print(f"  errors in the app log: {len(fails)}")
for line, n in collections.Counter(fails).most_common(10): print(f"    {n} x {line}")

print("\nwapiti (vulnerabilities and anomalies per module; details in wapiti/*.json)")
for path in sorted(glob.glob(os.path.join(out, "wapiti", "*.json"))):
    report = json.load(open(path))
    name = os.path.basename(path)[:-5]
    crawled = os.path.join(out, "wapiti", name + ".crawled")
    print(f"  {name}: " + (open(crawled).read().strip() if os.path.exists(crawled) else ""))
    for section in ("vulnerabilities", "anomalies", "additionals"):
        for category, items in report.get(section, {}).items():
            if not items: continue
            print(f"    [{ {'vulnerabilities': 'vulnerability', 'anomalies': 'anomaly', 'additionals': 'info'}[section] }] {category}: {len(items)}")
            for item in items[:6]:
                where = f"{item.get('method','')} {item.get('path','')}"
                info = (item.get('info') or '').replace("\n", " ")[:140]
                print(f"       - {where} {item.get('parameter','')}: {info}")
print("\nsqlmap")
for path in sorted(glob.glob(os.path.join(out, "sqlmap-*.out"))):
    text = open(path, errors="replace").read()
    targets = len(re.findall(r"^\[\d+/\d+\] (?:Form|URL):", text, re.M)) or len(re.findall(r"testing connection to the target URL", text))
    tested_all = len(re.findall(r"heuristic \(basic\) test shows that .{0,30}parameter '[^']+'", text))
    vulnerable = re.findall(r"^(?:GET|POST|URI|JSON|\(custom\) POST) parameter '[^']+' is vulnerable.*$|^.* parameter '[^']+' is '[^']+' injectable.*$", text, re.M)
    criticals = sorted(set(re.findall(r"\[CRITICAL\] (.*)", text)))
    print(f"  {os.path.basename(path)[:-4]}: {targets} targets (forms or URLs), {tested_all} parameters tested, injectable: {len(vulnerable)}")
    for v in vulnerable[:10]: print("    ! " + v)
    for c in criticals[:8]: print("    critical: " + c[:160])
PY
log "reports in $OUT"
