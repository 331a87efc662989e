/**
 * The summary as one self-contained HTML page: plain tables with inline styles (no scripts, no
 * external files) that paste cleanly into Word. Every text is escaped.
 */
import type { Summary } from "../core/summary";
import {
  cleanText,
  groupHeading,
  groupTable,
  overallTable,
  subtitleLines,
  type TableText,
} from "./format";

export function escapeHtml(s: string): string {
  return cleanText(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const CELL = "border:1px solid #808080;padding:3pt 5pt;vertical-align:top;";

function table(t: TableText): string {
  const align = (i: number) => (t.numeric.has(i) ? "text-align:right;" : "text-align:left;");
  const th = t.headers
    .map(
      (h, i) =>
        `<th style="${CELL}${align(i)}background:#D9E2F3;font-weight:bold">${escapeHtml(h)}</th>`
    )
    .join("");
  const rows = t.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td style="${CELL}${align(i)}">${escapeHtml(c)}</td>`).join("")}</tr>`
    )
    .join("\n");
  const total = `<tr>${t.total
    .map(
      (c, i) =>
        `<td style="${CELL}${align(i)}font-weight:bold;background:#F2F2F2">${escapeHtml(c)}</td>`
    )
    .join("")}</tr>`;
  return (
    `<table style="border-collapse:collapse;width:100%;font-size:10pt" cellspacing="0" cellpadding="4">\n` +
    `<thead><tr>${th}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n<tfoot>${total}</tfoot>\n</table>`
  );
}

export function renderSummaryHtml(summary: Summary): string {
  const parts: string[] = [];
  parts.push(`<h1 style="font-size:16pt">${escapeHtml(summary.title)}</h1>`);
  for (const l of subtitleLines(summary)) parts.push(`<p style="margin:0">${escapeHtml(l)}</p>`);
  if (summary.groups.length === 0) {
    parts.push(`<p>Nessun obiettivo operativo trovato nel piano.</p>`);
  }
  for (const g of summary.groups) {
    parts.push(
      `<h2 style="font-size:13pt;margin-top:16pt">${escapeHtml(groupHeading(summary, g))}</h2>`
    );
    parts.push(table(groupTable(summary, g)));
  }
  if (summary.groups.length > 0) {
    parts.push(`<h2 style="font-size:13pt;margin-top:16pt">Riepilogo per settore</h2>`);
    parts.push(table(overallTable(summary)));
  }
  for (const n of summary.notes)
    parts.push(`<p style="font-size:9pt;color:#404040">${escapeHtml(n)}</p>`);
  return (
    `<!DOCTYPE html>\n<html lang="it">\n<head>\n<meta charset="utf-8">\n` +
    `<title>${escapeHtml(summary.title)}</title>\n</head>\n` +
    `<body style="font-family:Calibri,Arial,sans-serif;font-size:11pt">\n${parts.join("\n")}\n</body>\n</html>\n`
  );
}
