/**
 * Manual verdicts: an officer may set an indicator's status and/or achievement by hand (with a
 * note saying why). They win over the computed ones. A note is mandatory; without it the verdict
 * still applies but OVERRIDE_WITHOUT_NOTE reports it.
 */
import type { Indicator, PegModel, Status } from "../model";

export function hasManualVerdict(ind: Indicator): boolean {
  const m = ind.manual;
  return !!m && (m.status !== undefined || m.achievement !== undefined);
}

/** The status and achievement that count for an indicator, manual verdict first. */
export function effectiveVerdict(ind: Indicator): { status: Status; achievement: number | null } {
  const m = ind.manual;
  if (!m || !hasManualVerdict(ind)) return { status: ind.status, achievement: ind.achievement };
  if (m.status !== undefined) {
    let achievement: number | null;
    if (m.achievement !== undefined) achievement = m.achievement;
    else if (m.status === "met") achievement = 1;
    else if (
      (m.status === "missed" || m.status === "partial") &&
      ind.achievement !== null &&
      ind.achievement < 1
    )
      achievement = ind.achievement;
    else if (m.status === "missed") achievement = 0;
    else if (m.status === "partial") achievement = ind.achievement;
    else achievement = null;
    return { status: m.status, achievement };
  }
  // Only an achievement: the status follows from it.
  const a = m.achievement ?? null;
  if (a === null) return { status: ind.status, achievement: null };
  return {
    status: a >= 1 ? "met" : ind.rule?.op === "all" && a > 0 ? "partial" : "missed",
    achievement: a,
  };
}

/** A copy of the model where every indicator's status/achievement is its effective verdict. */
export function applyManualVerdicts(model: PegModel): PegModel {
  if (!model.indicators.some(hasManualVerdict)) return model;
  return {
    ...model,
    indicators: model.indicators.map((ind) =>
      hasManualVerdict(ind) ? { ...ind, ...effectiveVerdict(ind) } : ind
    ),
  };
}
