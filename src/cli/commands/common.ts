/**
 * What `peg structure` and `peg audit` share: their common flags and `--help`, reading inputs and
 * settings, options for the pipeline.
 */
import * as path from "path";
import type { AnalyzeOptions } from "../../core/pipeline";
import { localDateIso } from "../../core/dates";
import type { CliIo } from "../io";
import {
  optString,
  parseArgs,
  parseAsOf,
  parseYear,
  usageError,
  type OptionSpec,
  type ParsedArgs,
} from "../args";
import { loadConfig } from "../config";
import { createProgress, type CliProgress } from "../progress";
import { assertGridsWithinLimits } from "../../core/limits";
import { readSources, type SourceFile } from "../sources";
import { usage } from "../usage";

/** Flags of every command that analyzes plan files. */
export const RUN_OPTIONS: OptionSpec = {
  json: { type: "boolean" },
  year: { type: "string" },
  "as-of": { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
};

/** Parse a command's flags; `null` once `--help` has printed the command's usage. */
export function parseCommandArgs(
  argv: string[],
  spec: OptionSpec,
  io: CliIo,
  command: string
): ParsedArgs | null {
  const args = parseArgs(argv, spec);
  if (args.flags.has("help")) {
    io.out(usage(command, io.lang));
    return null;
  }
  return args;
}

export interface PreparedRun {
  sources: SourceFile[];
  settings: unknown;
  configPath: string | null;
  year?: number;
  asOf?: string;
  /** The progress bar on stderr (nothing unless stderr is a terminal). */
  progress: CliProgress;
}

/** Validate flags first (cheap), then settings, then read every input. */
export async function prepareRun(
  args: ParsedArgs,
  io: CliIo,
  command: string,
  /** Sheets of different files analyzed together must have distinct names. */
  distinctSheets = true
): Promise<PreparedRun> {
  if (args.positionals.length === 0) {
    throw usageError(`manca il file del piano, es.: peg ${command} piano.xlsx`);
  }
  const year = parseYear(optString(args, "year"));
  const asOf = parseAsOf(optString(args, "as-of"));
  const config = await loadConfig(optString(args, "config"), args.positionals[0], io.cwd);
  const progress = createProgress(io);
  const files = args.positionals;
  // Reading takes the first 40% of the bar, file by file.
  const sources = await readSources(files, io.cwd, undefined, distinctSheets, (i, a) =>
    progress.step((0.4 * i) / files.length, `Lettura di ${path.basename(a)}…`)
  );
  progress.step(0.4, "Lettura di obiettivi e indicatori…");
  // A sheet too big to analyze in time is refused now, before the analysis starts.
  for (const s of sources) assertGridsWithinLimits(s.grids, () => s.name);
  return { sources, settings: config.settings, configPath: config.path, year, asOf, progress };
}

export function analyzeOptions(run: PreparedRun, sources: SourceFile[]): AnalyzeOptions {
  // The adapter's clock: the year of a plan that states none (core never reads the clock).
  const options: AnalyzeOptions = {
    files: sources.map((s) => s.name),
    today: localDateIso(new Date()),
  };
  if (run.year !== undefined) options.year = run.year;
  if (run.asOf !== undefined) options.asOf = run.asOf;
  if (run.settings !== undefined) options.settings = run.settings;
  if (run.configPath !== null) options.settingsLabel = path.basename(run.configPath);
  return options;
}
