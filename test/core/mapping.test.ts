/** The column mapping's helpers: which entries act, and a saved mapping found again next year by its header texts. */
import type { Grid } from "../../src/core/grid";
import {
  applySavedLayouts,
  checkLayouts,
  isActiveEntry,
  matchHeaders,
  withHeaders,
} from "../../src/core/mapping";
import { parseSettings } from "../../src/core/settings";
import { layoutFor } from "../../src/core/recognize/readers/index";

const year2025: Grid = {
  sheet: "Piano 2025",
  rows: [
    ["Piano della performance 2025", null, null],
    ["Obiettivo", "Indicatore", "Valore atteso"],
    ["1 - Servizi", "Pratiche", ">= 10"],
  ],
};

// Next year: two title rows more, the table starts in column B, headers in capitals and spaced.
const year2026: Grid = {
  sheet: "Piano 2026",
  origin: { row: 0, col: 1 },
  rows: [
    ["Piano della performance 2026", null, null],
    [null, null, null],
    [null, null, null],
    ["OBIETTIVO ", "Indicatore", "valore  ATTESO"],
    ["1 - Servizi", "Pratiche", ">= 12"],
  ],
};

it("a saved mapping keeps only sheet, header row, roles and header texts", () => {
  const saved = withHeaders(year2025, {
    sheet: "Piano 2025",
    headerRow: 2,
    columns: { A: "operationalTitle", B: "indicator", C: "target" },
  });
  expect(saved).toEqual({
    sheet: "Piano 2025",
    headerRow: 2,
    columns: { A: "operationalTitle", B: "indicator", C: "target" },
    headers: { A: "Obiettivo", B: "Indicatore", C: "Valore atteso" },
  });
  // It is a valid settings entry as it is.
  expect(parseSettings({ layouts: [saved] }).layouts).toHaveLength(1);
});

it("applies to next year's workbook where the header row matches (accents, case, spaces aside)", () => {
  const saved = {
    sheet: "Piano 2025",
    headerRow: 2,
    columns: { B: "operationalTitle" as const, C: "indicator" as const, D: "target" as const },
    headers: { B: "Obiettivo", C: "Indicatore", D: "Valore atteso" },
  };
  expect(matchHeaders(year2026, saved)).toEqual({ ...saved, sheet: "Piano 2026", headerRow: 4 });
  expect(matchHeaders(year2025, saved)).toBeNull();
  expect(matchHeaders(year2026, { ...saved, headers: {} })).toBeNull();
});

it("entries of sheets read as schede or with no columns do not replace recognition", () => {
  expect(isActiveEntry({ sheet: "A", layout: "schede", headerRow: null, columns: {} })).toBe(false);
  expect(isActiveEntry({ sheet: "A", layout: "none", columns: { A: "indicator" } })).toBe(false);
  expect(isActiveEntry({ sheet: "A", layout: "table", headerRow: 1, columns: {} })).toBe(false);
  expect(isActiveEntry({ sheet: "A", headerRow: 1, columns: { A: "indicator" } })).toBe(true);
  expect(
    isActiveEntry({ sheet: "A", layout: "mapped", headerRow: 1, columns: { a: "target" } })
  ).toBe(true);
});

it("checked layouts have capital letters; '*' applies to every sheet without its own entry", () => {
  const layouts = checkLayouts(
    [
      { sheet: "*", headerRow: 1, columns: { a: "indicator" } },
      { sheet: "Piano 2025", headerRow: 2, columns: { b: "indicator", c: "target" } },
    ],
    [year2025]
  );
  expect(layouts[1].columns).toEqual({ B: "indicator", C: "target" });
  expect(layoutFor(layouts, "Piano 2025")?.headerRow).toBe(2);
  expect(layoutFor(layouts, "Altro")?.sheet).toBe("*");
  expect(layoutFor([], "Altro")).toBeNull();
});

it("saved mappings follow their header to next year's sheet, and are dropped when nothing matches", () => {
  const saved = {
    sheet: "Piano 2025",
    headerRow: 2,
    columns: { B: "operationalTitle" as const, C: "indicator" as const, D: "target" as const },
    headers: { B: "Obiettivo", C: "Indicatore", D: "Valore atteso" },
  };
  expect(applySavedLayouts([saved], [year2026])).toEqual([
    { ...saved, sheet: "Piano 2026", headerRow: 4 },
  ]);
  const changed = { ...saved, headers: { ...saved.headers, C: "Descrizione indicatore" } };
  expect(applySavedLayouts([changed], [year2026])).toEqual([]);
  // A mapping without header texts applies to its own sheet only.
  const plain = { sheet: "Piano 2025", headerRow: 2, columns: { A: "indicator" as const } };
  expect(applySavedLayouts([plain], [year2025, year2026])).toEqual([plain]);
  expect(applySavedLayouts([plain], [year2026])).toEqual([]);
});
