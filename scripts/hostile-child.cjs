/**
 * Preloaded (`node --require scripts/hostile-child.cjs dist/cli/peg.cjs ...`) by the hostile-input
 * suite: snapshots the built-in prototypes before the CLI bundle loads and, when the process exits
 * (normally, by process.exit or after an error), writes to $PEG_HOSTILE_REPORT what changed on
 * them and the peak resident memory of this process. A prototype pollution through a sheet name,
 * a header or a cell shows up as an added or changed key.
 */
"use strict";
const fs = require("fs");

const reportPath = process.env.PEG_HOSTILE_REPORT;
const watched = {
  "Object.prototype": Object.prototype,
  "Array.prototype": Array.prototype,
  "Function.prototype": Function.prototype,
  "String.prototype": String.prototype,
};

function snapshot(obj) {
  const out = new Map();
  for (const key of Reflect.ownKeys(obj)) {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    out.set(key, d);
  }
  return out;
}

const before = new Map(Object.entries(watched).map(([name, obj]) => [name, snapshot(obj)]));

function keyName(k) {
  return typeof k === "symbol" ? k.toString() : k;
}

process.on("exit", (code) => {
  if (!reportPath) return;
  const added = [];
  const removed = [];
  const changed = [];
  for (const [name, obj] of Object.entries(watched)) {
    const was = before.get(name);
    const now = snapshot(obj);
    for (const [k, d] of now) {
      const old = was.get(k);
      if (!old) added.push(`${name}.${keyName(k)}`);
      else if (old.value !== d.value || old.get !== d.get || old.set !== d.set)
        changed.push(`${name}.${keyName(k)}`);
    }
    for (const k of was.keys()) if (!now.has(k)) removed.push(`${name}.${keyName(k)}`);
  }
  // An object literal must still have no inherited extras.
  const probe = {};
  for (const k in probe) added.push(`(enumerable on {}) ${k}`);
  const report = {
    code,
    added,
    removed,
    changed,
    maxRssKb: process.resourceUsage().maxRSS,
    cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000,
  };
  try {
    fs.writeFileSync(reportPath, JSON.stringify(report));
  } catch {
    // The suite treats a missing report as a failure.
  }
});
