/**
 * Merged areas without exceljs expanding them. On load exceljs turns every cell of a merged area
 * into a cell object pointing at the master: a hostile `A1:XFD1048576` means 17 billion objects,
 * and 5,000 merges cost 12 million overlap checks. For workbooks loaded by the reader only (marked
 * here), the merge list is recorded as is; the reader blanks the covered cells itself.
 * Other exceljs users in the same process (the writer) keep the library's own behaviour.
 */
import ExcelJS from "exceljs";
import type { Grid, MergeArea } from "../core/grid";
import { parseA1 } from "../core/grid";

interface WorksheetInternals {
  _workbook?: object;
  _parseMergeCells(model: { mergeCells?: unknown }): void;
}

const lightWorkbooks = new WeakSet<object>();
const mergesBySheet = new WeakMap<object, MergeArea[]>();
let installed = false;

function install(): boolean {
  if (installed) return true;
  const probe = new ExcelJS.Workbook().addWorksheet("probe");
  const proto = Object.getPrototypeOf(probe) as WorksheetInternals;
  const original = proto._parseMergeCells;
  if (typeof original !== "function") return false;
  proto._parseMergeCells = function (this: WorksheetInternals, model: { mergeCells?: unknown }) {
    if (!this._workbook || !lightWorkbooks.has(this._workbook)) {
      original.call(this, model);
      return;
    }
    const list: MergeArea[] = [];
    const refs = Array.isArray(model.mergeCells) ? model.mergeCells : [];
    for (const ref of refs) {
      const area = parseRange(String(ref));
      if (area) list.push(area);
    }
    list.sort((a, b) => a.top - b.top || a.left - b.left);
    mergesBySheet.set(this, list);
  };
  installed = true;
  return true;
}

/** "B2:D4" -> 0-based area; null when malformed. */
export function parseRange(ref: string): MergeArea | null {
  const [a, b] = ref.split(":");
  const p = parseA1(a ?? "");
  const q = parseA1(b ?? a ?? "");
  if (!p || !q || p.col < 0 || q.col < 0) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** A workbook whose merges will be recorded instead of expanded. Falls back to exceljs' own way. */
export function newReaderWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (install()) lightWorkbooks.add(wb);
  return wb;
}

/** Merges recorded for a worksheet of a reader workbook, or undefined when exceljs expanded them. */
export function recordedMerges(ws: ExcelJS.Worksheet): MergeArea[] | undefined {
  return mergesBySheet.get(ws);
}

/** Merged areas keep their value in the top-left cell only (some writers repeat it in every cell). */
export function blankCovered(grid: Grid, merges: MergeArea[]): void {
  const rows = grid.rows;
  // Overlapping merges (invalid, hostile) could repeat the work: stop after a generous budget.
  let budget = 50_000_000;
  for (const m of merges) {
    if (budget <= 0) break;
    const bottom = Math.min(m.bottom, rows.length - 1);
    for (let r = m.top; r <= bottom; r++) {
      const row = rows[r];
      const right = Math.min(m.right, row.length - 1);
      budget -= Math.max(0, right - m.left + 1);
      for (let c = m.left; c <= right; c++) {
        if (r === m.top && c === m.left) continue;
        row[c] = null;
        const t = grid.text?.[r];
        if (t && c < t.length) t[c] = null;
      }
    }
  }
  // Blanking may leave trailing empty cells and rows: trim again.
  for (const row of rows) while (row.length > 0 && row[row.length - 1] === null) row.pop();
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  if (grid.text) {
    grid.text.length = rows.length;
    grid.text.forEach((t, i) => (t.length = rows[i].length));
  }
}
