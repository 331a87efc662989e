/** Ranges of a sheet that hold something but went into no reading (for `peg inspect`). */
import { a1, type Grid } from "../../grid";

function filled(v: unknown): boolean {
  return v !== null && v !== undefined && v !== "";
}

/** The bounding range of the non-empty cells of rows [from, to), or null when all are empty. */
export function filledRange(
  grid: Grid,
  from: number,
  to: number,
  cols?: ReadonlySet<number>
): string | null {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (let r = Math.max(0, from); r < Math.min(to, grid.rows.length); r++) {
    const row = grid.rows[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      if (!filled(row[c]) || (cols && !cols.has(c))) continue;
      if (top < 0) top = r;
      bottom = r;
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  if (top < 0) return null;
  const o = grid.origin ?? { row: 0, col: 0 };
  const from1 = a1(top + o.row, left + o.col);
  const to1 = a1(bottom + o.row, right + o.col);
  return from1 === to1 ? from1 : `${from1}:${to1}`;
}

/** Every column with values under the header that no role reads, one range each. */
export function unreadColumns(
  grid: Grid,
  from: number,
  used: ReadonlySet<number>,
  to = grid.rows.length
): string[] {
  let width = 0;
  for (const row of grid.rows) width = Math.max(width, Array.isArray(row) ? row.length : 0);
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    if (used.has(c)) continue;
    const r = filledRange(grid, from, to, new Set([c]));
    if (r) out.push(r);
  }
  return out;
}
