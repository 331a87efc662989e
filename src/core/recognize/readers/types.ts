/**
 * A layout reader (docs/recognition.md): one module per family of plan layouts. Each says how
 * sure it is that a sheet is of its family and reads it; the walker (./index.ts) keeps the surest.
 * Adding a layout means adding one reader here, listed in ./index.ts, and its real documents in
 * test/corpus.
 */
import type { Grid } from "../../grid";
import type { ColumnEvidence, ColumnRole, LayoutName } from "../reading";
import type { SheetContext } from "../sheet";
import type { SheetResult } from "../types";

export interface ReaderResult extends SheetResult {
  /** 0..1: how sure the reader is that the sheet is of its family and read right. */
  confidence: number;
  headerRow: number | null;
  lastRow?: number;
  columns: Record<string, ColumnRole>;
  evidence: Record<string, ColumnEvidence>;
  /** Non-empty ranges the reader left out (A1 ranges on the sheet, without the sheet name). */
  unread: string[];
}

export interface LayoutReader {
  /** Stable id, shown by `peg inspect` (`reader`). */
  id: string;
  /** The family, as `peg inspect` names it (`layout`). */
  layout: LayoutName;
  /** The most confidence this reader ever gives: a reader that cannot win is not run. */
  maxConfidence: number;
  /** The reading of the sheet, or null when the sheet is not of this family. */
  read(grid: Grid, ctx: SheetContext): ReaderResult | null;
}
