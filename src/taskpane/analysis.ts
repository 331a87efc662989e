/**
 * What both hosts do with grids: the core pipeline, then the sheet model. Plain data in and out,
 * so the pane works the same inside Excel and standalone.
 */
import type { Grid } from "../core/grid";
import type { PegModel } from "../core/model";
import { analyzeWorkbook, resolveSettings } from "../core/pipeline";
import { buildWorkbookSpec, isStructuredSheetName, SHEET_NAMES } from "../core/sheets/build";
import type { SheetSpec, WorkbookSpec } from "../core/sheets/types";
import type { Band } from "../core/settings";
import { PegInputError } from "../core/errors";
import { assertGridsWithinLimits, assertWritable } from "../core/limits";
import { noPlanMessage, planRead } from "../core/noplan";
import { buildSummary, type Summary } from "../core/summary";

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
  /** The deliberation summary (as `peg summary` writes it): the pane copies its objectives table. */
  summary: Summary;
}

/** Only plain, known fields survive (a workbook may hold anything under our key). */
export function cleanSettings(raw: unknown): PaneSettings {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const r = raw as Record<string, unknown>;
  const out: PaneSettings = {};
  if (typeof r.year === "number" && Number.isInteger(r.year)) out.year = r.year;
  if (typeof r.asOf === "string" && r.asOf) out.asOf = r.asOf;
  if (r.maxima && typeof r.maxima === "object" && !Array.isArray(r.maxima)) {
    const m = new Map<string, number>();
    for (const [k, v] of Object.entries(r.maxima as Record<string, unknown>))
      if (typeof v === "number") m.set(k, v);
    out.maxima = Object.fromEntries(m);
  }
  if (Array.isArray(r.bands))
    out.bands = r.bands.filter((b): b is Band => !!b && typeof b === "object");
  return out;
}

/**
 * Grids -> model (with findings) -> structured sheets. Our own output sheets are not input. Too
 * big a sheet, no plan read, or too many indicators to write: a PegInputError, before anything is
 * written.
 */
export function analyzeGrids(grids: Grid[], fileName: string, settings: PaneSettings): Analysis {
  const source = grids.filter((g) => !isStructuredSheetName(g.sheet));
  assertGridsWithinLimits(source, () => fileName);
  const model = analyzeWorkbook(source, {
    files: [fileName],
    year: settings.year,
    asOf: settings.asOf ?? null,
    settings,
    settingsLabel: "Impostazioni",
  });
  // The same check date as the model, so the sheets' PEG.STATUS formulas recompute alike; the
  // validated bands, so Raggiungimento and Punteggio count the grades as the settings say.
  const { bands } = resolveSettings({ settings, settingsLabel: "Impostazioni" });
  if (!planRead(model)) throw new PegInputError(noPlanMessage([fileName]), "NO_PLAN", fileName);
  assertWritable(model);
  return {
    model,
    spec: buildWorkbookSpec(model, { asOf: settings.asOf ?? null, bands }),
    summary: buildSummary(model, { withNames: false, bands }),
  };
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
