/**
 * What both hosts do with grids: the core pipeline, then the sheet model. Plain data in and out,
 * so the pane works the same inside Excel and standalone.
 */
import type { Grid } from "../core/grid";
import type { PegModel } from "../core/model";
import { analyze } from "../core/pipeline";
import { localDateIso } from "../core/dates";
import { buildWorkbookSpec, SHEET_NAMES } from "../core/sheets/build";
import type { SheetSpec, WorkbookSpec } from "../core/sheets/types";
import { SettingsSchema, type Band } from "../core/settings";

/** What the Impostazioni tab edits and the workbook keeps (no personal data). */
export interface PaneSettings {
  year?: number;
  asOf?: string;
  maxima?: Record<string, number>;
  bands?: Band[];
}

export interface Analysis {
  model: PegModel;
  spec: WorkbookSpec;
}

const PANE_FIELDS = ["year", "asOf", "maxima", "bands"] as const;

/**
 * The pane's fields of settings kept in a workbook (which may hold anything under our key), each
 * validated by the core's schema (src/core/settings.ts): a field that does not pass is left out, so
 * the others still apply.
 */
export function cleanSettings(raw: unknown): PaneSettings {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const r = raw as Record<string, unknown>;
  const out: PaneSettings = {};
  for (const key of PANE_FIELDS) {
    if (!Object.hasOwn(r, key) || r[key] === undefined) continue;
    const parsed = SettingsSchema.shape[key].safeParse(r[key]);
    if (parsed.success && parsed.data !== undefined) Object.assign(out, { [key]: parsed.data });
  }
  return out;
}

/** Grids -> model (with findings) -> structured sheets, by the core pipeline (src/core/pipeline.ts). */
export function analyzeGrids(grids: Grid[], fileName: string, settings: PaneSettings): Analysis {
  const { model, sheets } = analyze(grids, {
    files: [fileName],
    settings,
    settingsLabel: "Impostazioni",
    // The pane's clock: the year of a plan that states none (core never reads the clock).
    today: localDateIso(new Date()),
  });
  // The same check date, bands and weight tolerance as the model, so the sheets recompute alike.
  return { model, spec: buildWorkbookSpec(model, sheets) };
}

export function summarySpec(spec: WorkbookSpec): SheetSpec | null {
  return spec.sheets.find((s) => s.name === SHEET_NAMES.summary) ?? null;
}

export interface Counts {
  objectives: number;
  indicators: number;
  findings: number;
}

export function countsOf(model: PegModel): Counts {
  return {
    objectives: model.strategicObjectives.length + model.operationalObjectives.length,
    indicators: model.indicators.length,
    findings: model.findings.length,
  };
}
