/**
 * PAYMENT_TIMES_WEIGHT (warning). DL 13/2023 art. 4-bis (conv. L. 41/2023): objectives on payment
 * times must weigh at least 30% (settings.paymentTimesMinShare) of the result evaluation of the
 * dirigenti responsible for payments. For each group weighed together (dirigente, unit, or plan):
 * share = Σ relative weight of the objective × its part on payment times (1 when the objective
 * itself is about payment times, else the weight of its payment-times indicators). Only reported
 * when the plan's weights let the share be computed: no weights, no finding.
 */
import type { Indicator, OperationalObjective } from "../../model";
import type { Check } from "../context";
import {
  num,
  objectiveKey,
  pct,
  relativeWeights,
  weightGroupLabel,
  weightGroups,
} from "../../scores";
import { objectiveName } from "../text";

const PAYMENT_RE =
  /tempi\s+(medi\s+)?(di|dei)\s+pagament|tempo\s+medio\s+(di\s+)?pagament|tempestivit\S*\s+(dei|nei|di|del)\s+pagament|indicatore\s+(annuale\s+)?di\s+tempestivit|ritard\S*\s+(dei|nei|di)\s+pagament|pagamento\s+delle\s+fatture|termini\s+di\s+pagamento|pagamenti\s+entro\s+(i\s+)?(30|trenta)/;

function plain(s: string | null | undefined): string {
  return String(s ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ");
}

export function isPaymentTimesText(s: string | null | undefined): boolean {
  // Every form names a payment: a cheap test first (10,000 indicators).
  if (!s || !/pagament/i.test(s)) return false;
  return PAYMENT_RE.test(plain(s));
}

function objectiveIsPayment(o: OperationalObjective): boolean {
  return isPaymentTimesText(o.title) || isPaymentTimesText(o.description);
}

function indicatorIsPayment(i: Indicator): boolean {
  return isPaymentTimesText(i.name) || isPaymentTimesText(i.description);
}

/** The part of an objective on payment times (0..1), or null when it cannot be told. */
function paymentPart(o: OperationalObjective, inds: readonly Indicator[]): number | null {
  if (objectiveIsPayment(o)) return 1;
  const pay = inds.filter(indicatorIsPayment);
  if (pay.length === 0) return 0;
  if (pay.length === inds.length) return 1;
  if (pay.some((i) => i.weight === null)) return null;
  return Math.min(
    1,
    pay.reduce((s, i) => s + (i.weight ?? 0), 0)
  );
}

export const paymentTimesWeight: Check = {
  code: "PAYMENT_TIMES_WEIGHT",
  run(ctx) {
    const out = [];
    const min = ctx.settings.paymentTimesMinShare;
    for (const group of weightGroups(ctx.model.operationalObjectives).values()) {
      const parts = group.map((o) =>
        paymentPart(o, ctx.indicatorsByObjective.get(objectiveKey(o)) ?? [])
      );
      const involved = group.filter((_, i) => parts[i] !== 0);
      if (involved.length === 0 || parts.some((p) => p === null)) continue;
      const rel = group.length === 1 ? [1] : relativeWeights(group.map((o) => o.weight));
      if (rel.some((r) => r === null)) continue; // weights missing: WEIGHT_MISSING says it
      const share = group.reduce((s, _, i) => s + (rel[i] ?? 0) * (parts[i] ?? 0), 0);
      if (share >= min - 1e-9) continue;
      const first = involved[0];
      const names = involved.map(objectiveName).join(", ");
      const pesi =
        group.length > 1
          ? ` (peso ${involved.map((o) => num(o.weight ?? 0)).join("+")} su ${num(group.reduce((s, o) => s + (o.weight ?? 0), 0))})`
          : "";
      out.push(
        ctx.finding(
          "PAYMENT_TIMES_WEIGHT",
          "warning",
          `Gli obiettivi sui tempi di pagamento (obiettivo ${names}) pesano il ${pct(share)} della valutazione di risultato ${weightGroupLabel(first)}${pesi}: il DL 13/2023 art. 4-bis chiede che pesino almeno il ${pct(min)}`,
          {
            objectiveCode: objectiveKey(first),
            where: first.weightSource ?? first.source,
            params: { objectives: names, share, min },
          }
        )
      );
    }
    return out;
  },
};
