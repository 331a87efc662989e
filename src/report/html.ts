/**
 * The summary as one self-contained HTML page: plain tables with inline styles (no scripts, no
 * external files) that paste cleanly into Word. Every text is escaped.
 */
import type { Summary } from "../core/summary";
import { bodyBlocks, cleanText, subtitleLines, type TableText } from "./format";

export function escapeHtml(s: string): string {
  return cleanText(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const CELL = "border:1px solid #808080;padding:3pt 5pt;vertical-align:top;";

/**
 * Print: A4 with margins, nothing pushed onto a page of its own (no blank first page), headers
 * repeated, rows and headings kept whole, codes and numbers never wrapped.
 */
const PRINT_CSS = `@page { size: A4; margin: 15mm; }
html, body { margin: 0; padding: 0; }
body { padding: 12px; }
table { page-break-inside: auto; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, td, th { page-break-inside: avoid; break-inside: avoid; }
h1, h2, h3 { page-break-after: avoid; break-after: avoid; }
.nowrap { white-space: nowrap; }
@media print {
  body { padding: 0; }
  h1 { margin-top: 0; page-break-before: avoid; break-before: avoid; }
}`;

/** Columns whose text must stay on one line: codes and figures. */
const NOWRAP = new Set(["Codice", "Peso", "% raggiungimento", "Punteggio", "Obiettivi", "Esito"]);

function table(t: TableText): string {
  // Both the CSS and the old attribute: LibreOffice honours only the attribute.
  const nowrap = (i: number) => (NOWRAP.has(t.headers[i]) ? ' class="nowrap" nowrap="nowrap"' : "");
  // LibreOffice also needs a width to keep them whole: what the longest text (and the header's
  // longest word, headers break between words) needs at 10 pt.
  const width = (i: number) => {
    if (!NOWRAP.has(t.headers[i])) return "";
    const word = Math.max(...t.headers[i].split(/\s+/).map((w) => w.length));
    const longest = Math.max(word, ...t.rows.map((r) => (r[i] ?? "").length));
    return ` width="${Math.min(220, longest * 8 + 18)}"`;
  };
  const align = (i: number) =>
    (t.numeric.has(i) ? "text-align:right;" : "text-align:left;") +
    (NOWRAP.has(t.headers[i]) ? "white-space:nowrap;" : "");
  const th = t.headers
    .map(
      (h, i) =>
        `<th${nowrap(i)}${width(i)} style="${CELL}${align(i)}background:#D9E2F3;font-weight:bold">${escapeHtml(h)}</th>`
    )
    .join("");
  const rows = t.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td${nowrap(i)} style="${CELL}${align(i)}">${escapeHtml(c)}</td>`).join("")}</tr>`
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
  // The title block is a one-cell layout table: LibreOffice (Writer/Web) prints an HTML page that
  // opens with a paragraph as a blank first page and drops that paragraph; a table it prints.
  const head = [
    `<h1 style="font-size:16pt;margin:0 0 6pt 0">${escapeHtml(summary.title)}</h1>`,
    ...subtitleLines(summary).map((l) => `<p style="margin:0">${escapeHtml(l)}</p>`),
  ];
  parts.push(
    `<table role="presentation" class="title" style="border:0;border-collapse:collapse;width:100%"><tr><td style="border:0;padding:0">\n${head.join("\n")}\n</td></tr></table>`
  );
  if (summary.groups.length === 0) {
    parts.push(`<p>Nessun obiettivo operativo trovato nel piano.</p>`);
  }
  for (const b of bodyBlocks(summary)) {
    if (b.kind === "table") parts.push(table(b.table));
    else if (b.kind === "text") parts.push(`<p style="margin:0">${escapeHtml(b.text)}</p>`);
    else
      parts.push(
        `<h${b.level} style="font-size:${b.level === 2 ? 13 : 12}pt;margin-top:16pt">${escapeHtml(b.text)}</h${b.level}>`
      );
  }
  for (const n of summary.notes)
    parts.push(`<p style="font-size:9pt;color:#404040">${escapeHtml(n)}</p>`);
  return (
    `<!DOCTYPE html>\n<html lang="it">\n<head>\n<meta charset="utf-8">\n` +
    `<title>${escapeHtml(summary.title)}</title>\n<style>\n${PRINT_CSS}\n</style>\n</head>\n` +
    `<body style="font-family:Calibri,Arial,sans-serif;font-size:11pt">\n${parts.join("\n")}\n</body>\n</html>\n`
  );
}
