/**
 * Flat tables, one row per indicator (or per objective), with a header row: open-data exports,
 * database views, PEG matrices retyped in Excel. Roles come from the header lexicon checked
 * against the values (../table/detect.ts); the rows are read as a mapping would read them
 * (../table/mapped.ts), so a saved mapping of this reading reproduces it exactly.
 */
import { columnIndex, type Grid } from "../../grid";
import { detectTable } from "../table/detect";
import { readMappedTable } from "../table/mapped";
import type { SheetContext } from "../sheet";
import type { LayoutReader, ReaderResult } from "./types";
import { filledRange, unreadColumns } from "./unread";

export function readTableLayout(grid: Grid, ctx: SheetContext): ReaderResult | null {
  const guess = detectTable(grid);
  if (!guess) return null;
  let res = readMappedTable(grid, guess.layout, ctx);
  // A plain `Peso` with one indicator per objective weighs the objective (as written), unless
  // every weight is 100% (each indicator the whole of its objective).
  const weightCol = Object.entries(guess.layout.columns).find(([, role]) => role === "weight")?.[0];
  const single = res.objectives.filter((o) => o.indicators.length > 0);
  if (
    weightCol &&
    /^pes[oi]( ?%)?$/i.test(guess.evidence[weightCol]?.header ?? "") &&
    !Object.values(guess.layout.columns).includes("objectiveWeight") &&
    single.length >= 2 &&
    single.every((o) => o.indicators.length === 1) &&
    single.some((o) => o.indicators[0].weight !== null && o.indicators[0].weight !== 1)
  ) {
    guess.layout.columns[weightCol] = "objectiveWeight";
    res = readMappedTable(grid, guess.layout, ctx);
  }
  const indicators = res.objectives.reduce((n, o) => n + o.indicators.length, 0);
  if (!res.recognized) return null;
  const o = grid.origin ?? { row: 0, col: 0 };
  const used = new Set(
    Object.entries(guess.layout.columns)
      .filter(([, role]) => role !== "ignore")
      .map(([letter]) => columnIndex(letter) - o.col)
  );
  const headerIdx = guess.layout.headerRow - 1 - o.row;
  const above = filledRange(grid, 0, guess.firstHeaderIdx);
  const end = guess.layout.lastRow !== undefined ? guess.layout.lastRow - o.row : grid.rows.length;
  const below = end < grid.rows.length ? filledRange(grid, end, grid.rows.length) : null;
  const unread = [
    ...(above ? [above] : []),
    ...unreadColumns(grid, headerIdx + 1, used, end),
    ...(below ? [below] : []),
  ];
  // A table that gives objectives but no indicator is less sure than one that gives both, and
  // one whose objectives mostly have no indicator has read captions or notes as objectives.
  const withIndicators = res.objectives.filter((x) => x.indicators.length > 0).length;
  const confidence =
    indicators > 0
      ? guess.confidence * Math.sqrt(withIndicators / res.objectives.length)
      : guess.confidence * 0.7;
  return {
    ...res,
    confidence: Math.round(confidence * 100) / 100,
    headerRow: guess.layout.headerRow,
    ...(guess.layout.lastRow !== undefined ? { lastRow: guess.layout.lastRow } : {}),
    columns: guess.layout.columns,
    evidence: guess.evidence,
    unread,
  };
}

export const tableReader: LayoutReader = {
  id: "table",
  layout: "table",
  maxConfidence: 1,
  read: readTableLayout,
};
