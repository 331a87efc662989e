/**
 * The structured sheets (docs/sheets.md) as a sheet model: `buildWorkbookSpec(model)` gives the
 * seven tables that the CLI (exceljs) and the add-in (Office.js) both write.
 *
 * Formulas are en-US, without "=", with structured references. Native formulas do every sum and
 * count, and Esito and Grado over the rule written in plain columns (native.ts), so the workbook
 * computes without the add-in; `PEG.*` stays only inside IFERROR where no native formula can
 * express the rule. Every formula carries its value computed here (`result`), the same value the
 * spreadsheet recomputes. Every sheet is made print-ready (print.ts).
 */
import type { Finding, Indicator, PegModel, TargetRule } from "../model";
import { splitRef } from "../grid";
import { renderRule } from "../targets";
import { isIsoDate } from "../dates";
import { DEFAULT_SETTINGS, type Band } from "../settings";
import { WEIGHT_VERDICT_TEXT, checkWeightSum, weightVerdictFormula } from "../weights";
import {
  NO_SETTORE,
  countedAchievement,
  criteriaAmbiguous,
  finalAchievement,
  finalStatus,
  indicatorsByObjective,
  objectiveFigures,
  objectiveKey,
  settoreOf,
  type ObjectiveFigures,
} from "./compute";
import { ESITO, ESITO_COLORS, ESITO_LIST, NO_VALUE } from "./labels";
import {
  DATE_FMT,
  NATIVE_HEADERS,
  OPERATORS,
  esitoFormula,
  gradoFormula,
  plainRule,
  ruleFormula,
  valueCell,
} from "./native";
import { printReady } from "./print";
import type {
  ColumnSpec,
  ConditionalSpec,
  FormulaCell,
  LinkCell,
  SheetCellValue,
  SheetSpec,
  WorkbookSpec,
} from "./types";

// The names of the structured sheets and how to tell one we wrote: src/core/structured.ts.
export {
  SHEET_NAMES,
  STRUCTURED_SHEET_NAMES,
  isStructuredGrid,
  isStructuredSheetName,
} from "../structured";
import { SHEET_NAMES } from "../structured";

export const TABLE_NAMES = {
  strategic: "ObiettiviStrategici",
  operational: "ObiettiviOperativi",
  indicators: "Indicatori",
  weights: "Pesi",
  reports: "ReportDirigenti",
  checks: "Verifiche",
  summary: "Riepilogo",
} as const;

export interface WorkbookSpecOptions {
  /** Show dirigente names in `Riepilogo` (the other sheets are working sheets and always have them). */
  withNames?: boolean;
  /**
   * The check date (AAAA-MM-GG) the model was evaluated at: written into the PEG.STATUS formulas so
   * that Excel's recalculation gives the same Esito as the cached one.
   */
  asOf?: string | null;
  /**
   * The settings' achievement bands. When given, `Indicatori` gets a `Grado riconosciuto` column
   * (the final grade after the bands) and the objectives' Raggiungimento and Punteggio, hence the
   * Riepilogo, count that grade. None = the final grade counts as it is.
   */
  bands?: readonly Band[];
  /** The settings' tolerance on weight sums (`Pesi`'s Verifica); none = the default setting. */
  weightTolerance?: number;
}

const PCT = "0%";
const PCT1 = "0.0%";
const INT = "#,##0";
const NUM = "#,##0.0#";

/** A formula with its cached value. */
function f(formula: string, result: string | number | boolean | null): FormulaCell {
  return { formula, result: result === null ? "" : result };
}

/**
 * A custom function call: null arguments are left empty (`PEG.STATUS(a,b,,,2025)`), trailing ones
 * dropped, so the function applies its own default.
 */
function call(name: string, args: (string | null)[]): string {
  let n = args.length;
  while (n > 0 && args[n - 1] === null) n--;
  return `${name}(${args
    .slice(0, n)
    .map((a) => a ?? "")
    .join(",")})`;
}

/** The check date as an Excel DATE(), or null when absent or not a real ISO date. */
function dateFormula(iso: string | null | undefined): string | null {
  if (!isIsoDate(iso)) return null;
  const [y, m, d] = iso.split("-").map(Number);
  return `DATE(${y},${m},${d})`;
}

/** A number for a formula (fractions of bands: 0.5, 1). */
function numLit(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/**
 * The grade counted after the bands as a native formula over `grade` (a cell reference), mirroring
 * applyBands (src/core/scores.ts): the first band that holds the grade decides, a fixed band counts
 * its score, a linear one the grade (or scoreFrom..scoreTo over the band); outside every band and
 * for a grade that is not a number, the grade as it is.
 */
export function bandsFormula(grade: string, bands: readonly Band[]): string {
  let expr = grade;
  for (let k = bands.length - 1; k >= 0; k--) {
    const b = bands[k];
    const inside =
      `AND(${grade}>=${numLit(b.from)},` + `${grade}${b.to >= 1 ? "<=" : "<"}${numLit(b.to)})`;
    let value: string;
    if (b.mode !== "linear") value = b.score === undefined ? grade : numLit(b.score);
    else if (b.scoreFrom === undefined && b.scoreTo === undefined) value = grade;
    else {
      const y0 = numLit(b.scoreFrom ?? b.from);
      const y1 = numLit(b.scoreTo ?? b.to);
      value =
        `ROUND(${y0}+(${grade}-${numLit(b.from)})/(${numLit(b.to)}-${numLit(b.from)})` +
        `*(${y1}-${y0}),9)`;
    }
    expr = `IF(${inside},${value},${expr})`;
  }
  return `IF(ISNUMBER(${grade}),${expr},${grade})`;
}

/**
 * Excel nests at most 64 functions. Beyond this many bands the `Grado riconosciuto` column holds
 * the value computed here instead of a formula (the objectives' formulas still read the column).
 */
const MAX_FORMULA_BANDS = 30;

/** Origine: a link to the source cell, or the reference as text when it cannot be parsed. */
export function sourceLink(ref: string | undefined | null): LinkCell | string | null {
  if (!ref) return null;
  const parts = splitRef(ref);
  if (!parts || parts.range.trim() === "") return ref;
  const range = parts.range.replace(/\$/g, "");
  if (!/^[A-Za-z]{1,3}\d{1,7}(:[A-Za-z]{1,3}\d{1,7})?$/.test(range)) return ref;
  return { text: ref, location: `'${parts.sheet.replace(/'/g, "''")}'!${range.toUpperCase()}` };
}

/** String for the `"WORD"` literal of a formula. */
function lit(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * Conditional aggregates of `values` over the rows of a table whose `keyCol` equals `key`: COUNTIFS
 * / SUMIFS / AVERAGEIFS, or exact SUMPRODUCT comparisons when the keys make criteria ambiguous.
 */
class Agg {
  private readonly keys: [string, string][];
  constructor(
    keyCol: string,
    key: string,
    private readonly exact: boolean,
    /** More key columns the rows must match too (the file of a Riepilogo row). */
    more: [string, string][] = []
  ) {
    this.keys = [[keyCol, key], ...more];
  }
  private get m(): string {
    return this.keys.map(([c, k]) => `--EXACT(${c},${k})`).join(",");
  }
  private get criteria(): string {
    return this.keys.map(([c, k]) => `${c},${k}`).join(",");
  }
  count(): string {
    return this.exact ? `SUMPRODUCT(${this.m})` : `COUNTIFS(${this.criteria})`;
  }
  countNumbers(col: string): string {
    return this.exact
      ? `SUMPRODUCT(${this.m},--ISNUMBER(${col}))`
      : `COUNTIFS(${this.criteria},${col},">=0")`;
  }
  countEq(col: string, word: string): string {
    return this.exact
      ? `SUMPRODUCT(${this.m},--(${col}=${lit(word)}))`
      : `COUNTIFS(${this.criteria},${col},${lit(word)})`;
  }
  sum(col: string): string {
    return this.exact ? `SUMPRODUCT(${this.m},${col})` : `SUMIFS(${col},${this.criteria})`;
  }
  /** Average of the numbers of `col`; `count` is an expression counting them (exact form). */
  average(col: string, count: string): string {
    return this.exact
      ? `SUMPRODUCT(${this.m},${col})/${count}`
      : `AVERAGEIFS(${col},${this.criteria})`;
  }
  /** Σ a × b over the matching rows (text and blanks count 0). */
  sumProduct(a: string, b: string): string {
    const m = this.exact ? this.m : this.keys.map(([c, k]) => `--(${c}=${k})`).join(",");
    return `SUMPRODUCT(${m},${a},${b})`;
  }
}

function esitoConditionals(column: number): ConditionalSpec[] {
  return (Object.keys(ESITO) as (keyof typeof ESITO)[]).map((s) => ({
    kind: "textEquals",
    column,
    text: ESITO[s],
    fill: ESITO_COLORS[s].fill,
    font: ESITO_COLORS[s].font,
  }));
}

function checkConditionals(column: number, ok: string[], bad: string[]): ConditionalSpec[] {
  return [
    ...ok.map((text): ConditionalSpec => ({
      kind: "textEquals",
      column,
      text,
      fill: ESITO_COLORS.met.fill,
      font: ESITO_COLORS.met.font,
    })),
    ...bad.map((text): ConditionalSpec => ({
      kind: "textEquals",
      column,
      text,
      fill: ESITO_COLORS.missed.fill,
      font: ESITO_COLORS.missed.font,
    })),
  ];
}

/** Tables need at least one data row: an empty table gets one blank row. */
function atLeastOneRow(rows: SheetCellValue[][], width: number): SheetCellValue[][] {
  return rows.length > 0 ? rows : [new Array<SheetCellValue>(width).fill(null)];
}

function hasRelative(rule: TargetRule | null): boolean {
  if (!rule) return false;
  if (rule.op === "relative") return true;
  return (rule.rules ?? []).some(hasRelative);
}

/** The latest baseline value (valore storico) as written. */
function latestBaseline(ind: Indicator): string | null {
  const b = ind.baseline;
  if (!b) return null;
  const keys = Object.keys(b).sort((x, y) => (Number(x) || 0) - (Number(y) || 0));
  const k = keys[keys.length - 1];
  return k === undefined ? null : (b[k] ?? null);
}

function num(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function buildWorkbookSpec(
  model: PegModel,
  options: WorkbookSpecOptions = {}
): WorkbookSpec {
  const byObjective = indicatorsByObjective(model);
  const objectiveSettore = new Map<string, string>();
  for (const o of model.operationalObjectives)
    objectiveSettore.set(objectiveKey(o), settoreOf(model, o.unitId));
  const objectiveTitle = new Map<string, string>();
  for (const o of [...model.strategicObjectives, ...model.operationalObjectives])
    if (!objectiveTitle.has(objectiveKey(o))) objectiveTitle.set(objectiveKey(o), o.title);

  const figures = new Map<string, ObjectiveFigures>();
  for (const o of model.operationalObjectives)
    figures.set(
      objectiveKey(o),
      objectiveFigures(o, byObjective.get(objectiveKey(o)) ?? [], options.bands ?? [])
    );

  const objectiveKeys = new Set<string>([
    ...model.operationalObjectives.map(objectiveKey),
    ...model.indicators.map((i) => i.objectiveCode),
  ]);
  const exactObjectives = criteriaAmbiguous(objectiveKeys);
  const settori = new Set<string>([
    ...objectiveSettore.values(),
    ...model.indicators.map((i) => objectiveSettore.get(i.objectiveCode) ?? NO_SETTORE),
  ]);
  // Several files read together: each objective's file, and the Riepilogo by file and settore.
  const objectiveFile = new Map<string, string>();
  for (const o of [...model.strategicObjectives, ...model.operationalObjectives])
    if (o.file && !objectiveFile.has(objectiveKey(o))) objectiveFile.set(objectiveKey(o), o.file);
  const withFiles = objectiveFile.size > 0;
  const groups = new Map<string, Group>();
  const addGroup = (key: string) => {
    const settore = objectiveSettore.get(key) ?? NO_SETTORE;
    const file = withFiles ? (objectiveFile.get(key) ?? "") : "";
    const k = `${file}\u0000${settore}`;
    if (!groups.has(k)) groups.set(k, { settore, file });
  };
  for (const o of model.operationalObjectives) addGroup(objectiveKey(o));
  for (const i of model.indicators) addGroup(i.objectiveCode);
  const exactSettori =
    criteriaAmbiguous(settori) ||
    (withFiles && criteriaAmbiguous(new Set([...groups.values()].map((g) => g.file))));
  const strategicKeys = new Set<string>([
    ...model.strategicObjectives.map(objectiveKey),
    ...model.operationalObjectives.map((o) => o.strategicCode ?? ""),
  ]);
  strategicKeys.delete("");
  const exactStrategic = criteriaAmbiguous(strategicKeys);

  const ctx: Ctx = {
    model,
    options,
    byObjective,
    objectiveSettore,
    objectiveTitle,
    figures,
    exactObjectives,
    exactSettori,
    exactStrategic,
    objectiveFile,
    withFiles,
    groups: [...groups.values()].sort(
      (a, b) => a.file.localeCompare(b.file, "it") || a.settore.localeCompare(b.settore, "it")
    ),
  };
  return {
    sheets: [
      strategicSheet(ctx),
      operationalSheet(ctx),
      indicatorSheet(ctx),
      weightSheet(ctx),
      reportSheet(ctx),
      checkSheet(ctx),
      summarySheet(ctx),
    ].map(printReady),
  };
}

interface Ctx {
  model: PegModel;
  options: WorkbookSpecOptions;
  byObjective: Map<string, Indicator[]>;
  objectiveSettore: Map<string, string>;
  objectiveTitle: Map<string, string>;
  figures: Map<string, ObjectiveFigures>;
  exactObjectives: boolean;
  exactSettori: boolean;
  exactStrategic: boolean;
  /** Objective key -> the file it was read from (several files read together), else empty. */
  objectiveFile: Map<string, string>;
  withFiles: boolean;
  /** The Riepilogo's rows: each settore, by file when several files were read together. */
  groups: Group[];
}

interface Group {
  settore: string;
  /** "" when the model was read from one file. */
  file: string;
}

const FILE_HEADER = "File";

/**
 * The `File` column before `Origine`, with each row's file from its objective key, only when
 * several files were read together.
 */
function fileColumn(
  ctx: Ctx,
  columns: ColumnSpec[],
  rows: SheetCellValue[][],
  keys: readonly (string | null | undefined)[]
): void {
  if (!ctx.withFiles) return;
  const at = columns.length - 1;
  columns.splice(at, 0, { header: FILE_HEADER, width: 18 });
  rows.forEach((r, i) => {
    const key = keys[i];
    r.splice(at, 0, (key ? ctx.objectiveFile.get(key) : undefined) ?? null);
  });
}

// ---- Obiettivi strategici --------------------------------------------------------------------

function strategicSheet(ctx: Ctx): SheetSpec {
  const { model } = ctx;
  const op = TABLE_NAMES.operational;
  const columns: ColumnSpec[] = [
    { header: "Codice", width: 14 },
    { header: "Titolo", width: 60, wrap: true },
    { header: "Missione", width: 10, align: "center" },
    { header: "Programma", width: 11, align: "center" },
    { header: "Settore", width: 28, wrap: true },
    {
      header: "Obiettivi operativi",
      numFmt: INT,
      width: 12,
      total: { function: "sum", result: 0 },
    },
    { header: "Raggiungimento medio", numFmt: PCT1, width: 14 },
    { header: "Origine", width: 20 },
  ];
  let totalOps = 0;
  const rows = model.strategicObjectives.map((s) => {
    const key = objectiveKey(s);
    const children = model.operationalObjectives.filter((o) => o.strategicCode === key);
    totalOps += children.length;
    const grades = children
      .map((o) => ctx.figures.get(objectiveKey(o))?.achievement ?? null)
      .filter((g): g is number => g !== null);
    const agg = new Agg(`${op}[Codice strategico]`, "[@Codice]", ctx.exactStrategic);
    const count = agg.countNumbers(`${op}[Raggiungimento]`);
    return [
      key,
      s.title,
      s.missione ?? null,
      s.programma ?? null,
      s.unitId ? settoreOf(model, s.unitId) : null,
      f(agg.count(), children.length),
      f(
        `IFERROR(${agg.average(`${op}[Raggiungimento]`, count)},"")`,
        grades.length ? grades.reduce((a, b) => a + b, 0) / grades.length : null
      ),
      sourceLink(s.source),
    ];
  });
  columns[5].total = { function: "sum", result: totalOps };
  columns[0].total = { label: "Totale" };
  fileColumn(ctx, columns, rows, model.strategicObjectives.map(objectiveKey));
  return {
    name: SHEET_NAMES.strategic,
    tableName: TABLE_NAMES.strategic,
    description:
      "Obiettivi strategici (DUP / PIAO) con il numero di obiettivi operativi collegati.",
    columns,
    rows: atLeastOneRow(rows, columns.length),
    freeze: { rows: 1, cols: 1 },
    totalsRow: true,
    conditional: [{ kind: "dataBar", column: 6, color: "5B9BD5" }],
  };
}

// ---- Obiettivi operativi ---------------------------------------------------------------------

/** Column order of `Obiettivi operativi` (indexes used by formulas' cached values). */
function operationalSheet(ctx: Ctx): SheetSpec {
  const { model } = ctx;
  const ind = TABLE_NAMES.indicators;
  const columns: ColumnSpec[] = [
    { header: "Codice", width: 14, total: { label: "Totale" } },
    { header: "Titolo", width: 55, wrap: true },
    { header: "Codice strategico", width: 14 },
    { header: "Settore", width: 28, wrap: true },
    { header: "Dirigente", width: 20 },
    { header: "Peso obiettivo", numFmt: NUM, width: 10 },
    { header: "N. indicatori", numFmt: INT, width: 11 },
    { header: "Indicatori valutati", numFmt: INT, width: 11 },
    { header: "Somma pesi", numFmt: PCT, width: 10 },
    { header: "Raggiungimento", numFmt: PCT1, width: 14 },
    { header: "Punteggio", numFmt: NUM, width: 11 },
    { header: "Esito", width: 16, align: "center" },
    { header: "Origine", width: 20 },
  ];
  let pesoSum = 0;
  let nInd = 0;
  let scoreSum = 0;
  const rows = model.operationalObjectives.map((o) => {
    const key = objectiveKey(o);
    const fig = ctx.figures.get(key) ?? objectiveFigures(o, [], ctx.options.bands ?? []);
    const agg = new Agg(`${ind}[Codice obiettivo]`, "[@Codice]", ctx.exactObjectives);
    const esitoCol = `${ind}[Esito finale]`;
    const c = (w: string) => agg.countEq(esitoCol, w);
    const grado = `${ind}[${gradeColumn(ctx)}]`;
    const achievementFormula =
      `IF([@[Indicatori valutati]]=0,"",IF([@[Somma pesi]]=0,` +
      `${agg.average(grado, "[@[Indicatori valutati]]")},${agg.sumProduct(`${ind}[Peso]`, grado)}))`;
    const esitoFormula =
      `IF([@[N. indicatori]]=0,${lit(ESITO.qualitative)},` +
      `IF(${c(ESITO.met)}=[@[N. indicatori]],${lit(ESITO.met)},` +
      `IF([@Raggiungimento]="",IF(${c(ESITO.overdue)}>0,${lit(ESITO.overdue)},` +
      `IF(${c(ESITO.pending)}>0,${lit(ESITO.pending)},${lit(ESITO.qualitative)})),` +
      `IF(${c(ESITO.pending)}>0,${lit(ESITO.pending)},` +
      `IF([@Raggiungimento]>=0.9995,${lit(ESITO.met)},` +
      `IF([@Raggiungimento]>0,${lit(ESITO.partial)},${lit(ESITO.missed)}))))))`;
    pesoSum += num(o.weight) ?? 0;
    nInd += fig.indicators.length;
    scoreSum += fig.score ?? 0;
    return [
      key,
      o.title,
      o.strategicCode ?? null,
      ctx.objectiveSettore.get(key) ?? NO_SETTORE,
      o.dirigente ?? unitDirigente(model, o.unitId),
      num(o.weight),
      f(agg.count(), fig.indicators.length),
      f(agg.countNumbers(grado), fig.evaluated),
      f(agg.sum(`${ind}[Peso]`), fig.weightSum),
      f(achievementFormula, fig.achievement),
      f(
        `IF(OR([@Raggiungimento]="",[@[Peso obiettivo]]=""),"",[@[Peso obiettivo]]*[@Raggiungimento])`,
        fig.score
      ),
      f(esitoFormula, fig.esito),
      sourceLink(o.source),
    ];
  });
  columns[5].total = { function: "sum", result: pesoSum };
  columns[6].total = { function: "sum", result: nInd };
  columns[10].total = { function: "sum", result: scoreSum };
  fileColumn(ctx, columns, rows, model.operationalObjectives.map(objectiveKey));
  return {
    name: SHEET_NAMES.operational,
    tableName: TABLE_NAMES.operational,
    description:
      "Obiettivi operativi: somma dei pesi degli indicatori, grado di raggiungimento (Σ peso × grado) e punteggio (peso × raggiungimento)." +
      (hasBands(ctx) ? BANDS_DESCRIPTION : ""),
    columns,
    rows: atLeastOneRow(rows, columns.length),
    freeze: { rows: 1, cols: 1 },
    totalsRow: true,
    conditional: [...esitoConditionals(11), { kind: "dataBar", column: 9, color: "63BE7B" }],
  };
}

/** The `Indicatori` column the objectives count: the grade after the bands when there are any. */
function gradeColumn(ctx: Ctx): string {
  return hasBands(ctx) ? COUNTED_GRADE : "Grado finale";
}

function hasBands(ctx: Ctx): boolean {
  return (ctx.options.bands ?? []).length > 0;
}

const COUNTED_GRADE = "Grado riconosciuto";
const DECLARED_GRADE = "Grado dichiarato";

const BANDS_DESCRIPTION =
  " Il grado di ogni indicatore conta secondo le fasce di raggiungimento delle impostazioni (colonna Grado riconosciuto di Indicatori).";

function unitDirigente(model: PegModel, unitId: string | undefined): string | null {
  if (!unitId) return null;
  return model.units.find((u) => u.id === unitId)?.dirigente ?? null;
}

// ---- Indicatori --------------------------------------------------------------------------------

/** Indexes of the `Indicatori` columns that other code refers to. */
export const INDICATOR_COLUMNS = {
  target: 8,
  actual: 9,
  rule: 10,
  op: 11,
  targetValue: 12,
  deadline: 14,
  value: 15,
  weight: 16,
  esito: 17,
  grado: 18,
  esitoManuale: 19,
  gradoManuale: 20,
  esitoFinale: 22,
  gradoFinale: 23,
} as const;

function indicatorSheet(ctx: Ctx): SheetSpec {
  const { model } = ctx;
  const columns: ColumnSpec[] = [
    { header: "ID", width: 16, total: { label: "Totale" } },
    { header: "Codice obiettivo", width: 14 },
    { header: "Obiettivo", width: 40, wrap: true },
    { header: "Settore", width: 24, wrap: true },
    { header: "Indicatore", width: 45, wrap: true },
    { header: "Dimensione", width: 12 },
    { header: "Unità", width: 8 },
    { header: "Base", width: 12 },
    { header: "Target", width: 22, wrap: true },
    { header: "Consuntivo", width: 18, wrap: true },
    { header: "Regola", width: 20, wrap: true },
    // The rule in plain columns: the native Esito and Grado formulas compute over them.
    { header: NATIVE_HEADERS.op, width: 10, align: "center" },
    { header: NATIVE_HEADERS.target, width: 10 },
    { header: NATIVE_HEADERS.max, width: 10 },
    { header: NATIVE_HEADERS.deadline, numFmt: DATE_FMT, width: 11 },
    { header: NATIVE_HEADERS.value, width: 11 },
    { header: "Peso", numFmt: PCT, width: 8 },
    { header: "Esito", width: 16, align: "center" },
    { header: "Grado", numFmt: PCT1, width: 10 },
    { header: "Esito manuale", width: 16, align: "center" },
    { header: "Grado manuale", numFmt: PCT1, width: 10 },
    { header: "Nota", width: 30, wrap: true },
    { header: "Esito finale", width: 16, align: "center" },
    { header: "Grado finale", numFmt: PCT1, width: 10 },
  ];
  const bands = ctx.options.bands ?? [];
  // The grade counted after the bands, right after Grado finale (only when bands are set).
  const counted = hasBands(ctx) ? columns.length : -1;
  if (counted >= 0) columns.push({ header: COUNTED_GRADE, numFmt: PCT1, width: 12 });
  // The office's own declared achievement, as written in the plan: a value, compared by the audit.
  columns.push({ header: DECLARED_GRADE, numFmt: PCT1, width: 11 });
  columns.push({ header: "Origine", width: 20 });
  let weightSum = 0;
  // The plan year and check date the cached values were computed with: the live formulas get them
  // too, else Excel completes "Entro il 30/9" with the current year and contradicts the cache.
  const year = Number.isInteger(model.plan.year) ? String(model.plan.year) : null;
  const asOf = dateFormula(ctx.options.asOf);
  const asOfIso = isIsoDate(ctx.options.asOf) ? ctx.options.asOf : null;
  const rows = model.indicators.map((i) => {
    const base = latestBaseline(i);
    const plain = plainRule(i, { year: model.plan.year, asOf: asOfIso });
    const baseArg = hasRelative(i.rule) ? "[@Base]" : null;
    const status = call("PEG.STATUS", ["[@Target]", "[@Consuntivo]", baseArg, asOf, year]);
    const achievement = call("PEG.ACHIEVEMENT", ["[@Target]", "[@Consuntivo]", baseArg, year]);
    const manualStatus = i.manual?.status ? ESITO[i.manual.status] : null;
    const ruleText = (i.rule ? renderRule(i.rule) : "") || NO_VALUE;
    const manualGrade = num(i.manual?.achievement ?? null);
    weightSum += num(i.weight) ?? 0;
    const countedCell: SheetCellValue[] = [];
    if (counted >= 0) {
      const value = countedAchievement(i, bands) ?? NO_VALUE;
      // Too many bands for Excel's nesting limit: the value computed here (same rule, applyBands).
      countedCell.push(
        bands.length <= MAX_FORMULA_BANDS
          ? f(bandsFormula("[@[Grado finale]]", bands), value)
          : value
      );
    }
    return [
      i.id,
      i.objectiveCode,
      ctx.objectiveTitle.get(i.objectiveCode) ?? null,
      ctx.objectiveSettore.get(i.objectiveCode) ?? NO_SETTORE,
      i.name,
      i.dimension ?? null,
      i.unit ?? null,
      base,
      i.target,
      i.actual,
      f(ruleFormula(call("PEG.RULE", ["[@Target]", year]), ruleText), ruleText),
      plain.op,
      plain.target,
      plain.max,
      plain.deadline,
      valueCell(i, plain),
      num(i.weight),
      f(esitoFormula(asOf, status, ESITO[i.status]), ESITO[i.status]),
      f(gradoFormula(achievement, i.achievement ?? NO_VALUE), i.achievement ?? NO_VALUE),
      manualStatus,
      manualGrade,
      i.manual?.note ?? null,
      // The verdict rule of src/core/verdict.ts: a manual status wins; else a manual grade alone
      // decides (100% met, less missed, or partial for a target of several rules); else Esito.
      f(
        `IF([@[Esito manuale]]<>"",[@[Esito manuale]],IF(ISNUMBER([@[Grado manuale]]),` +
          `IF([@[Grado manuale]]>=1,${lit(ESITO.met)},` +
          (i.rule?.op === "all"
            ? `IF([@[Grado manuale]]>0,${lit(ESITO.partial)},${lit(ESITO.missed)})`
            : lit(ESITO.missed)) +
          `),[@Esito]))`,
        ESITO[finalStatus(i)]
      ),
      f(
        `IF(ISNUMBER([@[Grado manuale]]),[@[Grado manuale]],` +
          `IF([@[Esito manuale]]=${lit(ESITO.met)},1,` +
          `IF(OR([@[Esito manuale]]=${lit(ESITO.missed)},[@[Esito manuale]]=${lit(ESITO.overdue)}),0,[@Grado])))`,
        finalAchievement(i) ?? NO_VALUE
      ),
      ...countedCell,
      num(i.declaredAchievement ?? null),
      sourceLink(i.source),
    ];
  });
  columns[INDICATOR_COLUMNS.weight].total = { function: "sum", result: weightSum };
  fileColumn(
    ctx,
    columns,
    rows,
    model.indicators.map((i) => i.objectiveCode)
  );
  return {
    name: SHEET_NAMES.indicators,
    tableName: TABLE_NAMES.indicators,
    description:
      "Indicatori con target, consuntivo, esito e grado. Operatore, Valore target, Valore massimo, Scadenza e Valore consuntivo: la regola letta dal target, su cui Esito e Grado si ricalcolano. Esito manuale e Grado manuale, se compilati, prevalgono sul calcolo. Grado dichiarato: la percentuale di raggiungimento scritta nel piano." +
      (counted >= 0
        ? " Grado riconosciuto: il grado finale secondo le fasce di raggiungimento delle impostazioni."
        : ""),
    columns,
    rows: atLeastOneRow(rows, columns.length),
    freeze: { rows: 1, cols: 2 },
    conditional: [
      ...esitoConditionals(INDICATOR_COLUMNS.esito),
      ...esitoConditionals(INDICATOR_COLUMNS.esitoFinale),
      { kind: "dataBar", column: INDICATOR_COLUMNS.grado, color: "63BE7B" },
      { kind: "dataBar", column: INDICATOR_COLUMNS.gradoFinale, color: "63BE7B" },
      ...(counted >= 0
        ? [{ kind: "dataBar", column: counted, color: "63BE7B" } satisfies ConditionalSpec]
        : []),
    ],
    validations: [
      {
        column: INDICATOR_COLUMNS.weight,
        kind: "decimal",
        min: 0,
        max: 1,
        prompt: "Peso dell'indicatore tra 0% e 100%",
      },
      {
        column: INDICATOR_COLUMNS.op,
        kind: "list",
        values: [...OPERATORS],
        prompt:
          "Come si confronta il consuntivo: >=, >, <=, <, =, tra (Valore target..Valore massimo), entro (Scadenza), fatto",
      },
      {
        column: INDICATOR_COLUMNS.esitoManuale,
        kind: "list",
        values: [...ESITO_LIST],
        prompt: "Esito deciso da una persona: prevale su quello calcolato",
      },
      {
        column: INDICATOR_COLUMNS.gradoManuale,
        kind: "decimal",
        min: 0,
        max: 1,
        prompt: "Grado di raggiungimento tra 0% e 100%",
      },
    ],
  };
}

// ---- Pesi ----------------------------------------------------------------------------------------

/** The `Verifica` words of `Pesi`: the audit's sum check, src/core/weights.ts. */
export const WEIGHT_CHECK = WEIGHT_VERDICT_TEXT;

function weightSheet(ctx: Ctx): SheetSpec {
  const { model } = ctx;
  const ind = TABLE_NAMES.indicators;
  const columns: ColumnSpec[] = [
    { header: "Codice obiettivo", width: 14 },
    { header: "Obiettivo", width: 55, wrap: true },
    { header: "N. indicatori", numFmt: INT, width: 11 },
    { header: "Pesi indicati", numFmt: INT, width: 11 },
    { header: "Somma pesi", numFmt: PCT, width: 11 },
    { header: "Differenza", numFmt: PCT, width: 11 },
    { header: "Verifica", width: 16, align: "center" },
    { header: "Origine", width: 20 },
  ];
  // Every objective with indicators: the operational ones, then keys only indicators name.
  const keys: { key: string; title: string | null; source: string | undefined }[] =
    model.operationalObjectives.map((o) => ({
      key: objectiveKey(o),
      title: o.title,
      source: o.weightSource ?? o.source,
    }));
  const known = new Set(keys.map((k) => k.key));
  for (const i of model.indicators)
    if (!known.has(i.objectiveCode)) {
      known.add(i.objectiveCode);
      keys.push({
        key: i.objectiveCode,
        title: ctx.objectiveTitle.get(i.objectiveCode) ?? null,
        source: i.source,
      });
    }
  // The audit's tolerance (settings.weightTolerance) and its rule, so sheet and audit agree.
  const tolerance = ctx.options.weightTolerance ?? DEFAULT_SETTINGS.weightTolerance;
  const rows = keys.map(({ key, title, source }) => {
    const inds = ctx.byObjective.get(key) ?? [];
    const given = inds.filter((i) => num(i.weight) !== null);
    const check = checkWeightSum(
      inds.map((i) => num(i.weight)),
      tolerance
    );
    const agg = new Agg(`${ind}[Codice obiettivo]`, "[@[Codice obiettivo]]", ctx.exactObjectives);
    return [
      key,
      title,
      f(agg.count(), inds.length),
      f(agg.countNumbers(`${ind}[Peso]`), given.length),
      f(agg.sum(`${ind}[Peso]`), check.sum),
      // No weight at all is no difference to show (the audit says nothing either).
      f(`IF([@[Pesi indicati]]=0,"",[@[Somma pesi]]-1)`, given.length === 0 ? "" : check.diff),
      f(
        weightVerdictFormula(
          { count: "[@[N. indicatori]]", given: "[@[Pesi indicati]]", diff: "[@Differenza]" },
          tolerance
        ),
        WEIGHT_CHECK[check.verdict]
      ),
      sourceLink(source),
    ];
  });
  fileColumn(
    ctx,
    columns,
    rows,
    keys.map((k) => k.key)
  );
  return {
    name: SHEET_NAMES.weights,
    tableName: TABLE_NAMES.weights,
    description: "Verifica che i pesi degli indicatori di ogni obiettivo sommino a 100%.",
    columns,
    rows: atLeastOneRow(rows, columns.length),
    freeze: { rows: 1, cols: 1 },
    conditional: checkConditionals(
      6,
      [WEIGHT_CHECK.ok],
      // NESSUN PESO stays neutral: a plan without indicator weights is not an error.
      [WEIGHT_CHECK.missing, WEIGHT_CHECK.under, WEIGHT_CHECK.over]
    ),
  };
}

// ---- Report dirigenti -------------------------------------------------------------------------

export const REPORT_CHECK = {
  ok: "OK",
  total: "TOTALE DIVERSO",
  overMax: "VOCE OLTRE IL MASSIMO",
} as const;

function reportSheet(ctx: Ctx): SheetSpec {
  const { model } = ctx;
  const k = Math.max(1, ...model.reports.map((r) => r.components.length));
  const columns: ColumnSpec[] = [
    { header: "Codice obiettivo", width: 14, total: { label: "Totale" } },
    { header: "Dirigente", width: 20 },
    { header: "Relazione", width: 50, wrap: true },
  ];
  for (let j = 1; j <= k; j++)
    columns.push(
      { header: `Voce ${j}`, width: 22, wrap: true },
      { header: `Valore ${j}`, numFmt: NUM, width: 9 },
      { header: `Massimo ${j}`, numFmt: NUM, width: 9 }
    );
  const first = columns.length;
  columns.push(
    { header: "Totale dichiarato", numFmt: NUM, width: 11 },
    { header: "Totale calcolato", numFmt: NUM, width: 11 },
    { header: "Differenza", numFmt: NUM, width: 11 },
    { header: "Verifica", width: 20, align: "center" },
    { header: "Origine", width: 20 }
  );
  const valueRefs = Array.from({ length: k }, (_, j) => `[@[Valore ${j + 1}]]`);
  const overMax = Array.from(
    { length: k },
    (_, j) => `AND(ISNUMBER([@[Massimo ${j + 1}]]),N([@[Valore ${j + 1}]])>[@[Massimo ${j + 1}]])`
  );
  let computedSum = 0;
  let declaredSum = 0;
  const rows = model.reports.map((r) => {
    const cells: SheetCellValue[] = [r.objectiveCode, r.dirigente ?? null, r.text ?? null];
    let total = 0;
    let over = false;
    for (let j = 0; j < k; j++) {
      const c = r.components[j];
      cells.push(c?.label ?? null, num(c?.value), num(c?.max ?? null));
      if (c && Number.isFinite(c.value)) total += c.value;
      if (c && typeof c.max === "number" && c.value > c.max) over = true;
    }
    const declared = num(r.declaredTotal);
    const diff = declared === null ? null : declared - total;
    computedSum += total;
    declaredSum += declared ?? 0;
    let check: string = REPORT_CHECK.ok;
    if (over) check = REPORT_CHECK.overMax;
    else if (diff !== null && Math.abs(diff) > 1e-9) check = REPORT_CHECK.total;
    cells.push(
      declared,
      f(`SUM(${valueRefs.join(",")})`, total),
      f(`IF([@[Totale dichiarato]]="","",[@[Totale dichiarato]]-[@[Totale calcolato]])`, diff),
      f(
        `IF(OR(${overMax.join(",")}),${lit(REPORT_CHECK.overMax)},` +
          `IF(AND([@[Totale dichiarato]]<>"",ABS(N([@Differenza]))>0.000000001),${lit(REPORT_CHECK.total)},${lit(REPORT_CHECK.ok)}))`,
        check
      ),
      sourceLink(r.source)
    );
    return cells;
  });
  columns[first].total = { function: "sum", result: declaredSum };
  columns[first + 1].total = { function: "sum", result: computedSum };
  fileColumn(
    ctx,
    columns,
    rows,
    model.reports.map((r) => r.objectiveCode)
  );
  return {
    name: SHEET_NAMES.reports,
    tableName: TABLE_NAMES.reports,
    description: "Schede di valutazione dei dirigenti: voci, massimi e totali ricalcolati.",
    columns,
    rows: atLeastOneRow(rows, columns.length),
    freeze: { rows: 1, cols: 1 },
    totalsRow: true,
    conditional: checkConditionals(
      first + 3,
      [REPORT_CHECK.ok],
      [REPORT_CHECK.total, REPORT_CHECK.overMax]
    ),
  };
}

// ---- Verifiche ------------------------------------------------------------------------------------

const SEVERITY_LABEL: Record<Finding["severity"], string> = {
  error: "ERRORE",
  warning: "AVVISO",
  info: "INFO",
};

/** Where a finding without `where` points: its indicator, else its objective. */
function findingSource(ctx: Ctx, x: Finding): string | undefined {
  if (x.indicatorId) {
    const i = ctx.model.indicators.find((ind) => ind.id === x.indicatorId);
    if (i) return i.source;
  }
  if (x.objectiveCode) {
    const o = [...ctx.model.operationalObjectives, ...ctx.model.strategicObjectives].find(
      (ob) => objectiveKey(ob) === x.objectiveCode
    );
    if (o) return o.source;
  }
  return undefined;
}

function checkSheet(ctx: Ctx): SheetSpec {
  const columns: ColumnSpec[] = [
    { header: "Gravità", width: 10, align: "center" },
    { header: "Codice", width: 22 },
    { header: "Obiettivo", width: 14 },
    { header: "Indicatore", width: 16 },
    { header: "Messaggio", width: 80, wrap: true },
    { header: "Origine", width: 22 },
  ];
  const order: Record<string, number> = { error: 0, warning: 1, info: 2 };
  const findings = [...ctx.model.findings].sort(
    (a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3)
  );
  const rows = findings.map((x) => [
    SEVERITY_LABEL[x.severity] ?? x.severity,
    x.code,
    x.objectiveCode ?? null,
    x.indicatorId ?? null,
    x.message,
    sourceLink(x.where ?? findingSource(ctx, x)),
  ]);
  fileColumn(
    ctx,
    columns,
    rows,
    findings.map((x) => x.objectiveCode)
  );
  return {
    name: SHEET_NAMES.checks,
    tableName: TABLE_NAMES.checks,
    description: "Verifiche: errori e avvisi trovati nel piano, con il collegamento alla cella.",
    columns,
    rows: atLeastOneRow(rows, columns.length),
    freeze: { rows: 1, cols: 0 },
    conditional: [
      {
        kind: "textEquals",
        column: 0,
        text: "ERRORE",
        fill: ESITO_COLORS.missed.fill,
        font: ESITO_COLORS.missed.font,
      },
      {
        kind: "textEquals",
        column: 0,
        text: "AVVISO",
        fill: ESITO_COLORS.partial.fill,
        font: ESITO_COLORS.partial.font,
      },
    ],
  };
}

// ---- Riepilogo ----------------------------------------------------------------------------------

function summarySheet(ctx: Ctx): SheetSpec {
  const { model } = ctx;
  const ind = TABLE_NAMES.indicators;
  const op = TABLE_NAMES.operational;
  const withNames = ctx.options.withNames === true;
  const columns: ColumnSpec[] = [
    { header: "Settore", width: 34, wrap: true, total: { label: "Totale" } },
  ];
  if (withNames) columns.push({ header: "Dirigente", width: 22 });
  if (ctx.withFiles) columns.push({ header: FILE_HEADER, width: 18 });
  const base = columns.length;
  const countCols = [
    "Obiettivi",
    "Indicatori",
    "Raggiunti",
    "Parziali",
    "Non raggiunti",
    "Scaduti",
    "In corso",
    "Da valutare",
  ];
  for (const h of countCols) columns.push({ header: h, numFmt: INT, width: 11 });
  columns.push(
    { header: "% raggiunti", numFmt: PCT1, width: 11 },
    { header: "Raggiungimento medio", numFmt: PCT1, width: 14 },
    { header: "Punteggio", numFmt: NUM, width: 11 },
    { header: "Origine", width: 20 }
  );

  const totals = new Array<number>(countCols.length + 1).fill(0);
  const inGroup = (key: string, g: Group) =>
    (ctx.objectiveSettore.get(key) ?? NO_SETTORE) === g.settore &&
    (!ctx.withFiles || (ctx.objectiveFile.get(key) ?? "") === g.file);
  const rows = ctx.groups.map((group) => {
    const { settore } = group;
    const inds = model.indicators.filter((i) => inGroup(i.objectiveCode, group));
    const objs = model.operationalObjectives.filter((o) => inGroup(objectiveKey(o), group));
    const count = (s: string[]) => inds.filter((i) => s.includes(ESITO[finalStatus(i)])).length;
    const met = count([ESITO.met]);
    const partial = count([ESITO.partial]);
    const missed = count([ESITO.missed]);
    const overdue = count([ESITO.overdue]);
    const values = [
      objs.length,
      inds.length,
      met,
      partial,
      missed,
      overdue,
      count([ESITO.pending]),
      count([ESITO.qualitative, ESITO.unparsed]),
    ];
    const grades = objs
      .map((o) => ctx.figures.get(objectiveKey(o))?.achievement ?? null)
      .filter((g): g is number => g !== null);
    const scores = objs
      .map((o) => ctx.figures.get(objectiveKey(o))?.score ?? null)
      .filter((g): g is number => g !== null);
    values.forEach((v, j) => (totals[j] += v));
    const score = scores.reduce((a, b) => a + b, 0);
    totals[countCols.length] += score;
    const byFile = (t: string): [string, string][] =>
      ctx.withFiles ? [[`${t}[${FILE_HEADER}]`, `[@${FILE_HEADER}]`]] : [];
    const ai = new Agg(`${ind}[Settore]`, "[@Settore]", ctx.exactSettori, byFile(ind));
    const ao = new Agg(`${op}[Settore]`, "[@Settore]", ctx.exactSettori, byFile(op));
    const fin = `${ind}[Esito finale]`;
    const decided = met + partial + missed + overdue;
    const ragg = `${op}[Raggiungimento]`;
    const cells: SheetCellValue[] = [settore];
    if (withNames) cells.push(dirigentiOf(model, objs));
    if (ctx.withFiles) cells.push(group.file || null);
    cells.push(
      f(ao.count(), values[0]),
      f(ai.count(), values[1]),
      f(ai.countEq(fin, ESITO.met), met),
      f(ai.countEq(fin, ESITO.partial), partial),
      f(ai.countEq(fin, ESITO.missed), missed),
      f(ai.countEq(fin, ESITO.overdue), overdue),
      f(ai.countEq(fin, ESITO.pending), values[6]),
      f(`${ai.countEq(fin, ESITO.qualitative)}+${ai.countEq(fin, ESITO.unparsed)}`, values[7]),
      f(
        `IFERROR([@Raggiunti]/([@Raggiunti]+[@Parziali]+[@[Non raggiunti]]+[@Scaduti]),"")`,
        decided > 0 ? met / decided : null
      ),
      f(
        `IFERROR(${ao.average(ragg, ao.countNumbers(ragg))},"")`,
        grades.length ? grades.reduce((a, b) => a + b, 0) / grades.length : null
      ),
      f(ao.sum(`${op}[Punteggio]`), score),
      sourceLink(settoreSource(model, settore, objs))
    );
    return cells;
  });
  countCols.forEach((_, j) => (columns[base + j].total = { function: "sum", result: totals[j] }));
  columns[base + countCols.length + 2].total = {
    function: "sum",
    result: totals[countCols.length],
  };
  return {
    name: SHEET_NAMES.summary,
    tableName: TABLE_NAMES.summary,
    description:
      (ctx.withFiles ? "Riepilogo per file e settore" : "Riepilogo per settore") +
      ": indicatori raggiunti e non raggiunti, raggiungimento medio e punteggio." +
      (hasBands(ctx) ? BANDS_DESCRIPTION : ""),
    columns,
    rows: atLeastOneRow(rows, columns.length),
    freeze: { rows: 1, cols: 1 },
    totalsRow: true,
    conditional: [{ kind: "dataBar", column: base + countCols.length + 1, color: "63BE7B" }],
  };
}

/** Where a settore is written: its unit's cell, else its first objective's. */
function settoreSource(
  model: PegModel,
  settore: string,
  objs: PegModel["operationalObjectives"]
): string | undefined {
  const unit = model.units.find(
    (u) => (u.settore ?? u.servizio ?? u.area)?.trim() === settore && u.source
  );
  return unit?.source ?? objs[0]?.source;
}

function dirigentiOf(model: PegModel, objs: PegModel["operationalObjectives"]): string | null {
  const names = new Set<string>();
  for (const o of objs) {
    const d = o.dirigente ?? unitDirigente(model, o.unitId);
    if (d) names.add(d);
  }
  return names.size ? [...names].join(", ") : null;
}
