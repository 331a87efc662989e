/** `peg structure FILE... [--out OUT.xlsx] [--json] [--year Y] [--as-of D] [--config F]` */
import * as path from "path";
import { analyze } from "../../core/pipeline";
import type { PegModel } from "../../core/model";
import { assertWritable } from "../../core/limits";
import { assertPlanRead } from "../../core/noplan";
import type { CliIo } from "../io";
import { optString, usageError, type OptionSpec } from "../args";
import { assertNotInput } from "../fs-safe";
import { analyzeOptions, parseCommandArgs, prepareRun, RUN_OPTIONS } from "./common";
import { writeStructureOut } from "./structure-out";
import { plural } from "../../core/audit/text";

const SPEC: OptionSpec = { out: { type: "string", short: "o" }, ...RUN_OPTIONS };

export async function runStructure(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, SPEC, io, "structure");
  if (!args) return 0;
  const out = optString(args, "out");
  if (out !== undefined) {
    const ext = path.extname(out).toLowerCase();
    if (ext !== ".xlsx" && ext !== ".xlsm")
      throw usageError(`--out deve indicare un file .xlsx (ricevuto "${out}")`);
    // Refuse before any work when the output would overwrite an input.
    await assertNotInput(
      path.resolve(io.cwd, out),
      args.positionals.map((p) => path.resolve(io.cwd, p))
    );
  }
  const run = await prepareRun(args, io, "structure");
  const grids = run.sources.flatMap((s) => s.grids);
  const options = analyzeOptions(run, run.sources);
  const { model, sheets } = analyze(grids, options);
  // No plan read: say so (exit 2) before anything is written.
  assertPlanRead(model);
  let note: string | undefined;
  if (out !== undefined) {
    assertWritable(model);
    run.progress.step(0.6, `Scrittura di ${path.basename(out)}…`);
    const result = await writeStructureOut(
      model,
      run.sources.map((s) => ({ path: s.path, bytes: s.bytes, grids: s.grids })),
      path.resolve(io.cwd, out),
      sheets
    );
    if (result.renamed.length > 0) {
      note =
        `nota: in "${path.basename(out)}" alcuni fogli hanno un altro nome (nome già usato o non valido in Excel): ` +
        result.renamed.map((r) => `"${r.original}" di "${r.file}" -> "${r.sheet}"`).join(", ");
    }
  }
  run.progress.done();
  if (note) io.err(`peg: ${note}\n`);
  if (args.flags.has("json")) {
    io.out(JSON.stringify(model, null, 2) + "\n");
  } else {
    io.out(describeModel(model, out));
  }
  return 0;
}

/** A few Italian lines saying what was found, for a person at the terminal. */
export function describeModel(model: PegModel, out?: string): string {
  const lines: string[] = [];
  lines.push(
    `File letti: ${model.source.files.join(", ")} (${model.source.sheets.length === 1 ? "1 foglio" : `${model.source.sheets.length} fogli`})`
  );
  if (model.plan.ente || model.plan.year) {
    lines.push(
      `Piano: ${[model.plan.kind, model.plan.ente, model.plan.year].filter((v) => v != null && v !== "").join(" ")}`
    );
  }
  lines.push(`Obiettivi strategici: ${model.strategicObjectives.length}`);
  lines.push(`Obiettivi operativi: ${model.operationalObjectives.length}`);
  lines.push(`Indicatori: ${model.indicators.length}`);
  lines.push(`Report dei dirigenti: ${model.reports.length}`);
  const errors = model.findings.filter((f) => f.severity === "error").length;
  const warnings = model.findings.filter((f) => f.severity === "warning").length;
  lines.push(
    `Segnalazioni: ${plural(errors, "errore", "errori")}, ${plural(warnings, "avviso", "avvisi")} (dettaglio con: peg audit)`
  );
  if (out) lines.push(`Scritto: ${out}`);
  lines.push("Per il modello completo: --json");
  return lines.join("\n") + "\n";
}
