// Prints N free loopback ports, all held at once while choosing so none repeats (another bench may be running).
// usage: node free-ports.mjs N
import { createServer } from "node:net";

const servers = await Promise.all(Array.from({ length: Number(process.argv[2] ?? 1) }, () =>
  new Promise((resolve) => { const s = createServer().listen(0, "127.0.0.1", () => resolve(s)); })));
console.log(servers.map((s) => s.address().port).join(" "));
servers.forEach((s) => s.close());
