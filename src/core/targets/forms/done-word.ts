/**
 * Done / not done written as the action alone, the way real plans fill a target cell for an
 * indicator that is a yes or a no: `Realizzazione`, `Adozione`, `Approvazione`, `Attivazione`,
 * `Rispetto`, `Pubblicazione`, … (the cell holds only the noun). `Off` (the state to reach is off)
 * is done in reverse: the rule's direction is `lower`, met when the actual says not done.
 */
import type { TargetRule } from "../../model";
import { rule, type Segment } from "./types";

const ACTION_NOUN_RE =
  /^(?:realizzazione|adozione|approvazione|attivazione|rispetto|attuazione|completamento|conclusione|pubblicazione|presentazione|trasmissione|consegna|sottoscrizione|stipula|aggiudicazione|emanazione|istituzione|costituzione|implementazione|redazione|predisposizione|avvio|effettuazione|esecuzione|svolgimento)$/;
const OFF_RE = /^off$/;

export function readDoneWord(seg: Segment): TargetRule | null {
  const t = seg.lc.replace(/[\s.:;,!]+$/, "").trim();
  if (ACTION_NOUN_RE.test(t))
    return rule(seg.text, "done", { unit: "boolean", direction: "higher" });
  if (OFF_RE.test(t)) return rule(seg.text, "done", { unit: "boolean", direction: "lower" });
  return null;
}
