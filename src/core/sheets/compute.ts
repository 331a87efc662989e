/**
 * The numbers the structured sheets compute with native formulas, computed here the same way, so
 * that the cached results in the file equal what Excel or LibreOffice recompute, and the summary
 * shows the same figures as the workbook.
 */
import type { Indicator, OperationalObjective, PegModel, Status } from "../model";
import { applyBands, objectiveKey } from "../scores";
import { effectiveVerdict } from "../verdict";
import type { Band } from "../settings";
import { ESITO } from "./labels";

/** Label used where an objective or indicator has no settore. */
export const NO_SETTORE = "(settore non indicato)";

export { objectiveKey } from "../scores";

/** Status after a manual verdict: the one rule, src/core/verdict.ts. */
export function finalStatus(ind: Indicator): Status {
  return effectiveVerdict(ind).status;
}

/**
 * Achievement after a manual verdict, as the `Grado finale` column computes it: the one rule,
 * src/core/verdict.ts (a manual grade wins; else a manual RAGGIUNTO counts 1 and a manual NON
 * RAGGIUNTO / SCADUTO counts 0; else the computed grade).
 */
export function finalAchievement(ind: Indicator): number | null {
  return effectiveVerdict(ind).achievement;
}

/**
 * The grade that counts towards the objective, as the `Grado riconosciuto` column computes it: the
 * final grade after the settings' achievement bands (none = the final grade itself).
 */
export function countedAchievement(ind: Indicator, bands: readonly Band[] = []): number | null {
  const g = finalAchievement(ind);
  return g === null || bands.length === 0 ? g : applyBands(g, bands);
}

/** Settore (else servizio, else area) of a unit, for grouping. */
export function settoreOf(model: PegModel, unitId: string | undefined): string {
  if (!unitId) return NO_SETTORE;
  const u = model.units.find((x) => x.id === unitId);
  const name = u?.settore ?? u?.servizio ?? u?.area;
  return name && name.trim() !== "" ? name.trim() : NO_SETTORE;
}

export interface ObjectiveFigures {
  key: string;
  indicators: Indicator[];
  /** Indicators with a numeric final grade. */
  evaluated: number;
  /** Sum of the indicator weights given (fractions); 0 when none. */
  weightSum: number;
  /** Indicators that have a weight. */
  weighted: number;
  /**
   * Grado di raggiungimento of the objective (0..1): Σ peso × grado when weights are given (an
   * indicator not yet evaluated counts 0), else the mean grade; null while nothing is evaluated.
   * The grades are those counted after the settings' bands (countedAchievement).
   */
  achievement: number | null;
  /** Peso dell'obiettivo × raggiungimento, when the objective has a peso. */
  score: number | null;
  /** Esito of the objective (an ESITO word). */
  esito: string;
  /** Count of final Esito words among its indicators. */
  counts: Map<string, number>;
}

export function indicatorsByObjective(model: PegModel): Map<string, Indicator[]> {
  const m = new Map<string, Indicator[]>();
  for (const ind of model.indicators) {
    const list = m.get(ind.objectiveCode);
    if (list) list.push(ind);
    else m.set(ind.objectiveCode, [ind]);
  }
  return m;
}

/**
 * Figures of one objective, computed as the `Obiettivi operativi` formulas do. With `bands` (the
 * settings' achievement bands) each grade counts as the bands say, as in the sheet's formulas.
 */
export function objectiveFigures(
  objective: Pick<OperationalObjective, "code" | "id" | "weight">,
  indicators: Indicator[],
  bands: readonly Band[] = []
): ObjectiveFigures {
  const key = objectiveKey(objective);
  let weightSum = 0;
  let weighted = 0;
  let evaluated = 0;
  let product = 0;
  let gradeSum = 0;
  const counts = new Map<string, number>();
  for (const ind of indicators) {
    const g = countedAchievement(ind, bands);
    if (typeof ind.weight === "number") {
      weightSum += ind.weight;
      weighted++;
    }
    if (typeof g === "number") {
      evaluated++;
      gradeSum += g;
      if (typeof ind.weight === "number") product += ind.weight * g;
    }
    const word = ESITO[finalStatus(ind)];
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  let achievement: number | null = null;
  if (evaluated > 0) achievement = weightSum === 0 ? gradeSum / evaluated : product;
  const score =
    achievement !== null && typeof objective.weight === "number"
      ? objective.weight * achievement
      : null;
  return {
    key,
    indicators,
    evaluated,
    weightSum,
    weighted,
    achievement,
    score,
    esito: objectiveEsito(indicators.length, achievement, counts),
    counts,
  };
}

/** Mirrors the `Esito` formula of `Obiettivi operativi` (see build.ts). */
function objectiveEsito(
  n: number,
  achievement: number | null,
  counts: Map<string, number>
): string {
  const c = (w: string) => counts.get(w) ?? 0;
  if (n === 0) return ESITO.qualitative;
  if (c(ESITO.met) === n) return ESITO.met;
  if (achievement === null) {
    if (c(ESITO.overdue) > 0) return ESITO.overdue;
    if (c(ESITO.pending) > 0) return ESITO.pending;
    return ESITO.qualitative;
  }
  if (c(ESITO.pending) > 0) return ESITO.pending;
  if (achievement >= 0.9995) return ESITO.met;
  if (achievement > 0) return ESITO.partial;
  return ESITO.missed;
}

/**
 * True when COUNTIFS/SUMIFS criteria could match other keys than the one meant: wildcards
 * (`* ? ~`), a leading comparison (`< > =`), an empty key, or two keys a spreadsheet reads as the
 * same number ("1.1" and "1.10", "01" and "1"). Then the sheets use exact SUMPRODUCT comparisons.
 */
export function criteriaAmbiguous(keys: Iterable<string>): boolean {
  const numbers = new Map<number, string>();
  const folded = new Map<string, string>();
  for (const k of keys) {
    // Criteria and "=" both ignore case: "Settore a" and "SETTORE A" would be counted together.
    const f = k.toLowerCase();
    const seen = folded.get(f);
    if (seen !== undefined && seen !== k) return true;
    folded.set(f, k);
    if (k.trim() === "" || /[*?~]/.test(k) || /^\s*[<>=]/.test(k) || k.length > 250) return true;
    const t = k.trim();
    if (/^[+-]?\d+(?:[.,]\d+)?$/.test(t)) {
      const n = Number(t.replace(",", "."));
      const other = numbers.get(n);
      if (other !== undefined && other !== k) return true;
      numbers.set(n, k);
    }
  }
  return false;
}
