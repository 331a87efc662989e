/**
 * What a cell shows (docs/mapping.md, "What is read from a cell"): the one place that says which
 * number formats are percentages, fixed decimals or dates, how Italian Excel shows a value in them
 * (`15%`, `12,5%`, `8,00`, `31/12/2025`), and how an Excel date serial becomes a date. Every reader
 * uses it: Office.js (src/excel/read.ts), exceljs (src/xlsx/read.ts), the lean xlsx reader
 * (src/xlsx/fast-read.ts), the custom functions and the target engine, so a cell reads the same in
 * the add-in and in the CLI.
 */
import type { CellValue } from "./grid";
import { dateToIso, isIsoDate } from "./dates";

/** Sections of a format code, split on `;` outside quotes and brackets. */
function firstSection(fmt: string): string {
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && ch === "[") inBracket = true;
    else if (!inQuote && ch === "]") inBracket = false;
    else if (!inQuote && !inBracket && ch === ";") return fmt.slice(0, i);
  }
  return fmt;
}

/** Format code without quoted literals, escaped characters and [..] blocks. */
function codeOnly(section: string): string {
  return section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

export function isPercentFormat(fmt: string): boolean {
  return codeOnly(firstSection(fmt)).includes("%");
}

/** Decimal places of the first section (`0.0%` -> 1). */
export function formatDecimals(fmt: string): number {
  const code = codeOnly(firstSection(fmt));
  const m = /\.([0#?]+)/.exec(code);
  return m ? m[1].length : 0;
}

/** 0.125 in `0.0%` -> "12,5%"; in `0%` -> "13%" (as Excel shows it). */
export function formatPercentText(value: number, fmt: string): string {
  const decimals = Math.min(formatDecimals(fmt), 10);
  const code = codeOnly(firstSection(fmt));
  const optional = /\.(#+)/.test(code);
  const pct = value * 100;
  let s = pct.toFixed(decimals);
  if (optional && s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  const [int, dec] = s.split(".");
  const neg = int.startsWith("-");
  const digits = neg ? int.slice(1) : int;
  const grouped = code.includes(",") ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : digits;
  return `${neg ? "-" : ""}${grouped}${dec ? "," + dec : ""}%`;
}

/**
 * Displayed text of a number where it matters to a reader of targets: percentages ("15%") and
 * fixed decimals (`0.00`, `#,##0.00`: "8,00", as Italian Excel shows them; targets are read as
 * written). Null when the plain value says it all.
 */
export function numberDisplayText(value: number, numFmt: string | undefined): string | null {
  if (!numFmt) return null;
  if (isPercentFormat(numFmt)) return formatPercentText(value, numFmt);
  const fixed = /^(#,##)?0\.(0{1,10})$/.exec(numFmt);
  if (fixed) {
    const [int, dec] = Math.abs(value).toFixed(fixed[2].length).split(".");
    const grouped = fixed[1] ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : int;
    const negative = value < 0 && /[1-9]/.test(int + dec);
    return `${negative ? "-" : ""}${grouped},${dec}`;
  }
  return null;
}

/** A date cell as Italian Excel shows it: `31/12/2025`, with the time when it has one. */
export function dateDisplayText(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  const base = `${dd}/${mm}/${d.getUTCFullYear()}`;
  const h = d.getUTCHours();
  const mi = d.getUTCMinutes();
  return h === 0 && mi === 0
    ? base
    : `${base} ${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}`;
}

/**
 * A date or time format (d, m, y, h, s, b outside quotes and brackets): exceljs' own rule, so the
 * readers that decide it themselves (Office.js, the lean reader) agree with exceljs.
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}

/** The text a person sees where it matters: dates (`31/12/2025`), percentages, fixed decimals. */
export function cellDisplayText(value: CellValue, numFmt: string | undefined): string | null {
  if (value instanceof Date) return dateDisplayText(value);
  if (typeof value === "number") return numberDisplayText(value, numFmt);
  return null;
}

/** Excel serial day 0 is 1899-12-30 (the 1900 leap-year bug included); 1904 system: 1904-01-01. */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const DAYS_1904 = 1462;
const DAY_MS = 86400000;

/** An Excel serial (days, with the time as a fraction) as a UTC Date, as exceljs gives dates. */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  return new Date(EPOCH_1900_MS + Math.round((serial + (date1904 ? DAYS_1904 : 0)) * DAY_MS));
}

/** An Excel serial day number (1900 date system, as Office.js `values` gives dates) as ISO. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return dateToIso(excelSerialToDate(Math.floor(serial)));
}

/** ISO to the Excel serial day number. */
export function isoToExcelSerial(iso: string): number | null {
  if (!isIsoDate(iso)) return null;
  const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  return Math.round((t - EPOCH_1900_MS) / DAY_MS);
}

/** The serials a plain number may be a date at: 20000 (1954-10-03) to 100000 (2173-10-14). */
export const DATE_SERIAL_MIN = 20000;
export const DATE_SERIAL_MAX = 100000;

/**
 * A number where a date is expected (a consuntivo against a deadline, `alla_data`): an Excel date
 * serial in a plausible range (a date cell reaches a custom function as its serial), as ISO; null
 * for any other number (a count, a year such as 2025).
 */
export function dateSerialToIso(v: number): string | null {
  if (!Number.isFinite(v) || v < DATE_SERIAL_MIN || v > DATE_SERIAL_MAX) return null;
  return excelSerialToIso(v);
}

/** A blank cell: empty, or text of spaces only. */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The cells of a range (a matrix, a list, or a single cell) in reading order. */
export function flattenRange(values: unknown, out: unknown[] = []): unknown[] {
  if (!Array.isArray(values)) out.push(values);
  else for (const v of values) flattenRange(v, out);
  return out;
}
