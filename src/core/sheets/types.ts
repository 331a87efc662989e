/**
 * Sheet model: one description of a structured sheet (CONTRACT section 3) that two writers render,
 * exceljs in the CLI and Office.js in the add-in. Pure data: no library types here.
 */

/** A formula in en-US syntax without the leading "=", with its value cached for readers that do not recalculate. */
export interface FormulaCell {
  formula: string;
  result?: string | number | boolean | null;
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
}

export type ConditionalSpec =
  | { kind: "textEquals"; column: number; text: string; fill: string; font?: string }
  | { kind: "dataBar"; column: number; color: string };

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
  /** Sheet name (Italian, CONTRACT section 3). */
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
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}
