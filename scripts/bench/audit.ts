// Benchmark section "audit": auditModel on a generated plan of 2,000 objectives / 10,000 indicators
// (40 dirigenti, reports, a few wrong weights and totals), median of several runs, plus the summary
// (the objectives' figures as the sheets compute them).
import { emptyModel, type PegModel } from "../../src/core/model";
import { auditModel } from "../../src/core/audit";
import { parseSettings } from "../../src/core/settings";
import { buildSummary } from "../../src/core/summary";
import { BENCH_STATUSES, median } from "./common";

export function generatedModel(objectives = 2000, perObjective = 5): PegModel {
  const m = emptyModel(["bench.xlsx"], ["Piano"]);
  m.plan.year = 2025;
  for (let s = 0; s < objectives / 10; s++)
    m.strategicObjectives.push({
      id: `s${s}`,
      code: `S${s}`,
      title: `Strategico ${s}`,
      source: `Piano!A${s + 1}`,
    });
  let row = 1;
  for (let o = 0; o < objectives; o++) {
    const code = `${o % 97 === 0 && o > 0 ? o - 1 : o}`; // a few duplicate codes
    m.operationalObjectives.push({
      id: `o${o}`,
      code,
      title: o % 50 === 0 ? "Rispetto dei tempi di pagamento" : `Obiettivo ${o}`,
      strategicCode: o % 211 === 0 ? "S-missing" : `S${Math.floor(o / 10)}`,
      dirigente: `Dirigente ${o % 40}`,
      weight: o % 33 === 0 ? null : 10 + (o % 5),
      declaredWeightTotal: 1,
      declaredWeightTotalSource: `Piano!D${row + perObjective}`,
      source: `Piano!A${row}`,
    });
    for (let i = 0; i < perObjective; i++) {
      const status = BENCH_STATUSES[(o + i) % BENCH_STATUSES.length];
      m.indicators.push({
        id: `${code}#${i}`,
        objectiveCode: code,
        name: `indicatore ${i} dell'obiettivo ${o}`,
        target: ">=10",
        targets: { "2025": ">=10" },
        baseline: { "2024": String((o + i) % 20) },
        weight: o % 17 === 0 && i === 0 ? 0.1 : 1 / perObjective,
        weightSource: `Piano!D${row}`,
        actual: status === "met" ? "12" : status === "missed" ? "7" : null,
        rule: { text: ">=10", op: ">=", value: 10, unit: "count" },
        status,
        achievement: status === "met" ? 1 : status === "missed" ? 0.7 : null,
        manual: o % 101 === 0 && i === 0 ? { status: "met" } : undefined,
        source: `Piano!B${row}`,
      });
      row++;
    }
    m.reports.push({
      objectiveCode: code,
      dirigente: `Dirigente ${o % 40}`,
      components: [
        { label: "valutazione di risultato", value: 80, max: 80 },
        { label: "valutazione qualitativa", value: o % 13 === 0 ? 25 : 15, max: null },
      ],
      declaredTotal: o % 7 === 0 ? 100 : o % 13 === 0 ? 105 : 95,
      computedTotal: null,
      source: `Report!N${o + 1}`,
    });
    row++;
  }
  return m;
}

export async function run(): Promise<void> {
  const model = generatedModel();
  const settings = parseSettings({
    asOf: "2026-01-31",
    bands: [
      { from: 0, to: 0.5, score: 0 },
      { from: 0.5, to: 1, mode: "linear" },
    ],
  });
  const times: number[] = [];
  let count = 0;
  auditModel(model, settings); // warm-up
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    count = auditModel(model, settings).length;
    times.push(performance.now() - t0);
  }
  const t1 = performance.now();
  buildSummary(model, { withNames: false, bands: settings.bands });
  const scoring = performance.now() - t1;
  console.log(
    `[audit] ${model.operationalObjectives.length} obiettivi, ${model.indicators.length} indicatori: ` +
      `verifiche ${median(times).toFixed(1)} ms (mediana di ${times.length}), ${count} rilievi; punteggi ${scoring.toFixed(1)} ms`
  );
}
