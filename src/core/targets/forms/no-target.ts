/**
 * No target to reach, said in words real plans use for an indicator in its first year or only
 * watched: `Anno zero`, `baseline`, `Valore da monitorare`, `Monitoraggio`, `Da rilevare`,
 * `Primo anno di rilevazione`, `Valore di partenza`, `T0`: qualitative (a person decides), never a number.
 */
import type { TargetRule } from "../../model";
import { rule, type Segment } from "./types";

const NO_TARGET_RE =
  /^(?:anno zero|anno 0|t0|t ?= ?0|anno base|baseline|base line|valore (?:base|di base|di partenza|iniziale|di riferimento)|dato (?:di partenza|iniziale|di base)|(?:valore |dato )?da (?:monitorare|rilevare|misurare|calcolare|costruire)|(?:solo |in )?monitoraggio|(?:primo anno|prima annualita|anno) di (?:rilevazione|misurazione|monitoraggio|osservazione)|(?:in )?(?:rilevazione|osservazione)|costruzione (?:della )?baseline|(?:definizione|rilevazione) (?:della )?baseline|target da definire|non valutabile)(?:\s*\((?:baseline|anno zero|anno base)\))?$/;

export function readNoTarget(seg: Segment): TargetRule | null {
  const t = seg.lc.replace(/[\s.:;,!]+$/, "").trim();
  if (t.length > 60 || !NO_TARGET_RE.test(t)) return null;
  return rule(seg.text, "qualitative");
}
