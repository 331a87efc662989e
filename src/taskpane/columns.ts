/**
 * The "Colonne" step's plain logic: which sheets need the user, the rows a preview shows, a first
 * guess of the header row, and the mapping being edited. No Office.js, no React.
 */
import { cellText, columnLetters, type CellValue, type Grid } from "../core/grid";
import type { RowsRequest } from "../excel/read";
import { withHeaders, type SavedLayout } from "../core/mapping";
import type { ColumnRole, SheetReading } from "../core/recognize/reading";

/** Rows shown in the preview. */
export const PREVIEW_ROWS = 8;

/** A sheet the pane opens the step for: read with low confidence, or nothing read. */
export function needsColumns(r: SheetReading): boolean {
  return r.confidence < 0.5 || (r.objectives === 0 && r.indicators === 0);
}

/** Used rows (1-based) and columns (0-based) of a grid, in sheet coordinates. */
export function sheetBounds(g: Grid): {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
} {
  const o = g.origin ?? { row: 0, col: 0 };
  let width = 0;
  for (const row of g.rows) if (Array.isArray(row) && row.length > width) width = row.length;
  return {
    firstRow: o.row + 1,
    lastRow: o.row + Math.max(1, g.rows.length),
    firstCol: o.col,
    lastCol: o.col + Math.max(1, width) - 1,
  };
}

/** The preview's rows: PREVIEW_ROWS of them from two above the header row, all used columns. */
export function previewRequest(g: Grid, headerRow: number): RowsRequest {
  const b = sheetBounds(g);
  const first = Math.min(Math.max(b.firstRow, headerRow - 2), b.lastRow);
  return {
    sheet: g.sheet,
    firstRow: first,
    lastRow: Math.min(b.lastRow, first + PREVIEW_ROWS - 1),
    firstCol: b.firstCol,
    lastCol: b.lastCol,
  };
}

/** The same rows cut from a grid already read (standalone). */
export function sliceRows(g: Grid, req: RowsRequest): Grid {
  const o = g.origin ?? { row: 0, col: 0 };
  const rows: CellValue[][] = [];
  const text: (string | null)[][] = [];
  for (let r = req.firstRow - 1; r <= req.lastRow - 1; r++) {
    const out: CellValue[] = [];
    const t: (string | null)[] = [];
    for (let c = req.firstCol; c <= req.lastCol; c++) {
      out.push(g.rows[r - o.row]?.[c - o.col] ?? null);
      t.push(g.text?.[r - o.row]?.[c - o.col] ?? null);
    }
    rows.push(out);
    text.push(t);
  }
  return { sheet: g.sheet, rows, text, origin: { row: req.firstRow - 1, col: req.firstCol } };
}

/** Column letters of the used range. */
export function sheetLetters(g: Grid): string[] {
  const b = sheetBounds(g);
  const out: string[] = [];
  for (let c = b.firstCol; c <= b.lastCol && out.length < 200; c++) out.push(columnLetters(c));
  return out;
}

/** A first header row: the first of the top rows with text in most of its columns. */
export function guessHeaderRow(g: Grid): number {
  const o = g.origin ?? { row: 0, col: 0 };
  const width = sheetLetters(g).length;
  const limit = Math.min(g.rows.length, 30);
  for (let r = 0; r < limit; r++) {
    let texts = 0;
    for (let c = 0; c < (g.rows[r]?.length ?? 0); c++) {
      const v = g.rows[r][c];
      if (typeof v === "string" && v.trim() !== "" && !/^\d+([.,]\d+)?%?$/.test(v.trim())) texts++;
    }
    if (texts >= Math.max(2, Math.ceil(width * 0.6))) return o.row + r + 1;
  }
  return o.row + 1;
}

/** Texts of a row of the preview grid, by letter. */
export function rowTexts(g: Grid, r: number): string[] {
  const width = Math.max(0, ...g.rows.map((row) => row.length));
  return Array.from({ length: width }, (_, c) => cellText(g, r, c));
}

/** What the step edits for one sheet. */
export interface Draft {
  headerRow: number;
  /** Letter -> role; letters not named are "ignore". */
  columns: Record<string, ColumnRole>;
}

/** The draft a sheet starts from: its saved mapping, else what was read, else a guess. */
export function initialDraft(
  g: Grid,
  reading: SheetReading | undefined,
  saved: SavedLayout | undefined
): Draft {
  if (saved) return { headerRow: saved.headerRow, columns: { ...saved.columns } };
  if (reading && reading.headerRow !== null && Object.keys(reading.columns).length > 0)
    return { headerRow: reading.headerRow, columns: { ...reading.columns } };
  return { headerRow: guessHeaderRow(g), columns: {} };
}

/** The draft as a mapping to save (ignored columns left out), or null when it maps nothing. */
export function draftLayout(g: Grid, d: Draft): SavedLayout | null {
  const columns: Record<string, ColumnRole> = {};
  for (const [letter, role] of Object.entries(d.columns))
    if (role !== "ignore") columns[letter] = role;
  if (Object.keys(columns).length === 0) return null;
  return withHeaders(g, { sheet: g.sheet, headerRow: d.headerRow, columns });
}
