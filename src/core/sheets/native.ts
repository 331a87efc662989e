/**
 * The rule of each target in plain columns (Operatore, Valore target, Valore massimo, Scadenza,
 * Valore consuntivo) and the native formulas of `Esito` and `Grado` over them, so the structured
 * workbook computes in Excel without the add-in and in LibreOffice. `nativeOutcome` computes here
 * what the formulas compute there; a row relies on its formula only when that gives the target
 * engine's verdict (evaluateTarget). Rules the formulas cannot express (several parts, a verdict
 * from words) keep `PEG.*` inside IFERROR with the engine's value: without the add-in the cell shows
 * that value, never #NAME?.
 */
import type { Indicator, Status, TargetRule } from "../model";
import { comparedValue, type ComparedValue } from "../targets";
import { isoToExcelSerial } from "../cells";
import { ESITO, NO_VALUE } from "./labels";
import type { FormulaCell, SheetCellValue } from "./types";

/** Operator words of the `Operatore` column (the validation list offers them). */
export const OPERATORS = [">=", ">", "<=", "<", "=", "tra", "entro", "fatto"] as const;
export type Operator = (typeof OPERATORS)[number];

export const NATIVE_HEADERS = {
  op: "Operatore",
  target: "Valore target",
  max: "Valore massimo",
  deadline: "Scadenza",
  value: "Valore consuntivo",
} as const;

export const DATE_FMT = "dd/mm/yyyy";

/** The largest grade of a target not reached (the engine's 1 - 1e-9). */
const JUST_BELOW_ONE = 0.999999999;

const OP_WORD: Record<ComparedValue["op"], Operator> = {
  ">=": ">=",
  ">": ">",
  "<=": "<=",
  "<": "<",
  "=": "=",
  between: "tra",
  deadline: "entro",
  done: "fatto",
};

/** The plain columns of one indicator. */
export interface PlainRule {
  op: Operator | null;
  target: number | null;
  max: number | null;
  /** Excel serial of the deadline. */
  deadline: number | null;
  /** The actual as the formulas compare it (a completion date as an Excel serial). */
  value: number | null;
}

export interface NativeContext {
  year?: number;
  asOf?: string | null;
}

function finite(n: unknown): n is number {
  return typeof n === "number" && Number.isFinite(n);
}

function leafOf(rule: TargetRule | null): TargetRule | null {
  if (!rule) return null;
  if (rule.op === "all") return rule.rules?.length === 1 ? leafOf(rule.rules[0]) : null;
  return rule;
}

/** The rule's own columns (operator, value, deadline), from the rule alone. */
function ruleColumns(rule: TargetRule | null): Omit<PlainRule, "value"> {
  const none = { op: null, target: null, max: null, deadline: null };
  const leaf = leafOf(rule);
  if (!leaf) return none;
  switch (leaf.op) {
    case ">=":
    case ">":
    case "<=":
    case "<":
    case "=":
      return finite(leaf.value) ? { ...none, op: leaf.op, target: leaf.value } : none;
    case "between":
      return finite(leaf.value)
        ? {
            ...none,
            op: "tra",
            target: leaf.value,
            max: finite(leaf.valueMax) ? leaf.valueMax : leaf.value,
          }
        : none;
    case "deadline": {
      const serial = leaf.date ? isoToExcelSerial(leaf.date) : null;
      return serial === null ? none : { ...none, op: "entro", deadline: serial };
    }
    case "done":
      return { ...none, op: "fatto" };
    default:
      return none;
  }
}

/** What the Esito and Grado formulas give for these columns (the mirror of esitoFormula/gradoFormula). */
export function nativeOutcome(
  p: PlainRule,
  actualBlank: boolean,
  asOfSerial: number | null
): { status: Status; achievement: number | null } | null {
  if (p.op === null) return null;
  const v = p.value;
  if (v === null) {
    if (!actualBlank) return null;
    const late =
      p.op === "entro" && p.deadline !== null && asOfSerial !== null && asOfSerial > p.deadline;
    return { status: late ? "overdue" : "pending", achievement: null };
  }
  // Blank cells count 0 in the formulas' comparisons.
  const t = p.target ?? 0;
  const hi = p.max ?? 0;
  let met: boolean;
  let ratio = 0;
  switch (p.op) {
    case ">=":
    case ">":
      met = p.op === ">" ? v > t : v >= t;
      ratio = t > 0 ? v / t : 0;
      break;
    case "<=":
    case "<":
      met = p.op === "<" ? v < t : v <= t;
      ratio = v > 0 ? t / v : 0;
      break;
    case "=":
      met = Math.abs(v - t) <= 1e-9 * Math.max(1, Math.abs(t));
      break;
    case "tra":
      met = v >= t && v <= hi;
      ratio = v < t ? (t > 0 ? v / t : 0) : v > 0 ? hi / v : 0;
      break;
    case "entro":
      met = v <= (p.deadline ?? 0);
      break;
    case "fatto":
      met = v > 0;
      break;
  }
  return met
    ? { status: "met", achievement: 1 }
    : { status: "missed", achievement: Math.max(0, Math.min(JUST_BELOW_ONE, ratio)) };
}

function isBlank(actual: Indicator["actual"]): boolean {
  return actual === null || (typeof actual === "string" && actual.trim() === "");
}

function sameOutcome(
  a: { status: Status; achievement: number | null } | null,
  ind: Pick<Indicator, "status" | "achievement">
): boolean {
  if (!a || a.status !== ind.status) return false;
  if (a.achievement === null || ind.achievement === null) return a.achievement === ind.achievement;
  return a.achievement === ind.achievement;
}

/**
 * The plain columns of an indicator, with the actual's number only where the native formulas then
 * give the engine's verdict; where they would not, the operator is left empty too when the row has
 * no actual (so the formula falls back to the engine's value).
 */
export function plainRule(ind: Indicator, ctx: NativeContext): PlainRule {
  const cols = ruleColumns(ind.rule);
  const asOf = ctx.asOf ? isoToExcelSerial(ctx.asOf) : null;
  const blank = isBlank(ind.actual);
  let out: PlainRule = { ...cols, value: null };
  // Relative targets: the comparison with the baseline, when the baseline gives it.
  const baseline = latestBaseline(ind);
  const cv =
    ind.rule && !blank
      ? comparedValue(ind.rule, ind.actual, {
          year: ctx.year,
          asOf: ctx.asOf ?? null,
          baseline,
        })
      : null;
  if (cv) {
    const fromValue: PlainRule = {
      op: OP_WORD[cv.op],
      target: cv.target ?? null,
      max: cv.max ?? null,
      deadline: cv.date ? isoToExcelSerial(cv.date) : null,
      value: cv.done ? isoToExcelSerial(cv.done) : (cv.value ?? null),
    };
    if (fromValue.value !== null && sameOutcome(nativeOutcome(fromValue, false, asOf), ind))
      out = fromValue;
  }
  if (out.value === null && blank && !sameOutcome(nativeOutcome(out, true, asOf), ind))
    out = { op: null, target: null, max: null, deadline: null, value: null };
  return out;
}

function latestBaseline(ind: Indicator): string | null {
  const b = ind.baseline;
  if (!b) return null;
  const vals = Object.values(b).filter((v) => /\d/.test(v));
  return vals.length > 0 ? vals[vals.length - 1] : null;
}

// ---- formulas (en-US, structured references, without "=") -------------------------------------

const O = `[@${NATIVE_HEADERS.op}]`;
const T = `[@[${NATIVE_HEADERS.target}]]`;
const M = `[@[${NATIVE_HEADERS.max}]]`;
const D = `[@${NATIVE_HEADERS.deadline}]`;
const V = `[@[${NATIVE_HEADERS.value}]]`;
const C = "[@Consuntivo]";

function lit(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The operators as an array constant: MATCH gives each its position (CHOOSE picks by it). */
const OPS = `{${OPERATORS.map(lit).join(",")}}`;
const K = `MATCH(${O},${OPS},0)`;
const MET =
  `CHOOSE(${K},${V}>=${T},${V}>${T},${V}<=${T},${V}<${T},ABS(${V}-${T})<=1E-9*MAX(1,ABS(${T})),` +
  `AND(${V}>=${T},${V}<=${M}),${V}<=${D},${V}>0)`;
/** The grade of a target not reached, by operator (0 for =, entro, fatto). */
const RATIO =
  `CHOOSE(${K},IF(${T}>0,${V}/${T},0),IF(${T}>0,${V}/${T},0),IF(${V}>0,${T}/${V},0),` +
  `IF(${V}>0,${T}/${V},0),0,IF(${V}<${T},IF(${T}>0,${V}/${T},0),IF(${V}>0,${M}/${V},0)),0,0)`;
const NO_ACTUAL = `AND(TRIM(${C}&"")="",${O}<>"")`;

/**
 * Esito: the comparison when the row has a number to compare; no actual: IN CORSO (SCADUTO past
 * the deadline at the check date); else the add-in's PEG.STATUS. Without the add-in (#NAME?), or
 * an operator that is none of OPERATORS, the engine's value.
 */
export function esitoFormula(asOf: string | null, pegStatus: string, cached: string): string {
  const pending = asOf
    ? `IF(AND(${O}="entro",ISNUMBER(${D}),${asOf}>${D}),${lit(ESITO.overdue)},${lit(ESITO.pending)})`
    : lit(ESITO.pending);
  return (
    `IFERROR(IF(ISNUMBER(${V}),IF(${MET},${lit(ESITO.met)},${lit(ESITO.missed)}),` +
    `IF(${NO_ACTUAL},${pending},${pegStatus})),${lit(cached)})`
  );
}

/**
 * Grado: 1 when Esito says RAGGIUNTO, else the ratio the engine uses (below 1); no actual: none;
 * else the add-in's PEG.ACHIEVEMENT, or the engine's value (see esitoFormula).
 */
export function gradoFormula(pegAchievement: string, cached: number | string): string {
  const value = typeof cached === "number" ? String(cached) : lit(cached);
  return (
    `IFERROR(IF([@Esito]=${lit(ESITO.met)},1,IF(ISNUMBER(${V}),MAX(0,MIN(${JUST_BELOW_ONE},${RATIO})),` +
    `IF(${NO_ACTUAL},${lit(NO_VALUE)},${pegAchievement}))),${value})`
  );
}

/** The rule text: the add-in's PEG.RULE, or the text read here without it. */
export function ruleFormula(pegRule: string, cached: string): string {
  return `IFERROR(${pegRule},${lit(cached)})`;
}

/**
 * The `Valore consuntivo` cell: a formula over `Consuntivo` when the actual is a number in the same
 * scale (×1, ×100, ÷100), so a typed actual recomputes; else the number read from the actual text;
 * dates as DATE() shown as dates.
 */
export function valueCell(ind: Indicator, p: PlainRule): SheetCellValue {
  const v = p.value;
  if (v === null) return null;
  const isDate = p.op === "entro";
  const cell = (formula: string): FormulaCell => {
    const c: FormulaCell = { formula, result: v };
    if (isDate) c.numFmt = DATE_FMT;
    return c;
  };
  if (finite(ind.actual)) {
    const a = ind.actual;
    if (a === v) return cell(`IF(ISNUMBER(${C}),${C},"")`);
    if (!isDate && a * 100 === v) return cell(`IF(ISNUMBER(${C}),${C}*100,"")`);
    if (!isDate && a / 100 === v) return cell(`IF(ISNUMBER(${C}),${C}/100,"")`);
  }
  if (isDate) {
    const ms = Date.UTC(1899, 11, 30) + v * 86400000;
    const d = new Date(ms);
    return cell(`DATE(${d.getUTCFullYear()},${d.getUTCMonth() + 1},${d.getUTCDate()})`);
  }
  return v;
}
