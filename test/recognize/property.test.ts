/**
 * Any grid gives a model that passes the schema, without throwing: empty, 1x1, 3,000x40, unicode,
 * `__proto__` / `constructor` as cell text and sheet names, plan-like cells in random places.
 */
import fc from "fast-check";
import type { CellValue, Grid } from "../../src/core/grid";
import { PegModelSchema, TargetRuleSchema } from "../../src/core/model";
import { buildModel } from "../../src/core/structure";

const RUNS = Number(process.env.FC_RUNS ?? "") || 200;

// Words the recognizer reacts to, so random grids reach its branches, not just the "no layout" path.
const PLAN_WORDS = [
  "Indicatore",
  "Target",
  "Peso",
  "% ponder",
  "Valore atteso",
  "Previsione 2025",
  "Risultato 2025",
  "Valori storici",
  "Obiettivo operativo",
  "Obiettivo strategico",
  "Codice ob operativo",
  "REPORT DEL DIRIGENTE",
  "valutazione di risultato",
  "TOTALE",
  "EFFICACIA",
  "Obiettivo N.",
  "Scheda 3",
  "1 TITOLO: PROGETTO",
  "INDICATORI DI PERFORMANCE",
  "Target | % ponder",
  ">=4 15%",
  "1) almeno 100 pasti 2) almeno 200 famiglie",
  "74 pasti erogati e 210 famiglie",
  "GEN",
  "Risultato atteso",
  "MISSIONE 12 - PROGRAMMA 7",
  "Anno 2025",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "2024",
  "20%",
  "0,2",
  "SI",
  "Entro il 30/9",
];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...PLAN_WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: "grapheme" }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 3000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) }
);

const sheetNameArb = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "Foglio1",
    "Scheda 1",
    "'quoted'",
    "",
    "日本語"
  ),
  fc.string({ maxLength: 31 })
);

const gridArb: fc.Arbitrary<Grid> = fc.record({
  sheet: sheetNameArb,
  rows: fc.array(fc.array(cellArb, { maxLength: 14 }), { maxLength: 40 }),
});

function check(grids: Grid[], year?: number) {
  const m = buildModel(grids, { files: ["f.xlsx"], year, asOf: "2025-06-30" });
  expect(() => PegModelSchema.parse(m)).not.toThrow();
  expect(m.findings.filter((f) => f.code === "STRUCTURE_INVALID")).toEqual([]);
  return m;
}

test("empty inputs", () => {
  expect(check([]).operationalObjectives).toEqual([]);
  const m = check([{ sheet: "Vuoto", rows: [] }]);
  expect(m.findings.map((f) => f.code)).toEqual(["LAYOUT_NOT_RECOGNIZED"]);
  check([{ sheet: "x", rows: [[null]] }]);
  check([{ sheet: "__proto__", rows: [["__proto__"]] }]);
  check([{ sheet: "constructor", rows: [["constructor", "__proto__"]] }]);
});

test("a target whose number is too large to be finite leaves a valid rule and model", () => {
  const huge = "9".repeat(400);
  const m = check([
    {
      sheet: "Piano",
      rows: [
        ["Indicatore", "Target", "Peso", "Consuntivo"],
        ["Pratiche", `>= ${huge}`, huge, huge],
      ],
    },
  ]);
  expect(m.indicators).toHaveLength(1);
  const rule = m.indicators[0].rule;
  expect(rule).not.toBeNull();
  expect(TargetRuleSchema.safeParse(rule).success).toBe(true);
  if (rule?.value !== undefined) expect(Number.isFinite(rule.value)).toBe(true);
});

test("a cell holding Infinity or NaN (text grids, formula errors) is read as text, not a number", () => {
  const m = check([
    {
      sheet: "__proto__",
      rows: [
        [
          "Target",
          "Valori storici",
          "Indicatore",
          "REPORT DEL DIRIGENTE",
          "Consuntivo",
          "Previsione 2025",
        ],
        [null, null, "Pratiche", 0, Number.POSITIVE_INFINITY, new Date("1970-01-01T00:00:00.000Z")],
        [null, null, "Istanze", 0, Number.NaN, ">= 3"],
      ],
    },
  ]);
  const actuals = m.indicators.map((i) => i.actual);
  expect(actuals).toContain("Infinity");
  for (const a of actuals) if (typeof a === "number") expect(Number.isFinite(a)).toBe(true);
});

test("random grids never throw and always pass the schema", () => {
  fc.assert(
    fc.property(
      fc.array(gridArb, { maxLength: 3 }),
      fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: undefined }),
      (grids, year) => {
        check(grids, year);
      }
    ),
    { numRuns: RUNS }
  );
});

test("plan-shaped random tables (header, rows of values) pass the schema", () => {
  const header = fc.shuffledSubarray(
    [
      "Codice",
      "Obiettivo operativo",
      "Indicatore",
      "Target",
      "Peso",
      "Consuntivo",
      "Valori storici",
      "REPORT DEL DIRIGENTE",
      "Totale",
      "Previsione 2025",
      "Unità di misura",
    ],
    { minLength: 2 }
  );
  fc.assert(
    fc.property(
      header,
      fc.array(fc.array(cellArb, { minLength: 1, maxLength: 12 }), { maxLength: 30 }),
      sheetNameArb,
      (h, body, sheet) => {
        const m = check([{ sheet, rows: [h, ...body] }]);
        // Every indicator and report belongs to an objective of the model.
        const keys = new Set(
          [...m.operationalObjectives, ...m.strategicObjectives].map((o) => o.code ?? o.id)
        );
        for (const i of m.indicators) expect(keys.has(i.objectiveCode)).toBe(true);
        for (const r of m.reports) expect(keys.has(r.objectiveCode)).toBe(true);
        const ids = [...m.operationalObjectives, ...m.strategicObjectives].map((o) => o.id);
        expect(new Set(ids).size).toBe(ids.length);
      }
    ),
    { numRuns: RUNS }
  );
});

test("a 3,000 x 40 grid of random cells is read without throwing, in reasonable time", () => {
  const bigRuns = Number(process.env.FC_RUNS ?? "") ? Math.max(1, Math.floor(RUNS / 100)) : 2;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
      let s = seed;
      const rnd = () => {
        s = (s * 1103515245 + 12345) % 2147483648;
        return s / 2147483648;
      };
      const rows: CellValue[][] = [];
      for (let r = 0; r < 3000; r++) {
        const row: CellValue[] = [];
        for (let c = 0; c < 40; c++) {
          const x = rnd();
          row.push(
            x < 0.5
              ? null
              : x < 0.7
                ? PLAN_WORDS[Math.floor(rnd() * PLAN_WORDS.length)]
                : x < 0.85
                  ? Math.floor(rnd() * 1000)
                  : `testo ${Math.floor(rnd() * 1e6)} ü ✓`
          );
        }
        rows.push(row);
      }
      const t0 = Date.now();
      check([{ sheet: "__proto__", rows }]);
      expect(Date.now() - t0).toBeLessThan(20000);
    }),
    { numRuns: bigRuns }
  );
});
