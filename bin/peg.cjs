#!/usr/bin/env node
// Entry point of the `peg` command: runs the bundle built by `npm install` (prepare) or `npm run build:cli`.
const path = require("path");
const fs = require("fs");
const bundle = path.join(__dirname, "..", "dist", "cli", "peg.cjs");
if (!fs.existsSync(bundle)) {
  process.stderr.write("peg: il programma non è ancora compilato. Eseguire 'npm install' (oppure 'npm run build:cli') nella cartella del progetto.\n");
  process.exit(2);
}
require(bundle);
