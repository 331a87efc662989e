/** `peg audit FILE... [--json] [--as-of D] [--year Y] [--config F]`: exit 0 clean, 1 errors found, 2 bad input. */
import { analyzeWorkbook } from "../../core/pipeline";
import type { CliIo } from "../io";
import { parseArgs, type OptionSpec } from "../args";
import { formatAuditReport, type FileFindings } from "../format-audit";
import { usage } from "../usage";
import { analyzeOptions, prepareRun } from "./common";

const SPEC: OptionSpec = {
  json: { type: "boolean" },
  year: { type: "string" },
  "as-of": { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
};

export async function auditFiles(
  argv: string[],
  io: CliIo
): Promise<{ reports: FileFindings[]; json: boolean } | null> {
  const args = parseArgs(argv, SPEC);
  if (args.flags.has("help")) {
    io.out(usage("audit", io.lang));
    return null;
  }
  const run = await prepareRun(args, io, "audit", false);
  // One analysis per file: each settore's plan is its own report.
  const reports: FileFindings[] = run.sources.map((src) => ({
    file: src.name,
    findings: analyzeWorkbook(src.grids, analyzeOptions(run, [src])).findings,
  }));
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
