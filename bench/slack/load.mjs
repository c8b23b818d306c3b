// Closed-loop load on a Slack slash-command URL: C concurrent workers for S seconds, each request a distinct
// declaration (its own trigger_id) signed exactly as Slack signs it. Prints one JSON line: rps and latency percentiles.
// URL may be several, comma-separated (instances behind no load balancer): requests go to them round-robin.
// usage: node load.mjs URL[,URL…] [concurrency=64] [seconds=15] [warmupSeconds=3]
import { createHmac } from "node:crypto";
import http from "node:http";

const [url, concurrency = "64", seconds = "15", warmup = "3"] = process.argv.slice(2);
if (!url) { console.error("usage: node load.mjs URL[,URL…] [concurrency] [seconds] [warmupSeconds]"); process.exit(2); }
const secret = process.env.SLACK_SIGNING_SECRET;
if (!secret) { console.error("SLACK_SIGNING_SECRET is not set"); process.exit(2); }
const targets = url.split(",").map((u) => new URL(u));
// Each worker connects from its own loopback address (127.0.1.1, 127.0.1.2, …), as Slack's deliveries come from many
// addresses: ImtBot limits requests per source address (RateLimits:WebhooksPerMinute, at most 100,000 a minute).
const agents = Array.from({ length: Number(concurrency) }, (_, w) =>
  new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.0.${1 + (w >> 8)}.${1 + (w & 255)}` }));
const run = `${process.pid}-${Date.now()}`;
// LOAD_TEXT picks the command text; {i} is the request number (default: a distinct declaration per request).
const textTemplate = process.env.LOAD_TEXT ?? "declare Bench incident {i} sev3";
let seq = 0;
let completed = 0; // warm-up included: what the server's CPU time over the whole run is divided by

function request(agent) {
  const i = seq++;
  const body = `token=bench&team_id=T1&team_domain=bench&channel_id=CBENCH&channel_name=bench&user_id=U${i % 50}` +
    `&user_name=user${i % 50}&command=%2Fincident&text=${encodeURIComponent(textTemplate.replaceAll("{i}", String(i)))}` +
    `&api_app_id=A1&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F1%2Fx&trigger_id=${run}.${i}.bench`;
  const ts = Math.floor(Date.now() / 1000).toString();
  const signature = "v0=" + createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
  const target = targets[i % targets.length];
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.request({
      agent, host: target.hostname, port: target.port, path: target.pathname, method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body),
        "x-slack-request-timestamp": ts, "x-slack-signature": signature,
      },
    }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ok: res.statusCode === 200, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on("error", () => resolve({ ok: false, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.end(body);
  });
}

async function phase(durationMs, record) {
  const end = Date.now() + durationMs;
  const latencies = [];
  let errors = 0;
  await Promise.all(agents.map(async (agent) => {
    while (Date.now() < end) {
      const r = await request(agent);
      completed++;
      if (!record) continue;
      if (r.ok) latencies.push(r.ms); else errors++;
    }
  }));
  return { latencies, errors };
}

if (Number(warmup) > 0) await phase(Number(warmup) * 1000, false);
const started = Date.now();
const { latencies, errors } = await phase(Number(seconds) * 1000, true);
const elapsed = (Date.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies.length ? +latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(2) : null;
console.log(JSON.stringify({
  url, concurrency: Number(concurrency), seconds: +elapsed.toFixed(1), requests: latencies.length, completed, errors,
  rps: Math.round(latencies.length / elapsed), p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), max: pct(1),
}));
agents.forEach((a) => a.destroy());
