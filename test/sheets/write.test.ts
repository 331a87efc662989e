/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- exceljs cells, not Office.js */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { buildWorkbookSpec, ESITO_LIST, STRUCTURED_SHEET_NAMES } from "../../src/core/sheets";
import { toFileFormula, writeStructuredWorkbook } from "../../src/xlsx/write";
import { isPegInputError } from "../../src/core/errors";
import { sampleModel } from "./sample-model";

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  return wb;
}

/** A source workbook like a user's: merged title, percent weights, a formula, a date. */
async function sourceWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet("Scheda 1");
  s.getCell("A1").value = "PIANO DELLA PERFORMANCE 2025";
  s.mergeCells("A1:D1");
  s.getCell("A1").font = { bold: true, size: 14 };
  s.getCell("B3").value = "Sportello famiglie";
  s.getCell("C4").value = 0.5;
  s.getCell("C4").numFmt = "0%";
  s.getCell("C5").value = { formula: "1-C4", result: 0.5 };
  s.getCell("C5").numFmt = "0%";
  s.getCell("D4").value = new Date(Date.UTC(2025, 8, 30));
  s.getCell("D5").value = "=non è una formula";
  s.getColumn(2).width = 33;
  wb.addWorksheet("Report").getCell("N3").value = "74 pasti erogati";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Every cell of a sheet: address -> [value as JSON, numFmt]. */
function snapshot(ws: ExcelJS.Worksheet): Map<string, string> {
  const m = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      m.set(
        c.address,
        JSON.stringify([c.value, c.numFmt ?? null, c.font?.bold ?? null, c.isMerged])
      );
    })
  );
  return m;
}

function headers(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(1).eachCell((c) => out.push(String(c.value)));
  return out;
}

function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  const i = headers(ws).indexOf(header);
  if (i < 0) throw new Error(`manca ${header} in ${ws.name}`);
  return i + 1;
}

function rowOf(ws: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++)
    if (ws.getRow(r).getCell(1).value === key) return ws.getRow(r);
  throw new Error(`manca la riga ${key} in ${ws.name}`);
}

describe("writeStructuredWorkbook", () => {
  let input: Uint8Array;
  let out: Uint8Array;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    input = await sourceWorkbook();
    out = await writeStructuredWorkbook(input, buildWorkbookSpec(sampleModel()));
    wb = await open(out);
  });

  test("source sheets first and unchanged, then the seven structured sheets", async () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Scheda 1",
      "Report",
      ...STRUCTURED_SHEET_NAMES,
    ]);
    const before = await open(input);
    for (const name of ["Scheda 1", "Report"]) {
      const a = snapshot(before.getWorksheet(name)!);
      const b = snapshot(wb.getWorksheet(name)!);
      expect(b).toEqual(a);
      expect(a.size).toBeGreaterThan(0);
    }
    expect(wb.getWorksheet("Scheda 1")!.getColumn(2).width).toBe(33);
  });

  test("each structured sheet is one table with a header row, frozen and formatted", () => {
    for (const name of STRUCTURED_SHEET_NAMES) {
      const ws = wb.getWorksheet(name)!;
      const tables = (
        ws as unknown as {
          tables: Record<string, { table: { headerRow: boolean; tableRef?: string; ref: string } }>;
        }
      ).tables;
      expect(Object.keys(tables)).toHaveLength(1);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    const ind = wb.getWorksheet("Indicatori")!;
    expect(headers(ind)).toEqual(
      expect.arrayContaining(["Target", "Consuntivo", "Esito", "Grado", "Peso", "Origine"])
    );
    expect(ind.getColumn(columnOf(ind, "Indicatore")).width).toBeGreaterThan(30);
    const r = rowOf(ind, "1.1#1");
    expect(r.getCell(columnOf(ind, "Peso")).numFmt).toBe("0%");
    expect(r.getCell(columnOf(ind, "Grado")).numFmt).toBe("0.0%");
    expect(r.getCell(columnOf(ind, "Indicatore")).alignment?.wrapText).toBe(true);
  });

  test("formulas in file syntax with cached results; native Esito and Grado, PEG functions inside IFERROR", () => {
    const ind = wb.getWorksheet("Indicatori")!;
    const esito = rowOf(ind, "1.1#1").getCell(columnOf(ind, "Esito"))
      .value as ExcelJS.CellFormulaValue;
    expect(esito.formula).toMatch(
      /^IFERROR\(IF\(ISNUMBER\(Indicatori\[\[#This Row\],\[Valore consuntivo\]\]\)/
    );
    expect(esito.formula).toContain(
      "PEG.STATUS(Indicatori[[#This Row],[Target]],Indicatori[[#This Row],[Consuntivo]],,,2025)"
    );
    expect(esito.result).toBe("RAGGIUNTO");
    const grado = rowOf(ind, "1.1#2").getCell(columnOf(ind, "Grado"))
      .value as ExcelJS.CellFormulaValue;
    expect(grado).toMatchObject({
      formula: expect.stringMatching(/^IFERROR\(.*PEG\.ACHIEVEMENT\(.*\),0\.74\)$/),
      result: 0.74,
    });
    const op = wb.getWorksheet("Obiettivi operativi")!;
    const sum = rowOf(op, "1.2").getCell(columnOf(op, "Somma pesi"))
      .value as ExcelJS.CellFormulaValue;
    expect(sum.formula).toBe(
      "SUMIFS(Indicatori[Peso],Indicatori[Codice obiettivo],ObiettiviOperativi[[#This Row],[Codice]])"
    );
    expect(sum.result).toBeCloseTo(0.8);
    const score = rowOf(op, "1.1").getCell(columnOf(op, "Punteggio"))
      .value as ExcelJS.CellFormulaValue;
    expect(score.result).toBeCloseTo(34.8);
    // No formula anywhere keeps the user-interface "@" form.
    for (const name of STRUCTURED_SHEET_NAMES)
      wb.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((c) => {
          const v = c.value as ExcelJS.CellFormulaValue;
          if (v && typeof v === "object" && "formula" in v) {
            expect(v.formula).not.toContain("[@");
            // A PEG function's value must show before the add-in loads (an empty cache is recomputed).
            if (v.formula.includes("PEG.")) expect(["", undefined, null]).not.toContain(v.result);
          }
        })
      );
  });

  test("text that looks like a formula is stored as text", () => {
    const ind = wb.getWorksheet("Indicatori")!;
    const c = rowOf(ind, "1.2#2").getCell(columnOf(ind, "Consuntivo"));
    expect(c.type).toBe(ExcelJS.ValueType.String);
    expect(c.value).toBe("=SOMMA(A1)");
    const t = rowOf(ind, "1.1#1").getCell(columnOf(ind, "Target"));
    expect(t.value).toBe("=>15");
    expect(t.type).toBe(ExcelJS.ValueType.String);
    expect(rowOf(ind, "2.1#2").getCell(columnOf(ind, "Indicatore")).type).toBe(
      ExcelJS.ValueType.String
    );
  });

  test("Origine links jump to the source cell", () => {
    const ind = wb.getWorksheet("Indicatori")!;
    const link = rowOf(ind, "1.1#1").getCell(columnOf(ind, "Origine"));
    expect(link.value).toEqual({
      formula: `HYPERLINK("#'Scheda 1'!C4","Scheda 1!C4")`,
      result: "Scheda 1!C4",
    });
    expect(link.font?.underline).toBe(true);
    const ver = wb.getWorksheet("Verifiche")!;
    expect(ver.getRow(2).getCell(columnOf(ver, "Origine")).value).toMatchObject({
      formula: `HYPERLINK("#'Scheda 1'!C11:C12","Scheda 1!C11:C12")`,
    });
    for (const name of STRUCTURED_SHEET_NAMES) {
      const ws = wb.getWorksheet(name)!;
      if (!headers(ws).includes("Origine")) continue;
      const col = columnOf(ws, "Origine");
      const n = ws.rowCount;
      for (let r = 2; r <= n; r++) {
        const v = ws.getRow(r).getCell(col).value;
        if (ws.getRow(r).getCell(1).value === "Totale") continue;
        expect(v).toMatchObject({ formula: expect.stringMatching(/^HYPERLINK\("#'/) });
      }
    }
  });

  test("validation: weights 0–100%, Esito manuale list", () => {
    const ind = wb.getWorksheet("Indicatori")!;
    const r = rowOf(ind, "1.1#1");
    expect(r.getCell(columnOf(ind, "Peso")).dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 1],
    });
    const list = r.getCell(columnOf(ind, "Esito manuale")).dataValidation;
    expect(list.type).toBe("list");
    expect(list.formulae[0]).toBe(`"${ESITO_LIST.join(",")}"`);
  });

  test("conditional formatting: traffic lights on Esito, data bars on Grado", () => {
    const ind = wb.getWorksheet("Indicatori")!;
    const cfs = (
      ind as unknown as {
        conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[];
      }
    ).conditionalFormattings;
    const esitoCol = String.fromCharCode(64 + columnOf(ind, "Esito"));
    const onEsito = cfs.filter((c) => c.ref.startsWith(`${esitoCol}2:`)).flatMap((c) => c.rules);
    expect(onEsito.map((r) => r.formulae?.[0])).toEqual(
      expect.arrayContaining(['"RAGGIUNTO"', '"NON RAGGIUNTO"'])
    );
    const gradoCol = String.fromCharCode(64 + columnOf(ind, "Grado"));
    expect(
      cfs.some(
        (c) => c.ref.startsWith(`${gradoCol}2:`) && c.rules.some((r) => r.type === "dataBar")
      )
    ).toBe(true);
  });

  test("running twice replaces the sheets instead of adding copies", async () => {
    const again = await writeStructuredWorkbook(out, buildWorkbookSpec(sampleModel()));
    const wb2 = await open(again);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    for (const ws of wb.worksheets)
      expect(snapshot(wb2.getWorksheet(ws.name)!)).toEqual(snapshot(ws));
  });

  test("a user's sheet with a structured name is never deleted", async () => {
    const user = new ExcelJS.Workbook();
    user.addWorksheet("Pesi").getCell("A1").value = "i miei pesi";
    const bytes = new Uint8Array((await user.xlsx.writeBuffer()) as ArrayBuffer);
    const error = await writeStructuredWorkbook(bytes, buildWorkbookSpec(sampleModel()), {
      fileName: "piano.xlsx",
    }).catch((e: unknown) => e);
    expect(isPegInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(/foglio "Pesi"/);
  });

  test("a text input gives only the structured sheets; origins stay as text", async () => {
    const wb3 = await open(await writeStructuredWorkbook(null, buildWorkbookSpec(sampleModel())));
    expect(wb3.worksheets.map((w) => w.name)).toEqual([...STRUCTURED_SHEET_NAMES]);
    const ind = wb3.getWorksheet("Indicatori")!;
    expect(rowOf(ind, "1.1#1").getCell(columnOf(ind, "Origine")).value).toBe("Scheda 1!C4");
  });

  test("a corrupt input is an Italian error naming the file", async () => {
    await expect(
      writeStructuredWorkbook(
        new Uint8Array([80, 75, 3, 4, 1, 2, 3]),
        buildWorkbookSpec(sampleModel()),
        { fileName: "rotto.xlsx" }
      )
    ).rejects.toThrow(/rotto\.xlsx/);
  });

  test("fixture workbooks keep every source cell value", async () => {
    for (const seed of ["seed-001", "seed-002", "seed-004"]) {
      const bytes = new Uint8Array(
        readFileSync(path.join(__dirname, "..", "fixtures", seed, "input.xlsx"))
      );
      const written = await open(
        await writeStructuredWorkbook(bytes, buildWorkbookSpec(sampleModel()))
      );
      const original = await open(bytes);
      for (const ws of original.worksheets) {
        expect(snapshot(written.getWorksheet(ws.name)!)).toEqual(snapshot(ws));
      }
    }
  });
});

test("toFileFormula turns [@Col] into the file's [#This Row] form", () => {
  expect(toFileFormula('IF([@[Esito manuale]]<>"",[@[Esito manuale]],[@Esito])', "T")).toBe(
    'IF(T[[#This Row],[Esito manuale]]<>"",T[[#This Row],[Esito manuale]],T[[#This Row],[Esito]])'
  );
  expect(
    toFileFormula("SUMIFS(Indicatori[Peso],Indicatori[Codice obiettivo],[@Codice])", "P")
  ).toBe("SUMIFS(Indicatori[Peso],Indicatori[Codice obiettivo],P[[#This Row],[Codice]])");
});
