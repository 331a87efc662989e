/**
 * A month of a year written in figures, as plans write a due month: `09/2025`, `12/2025`,
 * `entro 09/2025`, `06-2026`, `3/2025`: the month's last day (a date of month precision), not the
 * ratio 9/2025. A number that names a document (`delibera n. 12/2025`, `L. 6/2012`) stays one.
 */
import { isoDate, lastDayOfMonthIso, type DateSpan } from "../../dates";

const MONTH_YEAR_RE =
  /(?<![\d/.,-])(0?[1-9]|1[0-2])\s?([/-]|\.(?=\d{4}))\s?((?:19|20)\d{2})(?![\d/.,-]?\d)/g;
/** Words before a number that make it a document's number, not a month. */
const DOCUMENT_BEFORE_RE =
  /(?:\bn\.?|\bnr\.?|\bn°|\bnum\.?|\bnumero|\bprot\.?|\bprotocollo|\bdelibera\w*|\bdetermin\w*|\bdecreto|\bd\.?\s?lgs\.?|\bdlgs|\bdpr|\bd\.p\.r\.?|\blegge|\bl\.|\bl\.r\.|\blr|\bdgr|\bd\.g\.r\.|\bdcc|\bdgc|\bart\.?|\bcircolare|\bregolamento|\breg\.|\bordinanza|\bdm|\bd\.m\.)\s*$/i;

/** The month/year spans of `text` not inside one of the dates already found. */
export function findMonthYears(text: string, found: readonly DateSpan[]): DateSpan[] {
  if (text.length > 4000 || !/\d\s?[/.-]\s?(?:19|20)\d{2}/.test(text)) return [];
  const out: DateSpan[] = [];
  MONTH_YEAR_RE.lastIndex = 0;
  for (let m = MONTH_YEAR_RE.exec(text); m; m = MONTH_YEAR_RE.exec(text)) {
    const index = m.index;
    const end = index + m[0].length;
    if (found.some((d) => d.index < end && index < d.end)) continue;
    if (DOCUMENT_BEFORE_RE.test(text.slice(Math.max(0, index - 24), index))) continue;
    const month = +m[1];
    const y = +m[3];
    out.push({
      date: lastDayOfMonthIso(y, month),
      start: isoDate(y, month, 1),
      index,
      end,
      raw: m[0],
      hasYear: true,
      precision: "month",
      y,
      m: month,
      d: null,
    });
  }
  return out;
}
