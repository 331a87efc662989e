/**
 * `peg summary FILE... --out OUT.docx|OUT.html|OUT.xlsx [--con-nomi] [--year Y] [--as-of D] [--config F]`:
 * the consolidated results for a deliberation, written through a temp file, never over an input.
 */
import * as path from "path";
import { analyzeWorkbook, resolveSettings } from "../../core/pipeline";
import { assertPlanRead } from "../../core/noplan";
import { buildSummary, type Summary } from "../../core/summary";
import { renderSummaryDocx } from "../../report/docx";
import { renderSummaryHtml } from "../../report/html";
import { renderSummaryXlsx } from "../../report/xlsx";
import type { CliIo } from "../io";
import { optString, parseArgs, usageError, type OptionSpec } from "../args";
import { assertNotInput, writeFileAtomic } from "../fs-safe";
import { analyzeOptions, prepareRun } from "./common";

const SPEC: OptionSpec = {
  out: { type: "string", short: "o" },
  "con-nomi": { type: "boolean" },
  year: { type: "string" },
  "as-of": { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
};

type Format = "docx" | "html" | "xlsx";

function formatOf(out: string): Format {
  const ext = path.extname(out).toLowerCase();
  if (ext === ".docx") return "docx";
  if (ext === ".html" || ext === ".htm") return "html";
  if (ext === ".xlsx") return "xlsx";
  throw usageError(`--out deve indicare un file .docx, .html o .xlsx (ricevuto "${out}")`);
}

export async function renderSummary(
  summary: Summary,
  format: Format
): Promise<Uint8Array | string> {
  switch (format) {
    case "docx":
      return renderSummaryDocx(summary);
    case "html":
      return renderSummaryHtml(summary);
    case "xlsx":
      return renderSummaryXlsx(summary);
  }
}

/** Runs `peg summary`; returns the exit code. Throws PegInputError for bad input (exit 2). */
export async function runSummary(argv: string[], io?: CliIo): Promise<number> {
  const cwd = io?.cwd ?? process.cwd();
  const args = parseArgs(argv, SPEC);
  const out = optString(args, "out");
  if (out === undefined)
    throw usageError("manca --out, es.: peg summary piano.xlsx --out riepilogo.docx");
  const format = formatOf(out);
  const outPath = path.resolve(cwd, out);
  const inputs = args.positionals.map((p) => path.resolve(cwd, p));
  await assertNotInput(outPath, inputs);
  const run = await prepareRun(
    args,
    io ?? {
      out: (t) => process.stdout.write(t),
      err: (t) => process.stderr.write(t),
      cwd,
      lang: "it",
    },
    "summary"
  );
  const grids = run.sources.flatMap((s) => s.grids);
  const options = analyzeOptions(run, run.sources);
  const model = analyzeWorkbook(grids, options);
  // A summary with no objectives is never written: say that nothing was read (exit 2).
  assertPlanRead(model);
  // The settings' bands decide how each grade counts (core/summary); this adapter only passes them.
  const summary = buildSummary(model, {
    withNames: args.flags.has("con-nomi"),
    bands: resolveSettings(options).bands,
  });
  const bytes = await renderSummary(summary, format);
  await writeFileAtomic(outPath, bytes, inputs);
  const n = summary.totals.objectives;
  const line =
    `Scritto: ${out} (${n === 1 ? "1 obiettivo" : `${n} obiettivi`}, ` +
    `${summary.groups.length === 1 ? "1 settore" : `${summary.groups.length} settori`}` +
    `${summary.withNames ? ", con i nomi" : ", senza nomi del personale"})\n`;
  if (io) io.out(line);
  else process.stdout.write(line);
  return 0;
}
