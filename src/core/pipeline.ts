/**
 * The main job, the same for CLI, task pane and standalone page: grids -> model -> findings.
 * Settings (peg.config.json / --config, raw JSON) are validated first; year and as-of date come from
 * the options, else from the settings. The recognizer's findings and the audit's are merged and
 * sorted by severity, then objective.
 */
import type { Grid } from "./grid";
import { isStructuredGrid } from "./sheets/build";
import type { PegModel } from "./model";
import { checkEnabled, parseSettings, severityFor, type Settings } from "./settings";
import { buildModel } from "./structure";
import { checkLayouts } from "./mapping";
import type { SheetReading, TableLayout } from "./recognize/reading";
import { applyManualVerdicts, auditModel, sortFindings } from "./audit";

export interface AnalyzeOptions {
  files: string[];
  year?: number;
  asOf?: string | null;
  /** Raw settings (parsed JSON of peg.config.json or --config), or already-validated Settings. */
  settings?: unknown;
  /** Name of the settings file for error messages. */
  settingsLabel?: string;
  /** Column mappings already checked (the pane's); else the settings' `layouts` are checked here. */
  layouts?: TableLayout[];
  /** When given, how each sheet was read is pushed here (`peg inspect`, the pane's Colonne step). */
  readings?: SheetReading[];
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

/** Audit a model already built: manual verdicts applied, findings merged and sorted. */
export function auditBuiltModel(model: PegModel, settings: Settings): PegModel {
  const withVerdicts = applyManualVerdicts(model);
  // The settings' checks/severities apply to the recognizer's findings too (LAYOUT_NOT_RECOGNIZED).
  const recognized = withVerdicts.findings
    .filter((f) => checkEnabled(settings, f.code))
    .map((f) => ({ ...f, severity: severityFor(settings, f.code, f.severity) }));
  const findings = [...recognized, ...auditModel(withVerdicts, settings)];
  return { ...withVerdicts, findings: sortFindings(findings, withVerdicts) };
}

export function analyzeWorkbook(grids: Grid[], options: AnalyzeOptions): PegModel {
  const settings = resolveSettings(options);
  // Sheets written by `peg structure --out` are output, not plan: reading them would count twice.
  const plan = grids.filter((g) => !isStructuredGrid(g));
  const read = plan.length > 0 ? plan : grids;
  // A wrong mapping stops here (PegInputError, exit 2): nothing is read, nothing written.
  const layouts = options.layouts ?? checkLayouts(settings.layouts, read);
  const model = buildModel(read, {
    files: options.files,
    year: settings.year,
    asOf: settings.asOf ?? null,
    ...(layouts.length > 0 ? { layouts } : {}),
    ...(options.readings ? { readings: options.readings } : {}),
  });
  return auditBuiltModel(model, settings);
}
