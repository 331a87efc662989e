/**
 * A sheet read as one flat table with the column roles the user gave (docs/mapping.md).
 * Work in progress: filled in by the recognizer work (issue 11); the signature is fixed.
 */
import type { Grid } from "../../grid";
import type { TableLayout } from "../reading";
import type { SheetContext } from "../sheet";
import type { SheetResult } from "../types";

export function readMappedTable(grid: Grid, layout: TableLayout, ctx: SheetContext): SheetResult {
  void grid;
  void layout;
  void ctx;
  return { objectives: [], units: [], recognized: false };
}
