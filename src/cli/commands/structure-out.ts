/**
 * PLACEHOLDER (created by the CLI work): the workbook helper owns this file and replaces the body.
 * Writes the structured workbook of `peg structure --out`.
 */
import { PegInputError } from "../../core/errors";
import type { PegModel } from "../../core/model";

export async function writeStructureOut(
  model: PegModel,
  inputs: { path: string; bytes: Uint8Array }[],
  outPath: string
): Promise<void> {
  void model;
  void inputs;
  throw new PegInputError(
    `La scrittura di "${outPath}" non è ancora disponibile in questa versione.`,
    "NOT_AVAILABLE"
  );
}
