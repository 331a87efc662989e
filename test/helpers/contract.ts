/** Facts of the product's outside (docs/) that several tests check, written once, apart from src/. */

/** The seven structured sheets (docs/sheets.md), in the order the workbook has them. */
export const STRUCTURED_SHEETS: readonly string[] = [
  "Obiettivi strategici",
  "Obiettivi operativi",
  "Indicatori",
  "Pesi",
  "Report dirigenti",
  "Verifiche",
  "Riepilogo",
];
