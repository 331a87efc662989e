/**
 * WEIGHTS_SUM (error): an objective's indicator weights do not add up to 100% (docs/findings.md), by
 * the one sum check of src/core/weights.ts (the `Pesi` sheet's verdict formula is the same rule), or
 * a TOTALE row declares a total the weights do not reach (seed 001: 20+20+20+20 = 80% under
 * "TOTALE 100%").
 */
import type { Check } from "../context";
import { num, pct } from "../../scores";
import { checkWeightSum, pointsText, readWeight } from "../../weights";
import { rangeOf } from "../where";

export const weightsSum: Check = {
  code: "WEIGHTS_SUM",
  run(ctx) {
    const tol = ctx.settings.weightTolerance;
    const out = [];
    for (const [code, inds] of ctx.indicatorsByObjective) {
      const objective = ctx.objectiveByKey.get(code);
      // Model weights are fractions already (the recognizer read them with readWeight).
      const weights = inds.map((i) => i.weight);
      const weighted = inds.filter((_, k) => weights[k] !== null);
      const check = checkWeightSum(weights, tol);
      if (check.verdict === "none") continue;
      // A declared total is a weight as written (TOTALE 100, 100%, 1), read by the same rule.
      const rawDeclared = objective?.declaredWeightTotal ?? null;
      const declared = rawDeclared === null ? null : readWeight(rawDeclared);
      const { sum, diff, verdict } = check;
      let message: string | null = null;
      const parts =
        weighted.length <= 12
          ? ` (${weights.flatMap((w) => (w === null ? [] : [num(w * 100)])).join("+")})`
          : "";
      const totalNote = declared !== null ? ` (riga TOTALE: ${pct(declared)})` : "";
      const off = verdict === "under" || verdict === "over";
      // Some weights missing and under 100%: WEIGHT_MISSING says it, unless a TOTALE row claims more.
      const missingButDeclared = verdict === "missing" && declared !== null && -diff > tol;
      if (off || missingButDeclared) {
        const what =
          weighted.length === inds.length
            ? "I pesi degli indicatori"
            : `I pesi di ${weighted.length} indicatori su ${inds.length}`;
        message = `${what} dell'obiettivo ${code} sommano a ${pct(sum)}${parts}, non a 100%${totalNote}`;
        if (diff < 0) message += `: mancano ${pointsText(diff)} punti percentuali`;
        else message += `: eccedono di ${pointsText(diff)} punti percentuali`;
      } else if (declared !== null && Math.abs(sum - declared) > tol) {
        message = `I pesi degli indicatori dell'obiettivo ${code} sommano a ${pct(sum)}${parts}, ma la riga TOTALE dichiara ${pct(declared)}`;
      }
      if (!message) continue;
      const where = rangeOf([
        ...weighted.map((i) => i.weightSource ?? i.source),
        objective?.declaredWeightTotalSource,
      ]);
      out.push(
        ctx.finding("WEIGHTS_SUM", "error", message, {
          objectiveCode: code,
          where,
          params: {
            sum,
            declared: declared ?? undefined,
            weighted: weighted.length,
            indicators: inds.length,
          },
        })
      );
    }
    return out;
  },
};
