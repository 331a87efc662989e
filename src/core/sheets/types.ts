/**
 * Sheet model: one description of a structured sheet (docs/sheets.md) that two writers render,
 * exceljs in the CLI and Office.js in the add-in. Pure data: no library types here.
 */

/** A formula in en-US syntax without the leading "=", with its value cached for readers that do not recalculate. */
export interface FormulaCell {
  formula: string;
  result?: string | number | boolean | null;
  /** Number format of this cell, where it differs from its column's (a date among numbers). */
  numFmt?: string;
}

/** A hyperlink to a cell of this workbook (`location` like "'Scheda 1'!B22"). */
export interface LinkCell {
  text: string;
  location: string;
}

export type SheetCellValue = string | number | boolean | null | FormulaCell | LinkCell;

export interface ColumnSpec {
  header: string;
  /** Excel number format (en-US codes: "0%", "#,##0", "0.0%"); displayed Italian by Excel's locale. */
  numFmt?: string;
  /** Width in characters. */
  width?: number;
  wrap?: boolean;
  /**
   * Cell of the table's totals row under this column (shown when the sheet sets `totalsRow`):
   * a label, or a SUBTOTAL function over the column with its value cached.
   */
  total?: TotalSpec;
  /** Horizontal alignment of the data cells. */
  align?: "left" | "center" | "right";
}

export type TotalSpec =
  { label: string } | { function: "sum" | "average" | "count"; result: number | null };

/** Conditional formats on a data column (`column`: 0-based index into `columns`; colours RGB hex "C6EFCE"). */
export type ConditionalSpec =
  | { kind: "textEquals"; column: number; text: string; fill: string; font?: string }
  | { kind: "dataBar"; column: number; color: string };

/** Data validation on a data column (`column`: 0-based index into `columns`). */
export interface ValidationSpec {
  column: number;
  kind: "list" | "decimal";
  /** list values, or [min, max] for decimal. */
  values?: string[];
  min?: number;
  max?: number;
  prompt?: string;
}

export interface SheetSpec {
  /** Sheet name (Italian, docs/sheets.md). */
  name: string;
  /** Excel table name (no spaces). */
  tableName: string;
  columns: ColumnSpec[];
  /** Data rows (no header), each as long as columns. */
  rows: SheetCellValue[][];
  /** Rows/columns frozen at the top/left (header row = 1). */
  freeze?: { rows: number; cols: number };
  conditional?: ConditionalSpec[];
  validations?: ValidationSpec[];
  /** Show the table's totals row (the `total` of each column). */
  totalsRow?: boolean;
  /** Short Italian text on what the sheet holds (not written into the table). */
  description?: string;
  /** How the sheet prints (see print.ts). */
  page?: PageSpec;
  /** Height of the header row in points (its words wrapped in the column widths). */
  headerHeight?: number;
  /** Height in points of each data row whose wrapped text needs more than one line; null = default. */
  rowHeights?: (number | null)[];
}

/** Page setup of a structured sheet. */
export interface PageSpec {
  paper: "A4";
  orientation: "landscape";
  /** Pages across (1: every column on one page wide) and down (0: as many as needed). */
  fitToWidth: number;
  fitToHeight: number;
  /** Rows repeated at the top of every printed page (1: the header row). */
  titleRows: number;
  /** Footer sections in Excel codes (&A sheet name, &P page, &N pages). */
  footerLeft: string;
  footerRight: string;
  /** Margins in inches. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}

/** True when a cell value is a formula (not text that merely looks like one). */
export function isFormulaCell(v: SheetCellValue): v is FormulaCell {
  return typeof v === "object" && v !== null && "formula" in v;
}

/** True when a cell value is an in-workbook link. */
export function isLinkCell(v: SheetCellValue): v is LinkCell {
  return typeof v === "object" && v !== null && "location" in v;
}

/**
 * Text that a spreadsheet would take for a formula if typed (= + - @, tab, CR). Writers must store
 * such text as a text value (exceljs: a string value; Office.js: a text number format or a leading
 * apostrophe), never as a formula.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}
