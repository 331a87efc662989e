#!/usr/bin/env node
/**
 * `npm run demo`: the main job on the bundled example (assets/esempio/piano-esempio.xlsx) with the
 * built command (dist/cli/peg.cjs): the structured workbook, the deliberation summary (.docx and
 * .html) in ./peg-demo-output/, and the audit printed here.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const peg = path.join(root, "dist", "cli", "peg.cjs");
const example = path.join(root, "assets", "esempio", "piano-esempio.xlsx");
const outDir = path.resolve(process.cwd(), "peg-demo-output");

function rel(p) {
  return path.relative(process.cwd(), p) || ".";
}

/** Run `peg ARGS`, showing its output; returns the exit code. */
function pegRun(args) {
  console.log(`\n$ peg ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(" ")}`);
  const r = spawnSync(process.execPath, [peg, ...args], { stdio: "inherit", cwd: process.cwd() });
  if (r.error) {
    console.error(`Impossibile avviare peg: ${r.error.message}`);
    return 2;
  }
  return r.status ?? 2;
}

function main() {
  if (!fs.existsSync(peg)) {
    console.error(
      `Manca ${rel(peg)}: esegui prima "npm run build:cli" (npm run demo lo fa da sé).`
    );
    return 1;
  }
  if (!fs.existsSync(example)) {
    console.error(
      `Manca l'esempio ${rel(example)}: rigeneralo con "node scripts/make-example.cjs".`
    );
    return 1;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const workbook = path.join(outDir, "piano-strutturato.xlsx");
  const docx = path.join(outDir, "riepilogo.docx");
  const html = path.join(outDir, "riepilogo.html");
  console.log("PEG Performance — dimostrazione sul piano di esempio");
  console.log(`Piano: ${rel(example)}`);
  console.log(`Cartella dei risultati: ${rel(outDir)}${path.sep}`);

  const failures = [];
  if (pegRun(["structure", rel(example), "--out", rel(workbook)]) !== 0)
    failures.push("cartella strutturata");
  if (pegRun(["summary", rel(example), "--out", rel(docx)]) !== 0) failures.push("riepilogo .docx");
  if (pegRun(["summary", rel(example), "--out", rel(html)]) !== 0) failures.push("riepilogo .html");
  // The audit exits 1 when the plan has error-level findings: that is a result, not a failure.
  const audit = pegRun(["audit", rel(example)]);
  if (audit !== 0 && audit !== 1) failures.push("verifiche (audit)");

  console.log("");
  if (failures.length) {
    console.error(`Dimostrazione non completa: non riuscito ${failures.join(", ")}.`);
    return 1;
  }
  console.log("Fatto. File scritti:");
  for (const f of [workbook, docx, html]) console.log(`  ${rel(f)}`);
  console.log(
    "Apri piano-strutturato.xlsx in Excel: i fogli nuovi sono tabelle con formule; il riepilogo è pronto per la deliberazione."
  );
  return 0;
}

process.exitCode = main();
