/**
 * The verdict that counts for an indicator (docs/model.md, "Manual verdicts"): an officer may set an
 * indicator's status and/or achievement by hand (Esito manuale / Grado manuale, with a note saying
 * why). This one rule is used by the model (the pipeline applies it), the audit, the structured
 * sheets (the `Esito finale` / `Grado finale` formulas of `Indicatori` write the same rule for the
 * spreadsheet, src/core/sheets/build.ts) and the summary. A note is mandatory; without it the
 * verdict still applies but OVERRIDE_WITHOUT_NOTE reports it.
 */
import type { Indicator, PegModel, Status } from "./model";

export function hasManualVerdict(ind: Indicator): boolean {
  const m = ind.manual;
  return !!m && (m.status !== undefined || m.achievement !== undefined);
}

/**
 * The status and achievement that count. Achievement: a manual grade wins; else a manual
 * RAGGIUNTO counts 1 and a manual NON RAGGIUNTO / SCADUTO counts 0; else the computed grade.
 * Status: a manual status wins; else a manual grade alone decides it (100% met, less missed, or
 * partial for a target of several rules); else the computed status. Applying it twice gives the
 * same verdict.
 */
export function effectiveVerdict(ind: Indicator): { status: Status; achievement: number | null } {
  const m = ind.manual;
  if (!m || !hasManualVerdict(ind)) return { status: ind.status, achievement: ind.achievement };
  let achievement: number | null;
  if (typeof m.achievement === "number") achievement = m.achievement;
  else if (m.status === "met") achievement = 1;
  else if (m.status === "missed" || m.status === "overdue") achievement = 0;
  else achievement = ind.achievement;
  if (m.status !== undefined) return { status: m.status, achievement };
  if (achievement === null) return { status: ind.status, achievement };
  return {
    status:
      achievement >= 1 ? "met" : ind.rule?.op === "all" && achievement > 0 ? "partial" : "missed",
    achievement,
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
