/** A value below zero (`ITP negativo`, `inferiore a zero`). */
import type { TargetRule } from "../../model";
import { rule, type Segment } from "./types";

const NEGATIVE_RE =
  /(?:^|[\s:=(])(?:(?:valore|saldo|dato|risultato)\s+)?(?:negativ[oa]|(?:inferiore|minore)\s+(?:a|di|allo)\s+zero|sotto\s+(?:lo\s+)?zero)\)?[.!]?$/;

/**
 * `Indicatore di tempestività dei pagamenti negativo`, `ITP: valore negativo`, `inferiore a zero`:
 * below 0 (paid before the due date on average).
 */
export function readNegative(seg: Segment): TargetRule | null {
  const lc = seg.lc.trim();
  if (lc.length > 120 || /\d/.test(lc) || !NEGATIVE_RE.test(lc)) return null;
  return rule(seg.text, "<", { value: 0, unit: "count", direction: "lower" });
}
