/**
 * The little of Excel number formats the reader needs: is a format a percentage, and how Italian
 * Excel would show a value in it ("15%", "12,5%").
 */

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
