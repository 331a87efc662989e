// Benchmark section "targets": readings and evaluations per second on one core, over a mixed set
// of real target texts (the fixture file's targets and actuals plus forms from other plans).
import { readFileSync } from "fs";
import { join } from "path";
import {
  evaluateTarget,
  readTarget,
  setActualCache,
  type TargetContext,
} from "../../src/core/targets";
import type { TargetRule } from "../../src/core/model";

type Case = { target: string; actual: string | number | null; ctx: TargetContext };

const EXTRA: [string, string | number | null, string | null][] = [
  ["non inferiore a 5", "6", null],
  ["pari al 100%", 0.97, null],
  ["entro 60 giorni", "45 giorni", null],
  ["≤ 30 gg", 28, null],
  ["tra 10 e 20", "15", null],
  [">= 3 (tre)", "3", null],
  ["almeno il 90%", "91%", null],
  ["100% delle pratiche", "98%", null],
  ["< 5 giorni", "4", null],
  ["31 dicembre", "15/12/2025", null],
  ["entro il mese di marzo", "20/03/2025", null],
  ["30 giugno 2025", "30/06/2025", null],
  ["euro 50.000", "€ 48.000", null],
  ["riduzione del 10%", "85", "100"],
  ["incremento del 5% rispetto al 2024", "110", "100"],
  ["mantenimento", "100", "100"],
  ["Tempo medio di pagamento 30 giorni", "25", null],
  ["Indicatore di tempestività dei pagamenti ≤ 0", "-5", null],
  [
    "Approvazione del regolamento entro il 31/12/2025",
    "Approvato con delibera n. 45 del 10/12/2025",
    null,
  ],
  ["a) almeno 10 controlli b) almeno 5 verbali", "12 controlli e 3 verbali", null],
  ["Customer satisfaction ≥ 3,5 su 5", "3,8", null],
  ["Nessun reclamo", 0, null],
  ["SI", "realizzato", null],
  ["Entro il 30/06", "in corso", null],
  ["Almeno 130 famiglie entro il 31 dicembre 2025", "125", null],
];

function cases(): Case[] {
  const out: Case[] = [];
  try {
    const text = readFileSync(join(process.cwd(), "test", "fixtures", "targets.tsv"), "utf8");
    for (const line of text.split(/\r?\n/).slice(1)) {
      if (!line.trim()) continue;
      const [target, actual, baseline, year, asOf] = line.split("\t");
      out.push({
        target,
        actual: actual || null,
        ctx: { year: year ? Number(year) : 2025, asOf: asOf || null, baseline: baseline || null },
      });
    }
  } catch {
    // fixture file not found: the extra forms alone
  }
  for (const [target, actual, baseline] of EXTRA) {
    out.push({ target, actual, ctx: { year: 2025, asOf: "2025-12-31", baseline } });
  }
  return out;
}

/**
 * Operations per second of CPU time (user + system) of this process: "on one core", and steady
 * when other programs share the machine.
 */
function measure(label: string, seconds: number, step: () => number): number {
  // Warm up, then run whole rounds until the time is up.
  for (let i = 0; i < 3; i++) step();
  let ops = 0;
  const c0 = process.cpuUsage();
  const w0 = process.hrtime.bigint();
  let cpu = 0;
  while (cpu < seconds && Number(process.hrtime.bigint() - w0) / 1e9 < seconds * 20) {
    ops += step();
    const c = process.cpuUsage(c0);
    cpu = (c.user + c.system) / 1e6;
  }
  void label;
  return ops / Math.max(cpu, 1e-9);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString("it-IT");
}

export async function run(): Promise<void> {
  const all = cases();
  const targets = all.map((c) => c.target);
  let sink = 0;
  const readRate = measure("read", 1.5, () => {
    for (let i = 0; i < targets.length; i++) sink += readTarget(targets[i], all[i].ctx).op.length;
    return targets.length;
  });
  const rules: TargetRule[] = all.map((c) => readTarget(c.target, c.ctx));
  const evalRound = (): number => {
    for (let r = 0; r < 20; r++)
      for (let i = 0; i < rules.length; i++) {
        const e = evaluateTarget(rules[i], all[i].actual, all[i].ctx);
        sink += e.achievement ?? 0;
      }
    return rules.length * 20;
  };
  // As in a workbook: the same cells recalculated (actual texts read once, then remembered).
  const evalRate = measure("evaluate", 1.5, evalRound);
  // Every actual text read again each time.
  setActualCache(false);
  const coldRate = measure("evaluate-cold", 1.5, evalRound);
  setActualCache(true);
  // Numbers typed in cells only (the common case in a workbook).
  const numeric = all.filter(
    (c) => typeof c.actual === "number" || /^[-\d.,\s%€]+$/.test(String(c.actual ?? ""))
  );
  const numericRules = numeric.map((c) => readTarget(c.target, c.ctx));
  const cellRate = measure("cells", 1, () => {
    for (let r = 0; r < 20; r++)
      for (let i = 0; i < numericRules.length; i++)
        sink += evaluateTarget(numericRules[i], numeric[i].actual, numeric[i].ctx).achievement ?? 0;
    return numericRules.length * 20;
  });
  console.log(
    `[targets] ${all.length} target reali con consuntivo, per secondo di CPU su un core: letture ${fmt(readRate)}/s; ` +
      `valutazioni ${fmt(evalRate)}/s (ricalcolo), ${fmt(coldRate)}/s (ogni consuntivo riletto), ` +
      `${fmt(cellRate)}/s (consuntivi numerici)${sink === -1 ? "" : ""}`
  );
}
