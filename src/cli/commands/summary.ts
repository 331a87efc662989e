/**
 * `peg summary FILE... --out OUT.docx|OUT.html|OUT.xlsx [--con-nomi] [--year Y] [--as-of D] [--config F]`:
 * the consolidated results for a deliberation, written through a temp file, never over an input.
 */
import * as path from "path";
import { analyzeWorkbook, resolveSettings } from "../../core/pipeline";
import { PegInputError } from "../../core/errors";
import type { PegModel } from "../../core/model";
import { assertPlanRead, noPlanMessage, planRead } from "../../core/noplan";
import { buildSummaryOfPlans, planKey, type Summary } from "../../core/summary";
import { renderSummaryDocx } from "../../report/docx";
import { renderSummaryHtml } from "../../report/html";
import { renderSummaryXlsx } from "../../report/xlsx";
import type { CliIo } from "../io";
import { optString, parseArgs, usageError, type OptionSpec } from "../args";
import { assertNotInput, writeFileAtomic } from "../fs-safe";
import type { SourceFile } from "../sources";
import { analyzeOptions, prepareRun, type PreparedRun } from "./common";

const SPEC: OptionSpec = {
  out: { type: "string", short: "o" },
  "con-nomi": { type: "boolean" },
  "con-file": { type: "boolean" },
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

/** "Comune di A, 2024" */
function planLabel(model: PegModel): string {
  return [model.plan.ente?.trim(), model.plan.year].filter((v) => v != null && v !== "").join(", ");
}

/**
 * The plans to summarize: all files as one plan, unless they belong to different enti or years;
 * then one plan (one section of the document) for each, with a warning on stderr. Files with no
 * plan read in them are left out and named; none at all is refused (exit 2, nothing written).
 */
function plans(run: PreparedRun, err: (t: string) => void): PegModel[] {
  const together = (sources: SourceFile[]) =>
    analyzeWorkbook(
      sources.flatMap((s) => s.grids),
      analyzeOptions(run, sources)
    );
  if (run.sources.length === 1) {
    const model = together(run.sources);
    // A summary with no objectives is never written: say that nothing was read (exit 2).
    assertPlanRead(model);
    return [model];
  }
  const read = run.sources.map((src) => ({ src, model: together([src]) }));
  const empty = read.filter((r) => !planRead(r.model)).map((r) => r.src.name);
  const withPlan = read.filter((r) => planRead(r.model));
  if (withPlan.length === 0) throw new PegInputError(noPlanMessage(empty), "NO_PLAN");
  if (empty.length > 0)
    err(`peg: attenzione: ${noPlanMessage(empty)} Il riepilogo riporta gli altri file.\n`);
  // Files of one ente and year go together; a file that says neither joins the first plan.
  const byKey = new Map<string, SourceFile[]>();
  const unknown: SourceFile[] = [];
  for (const r of withPlan) {
    const key = planKey(r.model);
    if (key === null) unknown.push(r.src);
    else byKey.set(key, [...(byKey.get(key) ?? []), r.src]);
  }
  if (byKey.size <= 1) return [together(withPlan.map((r) => r.src))];
  const groups = [...byKey.values()];
  groups[0] = [...groups[0], ...unknown];
  const labels = withPlan
    .filter((r) => planKey(r.model) !== null)
    .map((r) => `${r.src.name}: ${planLabel(r.model)}`);
  err(
    `peg: attenzione: i file sono di enti o anni diversi (${labels.join("; ")}): il riepilogo ` +
      `ha una sezione per ciascuno. Per un solo riepilogo indica i file di un ente e di un anno.\n`
  );
  return groups.map(together);
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
  // A warning clears the progress bar first, so it stands on its own line.
  const err = (t: string) => {
    run.progress.done();
    if (io) io.err(t);
    else process.stderr.write(t);
  };
  const options = analyzeOptions(run, run.sources);
  const models = plans(run, err);
  run.progress.step(0.8, `Scrittura di ${path.basename(out)}…`);
  // The settings' bands decide how each grade counts (core/summary); this adapter only passes them.
  const summary = buildSummaryOfPlans(models, {
    withNames: args.flags.has("con-nomi"),
    withFiles: args.flags.has("con-file"),
    bands: resolveSettings(options).bands,
  });
  const bytes = await renderSummary(summary, format);
  await writeFileAtomic(outPath, bytes, inputs);
  run.progress.done();
  const n = summary.totals.objectives;
  const line =
    `Scritto: ${out} (${n === 1 ? "1 obiettivo" : `${n} obiettivi`}, ` +
    `${summary.groups.length === 1 ? "1 settore" : `${summary.groups.length} settori`}` +
    `${summary.sections.length > 1 ? `, ${summary.sections.length} sezioni per ente e anno` : ""}` +
    `${summary.withNames ? ", con i nomi" : ", senza nomi del personale"})\n`;
  if (io) io.out(line);
  else process.stdout.write(line);
  return 0;
}
