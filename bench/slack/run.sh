#!/usr/bin/env bash
# ImtBot's POST /api/slack/commands against a minimal Slack Bolt JS app, with the same kind of signed /incident
# declarations (each distinct), C concurrent clients for S seconds each, everything on 127.0.0.1.
# ImtBot acknowledges only after the declaration is committed and fsynced (durable: Storage:Durability, default SyncLog); Bolt acknowledges from memory;
# a third run measures the Slack adapter alone (AdapterOnly: same AddSlack/MapSlack, an in-memory command handler).
# usage: bench/slack/run.sh [concurrency=64] [seconds=15]        (ROOT=/path/to/checkout to bench another tree)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${ROOT:-$(cd "$here/../.." && pwd)}
concurrency=${1:-64}
seconds=${2:-15}
export SLACK_SIGNING_SECRET=bench-signing-secret-0123456789abcdef
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() { # wait_for NAME CMD...: up to 60 s
  local name=$1; shift
  for _ in $(seq 1 120); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$name did not start" >&2; [ -f "$work/imtbot.log" ] && tail -20 "$work/imtbot.log" >&2; exit 1
}

[ -d "$here/node_modules" ] || (cd "$here" && npm ci --silent --no-audit --no-fund)
dotnet build "$root/src/ImtBot" -c Release -o "$work/imtbot" --nologo -v q >/dev/null
dotnet build "$here/AdapterOnly" -c Release -o "$work/adapter" --nologo -v q >/dev/null

PORT=3200 node "$here/slack-stub.mjs" & pids+=($!)
PORT=3100 node "$here/bolt-app.mjs" >/dev/null & pids+=($!)
cd "$work"
ASPNETCORE_URLS=http://127.0.0.1:5181 Storage__Path="$work/bench.db" Slack__BotToken=xoxb-bench \
  Slack__SigningSecret="$SLACK_SIGNING_SECRET" Slack__ApiBaseUrl=http://127.0.0.1:3200/api/ \
  RateLimits__WebhooksPerMinute=100000 Logging__LogLevel__Default=Warning dotnet "$work/imtbot/ImtBot.dll" >"$work/imtbot.log" 2>&1 & pids+=($!)

ASPNETCORE_URLS=http://127.0.0.1:5182 Slack__BotToken=xoxb-bench Slack__SigningSecret="$SLACK_SIGNING_SECRET" \
  dotnet "$work/adapter/AdapterOnly.dll" >"$work/adapter.log" 2>&1 & pids+=($!)

wait_for "ImtBot" curl -fs http://127.0.0.1:5181/healthz
wait_for "the adapter-only host" sh -c '[ "$(curl -s -o /dev/null -w "%{http_code}" -X POST http://127.0.0.1:5182/api/slack/commands)" = 401 ]'
wait_for "Bolt" sh -c '[ "$(curl -s -o /dev/null -w "%{http_code}" -X POST http://127.0.0.1:3100/slack/events)" != 000 ]'

echo "concurrency $concurrency, $seconds s each"
imtbot=$(node "$here/load.mjs" http://127.0.0.1:5181/api/slack/commands "$concurrency" "$seconds")
echo "imtbot $imtbot"
bolt=$(node "$here/load.mjs" http://127.0.0.1:3100/slack/events "$concurrency" "$seconds")
echo "bolt   $bolt"
adapter=$(node "$here/load.mjs" http://127.0.0.1:5182/api/slack/commands "$concurrency" "$seconds")
echo "adapter-only $adapter"
node -e '
const [a, b, c] = process.argv.slice(1).map(JSON.parse);
const line = (name, r) => `${name}: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, ${(r.rps / b.rps).toFixed(2)}x Bolt`;
console.log(line("ImtBot (durable)", a)); console.log(line("Bolt JS (memory)", b)); console.log(line("Slack adapter only (memory)", c));
' "$imtbot" "$bolt" "$adapter"
