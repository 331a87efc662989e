/**
 * `Rispetto delle scadenze previste`, `Rispetto dei tempi`, `Rispetto del cronoprogramma` (no date
 * written): done / not done.
 */
import type { TargetRule } from "../../model";
import { rule, type Segment } from "./types";

const RESPECT_DEADLINE_RE =
  /^(?:rispetto|osservanza|rispettare)\s+(?:della|delle|del|dei|la|le|il|i)\s+(?:scadenz[ae]|tempistic(?:a|he)|data|date|tempi|termini|termine|cronoprogramma)(?:\s+(?:previst[aeio]|fissat[aeio]|stabilit[aeio]|programmat[aeio]|indicat[aeio]|assegnat[aeio]))?[.!]?$/;

/** `Rispetto della scadenza`, `Rispetto delle scadenze previste`: done / not done (no date written). */
export function readRespectDeadline(seg: Segment): TargetRule | null {
  if (!RESPECT_DEADLINE_RE.test(seg.lc.trim())) return null;
  return rule(seg.text, "done", { unit: "boolean", direction: "higher" });
}
