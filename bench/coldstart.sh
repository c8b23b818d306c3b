#!/usr/bin/env bash
# Cold start: process start → /healthz 200 (ms) for ImtBot on LiteDB (a new database each time) against process start →
# first HTTP answer for the minimal Bolt JS app, then the throughput of the first FIRST seconds of durable
# declarations after that (no warm-up) against the steady state (the next STEADY seconds). R reps of each variant,
# interleaved; the median of each column. Variants (VARIANTS="…" picks some):
#   build       `dotnet build -c Release` output, as `dotnet run` starts it
#   r2r         `dotnet publish -c Release -r linux-x64 -p:PublishReadyToRun=true` (precompiled: less JIT at start)
#   nopgo       build, DOTNET_TieredPGO=0          (no instrumented tier: reaches optimised code sooner)
#   r2r-nopgo   r2r, DOTNET_TieredPGO=0
#   notiered    build, DOTNET_TieredCompilation=0  (everything fully optimised at first call)
#   bolt        node bolt-app.mjs
# usage: bench/coldstart.sh [reps=3] [concurrency=64] [first=10] [steady=15]   (BUILD_DIR=… R2R_DIR=…: skip the builds)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
slack="$here/slack"
root=${ROOT:-$(cd "$here/.." && pwd)}
reps=${1:-3}
concurrency=${2:-64}
first=${3:-10}
steady=${4:-15}
variants=(${VARIANTS:-build r2r nopgo r2r-nopgo notiered bolt})
export SLACK_SIGNING_SECRET=bench-signing-secret-0123456789abcdef
work=$(mktemp -d /tmp/imtbot-coldstart.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -d "$slack/node_modules/@slack/bolt" ] || (cd "$slack" && npm ci --silent --no-audit --no-fund)
# BUILD_DIR / R2R_DIR: outputs of the two commands below to use as they are.
build=${BUILD_DIR:-$work/build} r2r=${R2R_DIR:-$work/r2r}
case " ${variants[*]} " in *" build "*|*" nopgo "*|*" notiered "*) [ -n "${BUILD_DIR:-}" ] ||
  dotnet build "$root/src/ImtBot" -c Release -o "$build" --nologo -v q >/dev/null ;; esac
case " ${variants[*]} " in *" r2r"*) [ -n "${R2R_DIR:-}" ] ||
  dotnet publish "$root/src/ImtBot" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$r2r" --nologo -v q >/dev/null ;; esac

read -r stub imtbot bolt <<<"$(node "$slack/free-ports.mjs" 3)"
PORT=$stub node "$slack/slack-stub.mjs" & pids+=($!)

# run_variant NAME REP: one cold start of one variant; prints its JSON line.
run_variant() {
  local name=$1 rep=$2 dir=$build envs=()
  case $name in
    bolt)
      SLACK_API_URL=http://127.0.0.1:$stub/api/ PORT=$bolt node "$slack/coldstart.mjs" \
        "http://127.0.0.1:$bolt/slack/events" "http://127.0.0.1:$bolt/slack/events" "$concurrency" "$first" "$steady" \
        -- node "$slack/bolt-app.mjs"
      return ;;
    r2r) dir=$r2r ;;
    nopgo) envs=(DOTNET_TieredPGO=0) ;;
    r2r-nopgo) dir=$r2r envs=(DOTNET_TieredPGO=0) ;;
    notiered) envs=(DOTNET_TieredCompilation=0) ;;
    build) ;;
    *) echo "unknown variant $name" >&2; exit 2 ;;
  esac
  local data="$work/data-$name-$rep"
  mkdir -p "$data"
  (cd "$data" && env ASPNETCORE_URLS=http://127.0.0.1:$imtbot Storage__Path="$data/bench.db" Slack__BotToken=xoxb-bench \
    Slack__SigningSecret="$SLACK_SIGNING_SECRET" Slack__ApiBaseUrl=http://127.0.0.1:$stub/api/ \
    RateLimits__WebhooksPerMinute=100000 Logging__LogLevel__Default=Warning "${envs[@]}" node "$slack/coldstart.mjs" \
    "http://127.0.0.1:$imtbot/healthz" "http://127.0.0.1:$imtbot/api/slack/commands" "$concurrency" "$first" "$steady" \
    -- dotnet "$dir/ImtBot.dll")
  rm -rf "$data"
}

echo "concurrency $concurrency; first $first s after healthy vs the next $steady s; $reps reps; $(nproc) cores; $(uptime)"
results="$work/results.jsonl"
: >"$results"
for rep in $(seq 1 "$reps"); do
  for name in "${variants[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    line=$(run_variant "$name" "$rep") || { echo "$name failed" >&2; exit 1; }
    echo "rep $rep $name (load $load): $line"
    echo "{\"variant\":\"$name\",\"load\":$load,\"result\":$line}" >>"$results"
  done
done

node - "$results" <<'EOF'
const fs = require("node:fs");
const runs = fs.readFileSync(process.argv[2], "utf8").trim().split("\n").map(JSON.parse);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
console.log("\n| variant | start → healthy ms | first-seconds req/s | steady req/s | first / steady | p99 first ms | p99 steady ms | load avg per rep |");
console.log("|---|---:|---:|---:|---:|---:|---:|---|");
for (const name of [...new Set(runs.map((r) => r.variant))]) {
  const mine = runs.filter((r) => r.variant === name), m = (k) => median(mine.map((r) => r.result[k]));
  console.log(`| ${name} | ${m("readyMs")} | ${m("coldRps")} | ${m("steadyRps")} | ${m("coldShare")} | ${m("coldP99")} | ${m("steadyP99")} | ${mine.map((r) => r.load).join(" / ")} |`);
}
const failed = runs.reduce((n, r) => n + r.result.errors, 0);
if (failed > 0) { console.error(`${failed} requests failed`); process.exit(1); }
EOF
