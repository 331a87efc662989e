/** Row access for recognizers: the non-empty cells of each row, cleaned, computed once. */
import { cellText, type CellValue, type Grid } from "../grid";
import { cleanText } from "./text";

const FOOTER_RE = /^pag(?:ina|\.)?\s*\d{1,4}(?:\s*(?:di|\/|of)\s*\d{1,4})?$/i;

/** A page footer alone on its row (`Pagina 3 di 7`): read as a blank row. */
export function isPageFooter(text: string): boolean {
  return FOOTER_RE.test(text.trim());
}

export interface Cell {
  col: number;
  /** Displayed text without markup. */
  text: string;
  value: CellValue;
  /** Displayed text as the grid gives it (e.g. "15%" for 0.15). */
  shown: string;
}

export class RowReader {
  readonly count: number;
  // One entry per row, filled on first use: a sheet is walked more than once (table ends, reading).
  private cache: (Cell[] | undefined)[] = [];
  constructor(readonly grid: Grid) {
    this.count = Array.isArray(grid.rows) ? grid.rows.length : 0;
  }

  cells(r: number): Cell[] {
    if (r < 0 || r >= this.count) return [];
    let out = this.cache[r];
    if (out) return out;
    out = [];
    const row = this.grid.rows[r];
    if (Array.isArray(row)) {
      for (let c = 0; c < row.length; c++) {
        let v = row[c];
        if (v === null || v === undefined || v === "") continue;
        // A grid from text or a formula error can carry NaN or ±Infinity: no plan value is
        // infinite, so such a cell is read as the text it shows.
        if (typeof v === "number" && !Number.isFinite(v)) v = Number.isNaN(v) ? null : String(v);
        if (v === null) continue;
        const shown = cellText(this.grid, r, c);
        const text = cleanText(shown);
        if (text === "") continue;
        out.push({ col: c, text, value: v, shown });
      }
    }
    // A page footer alone on its row (`Pagina 3 di 7`, `Pag. 2`): the row is blank for the reader.
    if (out.length === 1 && FOOTER_RE.test(out[0].text)) out = [];
    this.cache[r] = out;
    return out;
  }

  private leftCol: number | undefined;

  /** Leftmost column holding a value anywhere in the grid: a sheet may start its tables at C. */
  get left(): number {
    if (this.leftCol !== undefined) return this.leftCol;
    let min = Infinity;
    for (let r = 0; r < this.count; r++) {
      const c = this.cells(r)[0];
      if (c && c.col < min) min = c.col;
    }
    this.leftCol = Number.isFinite(min) ? min : 0;
    return this.leftCol;
  }

  /** Non-blank rows after row a up to row b (included): a distance blank rows do not stretch. */
  distance(a: number, b: number, cap = Infinity): number {
    let n = 0;
    // Callers only ask "more than k?": stop past the cap, so long tables stay linear.
    for (let r = Math.max(a + 1, 0); r <= b && r < this.count && n <= cap; r++)
      if (!this.isBlank(r)) n++;
    return n;
  }

  /** The first non-blank row after row r (within `limit` rows), or -1. */
  nextFilled(r: number, limit = 20): number {
    for (let k = r + 1; k < this.count && k <= r + limit; k++) if (!this.isBlank(k)) return k;
    return -1;
  }

  /** Text of one cell ("" when empty). */
  at(r: number, c: number): Cell | undefined {
    return this.cells(r).find((x) => x.col === c);
  }

  text(r: number, c: number): string {
    return this.at(r, c)?.text ?? "";
  }

  /** Number of columns the row spans (including empty cells inside it). */
  width(r: number): number {
    const row = this.grid.rows[r];
    return Array.isArray(row) ? row.length : 0;
  }

  isBlank(r: number): boolean {
    return this.cells(r).length === 0;
  }
}
