/** Facts of /work/shared/CONTRACT.md that several tests check, written once, apart from src/. */

/** The seven structured sheets (CONTRACT section 3), in the order the workbook has them. */
export const STRUCTURED_SHEETS: readonly string[] = [
  "Obiettivi strategici",
  "Obiettivi operativi",
  "Indicatori",
  "Pesi",
  "Report dirigenti",
  "Verifiche",
  "Riepilogo",
];
