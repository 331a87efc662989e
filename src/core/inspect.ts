/**
 * `peg inspect` (docs/mapping.md): how every sheet was read, as data. The same pipeline as
 * `peg structure` (settings, mapping, model), with a collector of the sheets' readings. The zod
 * schema is the shape of `peg inspect --json`; an entry is also a valid `layouts` entry.
 */
import { z } from "zod";
import type { Grid } from "./grid";
import type { PegModel } from "./model";
import { analyzeWorkbook, type AnalyzeOptions } from "./pipeline";
import { COLUMN_ROLES, type SheetReading } from "./recognize/reading";

const LETTERS = /^[A-Z]{1,3}$/;

export const SheetReadingSchema = z.strictObject({
  sheet: z.string(),
  layout: z.enum(["table", "schede", "lines", "labels", "mapped", "none"]),
  reader: z.string(),
  confidence: z.number().min(0).max(1),
  headerRow: z.number().int().min(1).nullable(),
  lastRow: z.number().int().min(1).optional(),
  columns: z.record(z.string().regex(LETTERS), z.enum(COLUMN_ROLES)),
  evidence: z.record(
    z.string().regex(LETTERS),
    z.strictObject({ header: z.string(), confidence: z.number().min(0).max(1) })
  ),
  objectives: z.number().int().min(0),
  indicators: z.number().int().min(0),
  unread: z.array(z.string().regex(/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/)),
});

export const InspectSchema = z.strictObject({ sheets: z.array(SheetReadingSchema) });
export type InspectResult = z.infer<typeof InspectSchema>;

export interface Inspection {
  sheets: SheetReading[];
  model: PegModel;
}

/** Read the workbook as `peg structure` does and say, sheet by sheet, how it was read. */
export function inspectWorkbook(grids: Grid[], options: AnalyzeOptions): Inspection {
  const readings: SheetReading[] = [];
  const model = analyzeWorkbook(grids, { ...options, readings });
  return { sheets: readings, model };
}
