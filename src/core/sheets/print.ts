/**
 * Print-ready structured sheets: A4 landscape, every column on one page wide, the header row
 * repeated on every page, a footer with the sheet name and the page (`&A`, `Pagina &P di &N`).
 * Column widths come from the content (at least the header's longest word, so headers break
 * between words, never inside one); long text wraps, and each row is as high as its wrapped text.
 * Widths are in characters of the default font (Calibri 11), heights in points.
 */
import {
  isFormulaCell,
  isLinkCell,
  type ColumnSpec,
  type PageSpec,
  type SheetCellValue,
  type SheetSpec,
} from "./types";

export const PAGE: PageSpec = {
  paper: "A4",
  orientation: "landscape",
  fitToWidth: 1,
  fitToHeight: 0,
  titleRows: 1,
  footerLeft: "&A",
  footerRight: "Pagina &P di &N",
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};

/** Points per line of Calibri 11 (Excel's default row height). */
export const LINE_HEIGHT = 15;
/** Excel's largest row height. */
const MAX_HEIGHT = 409;
const MIN_WIDTH = 6;
/** A column without wrapping grows to its content up to this; longer text wraps at it. */
const MAX_PLAIN_WIDTH = 45;
const MAX_WRAP_WIDTH = 60;

/** The text a cell shows, roughly (numbers by their format's length). */
function shown(v: SheetCellValue, numFmt: string | undefined): string {
  if (v === null || v === undefined) return "";
  if (isLinkCell(v)) return v.text;
  if (isFormulaCell(v)) return shown(v.result ?? null, v.numFmt ?? numFmt);
  if (typeof v === "number") {
    const fmt = v === 0 ? "" : (numFmt ?? "");
    if (fmt === "dd/mm/yyyy") return "00/00/0000";
    if (fmt.includes("%")) return `${(v * 100).toFixed(fmt.includes(".") ? 1 : 0)}%`;
    const t = Number.isInteger(v) ? String(v) : v.toPrecision(6);
    return t.length > 15 ? t.slice(0, 15) : t;
  }
  if (typeof v === "boolean") return v ? "VERO" : "FALSO";
  return v;
}

function longestWord(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (w.length > n) n = w.length;
  return n;
}

function longestLine(text: string): number {
  if (!text.includes("\n")) return text.length;
  let n = 0;
  for (const l of text.split("\n")) if (l.length > n) n = l.length;
  return n;
}

/**
 * Characters of ordinary text per unit of column width: a width counts the font's widest digit,
 * letters are narrower on average (about 1.3 in print); a little less, so text never overflows.
 */
const CHARS_PER_WIDTH = 1.15;

/** Lines a text takes wrapped at word boundaries in a column `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const per = Math.max(1, Math.floor((width - 1) * CHARS_PER_WIDTH));
  if (text.length <= per && !text.includes("\n")) return text === "" ? 0 : 1;
  let lines = 0;
  for (const para of text.split("\n")) {
    let used = 0;
    let n = 1;
    for (const word of para.split(/\s+/)) {
      if (word === "") continue;
      // A word longer than the line is broken over as many lines as it needs.
      let w = word.length;
      if (used === 0) {
        while (w > per) {
          n++;
          w -= per;
        }
        used = w;
      } else if (used + 1 + w <= per) used += 1 + w;
      else {
        n++;
        while (w > per) {
          n++;
          w -= per;
        }
        used = w;
      }
    }
    lines += n;
  }
  return lines;
}

/** The sheet with widths from its content, wrapping, row heights and page setup. */
export function printReady(sheet: SheetSpec): SheetSpec {
  const columns: ColumnSpec[] = sheet.columns.map((c, j) => {
    // The header's words on their own lines at worst (+2: bold text and the filter button).
    const headerMin = longestWord(c.header) + 3;
    let content = 0;
    for (const r of sheet.rows) {
      const n = longestLine(shown(r[j] ?? null, c.numFmt));
      if (n > content) content = n;
    }
    const total = c.total && "label" in c.total ? c.total.label.length : 0;
    const need = Math.max(content, total) + 2;
    let wrap = c.wrap === true;
    let width: number;
    if (wrap) width = Math.min(c.width ?? MAX_WRAP_WIDTH, need);
    else if (need > MAX_PLAIN_WIDTH) {
      wrap = true;
      width = MAX_PLAIN_WIDTH;
    } else width = need;
    width = Math.max(MIN_WIDTH, headerMin, Math.min(width, MAX_WRAP_WIDTH));
    return { ...c, width, wrap };
  });
  const headerLines = Math.max(
    1,
    ...columns.map((c) => wrappedLines(c.header, (c.width ?? 10) - 2))
  );
  const wrapping = columns.map((c, j) => (c.wrap ? j : -1)).filter((j) => j >= 0);
  const rowHeights = sheet.rows.map((r) => {
    let lines = 1;
    for (const j of wrapping) {
      const n = wrappedLines(shown(r[j] ?? null, columns[j].numFmt), columns[j].width ?? 10);
      if (n > lines) lines = n;
    }
    return lines > 1 ? Math.min(MAX_HEIGHT, lines * LINE_HEIGHT) : null;
  });
  return {
    ...sheet,
    columns,
    page: PAGE,
    headerHeight: Math.min(MAX_HEIGHT, headerLines * LINE_HEIGHT + 4),
    rowHeights,
    freeze: { rows: Math.max(1, sheet.freeze?.rows ?? 1), cols: sheet.freeze?.cols ?? 0 },
  };
}
