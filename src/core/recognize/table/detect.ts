/**
 * Finding a flat table in a sheet and the role of each of its columns (docs/recognition.md):
 * the header row is the row whose headings the lexicon knows best; each column's role comes from
 * its heading, checked against what its values look like (long titles are no weights, money is no
 * weight, a column of operators is no indicator); conflicts (two columns for one role) are settled
 * by the more specific heading, the other column keeping a lower level when there is one.
 */
import { cellText, columnLetters, type Grid } from "../../grid";
import {
  COLUMN_ROLES,
  SINGLE_ROLES,
  type ColumnEvidence,
  type ColumnRole,
  type TableLayout,
} from "../reading";
import { cleanText } from "../text";
import { roleOfHeading, type RoleGuess } from "./lexicon";

export interface TableGuess {
  layout: TableLayout;
  evidence: Record<string, ColumnEvidence>;
  confidence: number;
  /** Index in grid rows of the first header row (the header may span two rows). */
  firstHeaderIdx: number;
}

const MAX_HEADER_SCAN = 60;
const OBJECTIVE_ROLES = new Set<ColumnRole>([
  "strategicTitle",
  "operationalTitle",
  "strategicCode",
  "operationalCode",
]);
const MEASURE_ROLES = new Set<ColumnRole>([
  "indicator",
  "target",
  "actual",
  "weight",
  "objectiveWeight",
  "declaredAchievement",
]);

interface ColumnStats {
  filled: number;
  avgLen: number;
  numeric: number;
  money: number;
  operators: number;
  /** Share of amounts: money, or numbers of five digits and more (budget columns, not targets). */
  amounts: number;
  distinct: number;
}

function statsOf(grid: Grid, col: number, from: number, to: number): ColumnStats {
  let filled = 0;
  let len = 0;
  let numeric = 0;
  let money = 0;
  let operators = 0;
  let amounts = 0;
  const distinct = new Set<string>();
  for (let r = from; r < to; r++) {
    const v = grid.rows[r]?.[col];
    const t = v === null || v === undefined ? "" : cleanText(cellText(grid, r, col));
    if (t === "") continue;
    filled++;
    len += t.length;
    if (distinct.size < 1000) distinct.add(t);
    if (typeof v === "number" || /^[-+]?\d[\d.,]*\s?%?$/.test(t)) numeric++;
    if (/€|\beuro\b/i.test(t)) money++;
    if (/^(>=|<=|=>|=<|>|<|=|≥|≤)$/.test(t)) operators++;
    if (
      /€|\beuro\b/i.test(t) ||
      (typeof v === "number" && Math.abs(v) >= 10000) ||
      /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)
    )
      amounts++;
  }
  return {
    filled,
    avgLen: filled ? len / filled : 0,
    numeric: filled ? numeric / filled : 0,
    money: filled ? money / filled : 0,
    operators: filled ? operators / filled : 0,
    amounts: filled ? amounts / filled : 0,
    distinct: distinct.size,
  };
}

/** Text of a heading cell, or the label of a merged group over it. */
function headingAt(grid: Grid, r: number, c: number): string {
  return cleanText(cellText(grid, r, c));
}

interface Candidate {
  col: number;
  text: string;
  guess: RoleGuess | null;
}

function rowCandidates(grid: Grid, r: number, width: number, upper: number | null): Candidate[] {
  const out: Candidate[] = [];
  let group = "";
  for (let c = 0; c < width; c++) {
    const own = headingAt(grid, r, c);
    if (upper !== null) {
      const up = headingAt(grid, upper, c);
      if (up !== "") group = up;
      else if (own === "") group = "";
    }
    if (own === "" && (upper === null || group === "")) continue;
    const texts = upper !== null && group !== "" ? [`${group} ${own}`.trim(), own] : [own];
    let best: RoleGuess | null = null;
    let text = own;
    for (const t of texts) {
      if (t === "" || t.length > 90) continue;
      const g = roleOfHeading(t);
      if (g && (!best || g.confidence > best.confidence)) {
        best = g;
        text = t;
      }
    }
    out.push({ col: c, text: text || group, guess: best });
  }
  return out;
}

function scoreRow(cands: Candidate[]): number {
  const known = cands.filter((c) => c.guess && c.guess.role !== "note");
  const roles = new Set(known.map((c) => c.guess!.role));
  const hasObj = [...roles].some((r) => OBJECTIVE_ROLES.has(r));
  const hasMeasure = [...roles].some((r) => MEASURE_ROLES.has(r));
  if (known.length < 2 || !(hasObj || roles.has("indicator")) || !hasMeasure) return 0;
  const long = cands.filter((c) => c.text.length > 60).length;
  return known.reduce((s, c) => s + c.guess!.confidence, 0) - long * 0.5;
}

/**
 * Where a table ends (index after its last row): at another header row (the next scheda's table),
 * or after blank rows when what follows no longer sits in the table's columns.
 */
function endOfTable(grid: Grid, from: number, width: number, header: Candidate[]): number {
  const cols = new Set(header.map((c) => c.col));
  const signature = header.map((c) => c.text).join("\u0001");
  let blanks = 0;
  for (let r = from; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const filled: number[] = [];
    for (let c = 0; c < row.length; c++) if (row[c] !== null && row[c] !== "") filled.push(c);
    if (filled.length === 0) {
      blanks++;
      continue;
    }
    // Only a row whose first cell is a heading can be a header (a cheap test on long tables).
    const first = cleanText(cellText(grid, r, filled[0]));
    if (first.length <= 60 && roleOfHeading(first)) {
      const cands = rowCandidates(grid, r, width, null);
      if (scoreRow(cands) > 0 && cands.map((c) => c.text).join("\u0001") !== signature) return r;
    }
    if (blanks >= 1) {
      const inside = filled.filter((c) => cols.has(c)).length;
      if (filled.length === 1 || inside < filled.length / 2) return r;
    }
    blanks = 0;
  }
  return grid.rows.length;
}

/** The flat table of a sheet, or null when no row reads as its header. */
export function detectTable(grid: Grid): TableGuess | null {
  const n = grid.rows.length;
  let width = 0;
  for (let r = 0; r < Math.min(n, MAX_HEADER_SCAN + 2); r++)
    width = Math.max(width, grid.rows[r]?.length ?? 0);
  let best: { r: number; upper: number | null; cands: Candidate[]; score: number } | null = null;
  for (let r = 0; r < Math.min(n, MAX_HEADER_SCAN); r++) {
    const filled = (grid.rows[r] ?? []).filter((v) => v !== null && v !== "").length;
    if (filled < 2) continue;
    for (const upper of r > 0 ? [null, r - 1] : [null]) {
      const cands = rowCandidates(grid, r, width, upper);
      const score = scoreRow(cands) + (upper !== null ? -0.1 : 0);
      if (score > 0 && (!best || score > best.score)) best = { r, upper, cands, score };
    }
  }
  if (!best) return null;
  const dataFrom = best.r + 1;
  const tableEnd = endOfTable(grid, dataFrom, width, best.cands);
  const dataTo = Math.min(tableEnd, dataFrom + 2000);
  if (dataTo <= dataFrom) return null;

  // Roles checked against the values under them.
  const picked: {
    col: number;
    role: ColumnRole;
    confidence: number;
    text: string;
  }[] = [];
  for (const c of best.cands) {
    if (!c.guess) continue;
    const stats = statsOf(grid, c.col, dataFrom, dataTo);
    if (stats.filled === 0) continue;
    let { role, confidence } = c.guess;
    if (
      (role === "weight" || role === "objectiveWeight") &&
      (stats.avgLen > 12 || stats.money > 0.2)
    )
      continue;
    if (
      (role === "indicator" || role === "operationalTitle" || role === "strategicTitle") &&
      stats.operators > 0.5
    )
      continue;
    if (role === "targetYear" && stats.distinct <= 1) continue;
    // Money is no target: a table of previsioni and impegni is the budget, not the plan.
    if ((role === "target" || role === "actual" || role === "baseline") && stats.amounts > 0.5)
      continue;
    if (role === "operationalCode" && stats.avgLen > 25) role = "operationalTitle";
    if (role === "declaredAchievement" && stats.numeric < 0.5) confidence *= 0.5;
    // `Misura` over long texts is the objective (a PNRR measure), over short ones the unit.
    if (role === "measureUnit" && stats.avgLen > 30) {
      role = "operationalTitle";
      confidence = 0.6;
    }
    picked.push({ col: c.col, role, confidence, text: c.text });
  }

  // A generic `Descrizione` right of the indicator column describes the indicator.
  const indicatorCol = picked.find((p) => p.role === "indicator")?.col;
  for (const p of picked)
    if (
      indicatorCol !== undefined &&
      p.col > indicatorCol &&
      p.confidence < 0.5 &&
      p.role === "operationalTitle"
    )
      p.role = "note";

  // One column per single role: the surest keeps it; a second objective title steps down a level.
  const byRole = new Map<ColumnRole, typeof picked>();
  for (const p of picked) byRole.set(p.role, [...(byRole.get(p.role) ?? []), p]);
  const strat = byRole.get("strategicTitle") ?? [];
  const op = byRole.get("operationalTitle") ?? [];
  const saysObjective = (p: (typeof picked)[number]) => /obiettiv|finalita|progett/i.test(p.text);
  if (op.length > 1) {
    // Two objective columns with no strategic one: the leftmost of those that say `obiettivo` is
    // the strategic level; the others (Azione, Attività beside an objective) are notes.
    op.sort((a, b) => b.confidence - a.confidence || a.col - b.col);
    const objectiveCols = op.filter(saysObjective).sort((a, b) => a.col - b.col);
    if (strat.length === 0 && objectiveCols.length > 1) objectiveCols[0].role = "strategicTitle";
    const keep = op.find(
      (p) => p.role === "operationalTitle" && (objectiveCols.length <= 1 || p !== objectiveCols[0])
    );
    for (const p of op) if (p.role === "operationalTitle" && p !== keep) p.role = "note";
  }
  if (strat.length > 1) {
    // `Area strategica | Obiettivo strategico`: the one that says obiettivo is the objective.
    strat.sort(
      (a, b) => Number(/obiettiv/i.test(b.text)) - Number(/obiettiv/i.test(a.text)) || b.col - a.col
    );
    for (const extra of strat.slice(1)) extra.role = "ignore";
  }
  // A code column beside a strategic title only is the strategic code.
  const opCode = picked.find((p) => p.role === "operationalCode");
  if (
    opCode &&
    !picked.some((p) => p.role === "operationalTitle") &&
    picked.some((p) => p.role === "strategicTitle")
  )
    opCode.role = "strategicCode";
  const finalBy = new Map<ColumnRole, typeof picked>();
  for (const p of picked) finalBy.set(p.role, [...(finalBy.get(p.role) ?? []), p]);
  for (const [role, list] of finalBy) {
    if (!SINGLE_ROLES.has(role) || list.length < 2) continue;
    if (role === "target" || role === "actual") continue; // by year, or read in order
    list.sort((a, b) => b.confidence - a.confidence || a.col - b.col);
    for (const extra of list.slice(1)) extra.role = "ignore";
  }
  // Several target columns without years: the first is the target, the others ignored.
  const targets = picked.filter((p) => p.role === "target");
  if (targets.length > 1 && targets.some((t) => !/\b(19|20)\d\d\b/.test(t.text)))
    for (const t of targets.slice(1)) t.role = "ignore";
  const actuals = picked
    .filter((p) => p.role === "actual")
    .sort((a, b) => b.confidence - a.confidence);
  for (const a of actuals.slice(1)) a.role = "ignore";

  const o = grid.origin ?? { row: 0, col: 0 };
  const columns: Record<string, ColumnRole> = {};
  const evidence: Record<string, ColumnEvidence> = {};
  for (const p of picked.sort((a, b) => a.col - b.col)) {
    if (!COLUMN_ROLES.includes(p.role)) continue;
    const letter = columnLetters(p.col + o.col);
    columns[letter] = p.role;
    evidence[letter] = { header: p.text, confidence: Math.round(p.confidence * 100) / 100 };
  }
  const roles = new Set(Object.values(columns));
  const has = (r: ColumnRole) => roles.has(r);
  const objective = [...roles].some((r) => OBJECTIVE_ROLES.has(r));
  const confidence =
    0.3 * Number(objective) +
    0.25 * Number(has("indicator")) +
    0.2 * Number(has("target")) +
    0.1 *
      Number(
        has("actual") || has("weight") || has("objectiveWeight") || has("declaredAchievement")
      ) +
    0.15 * Math.min(1, Object.keys(columns).length / Math.max(1, best.cands.length));
  return {
    layout: {
      sheet: grid.sheet,
      headerRow: best.r + 1 + o.row,
      columns,
      ...(tableEnd < n ? { lastRow: tableEnd + o.row } : {}),
    },
    evidence,
    confidence: Math.round(confidence * 100) / 100,
    firstHeaderIdx: best.upper ?? best.r,
  };
}
