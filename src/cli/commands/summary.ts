/**
 * PLACEHOLDER (created by the CLI work): the workbook helper owns this file and replaces the body.
 * `peg summary FILE... --out OUT.docx|OUT.html|OUT.xlsx`.
 */
import { PegInputError } from "../../core/errors";
import type { CliIo } from "../io";

/** Runs `peg summary`; returns the exit code. Throw PegInputError for bad input (exit 2). */
export async function runSummary(args: string[], io?: CliIo): Promise<number> {
  void args;
  void io;
  throw new PegInputError(
    "Il comando peg summary non è ancora disponibile in questa versione.",
    "NOT_AVAILABLE"
  );
}
