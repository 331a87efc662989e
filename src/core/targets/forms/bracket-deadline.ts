/**
 * A deadline in brackets after a value: `60% (giu. 2026)`, `60% (giugno 2026)`, `10 (entro 09/2025)`:
 * the value by that date, so the rule is the value and the deadline (`all`).
 */
import type { DateSpan } from "../../dates";

const OPEN_BEFORE_RE =
  /[\d%€][^()]{0,30}\(\s*(?:entro\s+(?:il\s+|la\s+|l')?|scadenza:?\s*|al\s+)?$/;
const CLOSE_AFTER_RE = /^\s*\)/;

/** The date span is alone in brackets right after a value. */
export function isBracketedDeadline(text: string, span: DateSpan): boolean {
  const before = text.slice(Math.max(0, span.index - 40), span.index);
  return OPEN_BEFORE_RE.test(before) && CLOSE_AFTER_RE.test(text.slice(span.end, span.end + 4));
}
