/**
 * The pane's only door to Excel: every Office.js call of the task pane is here (through the
 * src/excel adapter). Components get a PaneHost and call plain async functions, so the same
 * components run standalone (standalone.ts) with a local file.
 */
import type { SheetSpec } from "../core/sheets/types";
import type { Grid } from "../core/grid";
import { readSheetRows, readWorkbookGrids, type RowsRequest } from "../excel/read";
import { writeWorkbookSpec } from "../excel/write";
import { selectWhere, type SelectResult } from "../excel/select";
import {
  loadWorkbookSettings,
  queueWorkbookSettings,
  saveWorkbookSettings,
} from "../excel/settings";
import { analyzeGrids, cleanSettings, type Analysis, type PaneSettings } from "./analysis";
import type { Key } from "./i18n";
import { officeScriptLoaded } from "./mode";

export type Progress = (fraction: number, step: Key) => void;

/** Let the pane paint the progress bar before a long synchronous step. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface StructureOutcome extends Analysis {
  /** Standalone: the structured workbook to download. */
  download?: { url: string; fileName: string };
}

export interface PaneHost {
  mode: "office" | "standalone";
  /** Name shown for the workbook (base name only: a path may hold a user name). */
  fileName(): string | null;
  /** Standalone only: pick the local file to work on. */
  setFile?(file: File): Promise<void>;
  /**
   * Read, analyse, write the structured sheets. With `save`, the settings (the Colonne step's
   * mapping) are saved too, in the same batch as the sheets: no request more than a plain read.
   */
  structure(
    settings: PaneSettings,
    progress: Progress,
    options?: { save?: boolean }
  ): Promise<StructureOutcome>;
  /** Write the Riepilogo sheet; returns the message key to show. */
  writeSummary(summary: SheetSpec): Promise<Key>;
  select(where: string): Promise<SelectResult>;
  /** The rows the Colonne step shows (in Excel: one range, one sync). */
  preview(req: RowsRequest): Promise<Grid>;
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
}

/** About 3 MB of values and number formats. */
const WEB_CELLS_PER_REQUEST = 100_000;

function baseName(url: string | undefined | null): string | null {
  if (!url) return null;
  const name = decodeURIComponent(url.split(/[\\/]/).pop() ?? "").split("?")[0];
  return name || null;
}

/**
 * Which host to use: Excel when Office.js loaded (asynchronously, see mode.ts) and says so, else
 * standalone. Never rejects; gives up after `timeoutMs` for the script and as long for onReady.
 */
export async function detectOffice(timeoutMs = 4000): Promise<boolean> {
  if (!(await officeScriptLoaded(timeoutMs))) return false;
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return false;
  const ready = Office.onReady().then((info) => info.host === Office.HostType.Excel);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  return Promise.race([ready, timeout]).catch(() => false);
}

export function createOfficeHost(): PaneHost {
  const fileName = () => baseName(Office.context?.document?.url) ?? "Cartella di lavoro";
  return {
    mode: "office",
    fileName,
    async structure(settings, progress, options) {
      progress(0.1, "stepRead");
      // Excel on the web refuses responses over 5 MB: read big workbooks there in blocks.
      const web = Office.context?.platform === Office.PlatformType?.OfficeOnline;
      const grids = await Excel.run((ctx) =>
        readWorkbookGrids(ctx, web ? { maxCellsPerRequest: WEB_CELLS_PER_REQUEST } : {})
      );
      progress(0.4, "stepAnalyze");
      await nextFrame();
      const analysis = analyzeGrids(grids, fileName(), settings);
      if (analysis.nothingRead) {
        // No plan read: no empty structured sheets; a mapping being applied is still kept.
        if (options?.save)
          await Excel.run(async (ctx) => {
            queueWorkbookSettings(ctx, settings);
            await ctx.sync();
          });
        progress(1, "stepDone");
        return analysis;
      }
      progress(0.6, "stepWrite");
      await Excel.run((ctx) => {
        if (options?.save) queueWorkbookSettings(ctx, settings);
        return writeWorkbookSpec(ctx, analysis.spec, {
          onProgress: (done, total) => progress(0.6 + (0.35 * done) / total, "stepWrite"),
        });
      });
      progress(1, "stepDone");
      return analysis;
    },
    async writeSummary(summary) {
      await Excel.run((ctx) => writeWorkbookSpec(ctx, { sheets: [summary] }));
      return "summaryWritten";
    },
    select: (where) => Excel.run((ctx) => selectWhere(ctx, where)),
    preview: (req) => Excel.run((ctx) => readSheetRows(ctx, req)),
    loadSettings: async () => cleanSettings(await Excel.run((ctx) => loadWorkbookSettings(ctx))),
    saveSettings: (settings) => Excel.run((ctx) => saveWorkbookSettings(ctx, settings)),
  };
}
