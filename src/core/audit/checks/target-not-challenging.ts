/**
 * TARGET_NOT_CHALLENGING (warning): a target already met by the indicator's own past value
 * (`almeno 10` when 2024 gave 15; `massimo 30 gg` when 2024 gave 20). Targets set where they are
 * already met are the Corte dei conti's main complaint about Italian performance plans.
 * The past value is the latest baseline year before the plan year (or the latest one). Targets at
 * the ceiling (100%) or the floor (0) are maintenance targets and are left out.
 */
import type { Indicator, TargetRule } from "../../model";
import type { Check } from "../context";
import { parseItalianQuantity } from "../../numbers";
import { num } from "../../scores";
import { indicatorLabel, quote } from "../text";

const NUMBER_IN_TEXT = /[-+]?\d[\d.,]*\s*%?/;

function pastValue(
  ind: Indicator,
  year: number | undefined
): { year: string; value: number; percent: boolean } | null {
  const entries = Object.entries(ind.baseline ?? {})
    .filter(([y]) => year === undefined || !/^\d{4}$/.test(y) || Number(y) < year)
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  for (const [y, raw] of entries) {
    const m = NUMBER_IN_TEXT.exec(String(raw ?? ""));
    const n = m ? parseItalianQuantity(m[0].replace(/[.,]$/, "")) : null;
    if (n) return { year: y, value: n.value, percent: n.unit === "percent" };
  }
  return null;
}

export const targetNotChallenging: Check = {
  code: "TARGET_NOT_CHALLENGING",
  run(ctx) {
    const out = [];
    for (const ind of ctx.model.indicators) {
      const rule: TargetRule | null = ind.rule;
      if (!rule || rule.value === undefined || !ind.baseline) continue;
      if (!["<=", "<", ">=", ">"].includes(rule.op)) continue;
      const past = pastValue(ind, ctx.year);
      if (!past) continue;
      let target = rule.value;
      let base = past.value;
      if (rule.unit === "percent") {
        // Percent targets are in points (75% -> 75); a past value written as a fraction (0,8) is 80.
        if (!past.percent && base <= 1) base *= 100;
        if (target >= 100) continue;
      } else if (past.percent) continue; // a percentage against a count: not comparable
      const higher = rule.op === ">=" || rule.op === ">";
      if (!higher && target === 0) continue;
      const met =
        rule.op === ">="
          ? target <= base
          : rule.op === ">"
            ? target < base
            : rule.op === "<="
              ? target >= base
              : target > base;
      if (!met) continue;
      const pc = rule.unit === "percent" ? "%" : "";
      out.push(
        ctx.finding(
          "TARGET_NOT_CHALLENGING",
          "warning",
          `Il target ${quote(ind.target ?? rule.text, 60)} per ${indicatorLabel(ind)} è già raggiunto dal valore ${past.year} (${num(base)}${pc}, target ${num(target)}${pc}): un target ${higher ? "non superiore" : "non inferiore"} al valore storico non è sfidante (è il rilievo principale della Corte dei conti sui piani della performance)`,
          {
            objectiveCode: ind.objectiveCode,
            indicatorId: ind.id,
            where: ind.targetSource ?? ind.source,
            params: {
              target: ind.target ?? rule.text,
              indicator: ind.name,
              year: past.year,
              baseline: base,
            },
          }
        )
      );
    }
    return out;
  },
};
