/**
 * `peg structure FILE... --out OUT.xlsx`: a copy of the first input workbook with the structured
 * sheets added; with several inputs, the sheets of the other workbooks and text files are added too
 * (renamed when Excel would refuse or confuse their names), so every `Origine` link has a sheet to
 * go to. Written through a temp file and renamed; never over an input.
 */
import * as path from "path";
import type { Grid } from "../../core/grid";
import type { PegModel } from "../../core/model";
import { buildWorkbookSpec, type WorkbookSpecOptions } from "../../core/sheets";
import { writeStructuredWorkbookFrom, type SourceInput } from "../../xlsx/write";
import { writeFileAtomic } from "../fs-safe";

export interface StructureOutResult {
  /** The workbook the output is a copy of, or null when every input was text. */
  base: string | null;
  /** Source sheets copied under another name: file, name in the file, name in the output. */
  renamed: { file: string; original: string; sheet: string }[];
}

function isWorkbook(p: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(p);
}

export interface StructureOutInput {
  path: string;
  bytes: Uint8Array;
  /** The grids read from the file (their names as the model knows them; a text file's rows). */
  grids?: Grid[];
}

export async function writeStructureOut(
  model: PegModel,
  inputs: StructureOutInput[],
  outPath: string,
  /**
   * What the sheets take from the settings (src/core/pipeline.ts sheetOptions): the check date the
   * model was evaluated at, the achievement bands, the weight tolerance.
   */
  specOptions: WorkbookSpecOptions = {}
): Promise<StructureOutResult> {
  // Every input's sheets are in the output, a text file as a plain sheet named after the file, so
  // each row's Origine link has a cell to land on.
  const sources: SourceInput[] = [];
  for (const i of inputs) {
    const fileName = path.basename(i.path);
    if (isWorkbook(i.path)) {
      sources.push({
        kind: "workbook",
        bytes: i.bytes,
        fileName,
        modelSheets: i.grids?.map((g) => g.sheet),
      });
    } else {
      for (const g of i.grids ?? [])
        sources.push({ kind: "text", fileName, sheet: g.sheet, rows: g.rows });
    }
  }
  const result = await writeStructuredWorkbookFrom(sources, buildWorkbookSpec(model, specOptions));
  await writeFileAtomic(
    outPath,
    result.bytes,
    inputs.map((i) => i.path)
  );
  const base = inputs.find((i) => isWorkbook(i.path));
  return {
    base: base ? path.basename(base.path) : null,
    renamed: result.sheets
      .filter((s) => s.sheet !== s.original)
      .map((s) => ({ file: s.file ?? "", original: s.original, sheet: s.sheet })),
  };
}
