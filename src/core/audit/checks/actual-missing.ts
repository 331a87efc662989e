/**
 * ACTUAL_MISSING (info): no actual for a target that needs one. Before year end every target is
 * still open, so by default ("auto") it is reported only once the plan is being reported on:
 * some indicator of the plan already has an actual, or the as-of date is past the plan year.
 * Deadlines still ahead of the as-of date, qualitative and unreadable targets, overdue ones
 * (TARGET_OVERDUE says it) and manual verdicts are left out.
 */
import type { Indicator } from "../../model";
import type { AuditContext, Check } from "../context";
import { hasManualVerdict } from "../manual";
import { indicatorLabel, itDate, quote } from "../text";

function hasActual(ind: Indicator): boolean {
  return ind.actual !== null && String(ind.actual).trim() !== "";
}

function reporting(ctx: AuditContext): boolean {
  const mode = ctx.settings.actualMissing;
  if (mode !== "auto") return mode === "always";
  if (ctx.asOf && ctx.year !== undefined && ctx.asOf > `${ctx.year}-12-31`) return true;
  return ctx.model.indicators.some(hasActual);
}

function laterDeadline(ind: Indicator, asOf: string | undefined): boolean {
  const d = ind.rule?.op === "deadline" ? ind.rule.date : undefined;
  return !!d && !!asOf && d > asOf;
}

export const actualMissing: Check = {
  code: "ACTUAL_MISSING",
  run(ctx) {
    if (!reporting(ctx)) return [];
    const out = [];
    for (const ind of ctx.model.indicators) {
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
          }
        )
      );
    }
    return out;
  },
};
