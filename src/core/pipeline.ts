/**
 * The main job, the same for CLI, task pane and standalone page: grids -> model -> findings.
 * PLACEHOLDER: the recognizer (src/core/structure.ts) and audit (src/core/audit) fill it in.
 */
import type { Grid } from "./grid";
import { emptyModel, type PegModel } from "./model";

export interface AnalyzeOptions {
  files: string[];
  year?: number;
  asOf?: string | null;
}

export function analyzeWorkbook(grids: Grid[], options: AnalyzeOptions): PegModel {
  return emptyModel(
    options.files,
    grids.map((g) => g.sheet)
  );
}
