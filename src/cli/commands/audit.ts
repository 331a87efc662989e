/** `peg audit FILE... [--json] [--as-of D] [--year Y] [--config F]`: exit 0 clean, 1 errors found, 2 bad input. */
import { PegInputError } from "../../core/errors";
import { noPlanMessage, planRead } from "../../core/noplan";
import { analyzeWorkbook } from "../../core/pipeline";
import type { CliIo } from "../io";
import { formatAuditReport, type FileFindings } from "../format-audit";
import { analyzeOptions, parseCommandArgs, prepareRun, RUN_OPTIONS } from "./common";

export async function auditFiles(
  argv: string[],
  io: CliIo
): Promise<{ reports: FileFindings[]; json: boolean } | null> {
  const args = parseCommandArgs(argv, RUN_OPTIONS, io, "audit");
  if (!args) return null;
  const run = await prepareRun(args, io, "audit", false);
  // One analysis per file: each settore's plan is its own report.
  const empty: string[] = [];
  const reports: FileFindings[] = run.sources.map((src, i) => {
    run.progress.step(0.4 + (0.6 * i) / run.sources.length, `Verifica di ${src.name}…`);
    const model = analyzeWorkbook(src.grids, analyzeOptions(run, [src]));
    if (!planRead(model)) empty.push(src.name);
    return { file: src.name, findings: model.findings };
  });
  run.progress.done();
  // Nothing read in any file: refuse (exit 2); in some of them: say which, on stderr.
  if (empty.length === reports.length) throw new PegInputError(noPlanMessage(empty), "NO_PLAN");
  if (empty.length > 0) io.err(`peg: attenzione: ${noPlanMessage(empty)}\n`);
  return { reports, json: args.flags.has("json") };
}

export async function runAudit(argv: string[], io: CliIo): Promise<number> {
  const result = await auditFiles(argv, io);
  if (!result) return 0;
  const { reports, json } = result;
  if (json) {
    const findings = reports.flatMap((r) => r.findings.map((f) => ({ ...f, file: r.file })));
    io.out(JSON.stringify(findings, null, 2) + "\n");
  } else {
    io.out(formatAuditReport(reports));
  }
  return reports.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}
