/** SCORE_OVER_MAX (error): a report component exceeds its maximum (written, or from settings.maxima). */
import type { Check } from "../context";
import { componentMax, num } from "../../scores";

export const scoreOverMax: Check = {
  code: "SCORE_OVER_MAX",
  run(ctx) {
    const out = [];
    for (const r of ctx.model.reports) {
      for (const c of r.components) {
        const max = componentMax(c.label, c.max, ctx.settings.maxima);
        if (max === null || c.value <= max + 1e-9) continue;
        out.push(
          ctx.finding(
            "SCORE_OVER_MAX",
            "error",
            `Nel report dell'obiettivo ${r.objectiveCode} la componente '${c.label}' vale ${num(c.value)}, oltre il massimo di ${num(max)}`,
            {
              objectiveCode: r.objectiveCode,
              where: c.source ?? r.source,
              params: { component: c.label, value: c.value, max },
            }
          )
        );
      }
    }
    return out;
  },
};
