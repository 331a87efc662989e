/**
 * What both hosts do with grids: the core pipeline, then the sheet model. Plain data in and out,
 * so the pane works the same inside Excel and standalone.
 */
import type { Grid } from "../core/grid";
import type { PegModel } from "../core/model";
import { analyze } from "../core/pipeline";
import { localDateIso } from "../core/dates";
import { buildWorkbookSpec, SHEET_NAMES } from "../core/sheets/build";
import { isStructuredGrid } from "../core/structured";
import type { SheetSpec, WorkbookSpec } from "../core/sheets/types";
import { SettingsSchema, type Band } from "../core/settings";
import {
  LayoutEntrySchema,
  applySavedLayouts,
  checkLayouts,
  type SavedLayout,
} from "../core/mapping";
import type { SheetReading } from "../core/recognize/reading";
import { buildModel } from "../core/structure";
import { assertGridsWithinLimits, assertWritable } from "../core/limits";
import { planRead } from "../core/noplan";
import { buildSummary, type Summary } from "../core/summary";

/** What the Impostazioni tab edits and the workbook keeps (no personal data). */
export interface PaneSettings {
  year?: number;
  asOf?: string;
  maxima?: Record<string, number>;
  bands?: Band[];
  /** Column mappings set in the Colonne step: sheet, header row, roles, header texts. */
  layouts?: SavedLayout[];
}

export interface Analysis {
  model: PegModel;
  spec: WorkbookSpec;
  /** The deliberation summary (as `peg summary` writes it): the pane copies its objectives table. */
  summary: Summary;
  /** The plan's grids as read (the Colonne step counts on them, without reading again). */
  grids: Grid[];
  /** How each sheet was read. */
  readings: SheetReading[];
  /** The saved mappings that applied to this workbook (sheet and header row as found). */
  layouts: SavedLayout[];
  /**
   * No objective and no indicator read: the pane says it in words, writes nothing and opens the
   * Colonne step (issue 14).
   */
  nothingRead: boolean;
}

/** A mapping kept with only its plain fields (no personal data: no cell beyond the header texts). */
export function cleanLayouts(raw: unknown): SavedLayout[] {
  if (!Array.isArray(raw)) return [];
  const out: SavedLayout[] = [];
  for (const item of raw) {
    const p = LayoutEntrySchema.safeParse(item);
    if (!p.success || !p.data.columns || typeof p.data.headerRow !== "number") continue;
    const layout: SavedLayout = {
      sheet: p.data.sheet,
      headerRow: p.data.headerRow,
      columns: p.data.columns as SavedLayout["columns"],
    };
    if (p.data.headers) layout.headers = p.data.headers;
    out.push(layout);
  }
  return out;
}

const PANE_FIELDS = ["year", "asOf", "maxima", "bands"] as const;

/**
 * The pane's fields of settings kept in a workbook (which may hold anything under our key), each
 * validated by the core's schema (src/core/settings.ts): a field that does not pass is left out, so
 * the others still apply. Mappings keep their plain fields only (cleanLayouts).
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
  if (Array.isArray(r.layouts)) out.layouts = cleanLayouts(r.layouts);
  return out;
}

/**
 * Grids -> model (with findings) -> structured sheets, by the core pipeline (src/core/pipeline.ts).
 * Our own output sheets are not input (the pipeline's rule, src/core/structured.ts). Too big a
 * sheet, or too many indicators to write: a PegInputError, before anything is written.
 */
export function analyzeGrids(grids: Grid[], fileName: string, settings: PaneSettings): Analysis {
  const source = grids.filter((g) => !isStructuredGrid(g));
  assertGridsWithinLimits(source, () => fileName);
  const layouts = applySavedLayouts(settings.layouts ?? [], source);
  const readings: SheetReading[] = [];
  const { model, sheets } = analyze(source, {
    files: [fileName],
    settings: { ...settings, layouts: [] },
    settingsLabel: "Impostazioni",
    layouts: checkLayouts(layouts, source),
    readings,
    // The pane's clock: the year of a plan that states none (core never reads the clock).
    today: localDateIso(new Date()),
  });
  const nothingRead = !planRead(model);
  if (!nothingRead) assertWritable(model);
  // The same check date, bands and weight tolerance as the model, so the sheets recompute alike.
  const spec = buildWorkbookSpec(model, sheets);
  const summary = buildSummary(model, { withNames: false, bands: sheets.bands });
  return { model, spec, grids: source, readings, layouts, summary, nothingRead };
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

/**
 * Objectives and indicators one sheet gives with a mapping (null: read automatically), counted by
 * the core on the grid already read: the Colonne step updates them as the roles change.
 */
export function previewCounts(
  grid: Grid,
  layout: SavedLayout | null,
  year?: number
): { objectives: number; indicators: number } {
  const readings: SheetReading[] = [];
  let layouts: ReturnType<typeof checkLayouts> = [];
  try {
    layouts = layout ? checkLayouts([layout], [grid]) : [];
  } catch {
    return { objectives: 0, indicators: 0 };
  }
  buildModel([grid], { files: [], year, layouts, readings });
  const r = readings[0];
  return { objectives: r?.objectives ?? 0, indicators: r?.indicators ?? 0 };
}
