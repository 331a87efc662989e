/**
 * One weight rule, four views (docs/weights.md): for random weights near 100% the audit's
 * WEIGHTS_SUM, the `Pesi` sheet's Verifica formula as written (evaluated by test/helpers/formula.ts
 * over the sheet model, SUMIFS and all) and PEG.VERIFICAPESI give the same verdict.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { analyze } from "../../src/core/pipeline";
import { readXlsxGrids } from "../../src/xlsx/read";
import { auditModel } from "../../src/core/audit";
import { parseSettings, DEFAULT_SETTINGS } from "../../src/core/settings";
import {
  buildWorkbookSpec,
  SHEET_NAMES,
  TABLE_NAMES,
  WEIGHT_CHECK,
} from "../../src/core/sheets/build";
import { CHECKWEIGHTS } from "../../src/functions/peg";
import { FormulaEvaluator } from "../helpers/formula";
import { ind, model, op } from "../audit/build";

const RUNS = Math.max(1000, Number(process.env.FC_RUNS) || 1000);

/** Hundredths of a percent: n weights adding up to 100% + delta (delta within ±1.5%). */
const objectiveWeights = fc
  .record({
    parts: fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 0, maxLength: 4 }),
    // Near the tolerances most of the time: ±0..20 hundredths, sometimes farther.
    delta: fc.oneof(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -150, max: 150 })),
    missing: fc.oneof(
      { weight: 4, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) }
    ),
    forms: fc.array(fc.constantFrom("fraction", "points", "text"), { minLength: 5, maxLength: 5 }),
  })
  .map(({ parts, delta, missing, forms }) => {
    const last = 10000 + delta - parts.reduce((s, p) => s + p, 0);
    return { hundredths: [...parts, last], missing, forms };
  });

const TOLERANCES = [DEFAULT_SETTINGS.weightTolerance, 0, 0.0005, 0.002, 0.005, 0.01];

/** A weight as a user may type it into a range given to PEG.VERIFICAPESI. */
function asTyped(h: number, form: string): string | number {
  const pct = h / 100;
  if (form === "points" && pct > 1) return pct;
  // A bare number above 1 is percentage points (docs/weights.md): a fraction over 100% is typed as text.
  if (form === "text" || h > 10000) return `${String(pct).replace(".", ",")}%`;
  return h / 10000;
}

describe("weights: audit, Pesi formula and PEG.VERIFICAPESI agree", () => {
  it("on random weights near 100%", () => {
    fc.assert(
      fc.property(
        fc.array(objectiveWeights, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...TOLERANCES),
        (objectives, tolerance) => {
          const codes = objectives.map((_, k) => `O${k + 1}`);
          const m = model({
            operationalObjectives: codes.map((c) => op(c)),
            indicators: objectives.flatMap((o, k) => [
              ...o.hundredths.map((h) => ind(codes[k], { weight: h / 10000 })),
              ...(o.missing ? [ind(codes[k])] : []),
            ]),
          });
          const settings = parseSettings({ weightTolerance: tolerance });
          const flagged = new Set(
            auditModel(m, settings)
              .filter((f) => f.code === "WEIGHTS_SUM")
              .map((f) => f.objectiveCode)
          );
          const spec = buildWorkbookSpec(m, { weightTolerance: tolerance });
          const pesi = spec.sheets.find((s) => s.name === SHEET_NAMES.weights)!;
          const evaluator = new FormulaEvaluator(spec);
          codes.forEach((code, k) => {
            const row = pesi.rows.findIndex((r) => r[0] === code);
            const verdict = evaluator.cell(TABLE_NAMES.weights, row, "Verifica");
            // The value cached in the file is what the formula recomputes.
            const cached = pesi.rows[row][6] as { result: unknown };
            expect(verdict).toBe(cached.result);
            const off = verdict === WEIGHT_CHECK.under || verdict === WEIGHT_CHECK.over;
            expect(flagged.has(code)).toBe(off);
            if (!objectives[k].missing && tolerance === DEFAULT_SETTINGS.weightTolerance) {
              const typed = objectives[k].hundredths.map((h, i) => [
                asTyped(h, objectives[k].forms[i]),
              ]);
              expect(CHECKWEIGHTS(typed) === "OK").toBe(verdict === WEIGHT_CHECK.ok);
            }
          });
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("the cases of the issue: 3 × 33,31%, 50% + 49,93% and 3 × 33%", () => {
    const cases: [string, number[]][] = [
      ["A", [0.3331, 0.3331, 0.3331]],
      ["B", [0.5, 0.4993]],
      ["C", [0.33, 0.33, 0.33]],
    ];
    const m = model({
      operationalObjectives: cases.map(([c]) => op(c)),
      indicators: cases.flatMap(([c, ws]) => ws.map((w) => ind(c, { weight: w }))),
    });
    const spec = buildWorkbookSpec(m, { weightTolerance: DEFAULT_SETTINGS.weightTolerance });
    const evaluator = new FormulaEvaluator(spec);
    const verdicts = cases.map((_, row) => evaluator.cell(TABLE_NAMES.weights, row, "Verifica"));
    expect(verdicts).toEqual(["OK", "OK", "SOTTO 100%"]);
    expect(
      auditModel(m)
        .filter((f) => f.code === "WEIGHTS_SUM")
        .map((f) => f.objectiveCode)
    ).toEqual(["C"]);
  });

  it("no indicator weight at all: NESSUN PESO, no difference shown, no finding", () => {
    const m = model({ operationalObjectives: [op("1")], indicators: [ind("1"), ind("1")] });
    const spec = buildWorkbookSpec(m);
    const evaluator = new FormulaEvaluator(spec);
    expect(evaluator.cell(TABLE_NAMES.weights, 0, "Verifica")).toBe(WEIGHT_CHECK.none);
    expect(evaluator.cell(TABLE_NAMES.weights, 0, "Differenza")).toBe("");
    expect(auditModel(m).filter((f) => f.code === "WEIGHTS_SUM")).toEqual([]);
    const pesi = spec.sheets.find((s) => s.name === SHEET_NAMES.weights)!;
    // Neutral: not among the red words of the conditional formats.
    expect(
      pesi.conditional?.some((c) => c.kind === "textEquals" && c.text === WEIGHT_CHECK.none)
    ).toBe(false);
  });

  it("the bundled example: no indicator weight, so no red Pesi rows and no WEIGHTS_SUM", async () => {
    const file = path.join(__dirname, "..", "..", "assets", "esempio", "piano-esempio.xlsx");
    const grids = await readXlsxGrids(new Uint8Array(fs.readFileSync(file)), "piano-esempio.xlsx");
    const { model, sheets } = analyze(grids, {
      files: ["piano-esempio.xlsx"],
      today: "2025-12-31",
    });
    expect(model.findings.filter((f) => f.code === "WEIGHTS_SUM")).toEqual([]);
    const spec = buildWorkbookSpec(model, sheets);
    const pesi = spec.sheets.find((s) => s.name === SHEET_NAMES.weights)!;
    const evaluator = new FormulaEvaluator(spec);
    expect(pesi.rows.length).toBeGreaterThan(0);
    pesi.rows.forEach((_, r) => {
      expect(evaluator.cell(TABLE_NAMES.weights, r, "Verifica")).toBe(WEIGHT_CHECK.none);
      expect(evaluator.cell(TABLE_NAMES.weights, r, "Differenza")).toBe("");
    });
  });
});
