/** None at all (`Nessun reclamo`, `zero infortuni`): at most 0. */
import type { TargetRule } from "../../model";
import { rule, type Segment } from "./types";

const ZERO_RE =
  /^(?:nessun[oa]?|zero|(?:assenza|azzeramento) (?:di|del|dei|delle|degli|della|dello)|0)\s+(\p{L}[\p{L}' ]*)$/u;

/** `Nessun reclamo`, `zero infortuni`: at most 0. */
export function readZero(seg: Segment): TargetRule | null {
  const m = ZERO_RE.exec(seg.lc.trim().replace(/[.;]+$/, ""));
  if (!m) return null;
  // `Nessun incremento della spesa`: not above the baseline.
  if (/^(?:incremento|aumento|crescita|peggioramento)(?![\p{L}])/u.test(m[1]))
    return rule(seg.text, "relative", {
      value: 0,
      unit: "count",
      relative: { mode: "absolute", sign: -1 },
      direction: "lower",
    });
  return rule(seg.text, "<=", { value: 0, unit: "count", direction: "lower", noun: m[1].trim() });
}
