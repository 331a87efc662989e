/**
 * ACTUAL_MISSING (info): no actual for a target that needs one. Before year end every target is
 * still open, so by default ("auto") it is reported only where reporting has started: the as-of
 * date is past the plan year, or at least half of the plan's indicators have an actual (the
 * consuntivo is being filled in), or other indicators of the same objective have one. A stray
 * number in a plan without a consuntivo must not turn every target into a finding.
 * Deadlines still ahead of the as-of date, qualitative and unreadable targets, overdue ones
 * (TARGET_OVERDUE says it) and manual verdicts are left out.
 */
import type { Indicator } from "../../model";
import type { AuditContext, Check } from "../context";
import { hasManualVerdict } from "../../verdict";
import { indicatorLabel, itDate, quote } from "../text";

function hasActual(ind: Indicator): boolean {
  return ind.actual !== null && String(ind.actual).trim() !== "";
}

/** Whole plan in reporting: "always", as-of past the plan year, or half the indicators have actuals. */
function planReporting(ctx: AuditContext): boolean {
  const mode = ctx.settings.actualMissing;
  if (mode !== "auto") return mode === "always";
  if (ctx.asOf && ctx.year !== undefined && ctx.asOf > `${ctx.year}-12-31`) return true;
  const inds = ctx.model.indicators;
  return inds.length > 0 && inds.filter(hasActual).length >= inds.length / 2;
}

function laterDeadline(ind: Indicator, asOf: string | undefined): boolean {
  const d = ind.rule?.op === "deadline" ? ind.rule.date : undefined;
  return !!d && !!asOf && d > asOf;
}

export const actualMissing: Check = {
  code: "ACTUAL_MISSING",
  run(ctx) {
    if (ctx.settings.actualMissing === "never") return [];
    const whole = planReporting(ctx);
    const started = new Set<string>();
    if (!whole)
      for (const ind of ctx.model.indicators) if (hasActual(ind)) started.add(ind.objectiveCode);
    const out = [];
    for (const ind of ctx.model.indicators) {
      if (!whole && !started.has(ind.objectiveCode)) continue;
      if (hasActual(ind) || hasManualVerdict(ind)) continue;
      if (ind.status !== "pending" || !ind.target?.trim()) continue;
      if (ind.rule && (ind.rule.op === "qualitative" || ind.rule.op === "unparsed")) continue;
      if (laterDeadline(ind, ctx.asOf)) continue;
      const at = ctx.asOf ? ` al ${itDate(ctx.asOf)}` : "";
      out.push(
        ctx.finding(
          "ACTUAL_MISSING",
          "info",
          `Manca il consuntivo${at} per ${indicatorLabel(ind)} (target ${quote(ind.target, 60)})`,
          {
            objectiveCode: ind.objectiveCode,
            indicatorId: ind.id,
            where: ind.actualSource ?? ind.targetSource ?? ind.source,
            params: { target: ind.target ?? undefined, indicator: ind.name },
          }
        )
      );
    }
    return out;
  },
};
