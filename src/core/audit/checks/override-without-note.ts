/** OVERRIDE_WITHOUT_NOTE (warning): a manual verdict without the note that must justify it. */
import type { Check } from "../context";
import { hasManualVerdict } from "../../verdict";
import { pct } from "../../scores";
import { indicatorLabel } from "../text";

const STATUS_IT: Record<string, string> = {
  met: "raggiunto",
  partial: "parziale",
  missed: "non raggiunto",
  pending: "in corso",
  overdue: "scaduto",
  qualitative: "da valutare",
  unparsed: "non leggibile",
};

export const overrideWithoutNote: Check = {
  code: "OVERRIDE_WITHOUT_NOTE",
  run(ctx) {
    const out = [];
    for (const ind of ctx.model.indicators) {
      if (!hasManualVerdict(ind) || ind.manual?.note?.trim()) continue;
      const parts: string[] = [];
      if (ind.manual?.status)
        parts.push(`esito '${STATUS_IT[ind.manual.status] ?? ind.manual.status}'`);
      if (typeof ind.manual?.achievement === "number")
        parts.push(`grado ${pct(ind.manual.achievement)}`);
      out.push(
        ctx.finding(
          "OVERRIDE_WITHOUT_NOTE",
          "warning",
          `Il giudizio manuale (${parts.join(", ")}) per ${indicatorLabel(ind)} non ha una nota: motivarlo nella colonna delle note`,
          {
            objectiveCode: ind.objectiveCode,
            indicatorId: ind.id,
            where: ind.source,
            params: { indicator: ind.name },
          }
        )
      );
    }
    return out;
  },
};
