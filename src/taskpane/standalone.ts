/**
 * The pane outside Excel: a local file picked by the user is read in this page, analysed and
 * written back as a structured workbook the user downloads. Nothing leaves the machine. exceljs is
 * loaded only here, through import(), so it is never part of what Excel loads.
 */
import type { Grid } from "../core/grid";
import { PegInputError } from "../core/errors";
import { textToGrid } from "../core/textgrid";
import { analyzeGrids, type PaneSettings } from "./analysis";
import { nextFrame, type PaneHost } from "./host";
import { cleanLayouts } from "./analysis";
import { sliceRows } from "./columns";

/** Where the standalone page keeps the column mappings (sheet, header row, roles, header texts). */
export const LAYOUTS_STORAGE_KEY = "peg.layouts";

function storedLayouts(): PaneSettings["layouts"] {
  try {
    const raw = globalThis.localStorage?.getItem(LAYOUTS_STORAGE_KEY);
    return raw ? cleanLayouts(JSON.parse(raw)) : [];
  } catch {
    return [];
  }
}

const XLSX = /\.(xlsx|xlsm)$/i;
const TEXT = /\.(txt|tsv|csv)$/i;

export function structuredFileName(name: string): string {
  return `${name.replace(/\.[^.]+$/, "")}-strutturato.xlsx`;
}

export function createStandaloneHost(): PaneHost {
  let file: { name: string; bytes: Uint8Array } | null = null;
  let settings: PaneSettings = {};
  let lastUrl: string | null = null;
  let lastGrids: Grid[] = [];

  function keep(s: PaneSettings): void {
    settings = s;
    try {
      globalThis.localStorage?.setItem(LAYOUTS_STORAGE_KEY, JSON.stringify(s.layouts ?? []));
    } catch {
      // Storage refused (private window): the mapping stays for this session.
    }
  }

  async function grids(): Promise<Grid[]> {
    if (!file) throw new PegInputError("Scegli prima un file .xlsx da analizzare.", "USAGE");
    if (XLSX.test(file.name)) {
      const { readXlsxGrids } = await import(/* webpackChunkName: "xlsx-read" */ "../xlsx/read");
      return readXlsxGrids(file.bytes, file.name);
    }
    if (TEXT.test(file.name)) {
      const text = new TextDecoder("utf-8").decode(file.bytes);
      const format = /\.csv$/i.test(file.name) ? ("csv" as const) : ("tsv" as const);
      return [textToGrid(text, file.name, { format })];
    }
    throw new PegInputError(
      `"${file.name}" non è un file .xlsx: aprilo in Excel e salvalo come cartella di lavoro .xlsx, poi sceglilo di nuovo.`,
      "FILE_NOT_XLSX",
      file.name
    );
  }

  return {
    mode: "standalone",
    fileName: () => file?.name ?? null,
    async setFile(f) {
      file = { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
    },
    async structure(current, progress, options) {
      if (options?.save) keep(current);
      progress(0.1, "stepRead");
      const g = await grids();
      progress(0.4, "stepAnalyze");
      await nextFrame();
      const analysis = analyzeGrids(g, file!.name, current);
      lastGrids = analysis.grids;
      // No plan read: nothing to download (the pane says so and opens the Colonne step).
      if (analysis.nothingRead) {
        progress(1, "stepDone");
        return analysis;
      }
      progress(0.6, "stepWrite");
      const { writeStructuredWorkbook } = await import(
        /* webpackChunkName: "xlsx-write" */ "../xlsx/write"
      );
      const input = XLSX.test(file!.name) ? file!.bytes : null;
      const out = await writeStructuredWorkbook(input, analysis.spec, { fileName: file!.name });
      if (lastUrl) URL.revokeObjectURL(lastUrl);
      const blob = new Blob([out as BlobPart], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      lastUrl = URL.createObjectURL(blob);
      progress(1, "stepDone");
      return { ...analysis, download: { url: lastUrl, fileName: structuredFileName(file!.name) } };
    },
    async writeSummary() {
      return "summaryInDownload";
    },
    async select(where) {
      return {
        ok: false,
        message: `Celle: ${where}. Apri il file in Excel con il componente aggiuntivo per selezionarle.`,
      };
    },
    async preview(req) {
      const g = lastGrids.find((x) => x.sheet === req.sheet);
      if (!g) throw new PegInputError(`Il foglio "${req.sheet}" non è stato letto.`, "USAGE");
      return sliceRows(g, req);
    },
    async loadSettings() {
      return { ...settings, layouts: storedLayouts() };
    },
    async saveSettings(s) {
      keep(s);
    },
  };
}
