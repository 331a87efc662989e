/**
 * Italian dates as officers write them in performance plans: `30/9`, `31.12`, `31/01/2025`,
 * `30.06.2025`, `29/2`, `31 dicembre 2017`, `entro aprile 2025`, `ENTRO SETTEMBRE`, `giugno 2025`,
 * ranges `da 01/01/2025 a giugno 2025`. Everything is ISO `YYYY-MM-DD` (compares as a string).
 * A month alone means its last day; a missing year comes from the plan year. Pure, never throws.
 */
import { isValid } from "date-fns";

const MONTHS_FULL = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];
const MONTH_BY_NAME: Record<string, number> = Object.create(null);
MONTHS_FULL.forEach((m, i) => (MONTH_BY_NAME[m] = i + 1));
const MONTH_ABBR: Record<string, number> = Object.assign(Object.create(null), {
  gen: 1,
  genn: 1,
  feb: 2,
  febbr: 2,
  mar: 3,
  apr: 4,
  mag: 5,
  giu: 6,
  lug: 7,
  ago: 8,
  set: 9,
  sett: 9,
  ott: 10,
  nov: 11,
  dic: 12,
});

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/** ISO from parts; the day is clamped to the month (31/4 -> 30/4, 29/2 in 2025 -> 28/2). */
export function isoDate(y: number, m: number, d: number): string {
  const dd = Math.min(Math.max(d, 1), daysInMonth(y, m));
  let ys = String(y);
  while (ys.length < 4) ys = "0" + ys;
  return ys + "-" + pad2(m) + "-" + pad2(dd);
}

export function lastDayOfMonthIso(y: number, m: number): string {
  return isoDate(y, m, daysInMonth(y, m));
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const mo = +m[2];
  const d = +m[3];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(+m[1], mo);
}

/**
 * A JS Date (from exceljs: UTC midnight; from code: local midnight) as ISO. A date whose UTC time is
 * midnight is read in UTC, one whose local time is midnight locally, anything else in UTC.
 */
export function dateToIso(d: Date): string | null {
  if (!(d instanceof Date) || !isValid(d)) return null;
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const utcMidnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  const localMidnight = d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0;
  if (!utcMidnight && localMidnight) return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
  const y = d.getUTCFullYear();
  if (y < 1 || y > 9999) return null;
  return isoDate(y, d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The calendar day of a moment in local time, as ISO: how an adapter turns its clock into the
 * `today` it passes to core (core never reads the clock itself).
 */
export function localDateIso(d: Date): string {
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** `2025-09-30` -> `30/09/2025`; anything else is returned as given. */
export function formatItalianDate(iso: string): string {
  const m = typeof iso === "string" ? ISO_RE.exec(iso) : null;
  if (!m) return String(iso ?? "");
  return m[3] + "/" + m[2] + "/" + m[1];
}

/** Whole days from `a` to `b` (ISO), positive when b is later. */
export function daysBetween(a: string, b: string): number | null {
  if (!isIsoDate(a) || !isIsoDate(b)) return null;
  const ta = Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10));
  const tb = Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10));
  return Math.round((tb - ta) / 86400000);
}

export interface DateSpan {
  /** ISO date: the day, or the last day of a month written alone. */
  date: string;
  /** ISO first day covered (the day itself, or the 1st of a month written alone). */
  start: string;
  /** Position in the text and end (exclusive). */
  index: number;
  end: number;
  raw: string;
  /** The text wrote the year. */
  hasYear: boolean;
  precision: "day" | "month";
  /** Parts, to complete a range's missing year. */
  y: number;
  m: number;
  d: number | null;
}

function fullYear(s: string | undefined): number | null {
  if (!s) return null;
  const t = s.replace(/^'/, "");
  if (t.length === 2) return 2000 + +t;
  if (t.length === 4) return +t;
  return null;
}

// d/m[/yyyy], d.m.yyyy, d-m-yyyy. Not inside a longer number or a ratio such as 3,5/4.
const NUM_DATE_RE =
  /(?<![\d\p{L}]|[\d][.,]|\/)(\d{1,2})\s?([-/.])\s?(\d{1,2})(?:\s?\2\s?(\d{4}|\d{2}(?![\d])))?(?![\d/]|[.,]\d|\s?%)/gu;
const ISO_DATE_RE = /(?<![\d/.-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.-])/g;
const MONTH_ALTS =
  "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|febbr|genn|sett|gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic";
const TEXT_DATE_RE = new RegExp(
  "(?<![\\p{L}\\d])(?:(\\d{1,2})\\s?(?:°|º)?\\s*(?:di\\s+|-)?)?(" +
    MONTH_ALTS +
    ")(\\.)?(?![\\p{L}])(?:\\s*(?:del(?:l'anno)?\\s+|,\\s*|\\s)?\\s*('\\d{2}|(?:19|20)\\d{2})(?!\\d)|-(\\d{2}|(?:19|20)\\d{2})(?![\\d/.-]))?",
  "giu"
);
const ABBR_CONTEXT_RE = /(?:entro|fine|mese\s+di|mese|da|dal|a|al|metà|di)\s*$/i;
// `I semestre 2025`, `1° sem.`, `II trim.`, `terzo quadrimestre`: the period ends on its last day.
const HALF_RE =
  /(?<![\p{L}])(?:(primo|1°|1º|i|secondo|2°|2º|ii|terzo|3°|3º|iii|quarto|4°|4º|iv)\s*(semestre|trimestre|quadrimestre|sem\.?|trim\.?|quadrim\.?)(?![\p{L}]))(?:\s*(?:del(?:l'anno)?\s+|anno\s+)?(\d{4}))?(?![\p{L}\d])/giu;
const ORDINAL: Record<string, number> = {
  primo: 1,
  "1°": 1,
  i: 1,
  secondo: 2,
  "2°": 2,
  ii: 2,
  terzo: 3,
  "3°": 3,
  iii: 3,
  quarto: 4,
  "4°": 4,
  iv: 4,
};

const DIGIT_RE = /\d/;
const SEP_RE = /[-/.]/;
const MONTH_STEM_RE = /gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic/i;
// `semestre`, `trimestre`, `sem.`, `trim.`: an `m` that ends a word or starts `-estre`.
const HALF_STEM_RE = /m(?:estre|\.|\b)/i;

function quickHasDateChars(text: string): boolean {
  // A date needs a digit or a letter; texts without either are skipped fast.
  return /[\d\p{L}]/u.test(text);
}

/**
 * Every date written in `text`, in order. A missing year comes from `year`; with no `year` a date
 * written without one is not read (core never reads the clock: the caller knows the plan's year).
 */
export function findDates(text: string, year?: number): DateSpan[] {
  const out: DateSpan[] = [];
  if (typeof text !== "string" || text.length === 0 || !quickHasDateChars(text)) return out;
  const defYear = Number.isInteger(year) && (year as number) > 0 ? (year as number) : undefined;

  const hasDigit = DIGIT_RE.test(text);
  const hasSep = hasDigit && SEP_RE.test(text);
  ISO_DATE_RE.lastIndex = 0;
  if (hasSep)
    for (let m = ISO_DATE_RE.exec(text); m; m = ISO_DATE_RE.exec(text)) {
      const y = +m[1];
      const mo = +m[3];
      const d = +m[4];
      if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
      out.push(daySpan(m, y, mo, d, true));
    }

  NUM_DATE_RE.lastIndex = 0;
  if (hasSep)
    for (let m = NUM_DATE_RE.exec(text); m; m = NUM_DATE_RE.exec(text)) {
      if (overlaps(out, m.index, m.index + m[0].length)) continue;
      const d = +m[1];
      const mo = +m[3];
      const sep = m[2];
      const y0 = fullYear(m[4]);
      if (d < 1 || d > 31 || mo < 1 || mo > 12) continue;
      if (d > daysInMonth(2000, mo)) continue; // 31/4 is not a date (29/2 is: checked per year below)
      if (sep === "-" && y0 === null) continue; // 10-12: a range of numbers, not a date
      if (sep === "." && y0 === null && m[3].length < 2 && d < 13) continue; // 3.5 is a number
      const y = y0 ?? defYear;
      if (y === undefined) continue;
      out.push(daySpan(m, y, mo, d, y0 !== null));
    }

  TEXT_DATE_RE.lastIndex = 0;
  if (MONTH_STEM_RE.test(text))
    for (let m = TEXT_DATE_RE.exec(text); m; m = TEXT_DATE_RE.exec(text)) {
      const word = m[2].toLowerCase();
      const full = MONTH_BY_NAME[word];
      const mo = full ?? MONTH_ABBR[word];
      if (!mo) continue;
      const dayStr = m[1];
      // `ott-25`, `dic-2025`: a month cell formatted mmm-yy.
      const y5 = m[5] === undefined ? undefined : m[5].length === 2 ? "'" + m[5] : m[5];
      const y0 = fullYear(m[4] ?? y5);
      if (!full) {
        // `set`, `mar`, `ago` are words too: an abbreviation needs a day, a year, a dot or `entro`.
        const before = text.slice(Math.max(0, m.index - 12), m.index);
        if (!dayStr && y0 === null && !m[3] && !ABBR_CONTEXT_RE.test(before)) continue;
      }
      let start = m.index;
      if (overlaps(out, start, m.index + m[0].length)) continue;
      let d: number | null = dayStr ? +dayStr : null;
      if (d !== null && (d < 1 || d > 31)) {
        d = null;
        start = m.index + m[0].indexOf(m[2]);
      }
      // `metà giugno` -> the 15th
      if (d === null && /metà\s*$/i.test(text.slice(Math.max(0, start - 6), start))) d = 15;
      const y = y0 ?? defYear;
      if (y === undefined) continue;
      const iso = d === null ? lastDayOfMonthIso(y, mo) : isoDate(y, mo, d);
      out.push({
        date: iso,
        start: d === null ? isoDate(y, mo, 1) : iso,
        index: start,
        end: m.index + m[0].length,
        raw: text.slice(start, m.index + m[0].length),
        hasYear: y0 !== null,
        precision: d === null ? "month" : "day",
        y,
        m: mo,
        d,
      });
    }

  HALF_RE.lastIndex = 0;
  if (HALF_STEM_RE.test(text))
    for (let m = HALF_RE.exec(text); m; m = HALF_RE.exec(text)) {
      if (overlaps(out, m.index, m.index + m[0].length)) continue;
      const n = ORDINAL[m[1].toLowerCase().replace("º", "°")];
      const kind = m[2].toLowerCase();
      const months = kind.startsWith("sem") ? 6 : kind.startsWith("trim") ? 3 : 4;
      if (!n || n * months > 12) continue;
      const y0 = m[3] ? +m[3] : null;
      const y = y0 ?? defYear;
      if (y === undefined) continue;
      const mo = n * months;
      out.push({
        date: lastDayOfMonthIso(y, mo),
        start: isoDate(y, mo - months + 1, 1),
        index: m.index,
        end: m.index + m[0].length,
        raw: m[0],
        hasYear: y0 !== null,
        precision: "month",
        y,
        m: mo,
        d: null,
      });
    }

  if (out.length > 1) out.sort((a, b) => a.index - b.index);
  return out;
}

/** A whole-match day date (`2025-03-31`, `31/03/2025`). */
function daySpan(m: RegExpExecArray, y: number, mo: number, d: number, hasYear: boolean): DateSpan {
  const iso = isoDate(y, mo, d);
  return {
    date: iso,
    start: iso,
    index: m.index,
    end: m.index + m[0].length,
    raw: m[0],
    hasYear,
    precision: "day",
    y,
    m: mo,
    d,
  };
}

function overlaps(spans: DateSpan[], a: number, b: number): boolean {
  for (const s of spans) if (a < s.end && b > s.index) return true;
  return false;
}

const RANGE_FROM_RE =
  /(?:^|[^\p{L}])(?:da|dal|dall'|dalla|dai|a partire da(?:l)?|tra(?: il)?|fra(?: il)?)\s*(?:il\s+|l')?$/iu;
const RANGE_MID_RE =
  /^\s*(?:-|–|—|\/|a|al|all'|alla|fino\s+a(?:l)?|e|ed|al\s+più\s+tardi)\s*(?:il\s+|l')?$/iu;

/** The two dates of a range `da X a Y` / `dal X al Y` / `X - Y`, when `text` has one. */
export function findDateRange(spans: DateSpan[], text: string): [DateSpan, DateSpan] | null {
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i];
    const b = spans[i + 1];
    const mid = text.slice(a.end, b.index);
    if (!RANGE_MID_RE.test(mid)) continue;
    const before = text.slice(Math.max(0, a.index - 24), a.index);
    const dash = /^\s*[-–—]\s*$/.test(mid);
    if (RANGE_FROM_RE.test(before) || dash) return [a, b];
  }
  return null;
}

/**
 * The date written in `text` (ISO), with `from` when it is a range (`da 01/01/2025 a giugno 2025`).
 * A month alone means its last day (as a range start, its first day); a missing year comes from
 * `year` (or, in a range, from the other end). Null when the text has no date.
 */
export function parseItalianDate(
  text: string,
  year?: number
): { date: string; from?: string } | null {
  if (typeof text !== "string") return null;
  const spans = findDates(text, year);
  if (spans.length === 0) return null;
  const range = findDateRange(spans, text);
  if (range) {
    const [a, b] = range;
    let from = a.start;
    if (!a.hasYear && b.hasYear) {
      from = a.precision === "month" ? isoDate(b.y, a.m, 1) : isoDate(b.y, a.m, a.d ?? 1);
    }
    return { date: b.date, from };
  }
  return { date: spans[0].date };
}
