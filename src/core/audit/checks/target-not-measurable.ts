/**
 * TARGET_NOT_MEASURABLE (info): the share of an objective's indicators whose target is qualitative
 * or missing. D.Lgs. 150/2009 art. 5 c. 2: objectives must be specific and measurable.
 */
import type { Indicator } from "../../model";
import type { Check } from "../context";
import { pct } from "../../scores";
import { quote } from "../text";
import { rangeOf } from "../where";

export function notMeasurable(ind: Indicator): boolean {
  if (!ind.target || !ind.target.trim()) return true;
  if (ind.rule) return ind.rule.op === "qualitative";
  return ind.status === "qualitative";
}

export const targetNotMeasurable: Check = {
  code: "TARGET_NOT_MEASURABLE",
  run(ctx) {
    const out = [];
    for (const [code, inds] of ctx.indicatorsByObjective) {
      const vague = inds.filter(notMeasurable);
      if (vague.length === 0) continue;
      const examples = [
        ...new Set(vague.map((i) => (i.target?.trim() ? quote(i.target, 40) : "senza target"))),
      ];
      const shown = examples.slice(0, 3).join(", ") + (examples.length > 3 ? ", …" : "");
      out.push(
        ctx.finding(
          "TARGET_NOT_MEASURABLE",
          "info",
          `${vague.length === 1 ? "1 indicatore" : `${vague.length} indicatori`} su ${inds.length} dell'obiettivo ${code} (${pct(vague.length / inds.length)}) ${vague.length === 1 ? "ha" : "hanno"} un target non misurabile (${shown}): il D.Lgs. 150/2009 art. 5 chiede obiettivi specifici e misurabili`,
          {
            objectiveCode: code,
            where: rangeOf(vague.map((i) => i.targetSource ?? i.source)),
            params: { vague: vague.length, indicators: inds.length },
          }
        )
      );
    }
    return out;
  },
};
