/**
 * ORPHAN_OBJECTIVE (warning): an operational objective names a strategic code that does not exist.
 * When the plan holds no strategic objective at all, the reference cannot be checked (the
 * strategic level lives in the DUP), so nothing is reported.
 */
import type { Check } from "../context";
import { objectiveKey } from "../../scores";
import { objectiveName } from "../text";

function normal(code: string): string {
  return code.replace(/\s+/g, " ").trim().toLowerCase();
}

export const orphanObjective: Check = {
  code: "ORPHAN_OBJECTIVE",
  run(ctx) {
    const strategic = ctx.model.strategicObjectives;
    if (strategic.length === 0) return [];
    const known = new Set<string>();
    for (const s of strategic) {
      known.add(normal(s.id));
      if (s.code) known.add(normal(s.code));
    }
    const out = [];
    for (const o of ctx.model.operationalObjectives) {
      const ref = o.strategicCode?.trim();
      if (!ref || known.has(normal(ref))) continue;
      out.push(
        ctx.finding(
          "ORPHAN_OBJECTIVE",
          "warning",
          `L'obiettivo operativo ${objectiveName(o)} rimanda all'obiettivo strategico ${ref}, che non compare nel piano: correggere il codice o aggiungere l'obiettivo strategico`,
          {
            objectiveCode: objectiveKey(o),
            where: o.source,
            params: { objective: objectiveName(o), strategic: ref },
          }
        )
      );
    }
    return out;
  },
};
