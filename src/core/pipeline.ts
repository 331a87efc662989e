/**
 * The main job, the same for CLI, task pane and standalone page: grids -> model -> findings
 * (docs/cli.md). `analyze` is the only place where settings are resolved, manual verdicts applied
 * and findings sorted; it hands back the validated settings and the sheets' options with the model,
 * so an adapter never resolves them again.
 *
 * Year and as-of date come in as arguments (options, else the settings); `today` is the adapter's
 * clock: the year of a plan that states none. Core never reads the clock.
 */
import type { Grid } from "./grid";
import { isStructuredGrid } from "./structured";
import type { PegModel } from "./model";
import { checkEnabled, parseSettings, severityFor, type Band, type Settings } from "./settings";
import { buildModel, type BuildOptions } from "./structure";
import { checkLayouts } from "./mapping";
import type { SheetReading, TableLayout } from "./recognize/reading";
import { runChecks, sortFindings } from "./audit";
import { applyManualVerdicts } from "./verdict";

export interface AnalyzeOptions {
  files: string[];
  year?: number;
  asOf?: string | null;
  /** Today's date (AAAA-MM-GG), passed by the adapter: the year of a plan that states none. */
  today?: string;
  /** Raw settings (parsed JSON of peg.config.json or --config), or already-validated Settings. */
  settings?: unknown;
  /** Name of the settings file for error messages. */
  settingsLabel?: string;
  /** Column mappings already checked (the pane's); else the settings' `layouts` are checked here. */
  layouts?: TableLayout[];
  /** When given, how each sheet was read is pushed here (`peg inspect`, the pane's Colonne step). */
  readings?: SheetReading[];
}

/** What the structured sheets take from the settings (a WorkbookSpecOptions of src/core/sheets). */
export interface SheetOptions {
  asOf: string | null;
  bands: Band[];
  weightTolerance: number;
}

export interface Analysis {
  /** The model with manual verdicts applied and every finding, sorted. */
  model: PegModel;
  /** The validated settings, year and as-of date included. */
  settings: Settings;
  /** What the structured sheets take from the settings (check date, bands, weight tolerance). */
  sheets: SheetOptions;
}

/** Settings given as raw JSON are validated; throws a PegInputError (Italian) when wrong. */
export function resolveSettings(
  options: Pick<AnalyzeOptions, "settings" | "settingsLabel" | "year" | "asOf">
): Settings {
  const settings = parseSettings(options.settings, options.settingsLabel ?? "peg.config.json");
  const year = options.year ?? settings.year;
  const asOf = options.asOf ?? settings.asOf;
  return { ...settings, ...(year !== undefined ? { year } : {}), ...(asOf ? { asOf } : {}) };
}

/** What the structured sheets take from the validated settings. */
export function sheetOptions(settings: Settings): SheetOptions {
  return {
    asOf: settings.asOf ?? null,
    bands: settings.bands,
    weightTolerance: settings.weightTolerance,
  };
}

/** Audit a model already built: manual verdicts applied, findings merged and sorted. */
export function auditBuiltModel(model: PegModel, settings: Settings): PegModel {
  const withVerdicts = applyManualVerdicts(model);
  // The settings' checks/severities apply to the recognizer's findings too (LAYOUT_NOT_RECOGNIZED).
  const recognized = withVerdicts.findings
    .filter((f) => checkEnabled(settings, f.code))
    .map((f) => ({ ...f, severity: severityFor(settings, f.code, f.severity) }));
  const findings = [...recognized, ...runChecks(withVerdicts, settings)];
  return { ...withVerdicts, findings: sortFindings(findings, withVerdicts) };
}

function yearOf(today: string | undefined): number | undefined {
  const m = typeof today === "string" ? /^(\d{4})-\d{2}-\d{2}$/.exec(today) : null;
  return m ? Number(m[1]) : undefined;
}

export function analyze(grids: Grid[], options: AnalyzeOptions): Analysis {
  const settings = resolveSettings(options);
  // Sheets written by `peg structure --out` are output, not plan: reading them would count twice.
  const plan = grids.filter((g) => !isStructuredGrid(g));
  const read = plan.length > 0 ? plan : grids;
  // A wrong mapping stops here (PegInputError, exit 2): nothing is read, nothing written.
  const layouts = options.layouts ?? checkLayouts(settings.layouts, read);
  const build: BuildOptions = {
    files: options.files,
    year: settings.year,
    asOf: settings.asOf ?? null,
    defaultYear: yearOf(settings.asOf) ?? yearOf(options.today),
  };
  if (layouts.length > 0) build.layouts = layouts;
  if (options.readings) build.readings = options.readings;
  const model = buildModel(read, build);
  return { model: auditBuiltModel(model, settings), settings, sheets: sheetOptions(settings) };
}

/** analyze(...).model, for callers that need the model only. */
export function analyzeWorkbook(grids: Grid[], options: AnalyzeOptions): PegModel {
  return analyze(grids, options).model;
}
