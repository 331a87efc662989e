/**
 * `peg structure FILE... --out OUT.xlsx`: a copy of the (first) input workbook with the structured
 * sheets added, written through a temp file and renamed; never over an input.
 */
import * as path from "path";
import type { PegModel } from "../../core/model";
import { buildWorkbookSpec, type WorkbookSpecOptions } from "../../core/sheets";
import type { Settings } from "../../core/settings";
import { writeStructuredWorkbook } from "../../xlsx/write";
import { writeFileAtomic } from "../fs-safe";

export interface StructureOutResult {
  /** The workbook whose sheets were copied, or null when every input was text. */
  base: string | null;
  /** Other workbooks given: read for the model, but their sheets are not copied. */
  notCopied: string[];
}

/** What the sheets take from the validated settings: the check date and the achievement bands. */
export function settingsSpecOptions(
  settings: Pick<Settings, "asOf" | "bands">
): WorkbookSpecOptions {
  return { asOf: settings.asOf ?? null, bands: settings.bands };
}

function isWorkbook(p: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(p);
}

export async function writeStructureOut(
  model: PegModel,
  inputs: { path: string; bytes: Uint8Array }[],
  outPath: string,
  /**
   * asOf: the check date the model was evaluated at, so the sheets' formulas recompute alike;
   * bands: the settings' achievement bands (see settingsSpecOptions).
   */
  specOptions: WorkbookSpecOptions = {}
): Promise<StructureOutResult> {
  const workbooks = inputs.filter((i) => isWorkbook(i.path));
  const base = workbooks[0] ?? null;
  const bytes = await writeStructuredWorkbook(
    base?.bytes ?? null,
    buildWorkbookSpec(model, specOptions),
    {
      fileName: base ? path.basename(base.path) : undefined,
    }
  );
  await writeFileAtomic(
    outPath,
    bytes,
    inputs.map((i) => i.path)
  );
  return {
    base: base ? path.basename(base.path) : null,
    notCopied: workbooks.slice(1).map((w) => path.basename(w.path)),
  };
}
