/**
 * The Riepilogo table as the pane shows and copies it: cached values of the sheet model formatted
 * the Italian way, an HTML table for Word and tab-separated text for everything else.
 */
import type { SheetCellValue, SheetSpec } from "../core/sheets/types";
import { formatItalianNumber, formatPercent } from "../core/numbers";

export interface PlainTable {
  headers: string[];
  rows: string[][];
}

/** A cell as Excel would show it in the column's number format. */
export function displayCell(v: SheetCellValue, numFmt?: string): string {
  let value: unknown = v;
  if (v !== null && typeof v === "object") value = "formula" in v ? v.result : v.text;
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "VERO" : "FALSO";
  if (typeof value === "number") {
    if (numFmt?.includes("%")) return formatPercent(value, /\.0/.test(numFmt) ? 1 : 0);
    const decimals = numFmt === "#,##0" ? 0 : undefined;
    return formatItalianNumber(
      decimals === 0 ? Math.round(value) : Math.round(value * 100) / 100,
      decimals
    );
  }
  return String(value);
}

export function plainTable(sheet: SheetSpec): PlainTable {
  const headers = sheet.columns.map((c) => c.header);
  const rows = sheet.rows.map((row) =>
    sheet.columns.map((c, i) => displayCell(row[i] ?? null, c.numFmt))
  );
  if (sheet.totalsRow) {
    rows.push(
      sheet.columns.map((c) => {
        const t = c.total;
        if (!t) return "";
        return "label" in t ? t.label : displayCell(t.result, c.numFmt);
      })
    );
  }
  return { headers, rows };
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A self-contained HTML table (what Word pastes as a table). Only for the clipboard, never put into the page. */
export function tableHtml(t: PlainTable, caption: string): string {
  const cell = (tag: string, s: string) =>
    `<${tag} style="border:1px solid #999;padding:2px 6px">${escapeHtml(s)}</${tag}>`;
  const head = `<tr>${t.headers.map((h) => cell("th", h)).join("")}</tr>`;
  const body = t.rows.map((r) => `<tr>${r.map((c) => cell("td", c)).join("")}</tr>`).join("");
  return `<table style="border-collapse:collapse"><caption>${escapeHtml(caption)}</caption>${head}${body}</table>`;
}

export function tableText(t: PlainTable): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, " ");
  return [t.headers, ...t.rows].map((r) => r.map(clean).join("\t")).join("\n");
}

/**
 * Copy for Word: the Clipboard API with HTML and text; where it is missing or refused (Excel on the
 * web), select the rendered table and use execCommand('copy').
 */
export async function copyTable(
  t: PlainTable,
  caption: string,
  rendered: HTMLElement | null
): Promise<boolean> {
  try {
    if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([tableHtml(t, caption)], { type: "text/html" }),
          "text/plain": new Blob([tableText(t)], { type: "text/plain" }),
        }),
      ]);
      return true;
    }
  } catch {
    // fall through to the selection fallback
  }
  if (!rendered) return false;
  const selection = window.getSelection();
  if (!selection) return false;
  const range = document.createRange();
  range.selectNodeContents(rendered);
  selection.removeAllRanges();
  selection.addRange(range);
  try {
    return document.execCommand("copy");
  } finally {
    selection.removeAllRanges();
  }
}
