#!/usr/bin/env node
// Entry point of the `peg` command: runs the bundle built by `npm install` (prepare) or `npm run build:cli`.
const path = require("path");
const fs = require("fs");
const major = Number(process.versions.node.split(".")[0]);
if (major < 20) {
  process.stderr.write(`peg: serve Node.js 20 o successivo (trovato ${process.versions.node}). Aggiorna Node.js e riprova.\n`);
  process.exit(2);
}
const bundle = path.join(__dirname, "..", "dist", "cli", "peg.cjs");
if (!fs.existsSync(bundle)) {
  process.stderr.write("peg: il programma non è ancora compilato. Eseguire 'npm install' (oppure 'npm run build:cli') nella cartella del progetto.\n");
  process.exit(2);
}
require(bundle);
