/** What the readers build alike: a new objective, a sheet's lines of text, a reading without a header. */
import { cellText, type Grid } from "../../grid";
import type { SheetContext } from "../sheet";
import { cleanText } from "../text";
import type { RawObjective, RawPeople } from "../types";
import type { ReaderResult } from "./types";

export function newRawObjective(
  ctx: SheetContext,
  code: string | null,
  title: string,
  level: RawObjective["level"],
  people: RawPeople,
  source: string
): RawObjective {
  return {
    key: ctx.newKey(),
    code,
    title,
    level,
    people,
    weight: null,
    phases: [],
    indicators: [],
    reports: [],
    source,
  };
}

export interface Line {
  row: number;
  /** First non-empty column. */
  col: number;
  text: string;
}

/** A row as one line of text (its cells joined), or null when it is empty. */
export function lineOf(grid: Grid, r: number): Line | null {
  const row = grid.rows[r];
  if (!Array.isArray(row)) return null;
  const parts: string[] = [];
  let col = -1;
  for (let c = 0; c < row.length; c++) {
    if (row[c] === null || row[c] === "") continue;
    const t = cleanText(cellText(grid, r, c));
    if (t === "") continue;
    if (col < 0) col = c;
    parts.push(t);
  }
  return parts.length === 0 ? null : { row: r, col, text: parts.join(" ") };
}

/** The reading of a layout that has no header row or column roles (lines, cards, lists). */
export function headerlessReading(objectives: RawObjective[], confidence: number): ReaderResult {
  return {
    objectives,
    units: [],
    recognized: true,
    confidence: Math.round(confidence * 100) / 100,
    headerRow: null,
    columns: {},
    evidence: {},
    unread: [],
  };
}
