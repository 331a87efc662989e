/** TARGET_OVERDUE (warning): a deadline passed at the as-of date with no actual. */
import type { TargetRule } from "../../model";
import type { Check } from "../context";
import { indicatorLabel, itDate, quote } from "../text";

function deadline(rule: TargetRule | null): string | undefined {
  if (!rule) return undefined;
  if (rule.op === "deadline") return rule.date;
  return rule.rules?.map(deadline).find((d) => d !== undefined);
}

export const targetOverdue: Check = {
  code: "TARGET_OVERDUE",
  run(ctx) {
    const out = [];
    for (const ind of ctx.model.indicators) {
      if (ind.status !== "overdue") continue;
      const d = deadline(ind.rule);
      const by = d ? ` è scaduto il ${itDate(d)}` : " è scaduto";
      const at = ctx.asOf ? ` (verifica al ${itDate(ctx.asOf)})` : "";
      out.push(
        ctx.finding(
          "TARGET_OVERDUE",
          "warning",
          `Il termine ${quote(ind.target ?? "", 60)} per ${indicatorLabel(ind)}${by} senza consuntivo${at}: indicare il risultato o il motivo del ritardo`,
          {
            objectiveCode: ind.objectiveCode,
            indicatorId: ind.id,
            where: ind.targetSource ?? ind.source,
            params: {
              target: ind.target ?? undefined,
              indicator: ind.name,
              deadline: d,
              asOf: ctx.asOf,
            },
          }
        )
      );
    }
    return out;
  },
};
