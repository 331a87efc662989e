// Benchmark section "structure": a generated plan of 2,000 objectives / 10,000 indicators.
// Times bare exceljs reading of the file against readXlsxGrids + buildModel (what
// `peg structure --json` does), prints the ratio (aim <= 1.3x) and the peak memory.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readXlsxGrids } from "../../src/xlsx/read";
import { buildModel } from "../../src/core/structure";
import { againstExcelJs, gc } from "./common";
import { run as peg } from "../../src/cli/run";
import { bufferIo } from "../../src/cli/io";
import type { SheetReading, TableLayout } from "../../src/core/recognize/reading";

const OBJECTIVES = 2000;
const PER_OBJECTIVE = 5;

async function generate(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Obiettivi 2025");
  ws.addRow(["Comune di Benchmark - Piano della performance 2025-2027"]);
  ws.addRow([]);
  ws.addRow([
    "Codice ob strategico",
    "Codice ob operativo",
    "Obiettivo operativo",
    "Dirigente",
    "Indicatore",
    "Unità di misura",
    "Valore atteso",
    "Peso",
    "Consuntivo",
  ]);
  const targets = [">= 10", "Entro il 30/9", "100%", "almeno 5 incontri", "SI"];
  const actuals = ["12", "15/09/2025", "0,95", "4 incontri", null];
  for (let k = 1; k <= OBJECTIVES; k++) {
    const strategic = `${(k % 9) + 1}_${String(1200 + (k % 50)).padStart(4, "0")}`;
    for (let j = 0; j < PER_OBJECTIVE; j++) {
      const row = ws.addRow([
        j === 0 ? strategic : null,
        j === 0 ? `${strategic}_${String(k).padStart(4, "0")}` : null,
        j === 0 ? `Obiettivo operativo numero ${k}: migliorare il servizio ${k % 37}` : null,
        j === 0 ? `Dirigente ${k % 12}` : null,
        `Indicatore ${k}.${j + 1} sulle pratiche gestite`,
        j === 2 ? "%" : "N.",
        targets[j],
        0.2,
        actuals[j],
      ]);
      row.getCell(8).numFmt = "0%";
    }
  }
  await wb.xlsx.writeFile(file);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "peg-bench-structure-"));
  const file = path.join(dir, "piano-2000.xlsx");
  try {
    await generate(file);
    const bytes = new Uint8Array(fs.readFileSync(file));
    const {
      bare,
      ours,
      peak,
      result: model,
    } = await againstExcelJs(bytes, async () =>
      buildModel(await readXlsxGrids(bytes, "piano-2000.xlsx"), { files: ["piano-2000.xlsx"] })
    );
    const ratio = ours / bare;
    console.log(
      `[structure] ${OBJECTIVES} obiettivi / ${OBJECTIVES * PER_OBJECTIVE} indicatori (${(bytes.length / 1024).toFixed(0)} kB su disco): ` +
        `exceljs ${bare.toFixed(0)} ms, readXlsxGrids + buildModel ${ours.toFixed(0)} ms, ` +
        `rapporto ${ratio.toFixed(2)}x (obiettivo <= 1.3x), memoria di picco ${mb(peak)}; ` +
        `letti ${model.operationalObjectives.length} obiettivi, ${model.indicators.length} indicatori`
    );
    await inspectAndMapping(file, bytes);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The generated plan's columns (header on row 3). */
const BENCH_COLUMNS: TableLayout["columns"] = {
  A: "strategicCode",
  B: "operationalCode",
  C: "operationalTitle",
  D: "owner",
  E: "indicator",
  F: "measureUnit",
  G: "target",
  H: "weight",
  I: "actual",
};

/** Best of `n` runs, in ms. */
async function best(n: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    gc();
    const t0 = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

/** The command as the user runs it, in-process; its output kept to be sure it worked. */
async function command(args: string[], cwd: string): Promise<string> {
  const io = bufferIo(cwd);
  const code = await peg(args, io);
  if (code !== 0) throw new Error(`peg ${args.join(" ")}: ${io.stderr}`);
  return io.stdout;
}

/**
 * `peg inspect --json` against `peg structure --json` on the same plan (aim <= 1.2x), and the same
 * grids read with the mapping inspect gives against the automatic reading (aim <= 1.0x).
 */
async function inspectAndMapping(file: string, bytes: Uint8Array): Promise<void> {
  const cwd = path.dirname(file);
  const name = path.basename(file);
  await command(["inspect", name, "--json"], cwd); // warm-up
  const structure = await best(3, () => command(["structure", name, "--json"], cwd));
  let out = "";
  const inspect = await best(
    3,
    async () => (out = await command(["inspect", name, "--json"], cwd))
  );
  const sheets = (JSON.parse(out) as { sheets: SheetReading[] }).sheets;
  console.log(
    `[structure] peg inspect --json ${inspect.toFixed(0)} ms, peg structure --json ${structure.toFixed(0)} ms: ` +
      `rapporto ${(inspect / structure).toFixed(2)}x (obiettivo <= 1.2x); ` +
      sheets.map((s) => `"${s.sheet}" ${s.layout}, ${s.indicators} indicatori`).join("; ")
  );

  const grids = await readXlsxGrids(bytes, name);
  // The plan's columns as a person maps them in the Colonne step (or inspect gives, when a table).
  const table = sheets.find((r) => r.layout === "table" && r.headerRow !== null);
  const layouts: TableLayout[] = [
    table
      ? { sheet: table.sheet, headerRow: table.headerRow!, columns: table.columns }
      : { sheet: "Obiettivi 2025", headerRow: 3, columns: BENCH_COLUMNS },
  ];
  buildModel(grids, { files: [name], layouts }); // warm-up
  let auto: ReturnType<typeof buildModel> | null = null;
  let mapped: ReturnType<typeof buildModel> | null = null;
  const autoMs = await best(3, () => (auto = buildModel(grids, { files: [name] })));
  const mappedMs = await best(3, () => (mapped = buildModel(grids, { files: [name], layouts })));
  console.log(
    `[structure] lettura con le colonne indicate ${mappedMs.toFixed(0)} ms, lettura automatica ${autoMs.toFixed(0)} ms: ` +
      `rapporto ${(mappedMs / autoMs).toFixed(2)}x (obiettivo <= 1.0x); ` +
      `indicatori ${mapped!.indicators.length} con le colonne, ${auto!.indicators.length} automatici` +
      (layouts.length === 0
        ? " (nessun foglio letto come tabella: nessuna colonna da indicare)"
        : "")
  );
}
