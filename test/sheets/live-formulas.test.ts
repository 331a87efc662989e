/**
 * The Indicatori sheet's PEG.* formulas, recomputed with the real custom functions, give the values
 * cached by the pipeline: the plan year and check date travel in the formula, not in today's clock.
 */
import { textToGrid } from "../../src/core/textgrid";
import { analyzeWorkbook } from "../../src/core/pipeline";
import { isoToExcelSerial } from "../../src/core/cells";
import {
  buildWorkbookSpec,
  isFormulaCell,
  NO_VALUE,
  type SheetCellValue,
  type SheetSpec,
} from "../../src/core/sheets";
import { CUSTOM_FUNCTIONS, type ExcelArg } from "../../src/functions/peg";

const PLAN = [
  "Piano esecutivo di gestione 2022",
  "",
  "Codice\tObiettivo\tIndicatore\tTarget\tConsuntivo\tPeso",
  "1.1\tDigitalizzare le pratiche\tApprovazione regolamento\tEntro il 30/9\t10/10/2022\t50",
  "1.1\tDigitalizzare le pratiche\tAvvio servizio\tEntro il 30/6\t\t50",
  "1.2\tRidurre i tempi\tPratiche evase\t>= 15\t20\t100",
].join("\n");

/** Split a call's arguments at top-level commas (DATE(y,m,d) stays whole). */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
      continue;
    }
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The PEG.* call a formula falls back on (IFERROR(PEG.X(...),cached)). */
function pegOf(formula: string): string {
  const i = formula.indexOf("PEG.");
  if (i < 0) return formula;
  let depth = 0;
  for (let j = formula.indexOf("(", i); j < formula.length; j++) {
    if (formula[j] === "(") depth++;
    else if (formula[j] === ")" && --depth === 0) return formula.slice(i, j + 1);
  }
  return formula;
}

/** Recompute `PEG.X(args)` as Excel would: [@Col] is the row's cell, DATE() a serial, empty null. */
function recompute(formula: string, sheet: SheetSpec, row: SheetCellValue[]): unknown {
  const m = /^PEG\.([A-Z]+)\((.*)\)$/.exec(pegOf(formula));
  if (!m) throw new Error(`non è una funzione PEG: ${formula}`);
  const args: ExcelArg[] = splitArgs(m[2]).map((a) => {
    if (a === "") return null;
    const ref = /^\[@(.+)\]$/.exec(a);
    if (ref) return row[sheet.columns.findIndex((c) => c.header === ref[1])] as ExcelArg;
    const date = /^DATE\((\d+),(\d+),(\d+)\)$/.exec(a);
    if (date) {
      const iso = `${date[1]}-${date[2].padStart(2, "0")}-${date[3].padStart(2, "0")}`;
      return isoToExcelSerial(iso);
    }
    if (/^\d+$/.test(a)) return Number(a);
    throw new Error(`argomento inatteso: ${a}`);
  });
  const fn = CUSTOM_FUNCTIONS[m[1] as keyof typeof CUSTOM_FUNCTIONS] as (
    ...a: ExcelArg[]
  ) => unknown;
  const v = fn(...args);
  return v === "" ? NO_VALUE : v;
}

function indicatorSheet(asOf?: string): { sheet: SheetSpec; plan: { year?: number } } {
  const model = analyzeWorkbook([textToGrid(PLAN, "Piano")], { files: ["piano.tsv"], asOf });
  const sheet = buildWorkbookSpec(model, { asOf }).sheets.find((s) => s.name === "Indicatori")!;
  return { sheet, plan: model.plan };
}

describe("Indicatori formulas recompute to their cached values", () => {
  for (const asOf of [undefined, "2022-12-31", "2022-08-01"]) {
    it(`Esito, Grado and Regola agree (check date ${asOf ?? "none"})`, () => {
      const { sheet, plan } = indicatorSheet(asOf);
      expect(plan.year).toBe(2022);
      expect(sheet.rows.length).toBe(3);
      let checked = 0;
      for (const row of sheet.rows)
        for (const header of ["Esito", "Grado", "Regola"]) {
          const cell = row[sheet.columns.findIndex((c) => c.header === header)];
          if (!isFormulaCell(cell)) throw new Error(`${header} senza formula`);
          expect([row[0], header, recompute(cell.formula, sheet, row)]).toEqual([
            row[0],
            header,
            cell.result,
          ]);
          checked++;
        }
      expect(checked).toBe(9);
    });
  }

  it("the cached values are the plan year's: late is late in any later year", () => {
    const { sheet } = indicatorSheet("2022-12-31");
    const esito = (id: string) =>
      sheet.rows.find((r) => r[0] === id)![sheet.columns.findIndex((c) => c.header === "Esito")];
    expect(esito("1.1#1")).toMatchObject({ result: "NON RAGGIUNTO" });
    expect(esito("1.1#2")).toMatchObject({ result: "SCADUTO" });
    expect(pegOf((esito("1.1#2") as { formula: string }).formula)).toBe(
      "PEG.STATUS([@Target],[@Consuntivo],,DATE(2022,12,31),2022)"
    );
    // Without the year the same formula would read "Entro il 30/9" in today's year.
    expect(CUSTOM_FUNCTIONS.STATUS("Entro il 30/9", "10/10/2022")).toBe(
      new Date().getFullYear() > 2022 ? "RAGGIUNTO" : "NON RAGGIUNTO"
    );
  });
});
