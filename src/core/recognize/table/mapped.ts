/**
 * A sheet read as one flat table whose columns have known roles (docs/mapping.md): the user's
 * mapping (`layouts`), or the roles the table reader inferred (./roles.ts). The same reading for
 * both, so what `peg inspect` shows is exactly what a saved mapping reproduces.
 *
 * - every row under the header row is data; a row that repeats the header (a new page) or a
 *   TOTALE row is skipped;
 * - a blank cell of a hierarchy role repeats the value above it (merged cells); a new value of a
 *   higher level clears the lower levels carried from above;
 * - a title that starts with its code (`2 - Valorizzazione`, `1.7.3.1.Corretta …`) with no code
 *   column gives that code;
 * - each distinct operational objective (strategic, when no operational column is mapped) is an
 *   objective; each row with an indicator or a target is an indicator of the objective on its row;
 *   the same indicator written again (one row per period) is one indicator, the last row counting.
 */
import { cellRef, cellText, columnIndex, type CellValue, type Grid } from "../../grid";
import { parseItalianNumber } from "../../numbers";
import { readWeight } from "../../weights";
import { dimensionOf } from "../lines";
import type { ColumnRole, TableLayout } from "../reading";
import { HIERARCHY_ROLES } from "../reading";
import { isPageFooter } from "../rows";
import { parseUnitLine, type SheetContext } from "../sheet";
import { nameFromTarget } from "../split";
import { cleanText, fold } from "../text";
import { splitLeadingCode } from "../titles";
import type { RawIndicator, RawObjective, RawPeople, SheetResult } from "../types";
import { newRawObjective } from "../readers/parts";

interface MappedColumn {
  /** Index in grid rows (not the sheet column). */
  col: number;
  role: ColumnRole;
  header: string;
  year: number | null;
}

/** Hierarchy levels, highest first: a new value at one level clears those below it. */
const LEVELS: ColumnRole[][] = [
  ["orgUnit", "owner"],
  ["strategicCode", "strategicTitle"],
  ["operationalCode", "operationalTitle", "objectiveWeight"],
];

const YEAR_RE = /\b((?:19|20)\d\d)\b/;
const TOTAL_RE = /^\s*total[ei]\b/i;

export function mappedColumns(grid: Grid, layout: TableLayout): MappedColumn[] {
  const o = grid.origin ?? { row: 0, col: 0 };
  const hr = layout.headerRow - 1 - o.row;
  const out: MappedColumn[] = [];
  for (const [letter, role] of Object.entries(layout.columns)) {
    const col = columnIndex(letter) - o.col;
    if (col < 0 || role === "ignore") continue;
    const header = hr >= 0 ? cleanText(cellText(grid, hr, col)) : "";
    const ym = YEAR_RE.exec(header);
    out.push({ col, role, header, year: ym ? Number(ym[1]) : null });
  }
  return out.sort((a, b) => a.col - b.col);
}

export function readMappedTable(grid: Grid, layout: TableLayout, ctx: SheetContext): SheetResult {
  const o = grid.origin ?? { row: 0, col: 0 };
  const headerIdx = layout.headerRow - 1 - o.row;
  const cols = mappedColumns(grid, layout);
  const byRole = new Map<ColumnRole, MappedColumn[]>();
  for (const c of cols) byRole.set(c.role, [...(byRole.get(c.role) ?? []), c]);
  const headerKey = headerSignature(grid, headerIdx, cols);
  const firstHeading =
    cols.length > 0 && headerIdx >= 0 ? fold(cellText(grid, headerIdx, cols[0].col)) : "\u0000";

  const strategic = new Map<string, RawObjective>();
  const operational = new Map<string, RawObjective>();
  const indicatorsBy = new Map<string, RawIndicator>();
  const units: RawPeople[] = [];
  const unitKeys = new Set<string>();
  const carried = new Map<ColumnRole, string>();
  const hasOperational = byRole.has("operationalCode") || byRole.has("operationalTitle");
  const hasStrategic = byRole.has("strategicCode") || byRole.has("strategicTitle");
  let sheetObjective: RawObjective | null = null;
  let sectionPeople: RawPeople | null = null;
  // Lines above the header (the document's title): printed again on every page, they are noise.
  const captions = new Set<string>();
  for (let r = 0; r < headerIdx; r++)
    for (let c = 0; c < (grid.rows[r]?.length ?? 0); c++) {
      const t = cleanText(cellText(grid, r, c));
      if (t.length >= 8) captions.add(fold(t));
    }

  const end =
    layout.lastRow !== undefined
      ? Math.min(grid.rows.length, layout.lastRow - o.row)
      : grid.rows.length;
  for (let r = Math.max(0, headerIdx + 1); r < end; r++) {
    const row = grid.rows[r];
    if (!Array.isArray(row) || row.every((v) => v === null || v === "")) continue;
    // A row that repeats the header (a new page): its first mapped cell says the same first.
    if (
      cols.length > 0 &&
      fold(cellText(grid, r, cols[0].col)) === firstHeading &&
      headerSignature(grid, r, cols) === headerKey
    )
      continue;
    const text = (c: MappedColumn) => cleanText(cellText(grid, r, c.col));
    const first = (role: ColumnRole): { text: string; col: MappedColumn } | null => {
      for (const c of byRole.get(role) ?? []) {
        const t = text(c);
        if (t !== "") return { text: t, col: c };
      }
      return null;
    };
    if (cols.slice(0, 3).some((c) => TOTAL_RE.test(text(c)))) continue;

    // A section row (one cell across the table): a unit with its head, or a strategic objective.
    const section = sectionOf(grid, r, byRole, captions);
    if (section === "footer") continue;
    if (section) {
      const level = section.kind === "unit" ? 0 : 1;
      for (const lower of LEVELS.slice(level).flat()) carried.delete(lower);
      for (const [role, v] of section.values) carried.set(role, v);
      if (section.kind === "unit")
        sectionPeople = { ...section.people, source: cellRef(grid, r, section.col) };
      continue;
    }

    // Hierarchy: written values, else the ones carried from above.
    const written = new Map<ColumnRole, string>();
    for (const role of HIERARCHY_ROLES) {
      const hit = first(role);
      if (hit) written.set(role, hit.text);
    }
    LEVELS.forEach((level, i) => {
      const changed = level.some(
        (role) => written.has(role) && written.get(role) !== carried.get(role)
      );
      if (!changed) return;
      for (const lower of LEVELS.slice(i + 1).flat())
        if (!written.has(lower)) carried.delete(lower);
    });
    for (const [role, v] of written) carried.set(role, v);
    const val = (role: ColumnRole) => carried.get(role) ?? null;

    const people =
      byRole.has("orgUnit") || !sectionPeople ? peopleOf(byRole, carried) : { ...sectionPeople };
    const unitKey = JSON.stringify(people);
    if (Object.keys(people).length > 0 && !unitKeys.has(unitKey)) {
      unitKeys.add(unitKey);
      units.push(people);
    }

    // Objectives of this row.
    const strat = hasStrategic
      ? objectiveFor(
          strategic,
          val("strategicCode"),
          val("strategicTitle"),
          "strategic",
          people,
          ctx
        )
      : null;
    if (strat && !strat.source)
      strat.source = sourceOf(grid, r, byRole, ["strategicTitle", "strategicCode"]);
    const op = hasOperational
      ? objectiveFor(
          operational,
          val("operationalCode"),
          val("operationalTitle"),
          "operational",
          people,
          ctx
        )
      : null;
    if (op) {
      if (!op.source)
        op.source = sourceOf(grid, r, byRole, ["operationalTitle", "operationalCode"]);
      if (strat && !op.parentKey) {
        op.parentKey = strat.key;
        op.strategicCode = strat.code;
      }
      const w = val("objectiveWeight");
      if (w !== null && op.weight === null) {
        op.weight = objectiveWeightOf(w);
        const wc = byRole.get("objectiveWeight")?.[0];
        if (wc && op.weight !== null) op.weightSource = cellRef(grid, r, wc.col);
      }
    } else if (strat) {
      const w = val("objectiveWeight");
      if (w !== null && strat.weight === null) strat.weight = objectiveWeightOf(w);
    }

    // The indicator of this row.
    const ind = first("indicator");
    const targetCols = byRole.get("target") ?? [];
    const targets = new Map<string, string | null>();
    let target: { text: string; col: MappedColumn } | null = null;
    const rowYear = first("targetYear");
    for (const c of targetCols) {
      const t = text(c);
      if (t === "") continue;
      const year = c.year ?? (rowYear ? yearOf(rowYear.text) : null);
      if (year !== null) targets.set(String(year), t);
      if (!target || (ctx.planYear !== undefined && year === ctx.planYear))
        target = { text: t, col: c };
    }
    if (!ind && !target) continue;
    let owner = op ?? strat;
    if (!owner) {
      // No objective column: the sheet's indicators under one objective named after the sheet.
      sheetObjective ??= newRawObjective(
        ctx,
        null,
        String(grid.sheet),
        "operational",
        {},
        cellRef(grid, r, 0)
      );
      owner = sheetObjective;
    }
    const name = ind?.text ?? nameFromTarget(target!.text) ?? owner.title;
    const raw: RawIndicator = {
      name: name || owner.title,
      target: target?.text ?? null,
      weight: null,
      actual: null,
      source: cellRef(grid, r, (ind ?? target)!.col.col),
    };
    if (target) raw.targetSource = cellRef(grid, r, target.col.col);
    if (targets.size > 1 || (targets.size === 1 && rowYear)) raw.targets = targets;
    const w = first("weight");
    if (w) {
      const v = grid.rows[r][w.col.col];
      raw.weight = readWeight(v, cellText(grid, r, w.col.col));
      if (raw.weight !== null) raw.weightSource = cellRef(grid, r, w.col.col);
    }
    const a = first("actual");
    if (a) {
      raw.actual = plainValue(grid.rows[r][a.col.col], a.text);
      raw.actualSource = cellRef(grid, r, a.col.col);
    }
    const da = first("declaredAchievement");
    if (da) {
      const f = fractionOf(grid.rows[r][da.col.col], da.text);
      if (f !== null) {
        raw.declaredAchievement = f;
        raw.declaredAchievementSource = cellRef(grid, r, da.col.col);
      }
    }
    const u = first("measureUnit");
    if (u) raw.unit = u.text;
    const d = first("dimension");
    if (d) raw.dimension = dimensionOf(d.text) ?? d.text;
    const baselines = new Map<string, string>();
    for (const c of byRole.get("baseline") ?? []) {
      const t = text(c);
      if (t !== "") baselines.set(String(c.year ?? (ctx.planYear ? ctx.planYear - 1 : "base")), t);
    }
    if (baselines.size > 0) raw.baseline = baselines;
    const code = first("indicatorCode");
    if (code) raw.ref = code.text;

    // One row per period of the same indicator: one indicator, the last row counting.
    const key = `${owner.key}\u0001${fold(JSON.stringify(people))}\u0001${fold(raw.name)}\u0001${raw.target ?? ""}`;
    const prev = indicatorsBy.get(key);
    if (prev) {
      const at = owner.indicators.indexOf(prev);
      owner.indicators[at] = raw;
    } else owner.indicators.push(raw);
    indicatorsBy.set(key, raw);
  }

  const objectives = [...strategic.values(), ...operational.values()];
  if (sheetObjective) objectives.push(sheetObjective);
  return { objectives, units, recognized: objectives.length > 0 };
}

const STRATEGIC_SECTION_RE =
  /^(?:obiettivo strategico|linea strategica|area strategica|asse|ambito strategico|indirizzo strategico|linea di mandato)\s*(?:n\.?\s*|n°\s*)?([A-Z]?\d{1,3}(?:\.\d{1,3})*)?\s*[-–:.]\s*(\S.*)$/i;

/** A row with one text across the table: a unit (`SETTORE X - Responsabile: …`) or a strategic objective. */
function sectionOf(
  grid: Grid,
  r: number,
  byRole: Map<ColumnRole, MappedColumn[]>,
  captions: ReadonlySet<string>
):
  | { kind: "unit"; col: number; values: Map<ColumnRole, string>; people: RawPeople }
  | { kind: "strategic"; col: number; values: Map<ColumnRole, string> }
  | "footer"
  | null {
  const row = grid.rows[r];
  let col = -1;
  for (let c = 0; c < row.length; c++) {
    if (row[c] === null || row[c] === "") continue;
    if (col >= 0) return null;
    col = c;
  }
  if (col < 0) return null;
  const text = cleanText(cellText(grid, r, col));
  if (isPageFooter(text) || captions.has(fold(text))) return "footer";
  // A sentence in a code column is no code (a note or a page line).
  const role = [...byRole].find(([, cs]) => cs.some((c) => c.col === col))?.[0];
  if (
    (role === "operationalCode" || role === "strategicCode" || role === "indicatorCode") &&
    text.split(/\s+/).length > 3
  )
    return "footer";
  if (text.length < 8) return null;
  const s = STRATEGIC_SECTION_RE.exec(text);
  if (s && !byRole.has("strategicTitle")) {
    const values = new Map<ColumnRole, string>([["strategicTitle", s[2].trim()]]);
    if (s[1]) values.set("strategicCode", s[1]);
    return { kind: "strategic", col, values };
  }
  const unit = parseUnitLine(text);
  if (!unit) return null;
  const people: RawPeople = { [unit.kind]: unit.name };
  if (unit.role && unit.person) people[unit.role] = unit.person;
  return { kind: "unit", col, values: new Map(), people };
}

/** The texts of a row under the mapped columns, to tell a repeated header row. */
function headerSignature(grid: Grid, r: number, cols: MappedColumn[]): string {
  if (r < 0) return "\u0000";
  return cols.map((c) => fold(cellText(grid, r, c.col))).join("\u0001");
}

function yearOf(text: string): number | null {
  const m = YEAR_RE.exec(text);
  return m ? Number(m[1]) : null;
}

function peopleOf(
  byRole: Map<ColumnRole, MappedColumn[]>,
  carried: Map<ColumnRole, string>
): RawPeople {
  const p: RawPeople = {};
  const unit = carried.get("orgUnit");
  if (unit) {
    // Several unit columns (Dipartimento | Struttura): each its own level, the rightmost the settore.
    const cols = byRole.get("orgUnit") ?? [];
    const kind = cols.length > 0 ? unitKind(cols[cols.length - 1].header) : "settore";
    p[kind] = unit;
  }
  const owner = carried.get("owner");
  if (owner) {
    const header = fold(byRole.get("owner")?.[0]?.header ?? "");
    if (/dirigent|direttor/.test(header)) p.dirigente = owner;
    else p.responsabile = owner;
  }
  return p;
}

function unitKind(header: string): "area" | "settore" | "servizio" {
  const f = fold(header);
  if (/^(area|dipartiment|direzion|macro)/.test(f)) return "area";
  if (/^(servizi|ufficio|u\.?o\b)/.test(f)) return "servizio";
  return "settore";
}

function objectiveFor(
  map: Map<string, RawObjective>,
  codeText: string | null,
  titleText: string | null,
  level: RawObjective["level"],
  people: RawPeople,
  ctx: SheetContext
): RawObjective | null {
  let code = codeText;
  let title = titleText ?? "";
  if (title !== "" && code === null) {
    const split = splitLeadingCode(title);
    if (split) ({ code, title } = split);
  } else if (title !== "" && code !== null) {
    // `1.1.5.Titolo` under a code column that says `1.1.5`: the title without its code.
    const split = splitLeadingCode(title);
    if (split && split.code === code) title = split.title;
  }
  if (code === null && title === "") return null;
  const key = code !== null ? `c:${code}` : `t:${fold(title)}`;
  let o = map.get(key);
  if (!o) {
    o = newRawObjective(ctx, code, title || code || "", level, people, "");
    map.set(key, o);
  }
  return o;
}

function sourceOf(
  grid: Grid,
  r: number,
  byRole: Map<ColumnRole, MappedColumn[]>,
  roles: ColumnRole[]
): string {
  for (const role of roles) {
    const c = byRole.get(role)?.[0];
    if (c && cleanText(cellText(grid, r, c.col)) !== "") return cellRef(grid, r, c.col);
  }
  const c = roles.map((role) => byRole.get(role)?.[0]).find((x) => x !== undefined);
  return cellRef(grid, r, c?.col ?? 0);
}

/** Peso dell'obiettivo as written: `20`, `20%` -> 20; `0,2` stays 0.2 (a coefficient). */
function objectiveWeightOf(text: string): number | null {
  const n = parseItalianNumber(text.replace(/%/g, "").trim());
  return n === null || !Number.isFinite(n) || n < 0 ? null : n;
}

/** A declared achievement: `1`, `0.93`, `93%`, `93` -> 0..1; anything else null. */
function fractionOf(v: CellValue, text: string): number | null {
  let n: number | null =
    typeof v === "number" ? v : parseItalianNumber(text.replace(/%/g, "").trim());
  if (n === null || !Number.isFinite(n) || n < 0) return null;
  if (typeof v === "number" && text.includes("%")) return Math.min(1, n);
  if (text.includes("%") || n > 1) n = n / 100;
  return n <= 1 ? n : null;
}

function plainValue(v: CellValue, text: string): string | number {
  return typeof v === "number" && Number.isFinite(v) && !/%/.test(text) ? v : text;
}
