import { readWorkbookGrids, rangeToGrid } from "../../src/excel/read";
import { cellFormula, needsTextPrefix, writeWorkbookSpec } from "../../src/excel/write";
import { parseWhere, selectWhere } from "../../src/excel/select";
import { loadWorkbookSettings, saveWorkbookSettings } from "../../src/excel/settings";
import type { SheetSpec, WorkbookSpec } from "../../src/core/sheets/types";
import { STRUCTURED_SHEETS as STRUCTURED } from "../helpers/contract";
import { buildWorkbookSpec } from "../../src/core/sheets";
import { sampleModel } from "../sheets/sample-model";
import { fakeContext, type FakeSheetInit } from "./fake-excel";

function sheetSpec(
  name: string,
  rows: number,
  formula = "PEG.STATUS([@Target],[@Consuntivo])"
): SheetSpec {
  return {
    name,
    tableName: name.replace(/\s+/g, "_"),
    columns: [
      { header: "Codice", width: 12 },
      { header: "Target" },
      { header: "Consuntivo" },
      { header: "Peso", numFmt: "0%" },
      { header: "Esito" },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      `${i + 1}`,
      "=>15",
      i,
      0.2,
      { formula, result: "RAGGIUNTO" },
    ]),
    freeze: { rows: 1, cols: 0 },
    conditional: [
      { kind: "textEquals", column: 4, text: "RAGGIUNTO", fill: "C6EFCE", font: "006100" },
      { kind: "dataBar", column: 3, color: "5b9bd5" },
    ],
    validations: [{ column: 3, kind: "decimal", min: 0, max: 1, prompt: "Peso tra 0% e 100%" }],
  };
}

/** Seven sheets; 10,000 rows of these stay under one request's payload limit (about 3.7 MB). */
function workbookSpec(rows: number): WorkbookSpec {
  return { sheets: STRUCTURED.map((n) => sheetSpec(n, rows, "PEG.RULE([@Target])")) };
}

function sourceSheets(count: number, rows: number): FakeSheetInit[] {
  return Array.from({ length: count }, (_, s) => ({
    name: `Scheda ${s + 1}`,
    values: Array.from({ length: rows }, (_, r) => [`Obiettivo ${r}`, ">= 10", 0.2, 45000]),
    numberFormat: Array.from({ length: rows }, () => ["General", "General", "0%", "dd/mm/yyyy"]),
  }));
}

describe("reading the open workbook", () => {
  it("reads every sheet in two syncs, whatever the number of rows", async () => {
    const counts: number[] = [];
    for (const rows of [10, 10000]) {
      const { context, tracker } = fakeContext(sourceSheets(20, rows));
      const grids = await readWorkbookGrids(context);
      expect(grids).toHaveLength(20);
      expect(grids[19].sheet).toBe("Scheda 20");
      expect(grids[0].rows).toHaveLength(rows);
      counts.push(tracker.syncs);
    }
    expect(counts).toEqual([2, 2]);
  });

  it("on Excel on the web, reads in blocks that keep each response under the cell limit", async () => {
    const whole = fakeContext(sourceSheets(20, 3000));
    const expected = await readWorkbookGrids(whole.context);
    const { context, tracker } = fakeContext(sourceSheets(20, 3000));
    const limit = 50_000;
    const grids = await readWorkbookGrids(context, { maxCellsPerRequest: limit });
    expect(grids).toEqual(expected);
    for (const n of tracker.loadedCells) expect(n).toBeLessThanOrEqual(limit);
    // 20 × 3000 × 4 = 240,000 cells: 5 requests of cells after the sheet list and the sizes.
    expect(tracker.syncs).toBe(2 + Math.ceil((20 * 3000 * 4) / limit));
    // A sheet larger than the limit is split by rows, with the same result.
    const big = fakeContext(sourceSheets(1, 30000));
    const bigGrids = await readWorkbookGrids(big.context, { maxCellsPerRequest: limit });
    expect(bigGrids[0].rows).toHaveLength(30000);
    expect(bigGrids[0].rows[29999]).toEqual([
      "Obiettivo 29999",
      ">= 10",
      0.2,
      new Date(Date.UTC(2023, 2, 15)),
    ]);
    expect(bigGrids[0].text?.[29999][2]).toBe("20%");
  });

  it("keeps percent text, turns date formats into dates and keeps the origin", async () => {
    const { context } = fakeContext([
      {
        name: "Pesi",
        at: "B3",
        values: [
          ["Indicatore", "Peso", "Scadenza"],
          ["n. pratiche", 0.2, 45657],
          ["", 0.125, ""],
        ],
        numberFormat: [
          ["General", "General", "General"],
          ["General", "0%", "dd/mm/yyyy"],
          ["General", "0.0%", "General"],
        ],
      },
      { name: "Vuoto" },
    ]);
    const [g, empty] = await readWorkbookGrids(context);
    expect(g.origin).toEqual({ row: 2, col: 1 });
    expect(g.rows[1][1]).toBe(0.2);
    expect(g.text?.[1][1]).toBe("20%");
    expect(g.text?.[2][1]).toBe("12,5%");
    expect(g.rows[1][2]).toEqual(new Date(Date.UTC(2024, 11, 31)));
    expect(g.rows[2][0]).toBeNull();
    expect(empty.rows).toEqual([]);
  });

  it("rangeToGrid reads a quoted sheet address", () => {
    const g = rangeToGrid("Scheda 1", { address: "'Scheda 1'!C5:D5", values: [["a", 1]] });
    expect(g.origin).toEqual({ row: 4, col: 2 });
    expect(g.rows).toEqual([["a", 1]]);
  });
});

describe("writing the structured sheets", () => {
  it("uses the same number of syncs for 10 rows as for 10,000", async () => {
    const counts: number[] = [];
    for (const rows of [10, 10000]) {
      const { context, tracker, book } = fakeContext(sourceSheets(20, 5));
      await writeWorkbookSpec(context, workbookSpec(rows));
      expect(book.live().map((s) => s.name)).toEqual([
        ...sourceSheets(20, 5).map((s) => s.name),
        ...STRUCTURED,
      ]);
      expect(book.sheet("Indicatori").cell(`A${rows + 1}`)).toBe(`'${rows}`);
      counts.push(tracker.syncs);
      // Calculation is suspended for the batch that writes.
      expect(tracker.suspends).toBeGreaterThanOrEqual(1);
      expect(Math.max(...tracker.requestBytes)).toBeLessThan(5_000_000);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBe(2);
  });

  it("makes every structured sheet print-ready in the same two syncs", async () => {
    const { context, tracker, book } = fakeContext(sourceSheets(2, 5));
    const spec = buildWorkbookSpec(sampleModel());
    await writeWorkbookSpec(context, spec);
    expect(tracker.syncs).toBe(2);
    for (const s of spec.sheets) {
      const ws = book.sheet(s.name);
      expect([s.name, ws.pageLayout]).toMatchObject([
        s.name,
        {
          orientation: "Landscape",
          paperSize: "A4",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printTitleRows: "$1:$1",
          headersFooters: {
            defaultForAllPages: { leftFooter: "&A", rightFooter: "Pagina &P di &N" },
          },
        },
      ]);
      expect(ws.pageLayout.leftMargin).toBeGreaterThan(0);
      // Rows fitted to their wrapped text, header frozen.
      expect([s.name, ws.autofitted.length]).toEqual([s.name, 1]);
      expect([s.name, ws.frozenRows]).toEqual([s.name, 1]);
    }
  });

  it("gives a cell its own number format (a date among numbers) in the column's one write", async () => {
    const { context, book } = fakeContext([{ name: "Scheda 1", values: [["x"]] }]);
    const spec = sheetSpec("Indicatori", 3);
    spec.columns.push({ header: "Valore consuntivo" });
    spec.rows[0].push(12);
    spec.rows[1].push({ formula: "DATE(2025,10,10)", result: 45940, numFmt: "dd/mm/yyyy" });
    spec.rows[2].push(null);
    await writeWorkbookSpec(context, { sheets: [spec] });
    const ws = book.sheet("Indicatori");
    expect([1, 2, 3].map((r) => ws.formats.get(`${r},5`))).toEqual([
      "General",
      "dd/mm/yyyy",
      "General",
    ]);
  });

  it("writes values, formulas in en-US syntax, text as text, tables and formats", async () => {
    const { context, book } = fakeContext([{ name: "Scheda 1", values: [["x"]] }]);
    const spec: WorkbookSpec = {
      sheets: [
        {
          ...sheetSpec("Indicatori", 2),
          rows: [
            [
              "=>15",
              "+5% rispetto all'anno",
              74,
              0.2,
              { formula: "PEG.STATUS([@Target],[@Consuntivo])", result: null },
            ],
            ["31.12", "@note", null, true, { text: "Scheda 1!B22", location: "'Scheda 1'!B22" }],
          ],
        },
      ],
    };
    await writeWorkbookSpec(context, spec);
    const ws = book.sheet("Indicatori");
    expect(ws.cell("A1")).toBe("Codice");
    expect(ws.cell("A2")).toBe("'=>15");
    expect(ws.cell("B2")).toBe("'+5% rispetto all'anno");
    expect(ws.cell("C2")).toBe(74);
    expect(ws.cell("E2")).toBe("=PEG.STATUS([@Target],[@Consuntivo])");
    expect(ws.cell("A3")).toBe("'31.12");
    expect(ws.cell("B3")).toBe("'@note");
    expect(ws.cell("C3")).toBe("");
    expect(ws.cell("D3")).toBe(true);
    expect(ws.cell("E3")).toBe(`=HYPERLINK("#'Scheda 1'!B22","Scheda 1!B22")`);
    expect(ws.tables).toHaveLength(1);
    expect(ws.tables[0].name).toBe("Indicatori");
    expect(ws.tables[0].address).toBe("A1:E3");
    expect(ws.formats.get("1,3")).toBe("0%");
    expect(ws.formats.get("2,3")).toBe("0%");
    expect(ws.frozenRows).toBe(1);
    const custom = ws.conditionalFormats.find((c) => c.type === "Custom") as {
      range: string;
      custom: { rule: { formula: string }; format: { fill: { color: string } } };
    };
    expect(custom.range).toBe("E2:E3");
    expect(custom.custom.rule.formula).toBe('=E2="RAGGIUNTO"');
    expect(custom.custom.format.fill.color).toBe("#C6EFCE");
    const bar = ws.conditionalFormats.find((c) => c.type === "DataBar") as {
      range: string;
      dataBar: { positiveFormat: { fillColor: string } };
    };
    expect(bar.range).toBe("D2:D3");
    expect(bar.dataBar.positiveFormat.fillColor).toBe("#5B9BD5");
    expect((custom.custom.format as unknown as { font: { color: string } }).font.color).toBe(
      "#006100"
    );
    // The source sheet is untouched.
    expect(book.sheet("Scheda 1").cells.size).toBe(0);
  });

  it("writes the totals row under the table", async () => {
    const { context, book } = fakeContext([{ name: "Scheda 1", values: [["x"]] }]);
    const spec = sheetSpec("Riepilogo", 3);
    spec.totalsRow = true;
    spec.columns[0].total = { label: "Totale" };
    spec.columns[2].total = { function: "sum", result: 3 };
    spec.columns[3] = {
      header: "% [medio]",
      align: "right",
      total: { function: "average", result: 0.2 },
    };
    await writeWorkbookSpec(context, { sheets: [spec] });
    const ws = book.sheet("Riepilogo");
    expect((ws.tables[0] as unknown as { showTotals: boolean }).showTotals).toBe(true);
    expect(ws.cell("A5")).toBe("Totale");
    expect(ws.cell("B5")).toBe("");
    expect(ws.cell("C5")).toBe("=SUBTOTAL(109,Riepilogo[Consuntivo])");
    expect(ws.cell("D5")).toBe("=SUBTOTAL(101,Riepilogo[% '[medio']])");
  });

  it("replaces sheets of the same names instead of duplicating them", async () => {
    const { context, book } = fakeContext([
      { name: "Scheda 1", values: [["x"]] },
      { name: "indicatori" },
    ]);
    await writeWorkbookSpec(context, workbookSpec(3));
    await writeWorkbookSpec(context, workbookSpec(5));
    const names = book.live().map((s) => s.name);
    expect(names).toEqual(["Scheda 1", ...STRUCTURED]);
    expect(book.sheet("Indicatori").cell("A6")).toBe("'5");
    expect(book.allTables().map((t) => t.name)).toEqual(
      STRUCTURED.map((n) => n.replace(/\s+/g, "_"))
    );
  });

  it("picks another table name when a source sheet already uses it", async () => {
    const { context, book } = fakeContext([{ name: "Scheda 1", values: [["x"]] }]);
    const t = book.sheet("Scheda 1").tablesCollection.add("A1:A1");
    t.name = "Pesi";
    await writeWorkbookSpec(context, { sheets: [sheetSpec("Pesi", 2)] });
    expect(book.sheet("Pesi").tables[0].name).toBe("Pesi_2");
  });

  it("splits a write larger than the payload limit over several requests", async () => {
    const { context, tracker, book } = fakeContext([{ name: "Scheda 1", values: [["x"]] }]);
    const limit = 200_000;
    await writeWorkbookSpec(context, workbookSpec(3000), { maxPayloadBytes: limit });
    expect(tracker.syncs).toBeGreaterThan(2);
    for (const b of tracker.requestBytes) expect(b).toBeLessThanOrEqual(limit);
    const ws = book.sheet("Riepilogo");
    for (const r of [2, 1500, 3001]) expect(ws.cell(`A${r}`)).toBe(`'${r - 1}`);
    // Each sync ends the suspension: it is asked again after every flush.
    expect(tracker.suspends).toBe(tracker.syncs - 1);
  });

  it("prefixes only strings Excel would reinterpret", () => {
    for (const s of [
      "=SUM(A1)",
      "+5%",
      "-3",
      "@x",
      "20%",
      "0,2",
      "31/12/2025",
      "1.000",
      "VERO",
      "'x",
    ])
      expect(needsTextPrefix(s)).toBe(true);
    for (const s of ["Entro il 30/9", "n. famiglie", "SI", "", "Almeno 3"])
      expect(needsTextPrefix(s)).toBe(false);
    expect(cellFormula({ formula: "=PEG.RULE(B2)" })).toBe("=PEG.RULE(B2)");
    expect(cellFormula({ text: 'a "b"', location: "X!A1" })).toBe('=HYPERLINK("#X!A1","a ""b""")');
    expect(cellFormula(Number.NaN)).toBe("");
  });
});

describe("selecting a finding's cells", () => {
  it("activates the sheet and selects the range", async () => {
    const { context, book } = fakeContext([
      { name: "Scheda 1", values: [["x"]] },
      { name: "Altro" },
    ]);
    expect(await selectWhere(context, "'Scheda 1'!C40:C48")).toEqual({ ok: true });
    expect(book.active).toBe("Scheda 1");
    expect(book.selection).toBe("Scheda 1!C40:C48");
    expect(await selectWhere(context, "Altro!A1, Altro!B$3")).toEqual({ ok: true });
    expect(book.selection).toBe("Altro!A1,B3");
  });

  it("says in Italian when the sheet is gone or the reference is not one", async () => {
    const { context, book } = fakeContext([{ name: "Scheda 1" }]);
    const gone = await selectWhere(context, "Scheda 9!A1");
    expect(gone.ok).toBe(false);
    expect(gone.message).toContain('Il foglio "Scheda 9"');
    const bad = await selectWhere(context, "obiettivo 3");
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain("Riferimento non valido");
    expect(book.selection).toBeNull();
  });

  it("parses several areas and quoted names with commas", () => {
    expect(parseWhere("'Pesi, 2025'!A1:B2,'Pesi, 2025'!D4")).toEqual({
      sheet: "Pesi, 2025",
      areas: ["A1:B2", "D4"],
    });
    expect(parseWhere("A1")).toBeNull();
  });
});

describe("settings kept in the workbook", () => {
  it("round-trips", async () => {
    const { context } = fakeContext([{ name: "Scheda 1" }]);
    expect(await loadWorkbookSettings(context)).toBeNull();
    await saveWorkbookSettings(context, { year: 2025, asOf: "2025-12-31" });
    expect(await loadWorkbookSettings(context)).toEqual({ year: 2025, asOf: "2025-12-31" });
  });
});
