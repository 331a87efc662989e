/**
 * The PEG.* custom functions (docs/functions.md) as plain functions: argument conversion from
 * Excel values to src/core calls, and core errors turned into #VALUE! with the Italian message.
 * Registration lives in functions.ts; metadata in functions.json (English) and functions-it.json.
 */
import { objectiveScore, scoreTotal } from "../core/scores";
import { checkWeightsText, weightSum } from "../core/weights";
import { DEFAULT_SETTINGS } from "../core/settings";
import { evaluateTarget, readTarget, renderRule, type TargetContext } from "../core/targets";
import { ESITO } from "../core/sheets/labels";
import { isIsoDate, parseItalianDate } from "../core/dates";
import { dateSerialToIso, isBlankCell as isBlank } from "../core/cells";
import type { TargetRule } from "../core/model";

/** What Excel hands a custom function: a scalar, or a matrix for a range. */
export type ExcelArg = string | number | boolean | null | undefined;
export type ExcelMatrix = ExcelArg[][];

/** #VALUE! with an Italian message (a plain Error where the custom functions runtime is absent). */
export function valueError(message: string): Error {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    return new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      message
    ) as unknown as Error;
  }
  return new Error(message);
}

/** Run a core call; its Italian Error becomes #VALUE! with the same message. */
function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (typeof CustomFunctions !== "undefined" && e instanceof CustomFunctions.Error) throw e;
    throw valueError(e instanceof Error ? e.message : String(e));
  }
}

/** A single cell given where a range is expected arrives as a scalar: make it a 1×1 matrix. */
function matrix(v: ExcelMatrix | ExcelArg): ExcelMatrix {
  return Array.isArray(v) ? v : [[v]];
}

/** Target text: numbers keep Excel's plain digits ("15"), blanks are an error. */
function targetText(target: ExcelArg): string {
  if (isBlank(target))
    throw valueError("Target mancante: indica il target da leggere (es. >=15, Entro il 30/9).");
  if (typeof target === "boolean") return target ? "SI" : "NO";
  return String(target).trim();
}

/** A date argument (alla_data): an Excel date, "2025-12-31" or "31/12/2025", as ISO. */
function isoArg(v: ExcelArg, what: string): string | null {
  if (isBlank(v)) return null;
  if (typeof v === "number") {
    const iso = dateSerialToIso(v);
    if (iso) return iso;
  } else if (typeof v === "string") {
    const s = v.trim();
    if (isIsoDate(s)) return s;
    const d = parseItalianDate(s);
    if (d && !d.from) return d.date;
  }
  throw valueError(`${what} non è una data: "${String(v)}". Scrivi una data, es. 31/12/2025.`);
}

function hasDeadline(rule: TargetRule): boolean {
  return rule.op === "deadline" || (rule.rules ?? []).some(hasDeadline);
}

/**
 * The consuntivo: blank is "no actual yet"; a number against a deadline is an Excel date
 * (dates reach custom functions as serial numbers).
 */
function actualArg(v: ExcelArg, rule: TargetRule): string | number | boolean | Date | null {
  if (isBlank(v)) return null;
  if (typeof v === "number" && hasDeadline(rule)) {
    // A date cell reaches a custom function as its serial (src/core/cells.ts says which numbers are).
    const iso = dateSerialToIso(v);
    if (iso) return new Date(`${iso}T00:00:00Z`);
  }
  return typeof v === "string" ? v.trim() : (v as string | number | boolean);
}

function baseArg(v: ExcelArg): string | number | null {
  if (isBlank(v)) return null;
  return typeof v === "boolean" ? (v ? "SI" : "NO") : (v as string | number);
}

/**
 * The plan year (anno): blank is "not given"; else an integer 1990..2100 (a number or its digits).
 * The structured sheets pass it so that Excel recalculates with the plan's year, not today's.
 */
function yearArg(v: ExcelArg): number | null {
  if (isBlank(v)) return null;
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v.trim()) : NaN;
  if (Number.isInteger(n) && n >= 1990 && n <= 2100) return n;
  throw valueError(
    `anno non valido: "${String(v)}". Scrivi l'anno del piano come numero intero tra 1990 e 2100, es. 2025.`
  );
}

/** Year that completes dates written without one: anno, else the check date's, else today's. */
function planYear(year: number | null, asOfIso: string | null): number {
  if (year !== null) return year;
  return asOfIso ? Number(asOfIso.slice(0, 4)) : new Date().getFullYear();
}

function evaluate(
  target: ExcelArg,
  actual: ExcelArg,
  base?: ExcelArg,
  asOf?: ExcelArg,
  year?: ExcelArg
) {
  const text = targetText(target);
  const asOfIso = isoArg(asOf, "alla_data");
  const ctx: TargetContext = {
    year: planYear(yearArg(year), asOfIso),
    asOf: asOfIso,
    baseline: baseArg(base),
  };
  const rule = readTarget(text, ctx);
  return evaluateTarget(rule, actualArg(actual, rule), ctx);
}

/**
 * Sum of the weights as a fraction: 20, 0,2 and "20%" all mean 20%.
 * @customfunction WEIGHTSUM
 * @param weights The weights (a range).
 * @returns The sum as a fraction (1 = 100%).
 */
export function WEIGHTSUM(weights: ExcelMatrix): number {
  return wrap(() => weightSum(matrix(weights)));
}

/**
 * "OK", or an Italian sentence saying how much is missing or exceeding.
 * @customfunction CHECKWEIGHTS
 * @param weights The weights (a range).
 * @param [expected] The expected total (default 100%).
 */
export function CHECKWEIGHTS(weights: ExcelMatrix, expected?: ExcelArg): string {
  // The default tolerance of the settings (weightTolerance): the audit and the Pesi sheet use it too.
  return wrap(() =>
    checkWeightsText(
      matrix(weights),
      isBlank(expected) ? 1 : expected,
      DEFAULT_SETTINGS.weightTolerance
    )
  );
}

/**
 * Total of the score components (80 and 20 give 100); an error naming a component over its maximum.
 * @customfunction SCORE
 * @param components The components (a range).
 * @param [maxima] Their maxima, in the same order.
 */
export function SCORE(components: ExcelMatrix, maxima?: ExcelMatrix | ExcelArg): number {
  return wrap(() =>
    scoreTotal(
      matrix(components),
      maxima === null || maxima === undefined ? undefined : matrix(maxima)
    )
  );
}

/**
 * Achievement 0..1 (blank while pending, qualitative or unreadable).
 * @customfunction ACHIEVEMENT
 * @param target The target as written.
 * @param actual The actual value (consuntivo).
 * @param [baseline] The baseline for relative targets.
 * @param [year] The plan year, for dates written without one (default: the current year).
 */
export function ACHIEVEMENT(
  target: ExcelArg,
  actual: ExcelArg,
  baseline?: ExcelArg,
  year?: ExcelArg
): number | string {
  const e = wrap(() => evaluate(target, actual, baseline, null, year));
  return e.achievement ?? "";
}

/**
 * RAGGIUNTO, PARZIALE, NON RAGGIUNTO, IN CORSO, SCADUTO, DA VALUTARE or NON LEGGIBILE.
 * @customfunction STATUS
 * @param target The target as written.
 * @param actual The actual value (consuntivo).
 * @param [baseline] The baseline for relative targets.
 * @param [asOf] The check date: deadlines passed by then with no actual are SCADUTO.
 * @param [year] The plan year, for dates written without one (default: asOf's year, else the current).
 */
export function STATUS(
  target: ExcelArg,
  actual: ExcelArg,
  baseline?: ExcelArg,
  asOf?: ExcelArg,
  year?: ExcelArg
): string {
  return ESITO[wrap(() => evaluate(target, actual, baseline, asOf, year)).status];
}

/**
 * TRUE when the target is met.
 * @customfunction MET
 * @param target The target as written.
 * @param actual The actual value (consuntivo).
 * @param [baseline] The baseline for relative targets.
 * @param [year] The plan year, for dates written without one (default: the current year).
 */
export function MET(
  target: ExcelArg,
  actual: ExcelArg,
  baseline?: ExcelArg,
  year?: ExcelArg
): boolean {
  return wrap(() => evaluate(target, actual, baseline, null, year)).status === "met";
}

/**
 * How the target was read, e.g. "≥ 15", "entro 30/09/2025".
 * @customfunction RULE
 * @param target The target as written.
 * @param [year] The plan year, for dates written without one (default: the current year).
 */
export function RULE(target: ExcelArg, year?: ExcelArg): string {
  const text = targetText(target);
  const planned = yearArg(year);
  return wrap(() => renderRule(readTarget(text, { year: planYear(planned, null) })));
}

/**
 * Sum of weight × achievement over an objective's indicators.
 * @customfunction OBJECTIVESCORE
 * @param weights The indicator weights (a range).
 * @param achievements Their achievements, same size.
 */
export function OBJECTIVESCORE(weights: ExcelMatrix, achievements: ExcelMatrix): number {
  return wrap(() => objectiveScore(matrix(weights), matrix(achievements)));
}

/** Every custom function by id: what functions.ts registers and the metadata files describe. */
export const CUSTOM_FUNCTIONS = {
  WEIGHTSUM,
  CHECKWEIGHTS,
  SCORE,
  ACHIEVEMENT,
  STATUS,
  MET,
  RULE,
  OBJECTIVESCORE,
} as const;
