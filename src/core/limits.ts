/**
 * How big a plan the product takes on (issue 14): measured with `npm run bench` (section "righe"),
 * so that a sheet of any size gives, within 20 s and 1.5 GB, either the structured workbook or this
 * refusal — never minutes with nothing on screen, never a half-written file.
 */
import { PegInputError } from "./errors";
import type { Grid } from "./grid";
import type { PegModel } from "./model";
import { formatItalianNumber } from "./numbers";

/** Rows holding at least one value, per sheet. Real plans stay far below (a few thousand). */
export const MAX_SHEET_ROWS = 50_000;

/** Indicators a structured workbook is written for (each is a row of formulas in several sheets). */
export const MAX_WRITTEN_INDICATORS = 10_000;

function filled(row: readonly unknown[] | undefined): boolean {
  if (!row) return false;
  for (const v of row) if (v !== null && v !== undefined && v !== "") return true;
  return false;
}

/** Rows of a grid that hold a value; stops counting past `stopAt`. */
export function filledRows(grid: Grid, stopAt = Infinity): number {
  let n = 0;
  for (const row of grid.rows) if (filled(row) && ++n > stopAt) break;
  return n;
}

const n = (x: number) => formatItalianNumber(x);

/** Refuse, before any analysis, a sheet with more rows than MAX_SHEET_ROWS. */
export function assertGridsWithinLimits(grids: readonly Grid[], file?: (g: Grid) => string): void {
  for (const g of grids) {
    if (g.rows.length <= MAX_SHEET_ROWS) continue;
    const rows = filledRows(g);
    if (rows <= MAX_SHEET_ROWS) continue;
    const name = file?.(g);
    const where = name && name !== g.sheet ? ` di "${name}"` : "";
    throw new PegInputError(
      `Il foglio "${g.sheet}"${where} ha ${n(rows)} righe compilate: il limite è ` +
        `${n(MAX_SHEET_ROWS)} righe per foglio. Togli le righe che non fanno parte del piano ` +
        `(dati incollati, elenchi) o dividi il foglio in più file, poi riprova. Nessun file è stato scritto.`,
      "FILE_TOO_LARGE",
      name
    );
  }
}

/** Refuse writing a structured workbook for more than MAX_WRITTEN_INDICATORS indicators. */
export function assertWritable(model: PegModel): void {
  const count = model.indicators.length;
  if (count <= MAX_WRITTEN_INDICATORS) return;
  throw new PegInputError(
    `Nel piano sono stati letti ${n(count)} indicatori: la cartella strutturata si scrive fino a ` +
      `${n(MAX_WRITTEN_INDICATORS)} indicatori. Dividi il piano in più file (per esempio uno per ` +
      `settore) e struttura ciascuno; le verifiche (peg audit) e il modello (--json) restano ` +
      `disponibili. Nessun file è stato scritto.`,
    "FILE_TOO_LARGE",
    model.source.files[0]
  );
}
