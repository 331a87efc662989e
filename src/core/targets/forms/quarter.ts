/**
 * A quarter written the way PNRR and ministry plans write milestones: `Q4 2025`, `Q2/2026`,
 * `Q1-2025`, `T3 2025`: due the quarter's last day (a date of month precision). Roman and worded
 * quarters (`II trimestre 2025`, `IV trim. 2025`) are read by `findDates`.
 */
import { isoDate, lastDayOfMonthIso, type DateSpan } from "../../dates";

const QUARTER_RE = /(?<![\p{L}\d])[QqTt]([1-4])\s?[/-]?\s?((?:19|20)\d{2})(?!\d)/gu;

/** The quarter spans of `text` not inside one of the dates already found. */
export function findQuarters(text: string, found: readonly DateSpan[]): DateSpan[] {
  if (text.length > 4000 || !/[QqTt][1-4]/.test(text)) return [];
  const out: DateSpan[] = [];
  QUARTER_RE.lastIndex = 0;
  for (let m = QUARTER_RE.exec(text); m; m = QUARTER_RE.exec(text)) {
    const index = m.index;
    const end = index + m[0].length;
    if (found.some((d) => d.index < end && index < d.end)) continue;
    const last = +m[1] * 3;
    const y = +m[2];
    out.push({
      date: lastDayOfMonthIso(y, last),
      start: isoDate(y, last - 2, 1),
      index,
      end,
      raw: m[0],
      hasYear: true,
      precision: "month",
      y,
      m: last,
      d: null,
    });
  }
  return out;
}
