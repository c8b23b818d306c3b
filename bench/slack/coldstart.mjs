// Cold start of one server: spawns it, measures process start → first answer on its health URL (ImtBot: /healthz 200;
// Bolt has no health route: any HTTP answer), then loads it at once for FIRST seconds (no warm-up: the cold
// throughput) and again for STEADY seconds (the steady state), and stops it. Prints one JSON line.
// usage: node coldstart.mjs HEALTH_URL LOAD_URL CONCURRENCY FIRST STEADY -- COMMAND ARGS…   (extra env is inherited)
import { spawn, execFileSync } from "node:child_process";
import http from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const split = args.indexOf("--");
if (split !== 5 || args.length < 7) {
  console.error("usage: node coldstart.mjs HEALTH_URL LOAD_URL CONCURRENCY FIRST STEADY -- COMMAND ARGS…");
  process.exit(2);
}
const [healthUrl, loadUrl, concurrency, first, steady] = args;
const [command, ...commandArgs] = args.slice(split + 1);
const load = join(dirname(fileURLToPath(import.meta.url)), "load.mjs");
const imtbotHealth = new URL(healthUrl).pathname === "/healthz";

const answered = () => new Promise((resolve) => {
  const req = http.request(healthUrl, { method: imtbotHealth ? "GET" : "POST" }, (res) => {
    res.resume();
    resolve(imtbotHealth ? res.statusCode === 200 : true);
  });
  req.on("error", () => resolve(false));
  req.setTimeout(1000, () => { req.destroy(); resolve(false); });
  req.end();
});

const started = process.hrtime.bigint();
const server = spawn(command, commandArgs, { stdio: ["ignore", "ignore", "inherit"] });
let exited = false;
server.on("exit", () => { exited = true; });
let readyMs = null;
while (!exited && Number(process.hrtime.bigint() - started) / 1e6 < 60000) {
  if (await answered()) { readyMs = Number(process.hrtime.bigint() - started) / 1e6; break; }
  await new Promise((r) => setTimeout(r, 5));
}
const stop = () => { if (!exited) server.kill("SIGTERM"); };
if (readyMs === null) { stop(); console.error(`${command} did not answer ${healthUrl} within 60 s`); process.exit(1); }

const measure = (seconds) => JSON.parse(execFileSync("node", [load, loadUrl, concurrency, seconds, "0"], { encoding: "utf8" }));
try {
  const cold = measure(first);
  const warm = measure(steady);
  console.log(JSON.stringify({
    readyMs: +readyMs.toFixed(1), coldRps: cold.rps, coldP99: cold.p99, steadyRps: warm.rps, steadyP99: warm.p99,
    coldShare: +(cold.rps / warm.rps).toFixed(2), errors: cold.errors + warm.errors,
  }));
} finally {
  stop();
}
