#!/usr/bin/env node
/**
 * Makes the bundled example of `npm run demo`: assets/esempio/piano-esempio.xlsx is a copy of a
 * real published plan among the test fixtures (test/fixtures/seed-002: a "report obiettivi PEG"
 * with targets, consuntivi and the dirigente's evaluation components), so the demo shows met and
 * missed targets, scores and the audit on real data. Run: node scripts/make-example.cjs
 */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const source = path.join(root, "test", "fixtures", "seed-002", "input.xlsx");
const dir = path.join(root, "assets", "esempio");
const target = path.join(dir, "piano-esempio.xlsx");

fs.mkdirSync(dir, { recursive: true });
fs.copyFileSync(source, target);
console.log(`Esempio scritto: ${path.relative(root, target)} (da ${path.relative(root, source)})`);
