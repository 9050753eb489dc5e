# Shared by bench/run.sh and bench/queries.sh: build, a throwaway database, the demo, a token, the app.
# Source it after `set -euo pipefail`; it defines ROOT, WORK, DB, TOKEN, BASE and APP_PID.

EMAIL=${EMAIL:-fortroendevald@demo.varna.se}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPORT_JSON='{"dangerNow":false,"channel":"social_media_public","types":["threat","hate_speech"],"description":"Ett konto skrev att man vet var jag bor.","wish":"request_contact","occurredAt":"2026-11-20"}'

for tool in dotnet curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 2; }
done

WORK=$(mktemp -d "${BENCH_TMP:-${TMPDIR:-/tmp}}/varna-bench.XXXXXX")
DB=$WORK/varna.db
APP_PID=

stop_app() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
cleanup() {
  stop_app
  if [[ ${KEEP:-0} == 1 ]]; then echo "bench: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Production-like: Release, no Development features (no developer exception page, no dev
# appsettings), logging at Warning, the database file on disk with the app's own pragmas (WAL,
# synchronous=FULL). "Staging" because Production refuses demo mode, which the seeded accounts need.
prepare() {
  echo "== Build (Release)"
  dotnet publish "$ROOT/src/Varna" -c Release -o "$WORK/app" --nologo -v quiet >"$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log" >&2; exit 1; }
  export ASPNETCORE_ENVIRONMENT=Staging
  export DOTNET_ENVIRONMENT=Staging
  export Demo__Enabled=true
  export ConnectionStrings__Varna="Data Source=$DB"
  export Smtp__PickupDirectory="$WORK/mail"
  export Logging__LogLevel__Default=Warning
  unset Smtp__Host || true
  # One client sends thousands of requests a second: the rate limits would answer most with 429.
  # The benchmark measures the pages, so the limits are lifted (RateLimitTests cover the limiter).
  local limit
  for limit in SignIn SignInPerEmail Reports Evidence Anonymous Health; do
    export "RateLimits__${limit}__PermitLimit=1000000000"
  done

  echo "== Database, demo and token"
  (cd "$WORK/app" && dotnet Varna.dll migrate >/dev/null && dotnet Varna.dll seed-demo >/dev/null)
  TOKEN=$(cd "$WORK/app" && dotnet Varna.dll token create --email "$EMAIL" --name bench | tail -n 1)
  [[ $TOKEN == varna_* ]] || { echo "bench: no token from 'token create'" >&2; exit 1; }
  export VARNA_TOKEN=$TOKEN
}

# start_app [NAME=VALUE ...]: extra environment for the app only (names may contain dots).
start_app() {
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000)))
  BASE=http://127.0.0.1:$port
  echo "== App on $BASE"
  (cd "$WORK/app" && exec env "$@" ASPNETCORE_URLS="$BASE" dotnet Varna.dll) >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$BASE/health" 2>/dev/null && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; echo "bench: the app stopped" >&2; exit 1; }
    sleep 0.5
  done
  curl -fsS -o /dev/null "$BASE/health" || { echo "bench: the app did not answer /health" >&2; exit 1; }
}

post_report() {
  curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "$REPORT_JSON" "$BASE/api/v1/reports"
}
