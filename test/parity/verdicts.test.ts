/**
 * One manual verdict rule (src/core/verdict.ts): for random computed results and random manual
 * overrides, the model (the pipeline applies the rule), the `Indicatori` sheet (its `Grado finale`
 * formula as written, evaluated, and compute.ts behind the cached values), the objectives'
 * `Raggiungimento` formula and the summary give the same achievement.
 */
import fc from "fast-check";
import { auditBuiltModel } from "../../src/core/pipeline";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { buildWorkbookSpec, TABLE_NAMES } from "../../src/core/sheets/build";
import { finalAchievement, objectiveFigures } from "../../src/core/sheets/compute";
import { ESITO, NO_VALUE } from "../../src/core/sheets/labels";
import { buildSummary } from "../../src/core/summary";
import { effectiveVerdict } from "../../src/core/verdict";
import type { Indicator, Status } from "../../src/core/model";
import { FormulaEvaluator } from "../helpers/formula";
import { ind, model, op } from "../audit/build";

const RUNS = Math.max(1000, Number(process.env.FC_RUNS) || 1000);

const STATUSES: Status[] = [
  "met",
  "partial",
  "missed",
  "pending",
  "overdue",
  "qualitative",
  "unparsed",
];
const grade = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);

const indicator = fc.record({
  status: fc.constantFrom(...STATUSES),
  achievement: fc.option(grade, { nil: null }),
  manualStatus: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
  manualGrade: fc.option(grade, { nil: undefined }),
  weight: fc.integer({ min: 1, max: 60 }).map((n) => n / 100),
});

const objective = fc.record({
  weighted: fc.boolean(),
  peso: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
  indicators: fc.array(indicator, { minLength: 1, maxLength: 4 }),
});

const close = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-9 : a === b;

describe("manual verdicts: model, Indicatori sheet and summary agree", () => {
  it("on random overrides", () => {
    fc.assert(
      fc.property(fc.array(objective, { minLength: 1, maxLength: 3 }), (objectives) => {
        const codes = objectives.map((_, k) => `O${k + 1}`);
        const raw = model({
          operationalObjectives: objectives.map((o, k) => op(codes[k], { weight: o.peso })),
          indicators: objectives.flatMap((o, k) =>
            o.indicators.map((i) => {
              const manual: Indicator["manual"] = {};
              if (i.manualStatus !== undefined) manual.status = i.manualStatus;
              if (i.manualGrade !== undefined) manual.achievement = i.manualGrade;
              return ind(codes[k], {
                status: i.status,
                achievement: i.achievement,
                weight: o.weighted ? i.weight : null,
                manual: Object.keys(manual).length > 0 ? { ...manual, note: "deciso" } : undefined,
              });
            })
          ),
        });
        const applied = auditBuiltModel(raw, DEFAULT_SETTINGS);
        // The sheet built from the computed results: its formulas apply the manual verdicts.
        const spec = buildWorkbookSpec(raw);
        const evaluator = new FormulaEvaluator(spec);
        raw.indicators.forEach((i, r) => {
          const expected = effectiveVerdict(i).achievement;
          expect(applied.indicators[r].achievement).toBe(expected);
          expect(finalAchievement(i)).toBe(expected);
          // Idempotent: the sheet of the applied model caches the same grade.
          expect(finalAchievement(applied.indicators[r])).toBe(expected);
          const shown = evaluator.cell(TABLE_NAMES.indicators, r, "Grado finale");
          expect(shown).toBe(expected ?? NO_VALUE);
          // The status too: `Esito finale` as written gives the status the model counts.
          expect(evaluator.cell(TABLE_NAMES.indicators, r, "Esito finale")).toBe(
            ESITO[effectiveVerdict(i).status]
          );
          expect(applied.indicators[r].status).toBe(effectiveVerdict(i).status);
        });
        const summary = buildSummary(applied, { withNames: false });
        const rows = new Map(summary.groups.flatMap((g) => g.rows).map((row) => [row.code, row]));
        codes.forEach((code, k) => {
          const inds = applied.indicators.filter((i) => i.objectiveCode === code);
          const fig = objectiveFigures(applied.operationalObjectives[k], inds);
          const sheet = evaluator.cell(TABLE_NAMES.operational, k, "Raggiungimento");
          const achievement = rows.get(code)?.achievement ?? null;
          expect(close(achievement, fig.achievement)).toBe(true);
          expect(close(sheet === "" ? null : sheet, achievement)).toBe(true);
        });
      }),
      { numRuns: RUNS }
    );
  });
});
