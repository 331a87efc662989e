/**
 * Metamorphic checks: each fixture's input.txt, changed the way another real plan of the same kind
 * could plausibly differ (grid shifted, blank lines doubled, stray spaces, header case, an extra
 * empty column, two value columns swapped, weights written another way, sheet renamed, file split
 * in two), must read as well as the untransformed text against gold.json: the same objectives, an
 * indicator F1 of at least 0.95 and no new target, weight, status or report mismatch.
 */
import * as fs from "fs";
import * as path from "path";
import { buildModel } from "../../src/core/structure";
import { PegModelSchema, type PegModel } from "../../src/core/model";
import { textToGrid } from "../../src/core/textgrid";
import { parseA1, splitRef, type CellValue, type Grid } from "../../src/core/grid";
import { readXlsxGrids } from "../../src/xlsx/read";
import { compareWithGold, wordSet, type Gold } from "../helpers/gold";

/**
 * A transformation that means nothing for a fixture (no tab tables, no percent weights, nothing it
 * would change) registers no test at all: the suite reports no skipped tests, which in CI
 * (E2E_REQUIRED=1) must mean a missing program.
 */
const doNothing = (): undefined => undefined;
const notApplicable = Object.assign(doNothing, { each: () => doNothing }) as unknown as typeof it;

const FIXTURES = path.join(__dirname, "..", "fixtures");
const SHEET = "input.txt";

interface FixtureConfig {
  /** Header pairs (adjacent cells of one header row) whose columns are swapped in their table. */
  swap?: [RegExp, RegExp][];
  /** The swapped table runs over single blank rows to its TOTALE row (else it ends at a blank row). */
  swapToTotal?: boolean;
  /** A row (cells joined by spaces) that opens a scheda: the file is split before the middle one. */
  split?: RegExp;
  /** The fixture writes weights as percentages in a weight column. */
  percentWeights?: boolean;
  /** Rows hold tab-separated cells (an extra empty column is meaningful). */
  tabbed: boolean;
}

const CONFIG: Record<string, FixtureConfig> = {
  // Plain lines from a PDF: no columns to insert or swap, weights sit inside a line of text.
  "seed-000": { tabbed: false, split: /^\d+\s+\[?TITOLO:/ },
  "seed-001": {
    tabbed: true,
    swap: [[/^target$/i, /^%\s*ponder$/i]],
    swapToTotal: true,
    // One scheda holding numbered projects: split before a project's title row.
    split: /^\d+\s+[A-Z][A-Z.]+/,
    percentWeights: true,
  },
  // One matrix with no schede (split meaningless); weights are points (27), not percentages.
  "seed-002": {
    tabbed: true,
    swap: [
      [/^ECONOMICITA/i, /^PESO/i],
      [/^dirigente$/i, /^note$/i],
      [/^obiettivi operativi collegati$/i, /^dirigente$/i],
      [/^valutazione di risultato$/i, /^valutazione qualitative$/i],
    ],
  },
  // No weights anywhere.
  "seed-003": {
    tabbed: true,
    swap: [
      [/^valori attesi$/i, /^valore consuntivo/i],
      [/^descrizione$/i, /^unit. di misura$/i],
      [/^valore attuale$/i, /^valor[ei] attes[io]$/i],
    ],
    split: /^Obiettivo N\.?$/,
  },
  // No weights anywhere.
  "seed-004": {
    tabbed: true,
    swap: [
      [/^previsione 2024$/i, /^risultato 2024$/i],
      [/^descrizione$/i, /^risultato atteso$/i],
    ],
    split: /^Scheda \d+$/,
  },
};

const cases = fs
  .readdirSync(FIXTURES)
  .filter((d) => fs.existsSync(path.join(FIXTURES, d, "gold.json")))
  .sort();

test("every fixture has a metamorphic configuration", () => {
  expect(cases.filter((c) => !(c in CONFIG))).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Reading and measuring

function read(grids: Grid[]): PegModel {
  return buildModel(grids, { files: [SHEET] });
}

interface Reading {
  objectives: string[];
  missing: string[];
  f1: number;
  targets: string[];
  weights: string[];
  objectiveWeights: string[];
  statuses: string[];
  reports: string[];
  /** Per gold indicator: targets by year, actual and dimension as read (spaces and case ignored). */
  values: string[];
}

const flat = (v: unknown) =>
  String(v ?? "")
    .replace(/\s+/g, "")
    .toLowerCase();
const norm = (s: string) => [...wordSet(s)].join(" ").slice(0, 60);

function measure(model: PegModel, gold: Gold): Reading {
  const c = compareWithGold(model, gold);
  const objectives = [
    ...model.strategicObjectives.map((o) => `S ${o.code ?? norm(o.title)}`),
    ...model.operationalObjectives.map((o) => `O ${o.code ?? norm(o.title)}`),
  ].sort();
  return {
    objectives,
    missing: c.missingObjectives.map((o) => `${o.code} ${o.title.slice(0, 40)}`),
    f1: c.f1,
    targets: c.targetMismatches.map((m) => `${m.gold.name}: ${m.gold.target} != ${m.got}`),
    weights: c.weightMismatches.map((m) => `${m.gold.name}: ${m.gold.weight} != ${m.got}`),
    objectiveWeights: c.objectiveWeightMismatches.map(
      (m) => `${m.gold.code}: ${m.gold.weight} != ${m.got}`
    ),
    statuses: c.statusMismatches.map((m) => `${m.gold.name}: ${m.gold.status} != ${m.got}`),
    reports: c.reportMismatches.map((m) => `${m.gold.objective}: ${m.got}`),
    values: [...c.indicators]
      .sort((a, b) => a[0] - b[0])
      .map(([gi, ind]) => {
        // One year alone says no more than the target itself.
        const entries = Object.entries(ind.targets ?? {});
        const years = (entries.length >= 2 ? entries : [])
          .map(([y, t]) => `${y}=${flat(t)}`)
          .sort()
          .join(",");
        return `${gold.indicators[gi].name.slice(0, 50)}: [${years}] actual=${flat(ind.actual)} dim=${ind.dimension ?? ""}`;
      }),
  };
}

/** Mismatches the transformed reading has and the original has not. */
function worse(got: string[], base: string[]): string[] {
  return got.filter((x) => !base.includes(x));
}

function expectAsGood(model: PegModel, gold: Gold, base: Reading): void {
  expect(() => PegModelSchema.parse(model)).not.toThrow();
  expect(model.plan.year).toBe(gold.year);
  const r = measure(model, gold);
  expect(r.objectives).toEqual(base.objectives);
  expect(worse(r.missing, base.missing)).toEqual([]);
  expect(r.f1).toBeGreaterThanOrEqual(Math.min(0.95, base.f1));
  expect(r.f1).toBeGreaterThanOrEqual(base.f1 - 1e-9);
  expect(worse(r.targets, base.targets)).toEqual([]);
  expect(worse(r.weights, base.weights)).toEqual([]);
  expect(worse(r.objectiveWeights, base.objectiveWeights)).toEqual([]);
  expect(worse(r.statuses, base.statuses)).toEqual([]);
  expect(worse(r.reports, base.reports)).toEqual([]);
  expect(worse(r.values, base.values)).toEqual([]);
  const sheets = new Set(model.source.sheets);
  for (const i of model.indicators) {
    const ref = splitRef(i.source);
    expect(ref && sheets.has(ref.sheet)).toBe(true);
  }
}

/** Indicator sources as [row, col] of their first cell, in reading order. */
function indicatorCells(model: PegModel): [number, number][] {
  return model.indicators.map((i) => {
    const ref = splitRef(i.source);
    const p = ref ? parseA1(ref.range.split(":")[0]) : null;
    return p ? [p.row, p.col] : [-1, -1];
  });
}

// ---------------------------------------------------------------------------------------------
// Transformations (pure: they copy the grid)

type Rows = CellValue[][];

const copy = (rows: Rows): Rows => rows.map((r) => [...r]);
const isBlank = (row: CellValue[] | undefined) =>
  !row || row.every((v) => v === null || String(v).trim() === "");
const str = (v: CellValue) => (v === null ? "" : String(v));

function mapCells(rows: Rows, f: (s: string) => string): Rows {
  return rows.map((r) => r.map((v) => (typeof v === "string" && v !== "" ? f(v) : v)));
}

/** Short digit-free label cells: headers, section labels, row labels. */
const isLabel = (s: string) => s.trim().length <= 40 && !/\d/.test(s) && /\p{L}/u.test(s);

function pad(rows: Rows, top: number, left: number): Rows {
  const lead: CellValue[] = Array.from({ length: left }, () => null);
  return [...Array.from({ length: top }, () => []), ...rows.map((r) => [...lead, ...r])];
}

function doubleBlankRows(rows: Rows): Rows {
  const out: Rows = [];
  for (const r of rows) {
    out.push([...r]);
    if (isBlank(r)) out.push([]);
  }
  return out;
}

/** A blank row wherever one non-blank row follows another with a different number of cells. */
function blankBetweenBlocks(rows: Rows): Rows {
  const width = (r: CellValue[]) => r.filter((v) => str(v).trim() !== "").length;
  const out: Rows = [];
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    if (i > 0 && !isBlank(r) && !isBlank(prev) && width(prev) > 1 !== width(r) > 1) out.push([]);
    out.push([...r]);
  });
  return out;
}

function insertColumn(rows: Rows, at: number): Rows {
  return rows.map((r) => (r.length > at ? [...r.slice(0, at), null, ...r.slice(at)] : [...r]));
}

/**
 * Swap two adjacent columns inside every table whose header row holds the pair, to its end: a
 * blank row followed by a row narrower than the header (or its TOTALE row, when the table has blank rows inside).
 */
function swapColumns(
  rows: Rows,
  pair: [RegExp, RegExp],
  toTotal: boolean
): { rows: Rows; tables: number } {
  const out = copy(rows);
  let tables = 0;
  for (let r = 0; r < out.length; r++) {
    const row = out[r];
    const c = row.findIndex(
      (v, i) => pair[0].test(str(v).trim()) && pair[1].test(str(row[i + 1]).trim())
    );
    if (c < 0) continue;
    tables++;
    for (let k = r; k < out.length; k++) {
      // A blank row inside a table (a page break) is followed by a row as wide as the table.
      if (
        isBlank(out[k]) &&
        (toTotal ? isBlank(out[k + 1]) : (out[k + 1]?.length ?? 0) < out[r].length)
      )
        break;
      const x = out[k];
      while (x.length < c + 2) x.push(null);
      [x[c], x[c + 1]] = [x[c + 1], x[c]];
      if (toTotal && /^total[ei]\b/i.test(str(x[0]).trim())) break;
    }
  }
  return { rows: out, tables };
}

/** Cells of the grid named by the reading's weight sources. */
function weightCells(model: PegModel): [number, number][] {
  const refs = [
    ...model.indicators.map((i) => i.weightSource),
    ...model.operationalObjectives.map((o) => o.declaredWeightTotalSource),
  ];
  const out: [number, number][] = [];
  for (const ref of refs) {
    const s = ref ? splitRef(ref) : null;
    const p = s ? parseA1(s.range.split(":")[0]) : null;
    if (p) out.push([p.row, p.col]);
  }
  return out;
}

function rewriteWeights(
  rows: Rows,
  cells: [number, number][],
  f: (pct: number) => string | number
): Rows {
  const out = copy(rows);
  for (const [r, c] of cells) {
    const m = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*$/.exec(str(out[r]?.[c]));
    if (m) out[r][c] = f(Number(m[1].replace(",", ".")));
  }
  return out;
}

const differs = (a: Rows, b: Rows) => JSON.stringify(a) !== JSON.stringify(b);

const italian = (n: number) => String(n).replace(".", ",");

function splitAt(
  rows: Rows,
  re: RegExp,
  which: "middle" | "first" = "middle"
): [Rows, Rows] | null {
  const starts = rows
    .map((r, i) => ({ i, t: r.map(str).join(" ").trim() }))
    .filter(({ i, t }) => i > 0 && re.test(t))
    .map(({ i }) => i);
  if (starts.length === 0) return null;
  const mid = which === "first" ? starts[0] : starts[Math.floor((starts.length - 1) / 2)];
  return [copy(rows.slice(0, mid)), copy(rows.slice(mid))];
}

// ---------------------------------------------------------------------------------------------

describe.each(cases)("%s", (name) => {
  const dir = path.join(FIXTURES, name);
  const gold = JSON.parse(fs.readFileSync(path.join(dir, "gold.json"), "utf8")) as Gold;
  const text = fs.readFileSync(path.join(dir, "input.txt"), "utf8");
  const cfg = CONFIG[name] ?? { tabbed: false };
  const grid = textToGrid(text, SHEET);
  const base = read([grid]);
  const baseReading = measure(base, gold);
  const one = (rows: Rows, sheet = SHEET): PegModel => read([{ sheet, rows }]);

  it("reads the untransformed text well (the reference for every check below)", () => {
    expect(baseReading.missing).toEqual([]);
    expect(baseReading.f1).toBeGreaterThanOrEqual(0.95);
  });

  describe("1. shifted grid", () => {
    it("2 empty leading columns and 3 empty leading rows", () => {
      const m = one(pad(grid.rows, 3, 2));
      expectAsGood(m, gold, baseReading);
      expect(indicatorCells(m)).toEqual(indicatorCells(base).map(([r, c]) => [r + 3, c + 2]));
    });

    it("an origin offset, as an xlsx used range has", () => {
      const m = read([{ sheet: SHEET, rows: grid.rows, origin: { row: 3, col: 2 } }]);
      expectAsGood(m, gold, baseReading);
      expect(indicatorCells(m)).toEqual(indicatorCells(base).map(([r, c]) => [r + 3, c + 2]));
    });
  });

  describe("2. spacing and case", () => {
    it("blank lines doubled", () => {
      expectAsGood(read([textToGrid(text.replace(/\n\n/g, "\n\n\n"), SHEET)]), gold, baseReading);
    });

    it("blank rows removed (an export that drops them)", () => {
      expectAsGood(one(grid.rows.filter((r) => !isBlank(r))), gold, baseReading);
    });

    const numbered = (mark: string): Rows =>
      grid.rows.map((r) => {
        const i = r.findIndex((v) => str(v).trim() !== "");
        if (i < 0 || !/^\d{1,2}$/.test(str(r[i]).trim())) return [...r];
        if (!r.slice(i + 1).some((v) => /\p{L}{3}/u.test(str(v)))) return [...r];
        const out = [...r];
        out[i] = `${str(r[i]).trim()}${mark}`;
        return out;
      });
    // Only where rows start with a bare number before words.
    (differs(numbered("."), grid.rows) ? it.each : notApplicable.each)([".", ")"])(
      "row numbers written with %s after them",
      (mark) => {
        expectAsGood(one(numbered(mark)), gold, baseReading);
      }
    );

    // Only where the fixture has markup (`<b>`, `**`, `##`) or the kind words.
    const unmarked = mapCells(grid.rows, (s) =>
      s
        .replace(/<[^>]+>/g, " ")
        .replace(/\*\*/g, "")
        .replace(/^#+\s*/, "")
        .trim()
    );
    (differs(unmarked, grid.rows) ? it : notApplicable)("markup removed (plain text)", () => {
      expectAsGood(one(unmarked), gold, baseReading);
    });

    const respelled = mapCells(grid.rows, (s) =>
      s.replace(/^Scheda (\d+)$/, "SCHEDA N. $1").replace(/^Obiettivo N\.$/, "OBIETTIVO N°")
    );
    (differs(respelled, grid.rows) ? it : notApplicable)("kind words spelled otherwise", () => {
      expectAsGood(one(respelled), gold, baseReading);
    });

    it("saved as an Italian csv (`;`, quoted cells)", () => {
      const q = (v: CellValue) => {
        const t = str(v);
        return /[;"\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
      };
      const csv = grid.rows.map((r) => r.map(q).join(";")).join("\r\n");
      expectAsGood(read([textToGrid(csv, SHEET, { format: "csv" })]), gold, baseReading);
    });

    it("long texts wrapped over two lines inside their cell", () => {
      const wrap = (s: string) => {
        if (s.length <= 40) return s;
        const i = s.indexOf(" ", Math.floor(s.length / 2));
        return i < 0 ? s : `${s.slice(0, i)}\n${s.slice(i + 1)}`;
      };
      expectAsGood(one(mapCells(grid.rows, wrap)), gold, baseReading);
    });

    it("Windows line ends (CRLF)", () => {
      expectAsGood(read([textToGrid(text.replace(/\r?\n/g, "\r\n"), SHEET)]), gold, baseReading);
    });

    it("spaces doubled inside cells (PDF text spacing)", () => {
      expectAsGood(one(mapCells(grid.rows, (s) => s.replace(/ /g, "  "))), gold, baseReading);
    });

    it.each([0, 7, 13])(
      "a page footer (`Pagina n di m`) every 20 rows from row %i, as a PDF paste has",
      (offset) => {
        const out: Rows = [];
        let page = 0;
        grid.rows.forEach((r, i) => {
          out.push([...r]);
          if (i % 20 === offset)
            out.push([`Pagina ${++page} di ${Math.ceil(grid.rows.length / 20)}`]);
        });
        expectAsGood(one(out), gold, baseReading);
      }
    );

    it("leading spaces in cells", () => {
      expectAsGood(one(mapCells(grid.rows, (s) => ` ${s}`)), gold, baseReading);
    });

    it("a blank row between every pair of table blocks", () => {
      expectAsGood(one(doubleBlankRows(blankBetweenBlocks(grid.rows))), gold, baseReading);
    });

    it("trailing spaces in cells", () => {
      expectAsGood(one(mapCells(grid.rows, (s) => `${s}  `)), gold, baseReading);
    });

    it("trailing non-breaking spaces in cells", () => {
      expectAsGood(one(mapCells(grid.rows, (s) => `${s}\u00a0`)), gold, baseReading);
    });

    it("non-breaking spaces between the words of labels and headers", () => {
      expectAsGood(
        one(mapCells(grid.rows, (s) => (isLabel(s) ? s.replace(/ /g, "\u00a0") : s))),
        gold,
        baseReading
      );
    });

    it("labels and headers broken over two lines inside their cell", () => {
      expectAsGood(
        one(mapCells(grid.rows, (s) => (isLabel(s) ? s.replace(" ", "\n") : s))),
        gold,
        baseReading
      );
    });

    const synonyms: [RegExp, string][] = [
      [/^target$/i, "Valore target"],
      [/^% ?ponder$/i, "Peso %"],
      [/^previsione (\d{4})$/i, "Target $1"],
      [/^risultato (\d{4})$/i, "Consuntivo $1"],
      [/^indicatore$/i, "Indicatori"],
      [/^valori attesi$/i, "Valore atteso"],
    ];
    const synonymRows = mapCells(grid.rows, (s) => {
      for (const [re, to] of synonyms) if (re.test(s.trim())) return s.trim().replace(re, to);
      return s;
    });
    // Only where the fixture has one of these header words.
    (differs(synonymRows, grid.rows) ? it : notApplicable)(
      "header words replaced by synonyms",
      () => {
        expectAsGood(one(synonymRows), gold, baseReading);
      }
    );

    it("labels and headers in UPPER CASE", () => {
      expectAsGood(
        one(mapCells(grid.rows, (s) => (isLabel(s) ? s.toUpperCase() : s))),
        gold,
        baseReading
      );
    });

    it("labels and headers in lower case", () => {
      expectAsGood(
        one(mapCells(grid.rows, (s) => (isLabel(s) ? s.toLowerCase() : s))),
        gold,
        baseReading
      );
    });
  });

  describe("3. columns", () => {
    // Plain text lines have no columns.
    const positions = Array.from({ length: 8 }, (_, i) => i + 1);
    (cfg.tabbed ? it.each(positions) : notApplicable.each(positions))(
      "an empty column inserted before column %i",
      (at) => {
        expectAsGood(one(insertColumn(grid.rows, at)), gold, baseReading);
      }
    );

    (cfg.tabbed ? it : notApplicable)("two empty columns inserted together", () => {
      expectAsGood(one(insertColumn(insertColumn(grid.rows, 2), 2)), gold, baseReading);
    });

    // An export that trims the empty cells at the end of each row.
    (cfg.tabbed ? it : notApplicable)("trailing empty cells dropped", () => {
      const rows = grid.rows.map((r) => {
        const out = [...r];
        while (out.length > 0 && str(out[out.length - 1]).trim() === "") out.pop();
        return out;
      });
      expectAsGood(one(rows), gold, baseReading);
    });

    // Every row padded with empty cells to the widest row (a rectangular used range).
    (cfg.tabbed ? it : notApplicable)("rows padded to the same width", () => {
      const w = Math.max(...grid.rows.map((r) => r.length));
      const rows = grid.rows.map((r) => [
        ...r,
        ...Array.from({ length: w - r.length }, () => null),
      ]);
      expectAsGood(one(rows), gold, baseReading);
    });

    // Plain text lines have no columns.
    (cfg.swap
      ? it.each(cfg.swap.map((p) => [`${p[0].source} | ${p[1].source}`, p] as const))
      : notApplicable.each([["none", null]]))("columns swapped: %s", (_, pair) => {
      const { rows, tables } = swapColumns(grid.rows, pair!, !!cfg.swapToTotal);
      expect(tables).toBeGreaterThan(0);
      expectAsGood(one(rows), gold, baseReading);
    });
  });

  describe("4. weights written another way", () => {
    const cells = weightCells(base);
    // Only where weights are percentages in a weight column.
    const t = cfg.percentWeights ? it : notApplicable;

    t("the fixture has percent weight cells", () => {
      const pct = cells.filter(([r, c]) => /%\s*$/.test(str(grid.rows[r]?.[c])));
      expect(pct.length).toBeGreaterThanOrEqual(3);
    });

    t("20% written as 0,2", () => {
      expectAsGood(
        one(rewriteWeights(grid.rows, cells, (p) => italian(p / 100))),
        gold,
        baseReading
      );
    });

    t("20% written as 0.20 (decimal point)", () => {
      expectAsGood(
        one(rewriteWeights(grid.rows, cells, (p) => (p / 100).toFixed(2))),
        gold,
        baseReading
      );
    });

    t("20% written as 20 %", () => {
      expectAsGood(one(rewriteWeights(grid.rows, cells, (p) => `${p} %`)), gold, baseReading);
    });

    t("20% written as 20", () => {
      expectAsGood(one(rewriteWeights(grid.rows, cells, (p) => String(p))), gold, baseReading);
    });

    // Cells as Excel hands them over when not formatted as percentages: numbers.
    t("20% as the number 0.2 and as the number 20", () => {
      expectAsGood(one(rewriteWeights(grid.rows, cells, (p) => p / 100)), gold, baseReading);
      expectAsGood(one(rewriteWeights(grid.rows, cells, (p) => p)), gold, baseReading);
    });
  });

  describe("5. sheets", () => {
    it("sheet named __proto__", () => {
      const m = one(grid.rows, "__proto__");
      expectAsGood(m, gold, baseReading);
      expect(m.source.sheets).toEqual(["__proto__"]);
    });

    it("a long unicode sheet name", () => {
      const long = "Scheda obiettivi – Servizi alla persona «Città» ✓ 2025 – ünïcødé ẞ 日本";
      const m = one(grid.rows, long);
      expectAsGood(m, gold, baseReading);
      expect(m.source.sheets).toEqual([long]);
    });

    // A layout without schede (one matrix) cannot be split at a scheda boundary.
    (cfg.split ? it : notApplicable)("the file split in two grids at a scheda boundary", () => {
      const parts = splitAt(grid.rows, cfg.split!);
      expect(parts).not.toBeNull();
      const [a, b] = parts!;
      const m = read([
        { sheet: "Parte 1", rows: a },
        { sheet: "Parte 2", rows: b },
      ]);
      expectAsGood(m, gold, baseReading);
    });

    (cfg.split ? it : notApplicable)("every scheda on its own grid, in either order", () => {
      const grids: Grid[] = [];
      let rest = grid.rows;
      for (
        let part = splitAt(rest, cfg.split!, "first");
        part;
        part = splitAt(rest, cfg.split!, "first")
      ) {
        grids.push({ sheet: `Foglio ${grids.length + 1}`, rows: part[0] });
        rest = part[1];
      }
      grids.push({ sheet: `Foglio ${grids.length + 1}`, rows: rest });
      expect(grids.length).toBeGreaterThanOrEqual(2);
      expectAsGood(read(grids), gold, baseReading);
      // The sheets in the other order (the cover sheet, without schede, stays first).
      expectAsGood(read([grids[0], ...grids.slice(1).reverse()]), gold, baseReading);
    });
  });

  it("as Excel hands a pasted sheet over: a rectangular used range at C4, labels in capitals", () => {
    const w = Math.max(...grid.rows.map((r) => r.length));
    const rows = mapCells(
      grid.rows.map((r) => [...r, ...Array.from({ length: w - r.length }, () => null)]),
      (s) => (isLabel(s) ? s.toUpperCase() : s)
    );
    const m = read([{ sheet: "Foglio1", rows, origin: { row: 3, col: 2 } }]);
    expectAsGood(m, gold, baseReading);
  });

  it("all at once: shifted, blank lines doubled, stray spaces, labels in lower case", () => {
    let rows = pad(doubleBlankRows(grid.rows), 3, 2);
    rows = mapCells(rows, (s) => (isLabel(s) ? s.toLowerCase() : s) + "\u00a0 ");
    if (cfg.tabbed) rows = insertColumn(rows, 4);
    expectAsGood(one(rows, "__proto__"), gold, baseReading);
  });
});

// The workbooks too, as the add-in reads them: Office.js hands over each used range whole
// (rectangular, wherever it starts on the sheet), under whatever name the sheet has.
describe.each(cases)("%s input.xlsx", (name) => {
  const dir = path.join(FIXTURES, name);
  const gold = JSON.parse(fs.readFileSync(path.join(dir, "gold.json"), "utf8")) as Gold;
  let grids: Grid[] = [];
  let baseReading: Reading;
  beforeAll(async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, "input.xlsx")));
    grids = await readXlsxGrids(bytes, "input.xlsx");
    baseReading = measure(buildModel(grids, { files: ["input.xlsx"] }), gold);
  });
  const readAll = (gs: Grid[]) => buildModel(gs, { files: ["input.xlsx"] });

  it("used ranges padded to rectangles", () => {
    const out = grids.map((g) => {
      const w = Math.max(0, ...g.rows.map((r) => r.length));
      return {
        ...g,
        rows: g.rows.map((r) => [...r, ...Array.from({ length: w - r.length }, () => null)]),
      };
    });
    expectAsGood(readAll(out), gold, baseReading);
  });

  it("every used range starting 3 rows and 2 columns further (merges moved with it)", () => {
    const out = grids.map((g) => {
      const o = g.origin ?? { row: 0, col: 0 };
      return {
        ...g,
        origin: { row: o.row + 3, col: o.col + 2 },
        merges: g.merges?.map((m) => ({
          top: m.top + 3,
          bottom: m.bottom + 3,
          left: m.left + 2,
          right: m.right + 2,
        })),
      };
    });
    expectAsGood(readAll(out), gold, baseReading);
  });

  it("sheets renamed (__proto__, long unicode names)", () => {
    const out = grids.map((g, i) => ({
      ...g,
      sheet: i === 0 ? "__proto__" : `Scheda n° ${i} – «Città» ✓ ünïcødé ${"è".repeat(i)}`,
    }));
    const m = readAll(out);
    expectAsGood(m, gold, baseReading);
    expect(m.source.sheets).toEqual(out.map((g) => g.sheet));
  });
});
