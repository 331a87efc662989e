/**
 * ACHIEVEMENT_DECLARED_MISMATCH (warning): the achievement the office declares in the plan
 * (`% di raggiungimento`, `Grado di raggiungimento`) differs by more than 5 percentage points
 * from the one its target and actual give (manual verdicts included). Indicators read from one
 * row (`1) … 2) …`) share the declared cell: they are compared through the mean of their
 * achievements, as the objective's rule of several targets does. A computed achievement that is
 * missing (qualitative target, no actual yet) cannot be compared: nothing is reported.
 */
import type { Indicator } from "../../model";
import type { Check } from "../context";
import { num, pct } from "../../scores";
import { indicatorLabel, quote } from "../text";

/** More than this many percentage points apart is a mismatch. */
const TOLERANCE = 0.05;

function usable(n: number | undefined | null): n is number {
  return typeof n === "number" && Number.isFinite(n);
}

export const achievementDeclaredMismatch: Check = {
  code: "ACHIEVEMENT_DECLARED_MISMATCH",
  run(ctx) {
    // Indicators by their declared cell, in document order (an indicator without a cell alone).
    const groups = new Map<string, Indicator[]>();
    for (const ind of ctx.model.indicators) {
      if (!usable(ind.declaredAchievement)) continue;
      const key = ind.declaredAchievementSource
        ? `${ind.objectiveCode}\u0000${ind.declaredAchievementSource}`
        : `\u0001${ind.id}`;
      const list = groups.get(key);
      if (list) list.push(ind);
      else groups.set(key, [ind]);
    }
    const out = [];
    for (const list of groups.values()) {
      if (!list.every((i) => usable(i.achievement))) continue;
      const declared = list[0].declaredAchievement!;
      let sum = 0;
      for (const i of list) sum += i.achievement!;
      const computed = sum / list.length;
      const gap = Math.abs(declared - computed);
      if (gap <= TOLERANCE + 1e-9) continue;
      const first = list[0];
      const who =
        list.length === 1
          ? indicatorLabel(first)
          : `gli indicatori ${list.map((i) => quote(i.name, 50)).join(", ")}`;
      const basis =
        list.length === 1
          ? `target ${quote(first.target ?? "", 60)} e consuntivo ${quote(String(first.actual ?? ""), 60)} danno`
          : "i loro target e consuntivi danno in media";
      const manual = list.some(
        (i) => i.manual && (i.manual.status !== undefined || i.manual.achievement !== undefined)
      )
        ? " (giudizio manuale compreso)"
        : "";
      out.push(
        ctx.finding(
          "ACHIEVEMENT_DECLARED_MISMATCH",
          "warning",
          `Grado di raggiungimento dichiarato ${pct(declared)} per ${who}, ma ${basis} ${pct(computed)}${manual}: differenza di ${num(gap * 100)} punti percentuali`,
          {
            objectiveCode: first.objectiveCode,
            indicatorId: first.id,
            where: first.declaredAchievementSource ?? first.source,
            params: { declared, computed, indicator: list.length === 1 ? first.name : undefined },
          }
        )
      );
    }
    return out;
  },
};
