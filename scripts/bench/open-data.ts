// Benchmark section "open-data": a wide open-data table (5,000 rows, 25 columns of codes,
// descriptions, units, a starting value, a target, a due year) as a spreadsheet. Times bare
// exceljs reading of the file against readXlsxGrids + buildModel, prints the ratio (aim <= 1.3x)
// and the peak memory.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readXlsxGrids } from "../../src/xlsx/read";
import { buildModel } from "../../src/core/structure";
import { againstExcelJs } from "./common";

const ROWS = 5000;
const HEADERS = [
  "anno",
  "codice_ente",
  "denominazione_ente",
  "codice_area",
  "area_strategica",
  "codice_obiettivo_strategico",
  "obiettivo_strategico",
  "codice_obiettivo_operativo",
  "descrizione_obiettivo",
  "denominazione_struttura",
  "responsabile",
  "missione",
  "programma",
  "codice_indicatore",
  "indicatore",
  "formula",
  "unita_misura",
  "valore_iniziale",
  "anno_base",
  "valore_target",
  "anno_target",
  "fonte",
  "periodicita",
  "stakeholder",
  "note",
];

async function generate(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("dataset");
  ws.addRow(HEADERS);
  for (let r = 0; r < ROWS; r++) {
    const o = Math.floor(r / 3) + 1;
    const s = (o % 40) + 1;
    ws.addRow([
      2025,
      "E001",
      "Ente di prova",
      `A${s % 5}`,
      `Area strategica ${s % 5}`,
      `S${s}`,
      `Obiettivo strategico numero ${s} per la città`,
      `S${s}.${o}`,
      `Obiettivo operativo ${o}: migliorare il servizio ${o % 37}`,
      `Settore ${o % 12}`,
      `Dirigente ${o % 12}`,
      String((s % 20) + 1).padStart(2, "0"),
      "01",
      `I${r + 1}`,
      `Numero di pratiche gestite ${r + 1}`,
      "pratiche gestite / pratiche ricevute",
      "N.",
      r % 50,
      2024,
      `>= ${(r % 50) + 10}`,
      2025 + (r % 3),
      "Gestionale interno",
      "annuale",
      "Cittadini",
      "",
    ]);
  }
  await wb.xlsx.writeFile(file);
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "peg-bench-open-data-"));
  const file = path.join(dir, "open-data.xlsx");
  try {
    await generate(file);
    const bytes = new Uint8Array(fs.readFileSync(file));
    const {
      bare,
      ours,
      peak,
      result: model,
    } = await againstExcelJs(bytes, async () =>
      buildModel(await readXlsxGrids(bytes, "open-data.xlsx"), { files: ["open-data.xlsx"] })
    );
    console.log(
      `[open-data] tabella di ${ROWS} righe x ${HEADERS.length} colonne: exceljs ${bare.toFixed(0)} ms, ` +
        `readXlsxGrids + buildModel ${ours.toFixed(0)} ms, rapporto ${(ours / bare).toFixed(2)}x (obiettivo <= 1.3x), ` +
        `memoria di picco ${(peak / 1024 / 1024).toFixed(0)} MB; letti ${model.operationalObjectives.length} obiettivi, ` +
        `${model.indicators.length} indicatori`
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
