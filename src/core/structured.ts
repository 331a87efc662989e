/**
 * The structured sheets this product writes (docs/sheets.md): their names, and how to tell a grid
 * read from one of them, so that a workbook written by `peg structure --out` can be read again
 * without counting its rows twice. Used by the pipeline (which skips them) and the sheet writers.
 */
import type { Grid } from "./grid";

export const SHEET_NAMES = {
  strategic: "Obiettivi strategici",
  operational: "Obiettivi operativi",
  indicators: "Indicatori",
  weights: "Pesi",
  reports: "Report dirigenti",
  checks: "Verifiche",
  summary: "Riepilogo",
} as const;

/** The names of the structured sheets, in the order they are written. */
export const STRUCTURED_SHEET_NAMES: readonly string[] = Object.values(SHEET_NAMES);

/** True for a sheet this product writes (a reader should not take it for a source sheet). */
export function isStructuredSheetName(name: string): boolean {
  return STRUCTURED_SHEET_NAMES.includes(name);
}

/** First two headers of each structured sheet: with the name, the signature of a sheet we wrote. */
const SIGNATURES = new Map<string, [string, string[]]>([
  ["Obiettivi strategici", ["Codice", ["Titolo"]]],
  ["Obiettivi operativi", ["Codice", ["Titolo"]]],
  ["Indicatori", ["ID", ["Codice obiettivo"]]],
  ["Pesi", ["Codice obiettivo", ["Obiettivo"]]],
  ["Report dirigenti", ["Codice obiettivo", ["Dirigente"]]],
  ["Verifiche", ["Gravità", ["Codice"]]],
  ["Riepilogo", ["Settore", ["Obiettivi", "Dirigente", "File"]]],
]);

/**
 * True for a grid read from a structured sheet this product wrote (its name and header row), so a
 * workbook written by `peg structure --out` can be read again without counting its rows twice. A
 * user's own sheet that happens to be called "Indicatori" has other headers and is kept.
 */
export function isStructuredGrid(grid: Grid): boolean {
  const sig = SIGNATURES.get(grid.sheet);
  if (!sig) return false;
  const head = grid.rows[0] ?? [];
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  return text(head[0]) === sig[0] && sig[1].includes(text(head[1]));
}
