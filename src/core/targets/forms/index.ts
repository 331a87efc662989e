/**
 * The target forms read from a whole segment, in the order they are tried, and why that order
 * (like chrono's Italian configuration: small parsers, their order stated once). The forms found
 * inside a segment (deadlines, relative changes, comparisons, ranges, bare numbers) are composed
 * in `../read.ts`, `readSegment`; the date forms they share are listed here too.
 *
 * Whole-segment forms, first match wins:
 * 1. `readPlaceholder`     `Da definire`, `non previsto`, `N.D.`, `-`, `/`     -> qualitative
 *    first: a placeholder may hold digits or operators (`0 (non previsto)`) that are no target.
 * 2. `readNoTarget`        `Anno zero`, `baseline`, `Valore da monitorare`     -> qualitative
 *    before the readers of numbers: `Anno 0` is not "at most 0".
 * 3. `readGarbled`         `>>`, a lone operator                               -> unparsed
 * 4. `readDone`            `SI`, `Sì`, `X`, `On`, `Realizzazione: SI`, `SI/NO` -> done
 * 5. `readDoneWord`        `Realizzazione`, `Adozione`, `Rispetto`, `Off`      -> done
 *    after `readDone` (`Realizzazione: SI` is read there) and before the activity nouns of the
 *    fallback, which would make a lone `Approvazione` qualitative.
 * 6. `readZero`            `Nessun reclamo`, `zero infortuni`                  -> <= 0
 * 7. `readNegative`        `ITP negativo`, `inferiore a zero`                  -> < 0
 * 8. `readRespectDeadline` `Rispetto delle scadenze previste`                  -> done
 *
 * Dates a target is read with: `findDates` (`../../dates`: `30/06/2025`, `giugno 2025`, `giu-25`,
 * `II trimestre 2025`, `I semestre`), then `findMonthYears` (`09/2025`: a month, not a ratio) and
 * `findQuarters` (`Q4 2025`).
 * A date in brackets after a value is its deadline (`isBracketedDeadline`: `60% (giu. 2026)`).
 *
 * Before any form reads a segment, `normalizeOperatorWords` writes slashed and reversed
 * comparisons as symbols (`maggiore/uguale` -> `>=`, `=/<` -> `<=`), so every form sees one spelling.
 */
import type { TargetRule } from "../../model";
import { findDates, type DateSpan } from "../../dates";
import { readDone } from "./done";
import { readDoneWord } from "./done-word";
import { readGarbled } from "./garbled";
import { findMonthYears } from "./month-year";
import { readNegative } from "./negative";
import { readNoTarget } from "./no-target";
import { readPlaceholder } from "./placeholder";
import { findQuarters } from "./quarter";
import { readRespectDeadline } from "./respect-deadline";
import type { Segment, SegmentForm } from "./types";
import { readZero } from "./zero";

export const SEGMENT_FORMS: readonly SegmentForm[] = [
  readPlaceholder,
  readNoTarget,
  readGarbled,
  readDone,
  readDoneWord,
  readZero,
  readNegative,
  readRespectDeadline,
];

/** The first whole-segment form that reads `seg`, or null. */
export function readSegmentForm(seg: Segment): TargetRule | null {
  for (const form of SEGMENT_FORMS) {
    const r = form(seg);
    if (r) return r;
  }
  return null;
}

/** Every date written in a target (or an actual), in text order. */
export function findTargetDates(text: string, year: number | undefined): DateSpan[] {
  return withMonthYears(text, findDates(text, year));
}

/** The dates found, with month/year (`09/2025`) and quarter (`Q4 2025`) ones added, in order. */
export function withMonthYears(text: string, found: DateSpan[]): DateSpan[] {
  const more = [...findMonthYears(text, found), ...findQuarters(text, found)];
  if (more.length === 0) return found;
  return [...found, ...more].sort((a, b) => a.index - b.index);
}

export { isBracketedDeadline } from "./bracket-deadline";
export { normalizeOperatorWords } from "./operator-words";
export { readPlaceholder } from "./placeholder";
export type { Claim, Segment } from "./types";
export { rule } from "./types";
