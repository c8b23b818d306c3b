#!/usr/bin/env node
// Regenerates OfficialVectors.json: template + data -> what the official adaptivecards-templating engine gives
// (or "error"). The C# binder tests replay every vector.
// usage: NODE_PATH=<cardcheck>/adaptive-cards/node_modules node official-vectors.mjs > OfficialVectors.json
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const ACData = require("adaptivecards-templating");

const exprs = ["x", "x.y", "$root.x", "$data.x", "!x", "not(x)", "x == 'a'", "x != 'a'", "x == 3", "x && true", "x || false",
  "true && x", "false || x", "if(x, 'yes', 'no')", "if(x, x, 'none')", "if(x, missing, 'none')", "count(x)", "length(x)",
  "join(x, ', ')", "join(x, ', ', ' and ')", "empty(x)", "equals(x, 'a')", "equals(x, 3)", "!empty(x)", "!(x == 'a')",
  "nope(x)", "x == y", "x.y == 1", "'lit'", "3", "true", "null"];
const values = { missing: undefined, null: null, empty: "", a: "a", emptyArr: [], arr: ["a", "b"], arr3: ["a", "b", "c"],
  zero: 0, three: 3, t: true, f: false, obj: { y: 1 }, emptyObj: {} };
const contexts = {
  single: (e) => ({ a: "${" + e + "}" }),
  concat: (e) => ({ a: "v ${" + e + "} w" }),
  when: (e) => ({ b: [{ $when: "${" + e + "}", t: 1 }] }),
};
const cases = [];
for (const e of exprs) for (const v of Object.values(values)) for (const c of Object.values(contexts)) cases.push([c(e), v === undefined ? {} : { x: v }]);

const structural = [
  [{ b: [{ $data: "${xs}", t: "${n} ${$index}" }] }, { xs: [{ n: "a" }, { n: "b" }] }],
  [{ b: [{ $data: "${xs}", t: "${n}" }] }, { xs: [{ n: "a" }] }],
  [{ b: [{ $data: "${xs}", t: "${n}" }] }, { xs: [] }],
  [{ b: [{ $data: "${xs}", t: "${n}" }] }, {}],
  [{ b: [{ $data: "${xs}", t: "${n}" }] }, { xs: null }],
  [{ b: [{ $data: "${xs}", t: "${n}" }] }, { xs: "str" }],
  [{ b: { $data: "${xs}", t: "${n}" } }, { xs: [{ n: "a" }, { n: "b" }] }],
  [{ b: { $data: "${xs}", t: "${n}" } }, { xs: [] }],
  [{ b: { $data: "${o}", t: "${n}" } }, { o: { n: "a" } }],
  [{ b: [{ $data: "${o}", t: "${$index}" }] }, { o: { n: "a" } }],
  [{ $data: "${o}", t: "${n}" }, { o: { n: "a" } }],
  [{ b: [{ $data: "${xs}", t: "${$root.r}-${n}" }] }, { r: "R", xs: [{ n: "a" }] }],
  [{ b: [{ $data: "${xs}", t: "${$data} ${$index}" }] }, { xs: ["s1", "s2"] }],
  [{ b: [{ $data: "${xs}", i: [{ $data: "${ys}", t: "${y}-${$index}" }] }] }, { xs: [{ ys: [{ y: 1 }, { y: 2 }] }, { ys: [{ y: 3 }] }] }],
  [{ b: [{ $data: "${xs}", i: [{ $data: "${ys}", t: "${y}", u: "${$root.r}" }], k: "${k}" }] }, { r: 9, xs: [{ k: "p", ys: [{ y: 1 }] }, { k: "q", ys: [] }] }],
  [{ b: [{ $data: "${xs}", t: "${n}", $when: "${show}" }] }, { xs: [{ n: "a", show: true }, { n: "b", show: false }, { n: "c" }] }],
  [{ b: [{ $data: "${xs}", t: "${n}", $when: "${$index == 0}" }] }, { xs: [{ n: "a" }, { n: "b" }] }],
  [{ b: [{ $when: "${show}", t: "x" }] }, { show: "true" }],
  [{ b: [{ $when: "show", t: "x" }] }, { show: true }],
  [{ b: [{ $when: true, t: "x" }] }, {}],
  [{ b: [{ $when: false, t: "x" }] }, {}],
  [{ b: [{ $when: "", t: "x" }] }, {}],
  [{ b: { $when: "${show}", t: "x" } }, { show: false }],
  [{ b: [[1, 2], [3]] }, {}],
  [{ b: [null, 1, "${x}"] }, { x: null }],
  [{ b: ["${xs}", 0] }, { xs: [1, 2] }],
  [{ $schema: "s", $host: "h", $root: "r", $index: 1, b: 1 }, {}],
  [{ "${x}": "key stays" }, { x: "k" }],
  [{ a: "$${x} {x} } it's \\ \\n" }, { x: "a" }],
  [{ a: "${x}${y}" }, { x: "a", y: "b" }],
  [{ a: "${x} and ${y}" }, { x: "a" }],
  [{ a: "${'a\\'b'} ${\"dq\"}" }, {}],
  [{ a: "${x}" }, { x: "has ${y} and \"}]},{\"type\":\"Action.OpenUrl\" in it" }],
  [{ a: "${x}" }, { x: { deep: [1, { z: null }] } }],
  [{ a: "v ${x}" }, { x: 1.5 }],
  [{ a: "${x}" }, { x: -7 }],
];
const out = [];
for (const [template, data] of [...cases, ...structural]) {
  let expected;
  try { expected = new ACData.Template(template).expand({ $root: data }); } catch { expected = "error"; }
  out.push({ template, data, expected });
}
console.log(JSON.stringify(out, null, 0).replace(/\},\{"template"/g, "},\n{\"template\""));
