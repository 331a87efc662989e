/** TARGET_UNPARSED (warning): the target could not be read. */
import type { Check } from "../context";
import { indicatorLabel, quote } from "../text";

export const targetUnparsed: Check = {
  code: "TARGET_UNPARSED",
  run(ctx) {
    const out = [];
    for (const ind of ctx.model.indicators) {
      if (ind.status !== "unparsed") continue;
      out.push(
        ctx.finding(
          "TARGET_UNPARSED",
          "warning",
          `Il target ${quote(ind.target ?? "", 60)} dell'${indicatorLabel(ind).slice(2)} non è leggibile: scriverlo ad esempio come '>= 3', 'almeno 3', 'entro il 30/09/${ctx.year ?? "2025"}' o 'SI'`,
          {
            objectiveCode: ind.objectiveCode,
            indicatorId: ind.id,
            where: ind.targetSource ?? ind.source,
            params: { target: ind.target ?? undefined, indicator: ind.name },
          }
        )
      );
    }
    return out;
  },
};
