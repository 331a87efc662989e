/**
 * Property tests (issue 7): the parsers never throw on any input and keep their invariants.
 * FC_RUNS sets the number of cases per property (CI: 10,000); locally it defaults to 500.
 * The xlsx reader is ~50x slower per case (exceljs), so it runs FC_RUNS/50 mutated workbooks.
 */
import fc from "fast-check";
import { readTarget, evaluateTarget } from "../../src/core/targets";
import { parseItalianNumber, findNumbers } from "../../src/core/numbers";
import { readWeight } from "../../src/core/weights";
import { parseItalianDate, findDates } from "../../src/core/dates";
import { excelSerialToIso } from "../../src/core/cells";
import { textToGrid } from "../../src/core/textgrid";
import { analyzeWorkbook } from "../../src/core/pipeline";
import { PegModelSchema, STATUSES, TargetRuleSchema } from "../../src/core/model";
import { isPegInputError } from "../../src/core/errors";
import { readXlsxGrids } from "../../src/xlsx/read";
import type { CellValue, Grid } from "../../src/core/grid";
import { buildXlsx } from "./builders";
import { FORMULA_PAYLOADS, MARKUP_PAYLOADS } from "./generators";
import { protoChanges, protoSnapshot } from "./proto";

const RUNS = Math.max(1, Number(process.env.FC_RUNS) || 500);
jest.setTimeout(20 * 60_000);

/** Words and signs plans are made of, so random text often looks like a real target or header. */
const TOKENS = [
  ">=",
  "=>",
  "≥",
  ">",
  "<=",
  "=<",
  "<",
  "=",
  ">>",
  "almeno",
  "Almeno",
  "minimo",
  "massimo",
  "non più di",
  "non meno di",
  "al massimo",
  "entro",
  "Entro il",
  "ENTRO",
  "da",
  "a",
  "il",
  "rispetto",
  "all'esercizio precedente",
  "%",
  "€",
  "gg",
  "giorni",
  "N.",
  "n.",
  "pasti",
  "famiglie",
  "SI",
  "Sì",
  "NO",
  "X",
  "fatto",
  "realizzato",
  "1)",
  "2)",
  "a.",
  "b)",
  "-",
  "+",
  "/",
  ".",
  ",",
  ";",
  ":",
  "(",
  ")",
  "0",
  "1",
  "2",
  "3,5",
  "1.000",
  "1.000,50",
  "100",
  "74",
  "-5",
  "30/9",
  "31/12",
  "29/2",
  "31/02/2025",
  "30.06.2025",
  "2025",
  "99999",
  "1e309",
  "NaN",
  "Infinity",
  "gennaio",
  "aprile 2025",
  "settembre",
  "dicembre",
  "ANNUALE",
  "trimestrale",
  "Da definire",
  "non previsto",
  "N.D.",
  "Obiettivo",
  "OBIETTIVO STRATEGICO",
  "Obiettivi operativi",
  "Indicatore",
  "Indicatori",
  "Peso",
  "PESO DELL'OBIETTIVO",
  "Target",
  "Target 2025",
  "Risultato atteso",
  "Consuntivo",
  "Valore atteso",
  "Dirigente",
  "Responsabile",
  "Codice",
  "2_1201_0401",
  "Missione 12",
  "Programma 7",
  "valutazione di risultato",
  "TOTALE",
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "toString",
  "\t",
  "\r",
  "\n",
  " ",
  "\u00a0",
  "\u200b",
  "\u202e",
  "\u0000",
];

const tokenText = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 12 })
  .chain((parts) => fc.constantFrom(parts.join(" "), parts.join(""), parts.join("\t")));
const anyText = fc.oneof(
  { weight: 3, arbitrary: tokenText },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...FORMULA_PAYLOADS, ...MARKUP_PAYLOADS) }
);
const anyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.2, 100, 1e308)
);
const anyDate = fc.date({ noInvalidDate: false });
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: anyText },
  { weight: 2, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: anyDate },
  { weight: 4, arbitrary: fc.constant(null) }
);
const anyActual = fc.oneof(
  anyText,
  anyNumber,
  fc.boolean(),
  anyDate,
  fc.constant(null),
  fc.constant(undefined)
);
const anyYear = fc.option(fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.integer()), {
  nil: undefined,
});
const anyAsOf = fc.option(
  fc.oneof(fc.constantFrom("2025-06-30", "2025-12-31", "2024-02-29"), fc.string({ maxLength: 12 })),
  { nil: null }
);

function isIsoDate(s: unknown): boolean {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

test("readTarget + evaluateTarget: never throw, valid rule, status and achievement in 0..1", () => {
  fc.assert(
    fc.property(
      anyText,
      anyActual,
      anyYear,
      anyAsOf,
      fc.option(fc.oneof(anyText, anyNumber), { nil: null }),
      (text, actual, year, asOf, baseline) => {
        const ctx = { year, asOf, baseline };
        const rule = readTarget(text, ctx);
        expect(TargetRuleSchema.safeParse(rule).success).toBe(true);
        const ev = evaluateTarget(rule, actual as Parameters<typeof evaluateTarget>[1], ctx);
        expect(STATUSES).toContain(ev.status);
        if (ev.achievement !== null) {
          expect(Number.isFinite(ev.achievement)).toBe(true);
          expect(ev.achievement).toBeGreaterThanOrEqual(0);
          expect(ev.achievement).toBeLessThanOrEqual(1);
        }
      }
    ),
    { numRuns: RUNS }
  );
});

test("Italian numbers: never throw, finite or null", () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const n = parseItalianNumber(text);
      if (n !== null) expect(Number.isFinite(n)).toBe(true);
      for (const f of findNumbers(text)) expect(Number.isFinite(f.value)).toBe(true);
      for (const v of [text, n]) {
        const w = readWeight(v);
        if (w !== null) expect(Number.isFinite(w) && w >= 0).toBe(true);
      }
    }),
    { numRuns: RUNS }
  );
});

test("Italian dates: never throw, real ISO dates or null", () => {
  fc.assert(
    fc.property(
      anyText,
      fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }),
      anyNumber,
      (text, year, serial) => {
        const d = parseItalianDate(text, year);
        if (d !== null) {
          expect(isIsoDate(d.date)).toBe(true);
          if (d.from !== undefined) expect(isIsoDate(d.from)).toBe(true);
        }
        findDates(text, year);
        const iso = excelSerialToIso(serial);
        if (iso !== null) expect(isIsoDate(iso)).toBe(true);
      }
    ),
    { numRuns: RUNS }
  );
});

test("textToGrid: never throws, rows of strings and nulls", () => {
  fc.assert(
    fc.property(
      fc
        .array(fc.oneof(anyText, fc.constantFrom('"', '""', ";", ",", "\r\n", "\n", "\uFEFF")), {
          maxLength: 30,
        })
        .map((p) => p.join("")),
      fc.constantFrom("csv", "tsv", "txt") as fc.Arbitrary<"csv" | "tsv" | "txt">,
      (text, format) => {
        const g = textToGrid(text, "__proto__", { format });
        expect(g.sheet).toBe("__proto__");
        for (const row of g.rows)
          for (const c of row) expect(c === null || typeof c === "string").toBe(true);
      }
    ),
    { numRuns: RUNS }
  );
});

const anyGrid: fc.Arbitrary<Grid> = fc.record(
  {
    sheet: fc.oneof(anyText, fc.constantFrom("__proto__", "constructor", "prototype", "Foglio1")),
    rows: fc.array(fc.array(anyCell, { maxLength: 12 }), { maxLength: 30 }),
    merges: fc.array(
      fc.record({
        top: fc.integer({ min: -2, max: 40 }),
        left: fc.integer({ min: -2, max: 15 }),
        bottom: fc.integer({ min: -2, max: 40 }),
        right: fc.integer({ min: -2, max: 15 }),
      }),
      { maxLength: 6 }
    ),
    origin: fc.record({
      row: fc.integer({ min: 0, max: 1_048_575 }),
      col: fc.integer({ min: 0, max: 16_383 }),
    }),
    hidden: fc.boolean(),
  },
  { requiredKeys: ["sheet", "rows"] }
);

test("recognizer and audit on random grids: never throw, model passes the schema, prototypes intact", () => {
  const before = protoSnapshot();
  fc.assert(
    fc.property(fc.array(anyGrid, { minLength: 1, maxLength: 3 }), anyYear, (grids, year) => {
      const model = analyzeWorkbook(grids, {
        files: ["casuale.xlsx"],
        year: year !== undefined && year >= 1900 && year <= 2100 ? year : undefined,
      });
      const parsed = PegModelSchema.safeParse(JSON.parse(JSON.stringify(model)));
      if (!parsed.success) throw new Error(parsed.error.message.slice(0, 500));
    }),
    { numRuns: RUNS }
  );
  expect(protoChanges(before)).toEqual([]);
});

test("xlsx reader on mutated workbooks: a grid or a PegInputError, nothing else", async () => {
  const base = await buildXlsx([
    {
      name: "__proto__",
      rows: [
        ["Obiettivo", "Indicatore", "Peso", "Target"],
        ["1", "n. pratiche", 0.5, "Almeno 3"],
        ["1", "Tempi", 0.5, "Entro il 30/9"],
      ],
      merges: ["A1:B1"],
    },
  ]);
  const before = protoSnapshot();
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
        minLength: 1,
        maxLength: 8,
      }),
      fc.option(fc.nat(), { nil: undefined }),
      async (flips, cut) => {
        const b = Uint8Array.from(base);
        for (const f of flips) b[f.at % b.length] = f.byte;
        const bytes = cut === undefined ? b : b.subarray(0, cut % b.length);
        try {
          const grids = await readXlsxGrids(bytes, "mutato.xlsx");
          analyzeWorkbook(grids, { files: ["mutato.xlsx"] });
        } catch (e) {
          if (!isPegInputError(e)) throw e;
          expect(e.message).toContain("mutato.xlsx");
        }
      }
    ),
    { numRuns: Math.max(20, Math.floor(RUNS / 50)) }
  );
  expect(protoChanges(before)).toEqual([]);
});
