/**
 * WEIGHTS_SUM (error): an objective's indicator weights do not add up to 100%, or a TOTALE row
 * declares a total the weights do not reach (seed 001: 20+20+20+20 = 80% under "TOTALE 100%").
 */
import type { Check } from "../context";
import { num, pct } from "../../scores";
import { rangeOf } from "../where";

export const weightsSum: Check = {
  code: "WEIGHTS_SUM",
  run(ctx) {
    const tol = ctx.settings.weightTolerance;
    const out = [];
    for (const [code, inds] of ctx.indicatorsByObjective) {
      const objective = ctx.objectiveByKey.get(code);
      const weighted = inds.filter((i) => i.weight !== null);
      if (weighted.length === 0) continue;
      // Weights are fractions (CONTRACT); points (20, 30, 50) that slipped through are read as such.
      const scale = weighted.some((i) => (i.weight ?? 0) > 1) ? 0.01 : 1;
      const w = (i: { weight: number | null }) => (i.weight ?? 0) * scale;
      const rawDeclared = objective?.declaredWeightTotal ?? null;
      const declared =
        rawDeclared !== null && rawDeclared > 1 + tol ? rawDeclared / 100 : rawDeclared;
      const sum = weighted.reduce((s, i) => s + w(i), 0);
      const allWeighted = weighted.length === inds.length;
      let message: string | null = null;
      const parts =
        weighted.length <= 12 ? ` (${weighted.map((i) => num(w(i) * 100)).join("+")})` : "";
      const totalNote = declared !== null ? ` (riga TOTALE: ${pct(declared)})` : "";
      if (Math.abs(sum - 1) > tol && (allWeighted || declared !== null || sum > 1 + tol)) {
        const what = allWeighted
          ? "I pesi degli indicatori"
          : `I pesi di ${weighted.length} indicatori su ${inds.length}`;
        message = `${what} dell'obiettivo ${code} sommano a ${pct(sum)}${parts}, non a 100%${totalNote}`;
        if (sum < 1) message += `: mancano ${num((1 - sum) * 100)} punti percentuali`;
        else message += `: eccedono di ${num((sum - 1) * 100)} punti percentuali`;
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
