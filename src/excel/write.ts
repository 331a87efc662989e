/**
 * WorkbookSpec -> Office.js (docs/sheets.md): each structured sheet replaced by a new one with
 * one formulas write per block of rows, an Excel table, column formats, conditional formats and
 * validation, all queued under suspendApiCalculationUntilNextSync. Two syncs for any size, plus
 * one per extra ~4.5 MB of payload (Excel on the web refuses requests over 5 MB).
 */
import { columnLetters } from "../core/grid";
import type {
  ColumnSpec,
  PageSpec,
  SheetCellValue,
  SheetSpec,
  WorkbookSpec,
} from "../core/sheets/types";
import type { ExcelContext } from "./read";

/** Excel on the web rejects request payloads over 5 MB; keep a margin for the request envelope. */
export const DEFAULT_MAX_PAYLOAD = 4_500_000;

export interface WriteOptions {
  /** Flush (sync) before a batch would exceed this many bytes. */
  maxPayloadBytes?: number;
  /** Called after each sheet is queued: (sheets done, sheets total). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Strings Excel would turn into something else when written through `formulas`: formulas
 * (= + - @), numbers, percentages, dates, booleans. They get the ' prefix and stay text.
 */
export function needsTextPrefix(s: string): boolean {
  if (s === "") return false;
  if (/^[=+\-@']/.test(s)) return true;
  if (/^(true|false|vero|falso)$/i.test(s.trim())) return true;
  // Only digits and the punctuation of numbers, dates, times, money: "31.12", "20%", "1/2", "€ 5".
  return /^[\s\d.,:/%€$()]+$/.test(s) && /\d/.test(s);
}

function quoteFormulaText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** One spec cell as a `formulas` entry (en-US syntax). */
export function cellFormula(v: SheetCellValue): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return needsTextPrefix(v) ? `'${v}` : v;
  if ("formula" in v) return `=${v.formula.replace(/^=/, "")}`;
  // An internal link: HYPERLINK("#'Sheet'!A1", "text").
  const target = v.location.startsWith("#") ? v.location : `#${v.location}`;
  return `=HYPERLINK(${quoteFormulaText(target)},${quoteFormulaText(v.text)})`;
}

/** Rough request size of a 2-D array in bytes (JSON text), enough to stay under the limit. */
function payloadSize(rows: unknown[][]): number {
  let n = 2;
  for (const row of rows) n += JSON.stringify(row).length + 1;
  return n;
}

/** Office.js wants "#RRGGBB"; the sheet model gives "RRGGBB". */
export function htmlColor(c: string): string {
  return /^[0-9a-f]{6}$/i.test(c) ? `#${c.toUpperCase()}` : c;
}

const SUBTOTAL_CODE = { sum: 109, average: 101, count: 103 } as const;

/** The totals-row cell of a column: its label, or SUBTOTAL over the column. */
export function totalFormula(col: ColumnSpec, tableName: string): string {
  const t = col.total;
  if (!t) return "";
  if ("label" in t) return cellFormula(t.label) as string;
  // Structured reference escapes: ' before [ ] # '.
  const header = col.header.replace(/(['#[\]])/g, "'$1");
  return `=SUBTOTAL(${SUBTOTAL_CODE[t.function]},${tableName}[${header}])`;
}

/** Excel limits table names: letters, digits, _ and . ; starts with a letter or _. */
function safeTableName(name: string): string {
  let s = name.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(s)) s = `_${s}`;
  return s.slice(0, 250);
}

class Batch {
  private size = 0;
  syncs = 0;
  constructor(
    private readonly context: ExcelContext,
    readonly limit: number
  ) {}

  /** Reserve room for `bytes` more; sync first when the batch would overflow. */
  async add(bytes: number): Promise<void> {
    if (this.size > 0 && this.size + bytes > this.limit) await this.flush();
    this.size += bytes;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.size = 0;
    // The suspension ends at each sync: ask again for what remains.
    this.context.application.suspendApiCalculationUntilNextSync();
  }
}

/** Replace (or add) every sheet of the spec in the open workbook. Source sheets are not touched. */
export async function writeWorkbookSpec(
  context: ExcelContext,
  spec: WorkbookSpec,
  options: WriteOptions = {}
): Promise<void> {
  const limit = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  await context.sync();
  context.application.suspendApiCalculationUntilNextSync();

  // Sheet names compare case-insensitively in Excel.
  const specNames = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
  const old = worksheets.items.filter((ws) => specNames.has(ws.name.toLowerCase()));
  // Table names used elsewhere in the workbook stay taken.
  const takenTables = new Set(
    tables.items
      .filter((t) => !specNames.has(t.worksheet.name.toLowerCase()))
      .map((t) => t.name.toLowerCase())
  );
  // Rename the old ones first so the new names are free, delete them once the new sheets exist
  // (a workbook cannot be left without sheets).
  old.forEach((ws, i) => (ws.name = `~peg-old-${i}-${Date.now() % 100000}`));
  const added = spec.sheets.map((s) => worksheets.add(s.name));
  for (const ws of old) ws.delete();

  const batch = new Batch(context, limit);
  for (let i = 0; i < spec.sheets.length; i++) {
    await writeSheet(added[i], spec.sheets[i], batch, takenTables);
    options.onProgress?.(i + 1, spec.sheets.length);
  }
  if (added.length > 0) added[0].activate();
  await context.sync();
}

/**
 * Page layout needs ExcelApi 1.9: an older Excel (2016 without updates) gets the sheets without
 * it rather than a failed write. Outside Office (tests) the API is taken as present.
 */
function pageLayoutSupported(): boolean {
  if (typeof Office === "undefined") return true;
  const req = (Office as { context?: { requirements?: { isSetSupported?: unknown } } }).context
    ?.requirements;
  if (!req || typeof req.isSetSupported !== "function") return true;
  return (req.isSetSupported as (name: string, version: string) => boolean)("ExcelApi", "1.9");
}

/** A4 landscape, one page wide, the header row on every page, footer with sheet and page. */
function setPage(ws: Excel.Worksheet, page: PageSpec): void {
  const layout = ws.pageLayout;
  layout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = page.paper;
  layout.zoom = {
    horizontalFitToPages: page.fitToWidth,
    verticalFitToPages: page.fitToHeight,
  };
  const inch = 72;
  layout.leftMargin = page.margins.left * inch;
  layout.rightMargin = page.margins.right * inch;
  layout.topMargin = page.margins.top * inch;
  layout.bottomMargin = page.margins.bottom * inch;
  layout.headerMargin = page.margins.header * inch;
  layout.footerMargin = page.margins.footer * inch;
  if (page.titleRows > 0) layout.setPrintTitleRows(`$1:$${page.titleRows}`);
  const footer = layout.headersFooters.defaultForAllPages;
  footer.leftFooter = page.footerLeft;
  footer.rightFooter = page.footerRight;
}

async function writeSheet(
  ws: Excel.Worksheet,
  sheet: SheetSpec,
  batch: Batch,
  takenTables: Set<string>
): Promise<void> {
  const nCols = Math.max(1, sheet.columns.length);
  const last = columnLetters(nCols - 1);
  const nRows = sheet.rows.length;
  const header = sheet.columns.map((c) => cellFormula(c.header));
  const body = sheet.rows.map((row) => {
    const out: (string | number | boolean)[] = [];
    for (let c = 0; c < nCols; c++) out.push(cellFormula(row[c] ?? null));
    return out;
  });

  // The header first, then the table (so `[@Column]` formulas have a table to refer to), then
  // the rows in blocks that fit the payload limit: usually a single write.
  await batch.add(payloadSize([header]));
  ws.getRange(`A1:${last}1`).formulas = [header];

  let name = safeTableName(sheet.tableName);
  for (let k = 2; takenTables.has(name.toLowerCase()); k++)
    name = `${safeTableName(sheet.tableName)}_${k}`;
  takenTables.add(name.toLowerCase());
  const table = ws.tables.add(`A1:${last}${nRows + 1}`, true);
  table.name = name;
  table.style = "TableStyleMedium2";

  if (sheet.totalsRow) {
    table.showTotals = true;
    const totals = sheet.columns.map((col) => totalFormula(col, name));
    await batch.add(payloadSize([totals]));
    ws.getRange(`A${nRows + 2}:${last}${nRows + 2}`).formulas = [totals];
  }

  let start = 0;
  while (start < body.length) {
    let end = start;
    let bytes = 0;
    while (end < body.length) {
      const b = JSON.stringify(body[end]).length + 1;
      if (end > start && bytes + b > batch.limit) break;
      bytes += b;
      end++;
    }
    await batch.add(bytes);
    ws.getRange(`A${start + 2}:${last}${end + 1}`).formulas = body.slice(start, end);
    start = end;
  }

  for (let c = 0; c < sheet.columns.length; c++) {
    const col = sheet.columns[c];
    const L = columnLetters(c);
    const whole = ws.getRange(`${L}:${L}`);
    if (col.width) whole.format.columnWidth = Math.round(col.width * 6 + 6);
    if (col.wrap) whole.format.wrapText = true;
    if (col.align && nRows > 0)
      ws.getRange(`${L}2:${L}${nRows + 1}`).format.horizontalAlignment =
        col.align === "left" ? "Left" : col.align === "center" ? "Center" : "Right";
    // A cell may have its own format (a date among numbers).
    const own = sheet.rows.map((r) => {
      const v = r[c];
      return v && typeof v === "object" && "formula" in v ? v.numFmt : undefined;
    });
    if ((col.numFmt || own.some((x) => x)) && nRows > 0) {
      const fmts = own.map((x) => [x ?? col.numFmt ?? "General"]);
      await batch.add(payloadSize(fmts));
      ws.getRange(`${L}2:${L}${nRows + 1}`).numberFormat = fmts;
    }
  }

  if (nRows > 0) {
    for (const cf of sheet.conditional ?? []) {
      const L = columnLetters(cf.column);
      const range = ws.getRange(`${L}2:${L}${nRows + 1}`);
      if (cf.kind === "textEquals") {
        // A formula rule: exact match ("RAGGIUNTO" must not colour "NON RAGGIUNTO").
        const f = range.conditionalFormats.add("Custom");
        f.custom.rule.formula = `=${L}2=${quoteFormulaText(cf.text)}`;
        f.custom.format.fill.color = htmlColor(cf.fill);
        if (cf.font) f.custom.format.font.color = htmlColor(cf.font);
      } else {
        const f = range.conditionalFormats.add("DataBar");
        f.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
        f.dataBar.upperBoundRule = { type: "Number", formula: "1" };
        f.dataBar.positiveFormat.fillColor = htmlColor(cf.color);
        f.dataBar.positiveFormat.gradientFill = false;
      }
    }
    for (const v of sheet.validations ?? []) {
      const L = columnLetters(v.column);
      const dv = ws.getRange(`${L}2:${L}${nRows + 1}`).dataValidation;
      if (v.kind === "list" && v.values?.length) {
        dv.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
      } else if (v.kind === "decimal") {
        dv.rule = {
          decimal: { formula1: v.min ?? 0, formula2: v.max ?? 1, operator: "Between" },
        };
      }
      if (v.prompt) dv.prompt = { message: v.prompt.slice(0, 255), showPrompt: true, title: "" };
    }
  }

  // The header wraps between words; data rows as high as their wrapped text (Excel measures it).
  const head = ws.getRange(`A1:${last}1`);
  head.format.wrapText = true;
  head.format.verticalAlignment = "Center";
  if (sheet.headerHeight) head.format.rowHeight = sheet.headerHeight;
  if (nRows > 0) {
    const data = ws.getRange(`A2:${last}${nRows + 1}`);
    data.format.verticalAlignment = "Top";
    if (sheet.columns.some((c) => c.wrap)) data.format.autofitRows();
  }
  if (sheet.page && pageLayoutSupported()) setPage(ws, sheet.page);

  if (sheet.freeze) {
    if (sheet.freeze.rows > 0 && sheet.freeze.cols > 0)
      ws.freezePanes.freezeAt(
        ws.getRange(`A1:${columnLetters(sheet.freeze.cols - 1)}${sheet.freeze.rows}`)
      );
    else if (sheet.freeze.rows > 0) ws.freezePanes.freezeRows(sheet.freeze.rows);
    else if (sheet.freeze.cols > 0) ws.freezePanes.freezeColumns(sheet.freeze.cols);
  }
}
