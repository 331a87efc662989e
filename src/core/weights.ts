/**
 * Weights (docs/weights.md): the one place that says how a weight is read, how a list of weights
 * becomes fractions and whether an objective's weights add up to 100%. The recognizer, the audit
 * (WEIGHTS_SUM), the `Pesi` sheet's verdict formula and PEG.SOMMAPESI / PEG.VERIFICAPESI all use
 * it, so they never disagree.
 *
 * A weight is read cell by cell: `20`, `0,2`, `"20%"`, `20 per cento`, a 0.2 shown as `20%` all
 * mean 20%; a bare number above 1 is percentage points, up to 1 a fraction (a bare `1` is 100%).
 */
import { formatItalianNumber, formatPercent, parseItalianQuantity } from "./numbers";
import { flattenRange as flatten, isBlankCell as isBlank } from "./cells";

/**
 * A weight as a fraction: `20` -> 0.2, `0,2` -> 0.2, `"20%"` -> 0.2, 0.2 -> 0.2, 0.2 shown as
 * `20%` -> 0.2, `100` -> 1, `1` -> 1 (a number <= 1 is already a fraction). Null when there is none
 * (blank, negative, text that is not one number).
 */
export function readWeight(
  value: string | number | boolean | Date | null | undefined,
  displayed?: string | null
): number | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return null;
    if (typeof displayed === "string" && displayed.includes("%")) return value;
    return value > 1 ? value / 100 : value;
  }
  if (typeof value !== "string") {
    if (typeof displayed === "string" && displayed.trim() !== "") return readWeight(displayed);
    return null;
  }
  const q = parseItalianQuantity(value);
  if (!q || q.value < 0) return null;
  if (q.unit === "percent") return q.value / 100;
  return q.value > 1 ? q.value / 100 : q.value;
}

/**
 * Weights as fractions, each read by readWeight (any mix of points, fractions and text). Blank cells
 * give null; a cell that is not a weight throws an Italian error naming it.
 */
export function weightFractions(values: unknown): (number | null)[] {
  return flatten(values).map((v, i) => {
    if (isBlank(v)) return null;
    const n =
      typeof v === "number"
        ? v
        : typeof v === "string"
          ? parseItalianQuantity(v)?.value
          : undefined;
    if (n === undefined || !Number.isFinite(n))
      throw new Error(`Il peso n. ${i + 1} ('${String(v)}') non è un numero`);
    if (n < 0) throw new Error(`Il peso n. ${i + 1} (${String(v)}) è negativo`);
    return readWeight(v as string | number) ?? 0;
  });
}

/** The verdict on an objective's weights, in the words the `Pesi` sheet shows. */
export type WeightVerdict = "ok" | "none" | "missing" | "under" | "over";

export const WEIGHT_VERDICT_TEXT: Record<WeightVerdict, string> = {
  ok: "OK",
  none: "NESSUN PESO",
  missing: "PESI MANCANTI",
  under: "SOTTO 100%",
  over: "SOPRA 100%",
};

export interface WeightCheck {
  /** Σ of the weights given (fractions). */
  sum: number;
  /** sum − expected: negative when weights are missing, positive when they exceed. */
  diff: number;
  verdict: WeightVerdict;
}

/** Digits a sum is rounded to before it is compared: the same in JS and in the sheet's ROUND. */
export const WEIGHT_ROUND_DIGITS = 9;

function round(n: number): number {
  const k = 10 ** WEIGHT_ROUND_DIGITS;
  return Math.round(n * k) / k;
}

/**
 * The sum check (docs/weights.md): with no weight `none`; over the expected total by more than the
 * tolerance `over` (even when some weights are missing: they could only add); some indicators
 * without weight `missing`; under by more than the tolerance `under`; else `ok`. The `Pesi` sheet's
 * formula (weightVerdictFormula) is this function written for the spreadsheet.
 */
export function checkWeightSum(
  weights: readonly (number | null)[],
  tolerance: number,
  expected = 1
): WeightCheck {
  const given = weights.filter((w): w is number => w !== null);
  const sum = round(given.reduce((s, w) => s + w, 0));
  const diff = round(sum - expected);
  let verdict: WeightVerdict;
  if (given.length === 0) verdict = "none";
  else if (diff > tolerance) verdict = "over";
  else if (given.length < weights.length) verdict = "missing";
  else if (-diff > tolerance) verdict = "under";
  else verdict = "ok";
  return { sum, diff, verdict };
}

function lit(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * checkWeightSum as a native en-US formula over three cells: how many indicators, how many weights
 * given, and the difference (sum − 1). The texts are WEIGHT_VERDICT_TEXT.
 */
export function weightVerdictFormula(
  cells: { count: string; given: string; diff: string },
  tolerance: number
): string {
  const t = WEIGHT_VERDICT_TEXT;
  const tol = String(Number(tolerance.toPrecision(15)));
  const d = `ROUND(${cells.diff},${WEIGHT_ROUND_DIGITS})`;
  return (
    `IF(${cells.given}=0,${lit(t.none)},` +
    `IF(${d}>${tol},${lit(t.over)},` +
    `IF(${cells.given}<${cells.count},${lit(t.missing)},` +
    `IF(-${d}>${tol},${lit(t.under)},${lit(t.ok)}))))`
  );
}

/** Percent text for a fraction, at most two decimals: 0.8 -> `80%`, 1/3 -> `33,33%`. */
function weightText(fraction: number): string {
  return formatPercent(fraction, 2);
}

/** Percentage points of a difference: 0.07 -> `7`, 0.0007 -> `0,07`. */
export function pointsText(fraction: number): string {
  return formatItalianNumber(Math.round(Math.abs(fraction) * 10000) / 100);
}

/**
 * PEG.VERIFICAPESI: "OK" when the weights add up to the expected total (100% unless told), else an
 * Italian sentence saying what is missing or exceeding.
 */
export function checkWeightsText(values: unknown, expected: unknown, tolerance: number): string {
  const weights = weightFractions(values).filter((w): w is number => w !== null);
  const target = expectedFraction(expected);
  if (weights.length === 0)
    return `Nessun peso indicato: i pesi devono sommare a ${weightText(target)}`;
  const { sum, diff, verdict } = checkWeightSum(weights, tolerance, target);
  if (verdict === "ok") return "OK";
  if (verdict === "under")
    return `I pesi sommano a ${weightText(sum)}: mancano ${pointsText(diff)} punti percentuali`;
  return `I pesi sommano a ${weightText(sum)}: eccedono di ${pointsText(diff)} punti percentuali`;
}

/** Sum of weights as a fraction (PEG.SOMMAPESI). */
export function weightSum(values: unknown): number {
  return round(weightFractions(values).reduce<number>((s, w) => s + (w ?? 0), 0));
}

/** Expected total as a fraction: 1, 100, "100%" all mean 100% (read as a weight). */
function expectedFraction(expected: unknown): number {
  const w =
    expected === undefined || expected === null || expected === ""
      ? 1
      : typeof expected === "number" || typeof expected === "string"
        ? readWeight(expected)
        : null;
  if (w === null || w <= 0)
    throw new Error(`Il totale atteso ('${String(expected)}') non è un numero positivo`);
  return w;
}
