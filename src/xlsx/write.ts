/**
 * Writes the structured sheets (a WorkbookSpec) into a copy of the input workbook with exceljs.
 * Browser-safe (no Node APIs): the standalone task pane page uses it too.
 *
 * - The input's sheets are kept as exceljs reads them (values, formats, merges, validations).
 * - Sheets written earlier by this product (same name and its table) are replaced, so running twice
 *   gives the same sheets, not copies. A sheet of the same name written by someone else is never
 *   deleted: the write stops with an Italian message instead.
 * - Formulas are written in the file's own syntax: `[@Col]` becomes `Table[[#This Row],[Col]]`
 *   (the `@` form exists only in Excel's user interface), with the cached result of the spec.
 * - Text is always written as a text value, so text starting with = + - @ is never a formula.
 * - `Origine` links are HYPERLINK("#'Sheet'!A1", text) formulas with the text cached.
 */
import ExcelJS from "exceljs";
import { PegInputError } from "../core/errors";
import {
  isFormulaCell,
  isLinkCell,
  type ColumnSpec,
  type ConditionalSpec,
  type SheetCellValue,
  type SheetSpec,
  type ValidationSpec,
  type WorkbookSpec,
} from "../core/sheets/types";
import { columnLetters } from "../core/grid";

export interface WriteOptions {
  /** Name of the input file, for messages. */
  fileName?: string;
}

/** Longest text an Excel cell holds. */
const MAX_CELL_TEXT = 32767;

/** exceljs table style of the structured sheets. */
const TABLE_STYLE = "TableStyleMedium2";

export async function writeStructuredWorkbook(
  input: Uint8Array | null,
  spec: WorkbookSpec,
  options: WriteOptions = {}
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (input) {
    try {
      // exceljs accepts an ArrayBuffer in the browser and in Node alike.
      await wb.xlsx.load(toArrayBuffer(input));
    } catch (e) {
      const name = options.fileName ?? "il file";
      throw new PegInputError(
        `Impossibile aprire "${name}" per scrivere i fogli strutturati: il file non è una cartella .xlsx leggibile ` +
          `(${e instanceof Error ? e.message : String(e)}). Aprilo in Excel, salvalo come .xlsx e riprova.`,
        "FILE_CORRUPT",
        options.fileName
      );
    }
  }
  removePreviousSheets(wb, spec, options.fileName);
  for (const sheet of spec.sheets) addSheet(wb, sheet);
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Table names of a worksheet as exceljs loaded them. */
function tableNames(ws: ExcelJS.Worksheet): string[] {
  const tables = (ws as unknown as { tables?: Record<string, unknown> }).tables ?? {};
  return Object.keys(tables);
}

function removePreviousSheets(wb: ExcelJS.Workbook, spec: WorkbookSpec, fileName?: string): void {
  const byName = new Map<string, SheetSpec>(spec.sheets.map((s) => [s.name.toLowerCase(), s]));
  const ours = new Set(spec.sheets.map((s) => s.tableName.toLowerCase()));
  for (const ws of [...wb.worksheets]) {
    const s = byName.get(ws.name.toLowerCase());
    if (s) {
      const tables = tableNames(ws).map((t) => t.toLowerCase());
      if (!tables.includes(s.tableName.toLowerCase())) {
        throw new PegInputError(
          `Il file ${fileName ? `"${fileName}" ` : ""}ha già un foglio "${ws.name}" che non è stato scritto da PEG Performance: ` +
            `rinomina quel foglio e riprova (i fogli strutturati usano questo nome).`,
          "OUTPUT_WRITE",
          fileName
        );
      }
      wb.removeWorksheet(ws.id);
      continue;
    }
    // A table of the same name on another sheet would make the file invalid.
    for (const t of tableNames(ws))
      if (ours.has(t.toLowerCase()))
        throw new PegInputError(
          `Il foglio "${ws.name}" contiene già una tabella "${t}", nome usato dai fogli strutturati: ` +
            `rinomina la tabella in Excel (Progettazione tabella > Nome tabella) e riprova.`,
          "OUTPUT_WRITE",
          fileName
        );
  }
}

/** `[@Col]` / `[@[Col x]]` (user-interface form) -> `Table[[#This Row],[Col]]` (file form). */
export function toFileFormula(formula: string, tableName: string): string {
  return formula
    .replace(
      /\[@\[((?:[^\]']|'.)*)\]\]/g,
      (_m, col: string) => `${tableName}[[#This Row],[${col}]]`
    )
    .replace(/\[@((?:[^\][']|'.)+)\]/g, (_m, col: string) => `${tableName}[[#This Row],[${col}]]`);
}

function sheetExists(wb: ExcelJS.Workbook, location: string): boolean {
  const i = location.lastIndexOf("!");
  if (i <= 0) return false;
  let sheet = location.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return wb.worksheets.some((w) => w.name === sheet);
}

type ExcelValue = ExcelJS.CellValue;

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function cellValue(wb: ExcelJS.Workbook, v: SheetCellValue, tableName: string): ExcelValue {
  if (v === null || v === undefined) return null;
  if (isFormulaCell(v)) {
    const formula = toFileFormula(v.formula, tableName);
    const result = v.result === null || v.result === undefined ? "" : v.result;
    return { formula, result } as ExcelJS.CellFormulaValue;
  }
  if (isLinkCell(v)) {
    // A link to a sheet the output does not hold (a text input) stays plain text.
    if (!sheetExists(wb, v.location)) return v.text;
    // HYPERLINK("#'Sheet'!A1"): an in-workbook jump in Excel and LibreOffice alike (exceljs would
    // write a cell hyperlink as an external relationship), the same form the add-in writes.
    return {
      formula: `HYPERLINK(${quoted(`#${v.location}`)},${quoted(v.text)})`,
      result: v.text,
    } as ExcelJS.CellFormulaValue;
  }
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  // Excel refuses a cell of more than 32,767 characters ("repair" on open).
  if (typeof v === "string" && v.length > MAX_CELL_TEXT) return `${v.slice(0, MAX_CELL_TEXT - 1)}…`;
  return v;
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const freeze = spec.freeze ?? { rows: 1, cols: 0 };
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: "frozen", xSplit: freeze.cols, ySplit: freeze.rows }],
  });
  const width = spec.columns.length;
  const rows = spec.rows.map((r) => {
    const out: ExcelValue[] = [];
    for (let c = 0; c < width; c++) out.push(cellValue(wb, r[c] ?? null, spec.tableName));
    return out;
  });
  ws.addTable({
    name: spec.tableName,
    displayName: spec.tableName,
    ref: "A1",
    headerRow: true,
    totalsRow: spec.totalsRow === true,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: spec.columns.map((c) => tableColumn(c, spec.totalsRow === true)),
    rows,
  } as ExcelJS.TableProperties);

  spec.columns.forEach((c, i) => formatColumn(ws, c, i, rows, spec.totalsRow === true));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  header.height = 30;
  for (const cf of spec.conditional ?? []) addConditional(ws, cf, spec.rows.length);
  for (const v of spec.validations ?? []) addValidation(ws, v, spec.rows.length);
}

function tableColumn(c: ColumnSpec, totals: boolean): ExcelJS.TableColumnProperties {
  const col: ExcelJS.TableColumnProperties & { totalsRowResult?: unknown } = {
    name: c.header,
    filterButton: true,
  };
  if (totals && c.total) {
    if ("label" in c.total) col.totalsRowLabel = c.total.label;
    else {
      col.totalsRowFunction = c.total.function;
      col.totalsRowResult = c.total.result ?? 0;
    }
  } else if (totals) {
    col.totalsRowFunction = "none";
  }
  return col;
}

function formatColumn(
  ws: ExcelJS.Worksheet,
  c: ColumnSpec,
  i: number,
  values: ExcelValue[][],
  totals: boolean
): void {
  const column = ws.getColumn(i + 1);
  column.width = c.width ?? Math.min(40, Math.max(10, c.header.length + 2));
  const last = 1 + values.length + (totals ? 1 : 0);
  const alignment: Partial<ExcelJS.Alignment> = {
    vertical: "top",
    wrapText: c.wrap === true,
    horizontal: c.align,
  };
  for (let r = 2; r <= last; r++) {
    const target = ws.getCell(r, i + 1);
    if (c.numFmt) target.numFmt = c.numFmt;
    target.alignment = alignment;
    const v = values[r - 2]?.[i];
    if (
      v &&
      typeof v === "object" &&
      "formula" in v &&
      String(v.formula).startsWith("HYPERLINK(")
    ) {
      target.font = { color: { argb: "FF0563C1" }, underline: true };
    }
  }
}

function dataRange(column: number, n: number): string {
  const col = columnLetters(column);
  return `${col}2:${col}${Math.max(2, n + 1)}`;
}

function addConditional(ws: ExcelJS.Worksheet, cf: ConditionalSpec, n: number): void {
  const ref = dataRange(cf.column, n);
  if (cf.kind === "textEquals") {
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: "cellIs",
          operator: "equal",
          formulae: [`"${cf.text.replace(/"/g, '""')}"`],
          priority: 1,
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${cf.fill}` } },
            font: cf.font ? { color: { argb: `FF${cf.font}` } } : undefined,
          },
        } as ExcelJS.CellIsRuleType,
      ],
    });
  } else {
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          minLength: 0,
          maxLength: 100,
          gradient: false,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 1 },
          ],
          color: { argb: `FF${cf.color}` },
        } as unknown as ExcelJS.DataBarRuleType,
      ],
    });
  }
}

function addValidation(ws: ExcelJS.Worksheet, v: ValidationSpec, n: number): void {
  const validation: ExcelJS.DataValidation =
    v.kind === "list"
      ? {
          type: "list",
          allowBlank: true,
          formulae: [`"${(v.values ?? []).join(",")}"`],
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: "Valore non previsto",
          error: `Scegli uno dei valori: ${(v.values ?? []).join(", ")}.`,
          showInputMessage: !!v.prompt,
          prompt: v.prompt,
        }
      : {
          type: "decimal",
          operator: "between",
          allowBlank: true,
          formulae: [v.min ?? 0, v.max ?? 1],
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: "Valore fuori intervallo",
          error:
            v.max === 1 && (v.min ?? 0) === 0
              ? "Scrivi una percentuale tra 0% e 100%."
              : `Scrivi un numero tra ${v.min ?? 0} e ${v.max ?? 1}.`,
          showInputMessage: !!v.prompt,
          prompt: v.prompt,
        };
  // One range for the whole column (not one entry per cell): smaller file, faster to write.
  const dv = (
    ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  dv.add(dataRange(v.column, n), validation);
}
