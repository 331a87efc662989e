/** A placeholder instead of a target (`Da definire`, `non previsto`, `N.D.`, `-`): qualitative. */
import type { TargetRule } from "../../model";
import { rule, type Segment } from "./types";

const PLACEHOLDER_PREFIX_RE =
  /^(?:da (?:definire|stabilire|determinare|quantificare|individuare|concordare|valutare|verificare|rilevare)|non (?:previst[oiae]|applicabil[ei]|rilevabil[ei]|quantificabil[ei]|misurabil[ei]|disponibil[ei]|definit[oiae]|pertinent[ei]|significativ[oa]|valorizzat[oa]|pervenut[oa])|in (?:corso di )?(?:definizione|fase di definizione)|vedi\b|v\. |come da\b|cfr\b|nessun target|target non)/;
const PLACEHOLDER_WHOLE_RE =
  /^(?:n\.?\s?[dacqrv]\.?|n\/[dac]|nd|na|nc|nq|nr|tbd|tbc|-+|–|—|\/+|\?+|\.+|…|\*+|x{2,}|0?\s*\(?non previsto\)?|non previsto|nessuno|nessuna|\(vuoto\)|vuoto|null|nan|#n\/?d|#valore!|#value!|#rif!|#ref!|#div\/0!)$/;

/** `Da definire`, `non previsto`, `N.D.`: a person decides. */
export function readPlaceholder(seg: Segment): TargetRule | null {
  const t = seg.lc.replace(/[\s.:;,]+$/, "").trim();
  if (PLACEHOLDER_WHOLE_RE.test(t) || PLACEHOLDER_PREFIX_RE.test(t))
    return rule(seg.text, "qualitative");
  return null;
}
