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
import { readMappedTable } from "../table/mapped";
import type { SheetResult } from "../types";
import { schedeReader } from "./schede";
import { labelsReader } from "./labels";
import { objectiveListReader } from "./objective-list";
import { tableReader } from "./table";
import type { LayoutReader, ReaderResult } from "./types";
import { filledRange } from "./unread";

export const READERS: readonly LayoutReader[] = [
  schedeReader,
  tableReader,
  labelsReader,
  objectiveListReader,
];

/** Below this, a reading is not trusted: the sheet is reported as not read (CONTRACT section 8). */
export const MIN_CONFIDENCE = 0.35;
export const LATER_MARGIN = 0.15;

/** The mapping entry for a sheet: its own entry first, else one for every sheet ("*"). */
export function layoutFor(
  layouts: readonly TableLayout[] | undefined,
  sheet: string
): TableLayout | null {
  if (!layouts || layouts.length === 0) return null;
  const usable = layouts.filter((l) => {
    const kind = (l as { layout?: unknown }).layout;
    return (
      (kind === undefined || kind === "mapped" || kind === "table") &&
      Object.keys(l.columns ?? {}).length > 0
    );
  });
  return usable.find((l) => l.sheet === sheet) ?? usable.find((l) => l.sheet === "*") ?? null;
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
    const result = readMappedTable(grid, { ...mapped, sheet: grid.sheet }, ctx);
    return {
      result,
      reading: {
        sheet: grid.sheet,
        layout: "mapped",
        reader: "mapped",
        confidence: 1,
        headerRow: mapped.headerRow,
        columns: { ...mapped.columns },
        evidence: {},
        objectives: result.objectives.length,
        indicators: countIndicators(result),
        unread: [],
      },
    };
  }
  let best: { reader: LayoutReader; res: ReaderResult } | null = null;
  for (const reader of READERS) {
    if (
      best &&
      countIndicators(best.res) > 0 &&
      reader.maxConfidence <= best.res.confidence + LATER_MARGIN
    )
      continue;
    let res: ReaderResult | null = null;
    try {
      res = reader.read(grid, ctx);
    } catch {
      res = null; // a reader that fails on a sheet simply does not read it
    }
    if (!res || !res.recognized) continue;
    const margin = best && countIndicators(best.res) > 0 ? LATER_MARGIN : 0;
    if (!best || res.confidence > best.res.confidence + margin) best = { reader, res };
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
      columns: res.columns,
      evidence: res.evidence,
      objectives: res.objectives.length,
      indicators: countIndicators(res),
      unread: res.unread,
    },
  };
}
