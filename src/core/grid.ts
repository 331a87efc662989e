/**
 * Grids: what every source (Office.js, exceljs, text) is turned into before the core reads it.
 * A grid keeps its sheet name and where rows[0][0] sits on the sheet, so every value can be
 * traced back to its A1 address.
 */

export type CellValue = string | number | boolean | Date | null;

export interface MergeArea {
  /** 0-based, inclusive, in sheet coordinates. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Sheet name (or file name for text sources). May be any string, `__proto__` included. */
  sheet: string;
  /** Cell values, row-major. Rows may have different lengths. */
  rows: CellValue[][];
  /**
   * Displayed text of cells where it differs from String(value) in a way that matters
   * (percent formats: 0.2 shown as "20%"; dates). Same shape as rows, or absent.
   */
  text?: (string | null)[][];
  /** 0-based sheet row/column of rows[0][0] (a used range may not start at A1). */
  origin?: { row: number; col: number };
  merges?: MergeArea[];
  hidden?: boolean;
  /**
   * Name of the file the sheet was read from, when several files are read together (the CLI sets
   * it): objectives of different files are kept apart by it.
   */
  file?: string;
}

/** Column index (0-based) to letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(col: number): string {
  let n = Math.floor(col) + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to 0-based column index: A -> 0, AA -> 26. Returns -1 when not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row/col to an A1 address ("B22"). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Parse "B22" (optionally "$B$22") to 0-based row/col, or null. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  if (row < 0) return null;
  return { row, col: columnIndex(m[1]) };
}

/** Sheet name quoted for a reference when needed: 'Scheda 1'!B22. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Full reference of a grid cell given its index in grid.rows (not sheet coordinates). */
export function cellRef(grid: Grid, r: number, c: number): string {
  const o = grid.origin ?? { row: 0, col: 0 };
  return `${quoteSheet(grid.sheet)}!${a1(r + o.row, c + o.col)}`;
}

/** Range reference "Sheet!B3:D9" from grid indexes. */
export function rangeRef(grid: Grid, r1: number, c1: number, r2: number, c2: number): string {
  const o = grid.origin ?? { row: 0, col: 0 };
  const from = a1(Math.min(r1, r2) + o.row, Math.min(c1, c2) + o.col);
  const to = a1(Math.max(r1, r2) + o.row, Math.max(c1, c2) + o.col);
  return from === to
    ? `${quoteSheet(grid.sheet)}!${from}`
    : `${quoteSheet(grid.sheet)}!${from}:${to}`;
}

/** Split "'Scheda 1'!B3:C4" into sheet and range part. */
export function splitRef(ref: string): { sheet: string; range: string } | null {
  const i = ref.lastIndexOf("!");
  if (i <= 0) return null;
  let sheet = ref.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: ref.slice(i + 1) };
}

/** Text of a cell as a person sees it: displayed text if known, else a plain rendering of the value. */
export function cellText(grid: Grid, r: number, c: number): string {
  const t = grid.text?.[r]?.[c];
  if (t != null && t !== "") return t;
  const v = grid.rows[r]?.[c];
  if (v == null) return "";
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return "";
    const d = String(v.getUTCDate()).padStart(2, "0");
    const m = String(v.getUTCMonth() + 1).padStart(2, "0");
    return `${d}/${m}/${v.getUTCFullYear()}`;
  }
  if (typeof v === "boolean") return v ? "VERO" : "FALSO";
  return String(v).trim();
}
