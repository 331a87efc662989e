/**
 * The walker (docs/recognition.md): for every sheet, the user's mapping when one names it;
 * otherwise every reader of the registry reads it and the surest reading wins. What won, and how
 * sure it was, is kept as the sheet's reading for `peg inspect`.
 *
 * Order of READERS matters: a reader listed later must be surer than an earlier one by
 * LATER_MARGIN to win. The schede walker comes first: it was tuned on whole documents and knows
 * their headings, captions and cards, so a table found inside a scheda (its indicators grid) must
 * not take the sheet from it unless it reads clearly more.
 */
import type { Grid } from "../../grid";
import type { SheetReading, TableLayout } from "../reading";
import type { SheetContext } from "../sheet";
import { mappedColumns, readMappedTable } from "../table/mapped";
import { columnLetters } from "../../grid";
import type { SheetResult } from "../types";
import { isActiveEntry, type LayoutEntry } from "../../mapping";
import { schedeReader } from "./schede";
import { labelsReader } from "./labels";
import { objectiveListReader } from "./objective-list";
import { recordLinesReader } from "./record-lines";
import { tableReader } from "./table";
import type { LayoutReader, ReaderResult } from "./types";
import { filledRange } from "./unread";

export const READERS: readonly LayoutReader[] = [
  schedeReader,
  tableReader,
  labelsReader,
  recordLinesReader,
  objectiveListReader,
];

/** Below this, a reading is not trusted: the sheet is reported as not read (docs/mapping.md). */
export const MIN_CONFIDENCE = 0.35;
export const LATER_MARGIN = 0.15;

/** The mapping entry for a sheet: its own entry first, else one for every sheet ("*"). */
export function layoutFor(
  layouts: readonly TableLayout[] | undefined,
  sheet: string
): TableLayout | null {
  if (!layouts || layouts.length === 0) return null;
  const usable = layouts.filter((l) => isActiveEntry(l as LayoutEntry));
  return usable.find((l) => l.sheet === sheet) ?? usable.find((l) => l.sheet === "*") ?? null;
}

/**
 * Whether a later reading takes the sheet from the one in hand: surer by the margin, or, for a
 * table, as sure as a strong header makes it while reading as many indicators under more
 * objectives (a caption above a table is not the objective of all its rows).
 */
function beats(res: ReaderResult, best: ReaderResult): boolean {
  const margin = countIndicators(best) > 0 ? LATER_MARGIN : 0;
  if (res.confidence > best.confidence + margin) return true;
  return (
    res.headerRow !== null &&
    res.confidence >= STRONG &&
    countIndicators(res) >= countIndicators(best) &&
    leaves(res) > leaves(best)
  );
}
const STRONG = 0.85;

/** A reader whose best confidence cannot beat the reading in hand is not run (large sheets). */
function canBeat(reader: LayoutReader, best: ReaderResult): boolean {
  const margin = countIndicators(best) > 0 ? LATER_MARGIN : 0;
  return (
    reader.maxConfidence > best.confidence + margin ||
    (reader.layout === "table" && reader.maxConfidence >= STRONG)
  );
}

function leaves(res: SheetResult): number {
  const parents = new Set(res.objectives.map((o) => o.parentKey));
  return res.objectives.filter((o) => !parents.has(o.key)).length;
}

export interface SheetOutcome {
  result: SheetResult;
  reading: SheetReading;
}

function countIndicators(res: SheetResult): number {
  return res.objectives.reduce((n, o) => n + o.indicators.length, 0);
}

export function readSheet(
  grid: Grid,
  ctx: SheetContext,
  layouts?: readonly TableLayout[]
): SheetOutcome {
  const mapped = layoutFor(layouts, grid.sheet);
  if (mapped) {
    const layout = { ...mapped, sheet: grid.sheet };
    const result = readMappedTable(grid, layout, ctx);
    const evidence: SheetReading["evidence"] = {};
    for (const c of mappedColumns(grid, layout))
      if (c.header)
        evidence[columnLetters(c.col + (grid.origin?.col ?? 0))] = {
          header: c.header,
          confidence: 1,
        };
    return {
      result,
      reading: {
        sheet: grid.sheet,
        layout: "mapped",
        reader: "mapped",
        confidence: 1,
        headerRow: mapped.headerRow,
        ...(mapped.lastRow !== undefined ? { lastRow: mapped.lastRow } : {}),
        columns: { ...mapped.columns },
        evidence,
        objectives: result.objectives.length,
        indicators: countIndicators(result),
        unread: [],
      },
    };
  }
  let best: { reader: LayoutReader; res: ReaderResult } | null = null;
  for (const reader of READERS) {
    if (best && !canBeat(reader, best.res)) continue;
    let res: ReaderResult | null = null;
    try {
      res = reader.read(grid, ctx);
    } catch {
      res = null; // a reader that fails on a sheet simply does not read it
    }
    if (!res || !res.recognized) continue;
    if (!best || beats(res, best.res)) best = { reader, res };
  }
  if (!best || best.res.confidence < MIN_CONFIDENCE) {
    const all = filledRange(grid, 0, grid.rows.length);
    return {
      result: { objectives: [], units: [], recognized: false },
      reading: {
        sheet: grid.sheet,
        layout: "none",
        reader: "none",
        confidence: best ? best.res.confidence : 0,
        headerRow: null,
        columns: {},
        evidence: {},
        objectives: 0,
        indicators: 0,
        unread: all ? [all] : [],
      },
    };
  }
  const { reader, res } = best;
  return {
    result: res,
    reading: {
      sheet: grid.sheet,
      layout: reader.layout,
      reader: reader.id,
      confidence: res.confidence,
      headerRow: res.headerRow,
      ...(res.lastRow !== undefined ? { lastRow: res.lastRow } : {}),
      columns: res.columns,
      evidence: res.evidence,
      objectives: res.objectives.length,
      indicators: countIndicators(res),
      unread: res.unread,
    },
  };
}
