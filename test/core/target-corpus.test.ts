/**
 * Targets as real plans write them (issue 11, item 3; docs/targets.md): a value with a deadline
 * attached, month/year deadlines, ranges, comparison words, a target per year in one cell, done /
 * not done words, no-target words, numbers with thousands and units. Each form: the rule it is
 * read into, then status and achievement with an actual that meets it, one that misses it, none,
 * and none past the as-of date. Last, every target/actual pair of the real corpus
 * (`test/corpus/<case>/gold.json`) whose status follows from the target and the actual alone.
 */
import * as fs from "fs";
import * as path from "path";
import { evaluateTarget, readTarget, renderRule, type TargetContext } from "../../src/core/targets";
import type { TargetRule } from "../../src/core/model";

const Y: TargetContext = { year: 2025 };

function ev(
  target: string,
  actual: string | number | null,
  ctx: TargetContext = {}
): [string, number | null] {
  const c = { ...Y, ...ctx };
  const r = evaluateTarget(readTarget(target, c), actual, c);
  return [r.status, r.achievement === null ? null : Math.round(r.achievement * 1e4) / 1e4];
}

function leaves(r: TargetRule): TargetRule[] {
  return r.op === "all" ? (r.rules ?? []).flatMap(leaves) : [r];
}

describe("a value with a deadline attached: the value and the deadline", () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    ["60% (giu. 2026)", ">=", { value: 60, unit: "percent" }, "2026-06-30"],
    ["60% (giugno 2026)", ">=", { value: 60, unit: "percent" }, "2026-06-30"],
    ["40% entro il 2026", ">=", { value: 40, unit: "percent" }, "2026-12-31"],
    ["≥ 80% entro il 30/06/2025", ">=", { value: 80, unit: "percent" }, "2025-06-30"],
    ["100% (31/12/2025)", ">=", { value: 100, unit: "percent" }, "2025-12-31"],
    ["10 pratiche (entro 09/2025)", ">=", { value: 10 }, "2025-09-30"],
  ])("%s", (text, op, value, date) => {
    const r = readTarget(text, Y);
    expect(r.op).toBe("all");
    const ls = leaves(r);
    expect(ls).toHaveLength(2);
    expect(ls[0]).toMatchObject({ op, ...value });
    expect(ls[1]).toMatchObject({ op: "deadline", date });
  });

  it.each<[string, string | null, TargetContext, [string, number | null]]>([
    ["60% (giu. 2026)", "70%", {}, ["met", 1]],
    ["60% (giu. 2026)", "45%", {}, ["missed", 0.75]],
    ["60% (giu. 2026)", null, { asOf: "2026-05-31" }, ["pending", null]],
    ["60% (giu. 2026)", null, { asOf: "2026-07-01" }, ["overdue", null]],
    ["60% (giugno 2026)", "60%", { asOf: "2026-07-01" }, ["met", 1]],
    ["40% entro il 2026", "30%", {}, ["missed", 0.75]],
    ["40% entro il 2026", null, { asOf: "2027-01-02" }, ["overdue", null]],
    ["≥ 80% entro il 30/06/2025", "85%", {}, ["met", 1]],
    ["≥ 80% entro il 30/06/2025", "70%", {}, ["missed", 0.875]],
    ["≥ 80% entro il 30/06/2025", null, { asOf: "2025-07-01" }, ["overdue", null]],
    ["100% (31/12/2025)", "100%", {}, ["met", 1]],
    ["100% (31/12/2025)", null, { asOf: "2025-12-31" }, ["pending", null]],
    ["100% (31/12/2025)", null, { asOf: "2026-01-10" }, ["overdue", null]],
  ])("%s with %p (%j)", (text, actual, ctx, want) => {
    expect(ev(text, actual, ctx)).toEqual(want);
  });

  it("a bracket that explains the value is no deadline", () => {
    expect(readTarget("Tasso di copertura 80% (40 su 50)", Y)).toMatchObject({
      op: ">=",
      value: 80,
    });
    expect(readTarget("70% (2025) - 80% (2026)", { year: 2026 })).toMatchObject({ value: 80 });
  });
});

describe("month/year deadlines", () => {
  it.each<[string, string]>([
    ["09/2025", "2025-09-30"],
    ["12/2025", "2025-12-31"],
    ["entro 09/2025", "2025-09-30"],
    ["Entro il 06-2026", "2026-06-30"],
    ["giu-25", "2025-06-30"],
    ["giugno 2025", "2025-06-30"],
    ["II trimestre 2025", "2025-06-30"],
    ["entro il I semestre", "2025-06-30"],
    ["Q4 2025", "2025-12-31"],
    ["entro Q2/2026", "2026-06-30"],
  ])("%s is due %s", (text, date) => {
    expect(readTarget(text, Y)).toMatchObject({ op: "deadline", date, unit: "date" });
  });

  it.each<[string, string | null, TargetContext, [string, number | null]]>([
    ["09/2025", "15/09/2025", {}, ["met", 1]],
    ["09/2025", "10/2025", {}, ["missed", 0]],
    ["entro 09/2025", "settembre 2025", {}, ["met", 1]],
    ["entro 09/2025", "15/10/2025", {}, ["missed", 0]],
    ["entro 09/2025", "Fatto", {}, ["met", 1]],
    ["12/2025", null, { asOf: "2025-12-31" }, ["pending", null]],
    ["12/2025", null, { asOf: "2026-01-15" }, ["overdue", null]],
    ["II trimestre 2025", null, { asOf: "2025-07-05" }, ["overdue", null]],
    ["entro il I semestre", "30/06/2025", {}, ["met", 1]],
  ])("%s with %p (%j)", (text, actual, ctx, want) => {
    expect(ev(text, actual, ctx)).toEqual(want);
  });

  it("a document's number stays a number, a ratio stays a ratio", () => {
    expect(readTarget("Adempimenti L. 190/2012", Y).op).not.toBe("deadline");
    expect(readTarget("Delibera n. 3/2025", Y).op).not.toBe("deadline");
    expect(readTarget("Livello di gradimento 3,5/4", Y)).toMatchObject({
      op: ">=",
      value: 3.5,
      valueMax: 4,
    });
    expect(readTarget("PTPCT 2024/2026", Y).op).not.toBe("deadline");
  });
});

describe("ranges: one rule, the achievement of the bound missed", () => {
  it.each<[string, Record<string, unknown>]>([
    ["Tra 5 e 12", { value: 5, valueMax: 12 }],
    ["tra il 5% e il 10%", { value: 5, valueMax: 10, unit: "percent" }],
    ["da 5 a 12", { value: 5, valueMax: 12 }],
    ["5-12", { value: 5, valueMax: 12 }],
    ["compreso tra 5 e 12", { value: 5, valueMax: 12 }],
    ["compreso tra il 90% e il 110%", { value: 90, valueMax: 110, unit: "percent" }],
    ["tra 5 e 12 giorni", { value: 5, valueMax: 12, unit: "days" }],
  ])("%s", (text, want) => {
    expect(readTarget(text, Y)).toMatchObject({ op: "between", ...want });
  });

  it.each<[string, string | null, TargetContext, [string, number | null]]>([
    ["Tra 5 e 12", "8", {}, ["met", 1]],
    ["Tra 5 e 12", "4", {}, ["missed", 0.8]],
    ["Tra 5 e 12", "15", {}, ["missed", 0.8]],
    ["Tra 5 e 12", null, { asOf: "2026-01-01" }, ["pending", null]],
    ["tra il 5% e il 10%", "7%", {}, ["met", 1]],
    ["tra il 5% e il 10%", "4%", {}, ["missed", 0.8]],
    ["da 5 a 12", "13", {}, ["missed", 0.9231]],
    ["5-12", "12", {}, ["met", 1]],
    ["compreso tra 5 e 12", "3", {}, ["missed", 0.6]],
  ])("%s with %p", (text, actual, ctx, want) => {
    expect(ev(text, actual, ctx)).toEqual(want);
  });
});

describe("comparison words", () => {
  it.each<[string, string, number, string]>([
    ["Maggiore di 10", ">", 10, "count"],
    ["Minore di 10", "<", 10, "count"],
    ["superiore a 5", ">", 5, "count"],
    ["superiore al 90%", ">", 90, "percent"],
    ["inferiore a 30", "<", 30, "count"],
    ["inferiore al 10%", "<", 10, "percent"],
    ["uguale a 5", "=", 5, "count"],
    ["pari a 100%", ">=", 100, "percent"],
    ["pari a 0", "<=", 0, "count"],
    ["non superiore a 30 gg", "<=", 30, "days"],
    ["non inferiore a 10", ">=", 10, "count"],
    ["non inferiore al 80%", ">=", 80, "percent"],
    [">= 80% dei casi", ">=", 80, "percent"],
    ["≥ 95% delle pratiche", ">=", 95, "percent"],
    ["Maggiore o uguale al 4,85%", ">=", 4.85, "percent"],
    ["maggiore/uguale 90%", ">=", 90, "percent"],
    ["maggiore/uguale al 90%", ">=", 90, "percent"],
    ["minore/uguale 5", "<=", 5, "count"],
    ["minore / uguale a 5 gg", "<=", 5, "days"],
    ["uguale o maggiore di 5", ">=", 5, "count"],
    ["uguale o minore di 5", "<=", 5, "count"],
    [">/= 90%", ">=", 90, "percent"],
    ["=/< 3", "<=", 3, "count"],
  ])("%s", (text, op, value, unit) => {
    const r = readTarget(text, Y);
    expect(r).toMatchObject({ op, value, unit });
    expect(r.assumed).toBeUndefined();
  });

  it.each<[string, string | null, [string, number | null]]>([
    ["Maggiore di 10", "11", ["met", 1]],
    ["Maggiore di 10", "8", ["missed", 0.8]],
    ["Minore di 10", "9", ["met", 1]],
    ["inferiore a 30", "40", ["missed", 0.75]],
    ["uguale a 5", "4", ["missed", 0]],
    ["non superiore a 30 gg", "20 gg", ["met", 1]],
    ["non inferiore al 80%", "70%", ["missed", 0.875]],
    ["≥ 95% delle pratiche", "0,96", ["met", 1]],
    ["≥ 95% delle pratiche", null, ["pending", null]],
    ["minore/uguale 5", "6", ["missed", 0.8333]],
    ["uguale o maggiore di 5", "5", ["met", 1]],
  ])("%s with %p", (text, actual, want) => {
    expect(ev(text, actual)).toEqual(want);
  });
});

describe("a target per year in one cell: the plan year's, otherwise the first", () => {
  it.each<[string, number, number]>([
    ["2024: 40 - 2025: 50 - 2026: 60", 2025, 50],
    ["2024: 40 - 2025: 50 - 2026: 60", 2026, 60],
    ["2024: 40 - 2025: 50 - 2026: 60", 2030, 40],
    ["Target 2024 - Almeno 30 pratiche Target 2025 - Almeno 40 pratiche", 2025, 40],
    ["Target 2025: almeno 40; Target 2026: almeno 50", 2026, 50],
    ["2025 >= 40 2026 >= 50", 2026, 50],
    ["2025 ≥ 40 - 2026 ≥ 50", 2030, 40],
    ["Anno 2025: 40; Anno 2026: 50", 2025, 40],
  ])("%s in %d", (text, year, value) => {
    expect(readTarget(text, { year })).toMatchObject({ op: ">=", value });
  });

  it("Target 2025 - Almeno 40 …", () => {
    expect(readTarget("Target 2025 - Almeno 40 pratiche evase", Y)).toMatchObject({
      op: ">=",
      value: 40,
    });
    expect(ev("Target 2025 - Almeno 40 pratiche evase", "36 pratiche")).toEqual(["missed", 0.9]);
  });
});

describe("done / not done words", () => {
  it.each<string>([
    "On",
    "Sì/No",
    "SI / NO",
    "Realizzazione",
    "Adozione",
    "Approvazione",
    "Attivazione",
    "Rispetto",
    "Pubblicazione.",
    "Rispetto dei tempi",
    "Rispetto dei termini previsti",
    "Rispetto del cronoprogramma",
  ])("%s is done / not done", (text) => {
    const r = readTarget(text, Y);
    expect(r).toMatchObject({ op: "done", unit: "boolean", direction: "higher" });
    expect(renderRule(r)).toBe("SÌ");
  });

  it("Off is the state off", () => {
    const r = readTarget("Off", Y);
    expect(r).toMatchObject({ op: "done", direction: "lower" });
    expect(renderRule(r)).toBe("NO");
    expect(ev("Off", "Off")).toEqual(["met", 1]);
    expect(ev("Off", "On")).toEqual(["missed", 0]);
  });

  it.each<[string, string | number | null, TargetContext, [string, number | null]]>([
    ["On", "On", {}, ["met", 1]],
    ["On", "Off", {}, ["missed", 0]],
    ["On", "Realizzato", {}, ["met", 1]],
    ["On", 0, {}, ["missed", 0]],
    ["Sì/No", "No", {}, ["missed", 0]],
    ["Realizzazione", "Realizzato", {}, ["met", 1]],
    ["Realizzazione", "0", {}, ["missed", 0]],
    ["Adozione", "Adottato", {}, ["met", 1]],
    ["Approvazione", "Approvato", {}, ["met", 1]],
    ["Approvazione", "100%", {}, ["met", 1]],
    ["Approvazione", "50%", {}, ["missed", 0]],
    ["Attivazione", "Fatto", {}, ["met", 1]],
    ["Attivazione", "In corso", {}, ["pending", null]],
    ["Rispetto", "No", {}, ["missed", 0]],
    ["Rispetto", null, { asOf: "2026-03-01" }, ["pending", null]],
  ])("%s with %p", (text, actual, ctx, want) => {
    expect(ev(text, actual, ctx)).toEqual(want);
  });

  it("an activity sentence stays qualitative", () => {
    expect(readTarget("Realizzazione di incontri con le associazioni", Y).op).toBe("qualitative");
  });
});

describe("no target: qualitative, never a number", () => {
  it.each<string>([
    "n.d.",
    "ND",
    "N.D.",
    "-",
    "/",
    "--",
    "Valore da monitorare",
    "Monitoraggio",
    "Anno zero",
    "Anno 0",
    "Da rilevare",
    "baseline",
    "Baseline 2024",
    "Rilevazione baseline",
    "Primo anno di rilevazione",
    "T0",
  ])("%s", (text) => {
    expect(readTarget(text, Y).op).toBe("qualitative");
    expect(ev(text, "5")).toEqual(["qualitative", null]);
  });

  it("Mantenimento keeps its reading: at least the baseline", () => {
    expect(readTarget("Mantenimento", Y)).toMatchObject({ op: "relative", value: 0 });
    expect(ev("Mantenimento", "90", { baseline: "100" })).toEqual(["missed", 0.9]);
  });
});

describe("numbers with thousands and units", () => {
  it.each<[string, string, number, string]>([
    ["1.500", ">=", 1500, "count"],
    ["€ 10.000", ">=", 10000, "euro"],
    ["10.000,00 €", ">=", 10000, "euro"],
    ["2,5 gg", "<=", 2.5, "days"],
    ["30 giorni", "<=", 30, "days"],
    ["≤ 30 gg", "<=", 30, "days"],
  ])("%s", (text, op, value, unit) => {
    expect(readTarget(text, Y)).toMatchObject({ op, value, unit });
  });

  it.each<[string, string | null, [string, number | null]]>([
    ["1.500", "1.600", ["met", 1]],
    ["1.500", "1.200", ["missed", 0.8]],
    ["€ 10.000", "€ 12.500,00", ["met", 1]],
    ["10.000,00 €", "9.500,00 €", ["missed", 0.95]],
    ["2,5 gg", "2 gg", ["met", 1]],
    ["30 giorni", "40", ["missed", 0.75]],
    ["≤ 30 gg", "25 giorni", ["met", 1]],
    ["≤ 30 gg", null, ["pending", null]],
  ])("%s with %p", (text, actual, want) => {
    expect(ev(text, actual)).toEqual(want);
  });
});

// ---------------------------------------------------------------------------------------------
// The real corpus: every pair whose gold status follows from the target and the actual alone.

interface GoldIndicator {
  target?: unknown;
  actual?: unknown;
  status?: string | null;
  achievement?: number | null;
}

const CORPUS = path.join(__dirname, "..", "corpus");

function corpusPairs(): [string, string, string | null, string, number | undefined][] {
  const out: [string, string, string | null, string, number | undefined][] = [];
  if (!fs.existsSync(CORPUS)) return out;
  for (const c of fs.readdirSync(CORPUS).sort()) {
    const file = path.join(CORPUS, c, "gold.json");
    if (!fs.existsSync(file)) continue;
    const gold = JSON.parse(fs.readFileSync(file, "utf8")) as {
      year?: number | null;
      indicators?: GoldIndicator[];
    };
    for (const ind of gold.indicators ?? []) {
      if (ind.status === null || ind.status === undefined) continue;
      if (ind.target === null || ind.target === undefined) continue;
      const actual = ind.actual === null || ind.actual === undefined ? null : String(ind.actual);
      // A status given by a declared achievement column (no actual): not the engine's to see.
      if (actual === null && typeof ind.achievement === "number") continue;
      out.push([c, String(ind.target), actual, ind.status, gold.year ?? undefined]);
    }
  }
  return out;
}

describe("the real corpus: target and actual pairs", () => {
  const pairs = corpusPairs();
  it("has pairs to check", () => {
    expect(pairs.length).toBeGreaterThan(20);
  });
  it.each(pairs)("%s: %p with %p is %s", (_c, target, actual, status, year) => {
    const ctx = { year };
    expect(evaluateTarget(readTarget(target, ctx), actual, ctx).status).toBe(status);
  });
});
