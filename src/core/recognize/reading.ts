/**
 * What was read in a sheet, and the user's column mapping (docs/mapping.md, docs/recognition.md).
 * A `SheetReading` is what `peg inspect` prints for one sheet; a `TableLayout` (same shape, fewer
 * fields) is an entry of `layouts` in the settings, read by the mapped table reader.
 */

/** Column roles of a flat table, as `peg inspect` and `layouts` name them. */
export const COLUMN_ROLES = [
  "orgUnit",
  "owner",
  "strategicCode",
  "strategicTitle",
  "operationalCode",
  "operationalTitle",
  "objectiveWeight",
  "indicatorCode",
  "indicator",
  "dimension",
  "measureUnit",
  "baseline",
  "target",
  "targetYear",
  "weight",
  "actual",
  "declaredAchievement",
  "note",
  "ignore",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Roles whose blank cell repeats the value above it (merged cells). */
export const HIERARCHY_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "orgUnit",
  "owner",
  "strategicCode",
  "strategicTitle",
  "operationalCode",
  "operationalTitle",
  "objectiveWeight",
]);

/**
 * Roles that take one column at most. The others may repeat: `note`, `ignore`, `orgUnit`
 * (Dipartimento | Struttura), `target` and `baseline` (one column a year: `Target 2025 | Target 2026`).
 */
export const SINGLE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "strategicCode",
  "strategicTitle",
  "operationalCode",
  "operationalTitle",
  "objectiveWeight",
  "indicatorCode",
  "indicator",
  "dimension",
  "measureUnit",
  "targetYear",
  "weight",
  "actual",
  "declaredAchievement",
]);

export type LayoutName = "table" | "schede" | "lines" | "labels" | "mapped" | "none";

/** An entry of `layouts`: how to read one sheet (or every sheet, `"*"`) as a flat table. */
export interface TableLayout {
  sheet: string;
  /** 1-based row of the header; the data are the rows below it. */
  headerRow: number;
  /** Column letter -> role. Columns not named are ignored. */
  columns: Record<string, ColumnRole>;
  /** 1-based last row of the table; absent: every row to the end of the sheet. */
  lastRow?: number;
}

export interface ColumnEvidence {
  header: string;
  confidence: number;
}

/** How one sheet was read (one entry of `peg inspect --json`). */
export interface SheetReading {
  sheet: string;
  layout: LayoutName;
  /** Id of the reader that won (finer than `layout`, e.g. "report-lines"). */
  reader: string;
  confidence: number;
  headerRow: number | null;
  /** 1-based last row of the table, where it ends before the sheet does. */
  lastRow?: number;
  columns: Record<string, ColumnRole>;
  evidence: Record<string, ColumnEvidence>;
  objectives: number;
  indicators: number;
  /** Non-empty ranges that went into nothing, e.g. "A1:G2". */
  unread: string[];
}
