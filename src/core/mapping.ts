/**
 * The user's column mapping (settings `layouts`, docs/mapping.md): its shape (zod), its check
 * against the workbook's sheets (Italian errors naming the entry), and reuse on next year's
 * workbook by the texts of its header row.
 *
 * An entry replaces recognition only when it is a table mapping: `layout` absent, "mapped" or
 * "table", and at least one column. Inspect's entries for sheets read as schede, lines, labels or
 * not read (`layout` "schede", "none"...) or with no columns are kept as they are and do nothing, so
 * inspect's output given back with `--config` reproduces the automatic reading.
 */
import { z } from "zod";
import { PegInputError } from "./errors";
import { cellText, columnIndex, columnLetters, type Grid } from "./grid";
import {
  COLUMN_ROLES,
  SINGLE_ROLES,
  type ColumnRole,
  type SheetReading,
  type TableLayout,
} from "./recognize/reading";
import { fold } from "./recognize/text";
import { roleLabel } from "./roles";

/** A `layouts` entry as written: an inspect sheet entry is one too (its other fields are ignored). */
export const LayoutEntrySchema = z.strictObject({
  sheet: z.string({ error: "deve essere il nome di un foglio" }).min(1, {
    error: 'deve essere il nome di un foglio (oppure "*" per tutti)',
  }),
  headerRow: z
    .number({ error: "deve essere il numero della riga di intestazione (1 = prima riga)" })
    .int({ error: "deve essere il numero della riga di intestazione (1 = prima riga)" })
    .min(1, { error: "deve essere il numero della riga di intestazione (1 = prima riga)" })
    .nullable()
    .optional(),
  lastRow: z
    .number({ error: "deve essere il numero dell'ultima riga della tabella" })
    .int({ error: "deve essere il numero dell'ultima riga della tabella" })
    .min(1, { error: "deve essere il numero dell'ultima riga della tabella" })
    .optional(),
  columns: z
    .record(z.string(), z.string({ error: "deve essere il nome di un ruolo" }), {
      error: 'deve essere un oggetto lettera -> ruolo, es. { "B": "operationalTitle" }',
    })
    .optional(),
  /** Texts of the header row (letter -> text): the mapping applies to a workbook whose header matches. */
  headers: z.record(z.string(), z.string({ error: "deve essere un testo" })).optional(),
  layout: z.string({ error: "deve essere un testo" }).optional(),
  // Fields of `peg inspect --json` that a saved output carries: accepted, not used.
  reader: z.unknown().optional(),
  confidence: z.unknown().optional(),
  evidence: z.unknown().optional(),
  objectives: z.unknown().optional(),
  indicators: z.unknown().optional(),
  unread: z.unknown().optional(),
});
export type LayoutEntry = z.infer<typeof LayoutEntrySchema>;

/** A mapping kept by the pane or exported: a layout and the texts of its header row. */
export interface SavedLayout extends TableLayout {
  headers?: Record<string, string>;
}

const ROLE_SET: ReadonlySet<string> = new Set(COLUMN_ROLES);

/** Does this entry replace recognition? (see the module comment) */
export function isActiveEntry(e: LayoutEntry): boolean {
  const kind = e.layout;
  if (kind !== undefined && kind !== "mapped" && kind !== "table") return false;
  return !!e.columns && Object.keys(e.columns).length > 0;
}

function bad(index: number, sheet: string, text: string): PegInputError {
  return new PegInputError(
    `layouts[${index}] (foglio "${sheet}"): ${text}`,
    "CONFIG_INVALID",
    "layouts"
  );
}

/** Last used column (0-based, sheet coordinates) and last used row (1-based) of a grid. */
function extent(grid: Grid): { lastCol: number; lastRow: number } {
  const o = grid.origin ?? { row: 0, col: 0 };
  let width = 0;
  for (const row of grid.rows) if (Array.isArray(row) && row.length > width) width = row.length;
  return { lastCol: o.col + width - 1, lastRow: o.row + grid.rows.length };
}

/**
 * The active entries checked against the sheets, as layouts for the reader (letters in capitals).
 * Throws a PegInputError (CLI exit 2, nothing written) whose message names the entry:
 * `layouts[0] (foglio "Piano 2025"): la colonna Z è fuori dal foglio (ultima colonna: H)`.
 */
export function checkLayouts(
  entries: readonly LayoutEntry[] | undefined,
  grids: Grid[]
): TableLayout[] {
  const out: TableLayout[] = [];
  if (!entries) return out;
  const bySheet = new Map<string, Grid>();
  for (const g of grids) if (!bySheet.has(g.sheet)) bySheet.set(g.sheet, g);
  entries.forEach((e, i) => {
    if (!isActiveEntry(e)) return;
    const grid = e.sheet === "*" ? undefined : bySheet.get(e.sheet);
    if (e.sheet !== "*" && !grid) {
      const names = [...bySheet.keys()].map((n) => `"${n}"`).join(", ");
      throw bad(i, e.sheet, `il foglio non c'è nella cartella (fogli: ${names || "nessuno"})`);
    }
    if (e.headerRow === undefined || e.headerRow === null)
      throw bad(
        i,
        e.sheet,
        `manca "headerRow", il numero della riga di intestazione (1 = prima riga)`
      );
    const ext = grid ? extent(grid) : null;
    if (ext && e.headerRow > ext.lastRow)
      throw bad(
        i,
        e.sheet,
        `la riga di intestazione ${e.headerRow} è oltre la fine del foglio (ultima riga: ${ext.lastRow})`
      );
    const columns: Record<string, ColumnRole> = {};
    const used = new Map<ColumnRole, string>();
    for (const [key, role] of Object.entries(e.columns ?? {})) {
      const letter = key.trim().toUpperCase();
      const col = columnIndex(letter);
      if (col < 0 || col > 16383)
        throw bad(
          i,
          e.sheet,
          `"${key}" non è una colonna (usare le lettere di Excel: A, B, …, AA)`
        );
      if (!ROLE_SET.has(role))
        throw bad(
          i,
          e.sheet,
          `il ruolo "${role}" della colonna ${letter} non esiste (ruoli: ${COLUMN_ROLES.join(", ")})`
        );
      if (ext && col > ext.lastCol)
        throw bad(
          i,
          e.sheet,
          `la colonna ${letter} è fuori dal foglio (ultima colonna: ${ext.lastCol >= 0 ? columnLetters(ext.lastCol) : "nessuna"})`
        );
      if (Object.hasOwn(columns, letter))
        throw bad(i, e.sheet, `la colonna ${letter} è indicata due volte`);
      const r = role as ColumnRole;
      const before = used.get(r);
      if (before !== undefined && SINGLE_ROLES.has(r))
        throw bad(
          i,
          e.sheet,
          `le colonne ${before} e ${letter} hanno lo stesso ruolo "${r}" (${roleLabel(r)}), che va dato a una colonna sola`
        );
      used.set(r, letter);
      columns[letter] = r;
    }
    out.push({
      sheet: e.sheet,
      headerRow: e.headerRow,
      columns,
      ...(e.lastRow !== undefined ? { lastRow: e.lastRow } : {}),
    });
  });
  return out;
}

/** Folded for comparing headers: no accents, case, or runs of spaces. */
export function foldHeader(text: string): string {
  return fold(text).replace(/\s+/g, " ").trim();
}

/** Text of a grid cell at a sheet row (1-based) and column letter. */
export function sheetCellText(grid: Grid, row1: number, letter: string): string {
  const o = grid.origin ?? { row: 0, col: 0 };
  const c = columnIndex(letter);
  if (c < 0) return "";
  return cellText(grid, row1 - 1 - o.row, c - o.col);
}

/** The texts of the mapped columns in the layout's header row (what `matchHeaders` looks for). */
export function headerTexts(grid: Grid, layout: TableLayout): Record<string, string> {
  const out = new Map<string, string>();
  for (const letter of Object.keys(layout.columns)) {
    const t = sheetCellText(grid, layout.headerRow, letter);
    if (t) out.set(letter, t);
  }
  return Object.fromEntries(out);
}

/** A layout with the texts of its header row, ready to be saved. */
export function withHeaders(grid: Grid, layout: TableLayout): SavedLayout {
  return { ...layout, headers: headerTexts(grid, layout) };
}

/**
 * A saved mapping on another workbook (next year's plan): the row whose cells, in the saved
 * columns, read the saved header texts (accents, case and spaces aside), with that row as header.
 * Null when no row matches, or the mapping kept no header texts.
 */
export function matchHeaders(grid: Grid, saved: SavedLayout, maxRows = 200): SavedLayout | null {
  const wanted = Object.entries(saved.headers ?? {})
    .map(([letter, text]) => [letter.toUpperCase(), foldHeader(text)] as const)
    .filter(([, t]) => t !== "");
  if (wanted.length === 0) return null;
  const o = grid.origin ?? { row: 0, col: 0 };
  const rows = Math.min(grid.rows.length, maxRows);
  for (let r = 0; r < rows; r++) {
    const row1 = r + o.row + 1;
    if (wanted.every(([letter, t]) => foldHeader(sheetCellText(grid, row1, letter)) === t))
      return { ...saved, sheet: grid.sheet, headerRow: row1 };
  }
  return null;
}

/** A reading as a layout entry (inspect's output given back as `layouts`). */
export function readingAsLayout(reading: SheetReading): LayoutEntry {
  const out: LayoutEntry = {
    sheet: reading.sheet,
    layout: reading.layout,
    columns: { ...reading.columns },
  };
  out.headerRow = reading.headerRow;
  if (reading.lastRow !== undefined) out.lastRow = reading.lastRow;
  return out;
}

/**
 * Saved mappings (the pane's, kept in the workbook or exported) on the workbook at hand: each
 * applies to its sheet when that sheet's header row still reads the saved texts, else to the sheet
 * and row whose header does (next year's plan, renamed or with rows added above). Mappings that
 * match nothing, or no longer fit their sheet, are left out: the sheet is recognized as usual.
 */
export function applySavedLayouts(saved: readonly SavedLayout[], grids: Grid[]): SavedLayout[] {
  const out: SavedLayout[] = [];
  const taken = new Set<string>();
  for (const s of saved) {
    if (!s || typeof s !== "object" || !s.columns || Object.keys(s.columns).length === 0) continue;
    const same = grids.find((g) => g.sheet === s.sheet);
    let found: SavedLayout | null = null;
    const hasHeaders = !!s.headers && Object.keys(s.headers).length > 0;
    if (same && !taken.has(same.sheet)) {
      if (!hasHeaders) found = s;
      else {
        const at = matchHeaders(same, s);
        if (at) found = at;
      }
    }
    if (!found && hasHeaders)
      for (const g of grids) {
        if (taken.has(g.sheet)) continue;
        found = matchHeaders(g, s);
        if (found) break;
      }
    if (!found) continue;
    try {
      checkLayouts([found], grids);
    } catch {
      continue;
    }
    taken.add(found.sheet);
    out.push(found);
  }
  return out;
}
