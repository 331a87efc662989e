/**
 * A plan the recognizer cannot read: one flat table whose headers no lexicon knows
 * (`Colonna A`, `Colonna B`, …), so only a column mapping reads it. Used by the pane tests (jsdom
 * and Chromium) of the Colonne step.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/grid";

export const UNKNOWN_SHEET = "Piano 2025";
export const UNKNOWN_HEADER_ROW = 3;

export const UNKNOWN_ROWS: CellValue[][] = [
  ["Piano delle performance 2025", null, null, null, null, null, null, null],
  [null, null, null, null, null, null, null, null],
  [
    "Colonna A",
    "Colonna B",
    "Colonna C",
    "Colonna D",
    "Colonna E",
    "Colonna F",
    "Colonna G",
    "Colonna H",
  ],
  [
    "Settore Affari generali",
    "1 - Servizi al cittadino",
    "1.1 Sportello unico",
    "Pratiche evase",
    "n.",
    ">= 100",
    0.5,
    120,
  ],
  [null, null, null, "Tempo medio di risposta", "giorni", "<= 30", 0.5, 25],
  [
    null,
    null,
    "1.2 Protocollo digitale",
    "Documenti protocollati in digitale",
    "%",
    ">= 90%",
    1,
    0.95,
  ],
  [
    "Settore Tecnico",
    "2 - Territorio",
    "2.1 Manutenzione strade",
    "Km di strade manutenute",
    "km",
    ">= 12",
    0.6,
    14,
  ],
  [null, null, null, "Segnalazioni chiuse entro 10 giorni", "%", ">= 80%", 0.4, 0.7],
];

/** The roles a person gives it in the Colonne step. */
export const UNKNOWN_ROLES = {
  A: "orgUnit",
  B: "strategicTitle",
  C: "operationalTitle",
  D: "indicator",
  E: "measureUnit",
  F: "target",
  G: "weight",
  H: "actual",
} as const;

/** What the mapping reads: the operational objectives and the indicators. */
export const UNKNOWN_OBJECTIVES = ["Sportello unico", "Protocollo digitale", "Manutenzione strade"];
export const UNKNOWN_INDICATORS = [
  "Pratiche evase",
  "Tempo medio di risposta",
  "Documenti protocollati in digitale",
  "Km di strade manutenute",
  "Segnalazioni chiuse entro 10 giorni",
];

export async function writeUnknownTable(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(UNKNOWN_SHEET);
  for (const row of UNKNOWN_ROWS) ws.addRow(row.map((v) => (v === null ? undefined : v)));
  await wb.xlsx.writeFile(file);
}
