/**
 * Cell ranges for findings: the sources of several cells ("Scheda 1!C40", "Scheda 1!C48") become
 * one range ("Scheda 1!C40:C48") when they share a sheet, so an auditor can select it at once.
 */
import { a1, parseA1 } from "../grid";

interface Cell {
  sheet: string;
  row: number;
  col: number;
}

function splitSource(source: string): Cell | null {
  const bang = source.lastIndexOf("!");
  if (bang < 0) return null;
  let sheet = source.slice(0, bang);
  const ref = parseA1(source.slice(bang + 1).split(":")[0]);
  if (!ref) return null;
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ...ref };
}

function sheetPrefix(sheet: string): string {
  return /^[A-Za-z0-9_.]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** One range per sheet (bounding box), joined with ", "; undefined when no source is given. */
export function rangeOf(sources: readonly (string | undefined | null)[]): string | undefined {
  const given = sources.filter((s): s is string => typeof s === "string" && s.trim() !== "");
  if (given.length === 0) return undefined;
  const bySheet = new Map<string, Cell[]>();
  const unreadable: string[] = [];
  for (const s of given) {
    const c = splitSource(s);
    if (!c) {
      if (!unreadable.includes(s)) unreadable.push(s);
      continue;
    }
    const list = bySheet.get(c.sheet);
    if (list) list.push(c);
    else bySheet.set(c.sheet, [c]);
  }
  const parts: string[] = [];
  for (const [sheet, cells] of bySheet) {
    // Loops, not Math.min(...cells): a hostile plan may give 100,000 cells.
    let top = Infinity;
    let bottom = -Infinity;
    let left = Infinity;
    let right = -Infinity;
    for (const c of cells) {
      if (c.row < top) top = c.row;
      if (c.row > bottom) bottom = c.row;
      if (c.col < left) left = c.col;
      if (c.col > right) right = c.col;
    }
    const start = a1(top, left);
    const end = a1(bottom, right);
    parts.push(`${sheetPrefix(sheet)}!${start === end ? start : `${start}:${end}`}`);
  }
  return [...parts, ...unreadable].join(", ");
}
