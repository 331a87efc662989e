/**
 * Office.js -> grids (docs/mapping.md): every sheet's used range in one batch.
 * Two syncs whatever the size: one for the sheet list, one for all used ranges.
 */
import type { CellValue, Grid } from "../core/grid";
import { columnLetters, parseA1, splitRef } from "../core/grid";
import { cellDisplayText, excelSerialToDate, isDateFormat } from "../core/cells";

/** The part of Excel.RequestContext the reader uses (typed loosely so tests can fake it). */
export type ExcelContext = Excel.RequestContext;

/** One used range as loaded: address "Sheet!B2:D9", values, numberFormat. */
export interface LoadedRange {
  address: string;
  values: unknown[][];
  numberFormat?: unknown[][];
}

/** A loaded used range as a Grid; dates, percentages and fixed decimals get their Italian text. */
export function rangeToGrid(sheet: string, range: LoadedRange | null, hidden = false): Grid {
  if (!range) return { sheet, rows: [], origin: { row: 0, col: 0 }, hidden };
  const part = splitRef(range.address)?.range ?? range.address;
  const topLeft = parseA1(part.split(":")[0]) ?? { row: 0, col: 0 };
  const rows: CellValue[][] = [];
  let text: (string | null)[][] | undefined;
  range.values.forEach((row, r) => {
    const out: CellValue[] = [];
    row.forEach((v, c) => {
      const fmt = String(range.numberFormat?.[r]?.[c] ?? "General");
      let value: CellValue = null;
      if (typeof v === "number") value = isDateFormat(fmt) ? excelSerialToDate(v) : v;
      else if (typeof v === "boolean") value = v;
      else if (typeof v === "string") value = v === "" ? null : v;
      // What the cell shows (src/core/cells.ts), the same rule as the xlsx readers.
      const shown = value === null ? null : cellDisplayText(value, fmt);
      if (shown !== null) {
        text ??= range.values.map((rr) => rr.map(() => null));
        text[r][c] = shown;
      }
      out.push(value);
    });
    rows.push(out);
  });
  return { sheet, rows, text, origin: topLeft, hidden };
}

export interface ReadOptions {
  /**
   * Excel on the web refuses responses over 5 MB: with a limit, sizes are read first and the
   * cells come in blocks of rows of at most this many cells per request. Without one (desktop),
   * everything comes in one batch.
   */
  maxCellsPerRequest?: number;
}

/** Every worksheet's used range (values and number formats) as grids, in workbook order. */
export async function readWorkbookGrids(
  context: ExcelContext,
  options: ReadOptions = {}
): Promise<Grid[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const limit = options.maxCellsPerRequest;
  if (!limit || limit < 1) {
    // Two syncs whatever the size: the sheet list, then every used range at once.
    const used = sheets.items.map((ws) => {
      const r = ws.getUsedRangeOrNullObject(true);
      r.load("address,values,numberFormat");
      return r;
    });
    await context.sync();
    return sheets.items.map((ws, i) => {
      const r = used[i];
      const loaded: LoadedRange | null = r.isNullObject
        ? null
        : { address: r.address, values: r.values, numberFormat: r.numberFormat };
      return rangeToGrid(ws.name, loaded, ws.visibility !== "Visible");
    });
  }
  return readInBlocks(context, sheets.items, limit);
}

async function readInBlocks(
  context: ExcelContext,
  items: Excel.Worksheet[],
  limit: number
): Promise<Grid[]> {
  const used = items.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load("address,rowCount,columnCount");
    return r;
  });
  await context.sync();
  const parts = items.map(() => [] as Excel.Range[]);
  let pending = 0;
  for (let i = 0; i < items.length; i++) {
    const u = used[i];
    if (u.isNullObject) continue;
    const part = splitRef(u.address)?.range ?? u.address;
    const top = parseA1(part.split(":")[0]) ?? { row: 0, col: 0 };
    const cols = Math.max(1, u.columnCount);
    const perBlock = Math.max(1, Math.floor(limit / cols));
    for (let r0 = 0; r0 < u.rowCount; r0 += perBlock) {
      const n = Math.min(perBlock, u.rowCount - r0);
      if (pending > 0 && pending + n * cols > limit) {
        // One request per block of `limit` cells, by design (the web's 5 MB response limit).
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        pending = 0;
      }
      const block = items[i].getRange(
        `${columnLetters(top.col)}${top.row + r0 + 1}:${columnLetters(top.col + cols - 1)}${top.row + r0 + n}`
      );
      block.load("values,numberFormat");
      parts[i].push(block);
      pending += n * cols;
    }
  }
  if (pending > 0) await context.sync();
  return items.map((ws, i) => {
    const u = used[i];
    const loaded: LoadedRange | null = u.isNullObject
      ? null
      : {
          address: u.address,
          values: parts[i].flatMap((b) => b.values),
          numberFormat: parts[i].flatMap((b) => b.numberFormat),
        };
    return rangeToGrid(ws.name, loaded, ws.visibility !== "Visible");
  });
}

/** Rows of a sheet for a preview: 1-based rows, 0-based columns, inclusive. */
export interface RowsRequest {
  sheet: string;
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

/** Only the rows asked for (the "Colonne" preview): one range, one sync. */
export async function readSheetRows(context: ExcelContext, req: RowsRequest): Promise<Grid> {
  const first = Math.max(1, Math.floor(req.firstRow));
  const last = Math.max(first, Math.floor(req.lastRow));
  const c1 = Math.max(0, Math.floor(req.firstCol));
  const c2 = Math.max(c1, Math.floor(req.lastCol));
  const range = context.workbook.worksheets
    .getItem(req.sheet)
    .getRange(`${columnLetters(c1)}${first}:${columnLetters(c2)}${last}`);
  range.load("address,values,numberFormat");
  await context.sync();
  return rangeToGrid(req.sheet, {
    address: range.address,
    values: range.values,
    numberFormat: range.numberFormat,
  });
}
