/** SCORE_TOTAL_MISMATCH (error): a report's declared total differs from the sum of its components. */
import type { Check } from "../context";
import { num } from "../../scores";

export const scoreTotalMismatch: Check = {
  code: "SCORE_TOTAL_MISMATCH",
  run(ctx) {
    const out = [];
    for (const r of ctx.model.reports) {
      if (r.declaredTotal === null || r.components.length === 0) continue;
      const sum = r.components.reduce((s, c) => s + c.value, 0);
      if (Math.abs(sum - r.declaredTotal) <= ctx.settings.scoreTolerance) continue;
      const who = r.dirigente ? ` (dirigente ${r.dirigente})` : "";
      out.push(
        ctx.finding(
          "SCORE_TOTAL_MISMATCH",
          "error",
          `Nel report dell'obiettivo ${r.objectiveCode}${who} il totale dichiarato è ${num(r.declaredTotal)}, ma le componenti sommano a ${num(sum)} (${r.components.map((c) => num(c.value)).join(" + ")})`,
          {
            objectiveCode: r.objectiveCode,
            where: r.source,
            params: { declared: r.declaredTotal, computed: sum },
          }
        )
      );
    }
    return out;
  },
};
