/** Done / not done written as a yes (`SI`, `Sì`, `X`, `On`, `Realizzazione: SI`, `SI/NO`). */
import type { TargetRule } from "../../model";
import { rule, type Segment } from "./types";

const DONE_WHOLE_RE =
  /^(?:si'?|s|x|yes|ok|vero|true|on|si'?\s*[/-]\s*no|(?:fatto|realizzato|attivato|approvato)\s*[/-]\s*non\s+\p{L}+|on\s*[/-]\s*off|fatto|realizzat[oa]|approvat[oa]|adottat[oa]|attivat[oa]|completat[oa]|conclus[oa]|eseguit[oa]|[✓✔☑☒✗])[.!]?$/u;
const DONE_TAIL_RE = /(?:^|[:=\-–]\s*)(?:si'?|x)[.!]?$|(?:^|[\s:=\-–(])si'?\s*\/\s*no\)?[.!]?$/;

/** `SI`, `Sì`, `X`, `Realizzazione: SI`: done / not done. */
export function readDone(seg: Segment): TargetRule | null {
  const t = seg.lc.trim();
  if (DONE_WHOLE_RE.test(t) || (DONE_TAIL_RE.test(t) && t.length < 80)) {
    return rule(seg.text, "done", { unit: "boolean", direction: "higher" });
  }
  return null;
}
