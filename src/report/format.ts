/**
 * Italian text of the summary's figures, shared by the .docx, .html and .xlsx renderers:
 * `87,5%`, `1.200`, `27,5`, a dash for "no value".
 */
import { formatItalianNumber, formatPercent } from "../core/numbers";
import type {
  Summary,
  SummaryGroup,
  SummaryRow,
  SummarySection,
  SummaryTotals,
} from "../core/summary";

export const DASH = "—";

/** Longest text a spreadsheet cell holds. */
export const MAX_CELL_TEXT = 32767;

/**
 * Text safe for XML documents (docx, xlsx, html): control characters other than tab and line
 * breaks, lone surrogates and U+FFFE/U+FFFF removed.
 */
export function cleanText(s: string): string {
  return (
    String(s ?? "")
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
  );
}

export function pctText(f: number | null | undefined): string {
  return typeof f === "number" && Number.isFinite(f) ? formatPercent(f, 1) : DASH;
}

/** Up to two decimals, trailing zeros dropped: 27 -> "27", 34.8 -> "34,8", 1/3 -> "0,33". */
export function numText(n: number | null | undefined): string {
  if (typeof n !== "number" || !Number.isFinite(n)) return DASH;
  let s = formatItalianNumber(Math.round(n * 100) / 100, 2);
  if (s.includes(",")) s = s.replace(/0+$/, "").replace(/,$/, "");
  return s === "-0" ? "0" : s;
}

export interface TableText {
  headers: string[];
  /** Index of columns that hold numbers (right-aligned). */
  numeric: Set<number>;
  rows: string[][];
  /** The totals row. */
  total: string[];
}

/** Column headers of a group's table. */
export function headers(summary: Summary): string[] {
  return [
    "Codice",
    "Obiettivo",
    ...(summary.withNames ? ["Dirigente"] : []),
    "Peso",
    "% raggiungimento",
    "Punteggio",
    "Esito",
  ];
}

function rowText(summary: Summary, r: SummaryRow): string[] {
  return [
    r.code,
    r.title,
    ...(summary.withNames ? [r.dirigente ?? DASH] : []),
    numText(r.peso),
    pctText(r.achievement),
    numText(r.score),
    r.esito,
  ];
}

/** "2 RAGGIUNTO, 1 PARZIALE" */
export function esitoCounts(t: SummaryTotals): string {
  return [...t.byEsito.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([w, n]) => `${n} ${w}`)
    .join(", ");
}

function totalText(summary: Summary, t: SummaryTotals, label: string): string[] {
  return [
    label,
    t.objectives === 1 ? "1 obiettivo" : `${t.objectives} obiettivi`,
    ...(summary.withNames ? [""] : []),
    numText(t.peso),
    pctText(t.averageAchievement),
    numText(t.score),
    esitoCounts(t),
  ];
}

export function groupTable(summary: Summary, g: SummaryGroup): TableText {
  const h = headers(summary);
  const numeric = new Set<number>([
    h.indexOf("Peso"),
    h.indexOf("% raggiungimento"),
    h.indexOf("Punteggio"),
  ]);
  return {
    headers: h,
    numeric,
    rows: g.rows.map((r) => rowText(summary, r)),
    total: totalText(summary, g.totals, "Totale"),
  };
}

/** The totals by settore of one section (all groups when no section is given). */
export function overallTable(summary: Summary, section?: SummarySection): TableText {
  const h = [
    "Settore",
    ...(summary.withNames ? ["Dirigente"] : []),
    "Obiettivi",
    "Peso",
    "% raggiungimento",
    "Punteggio",
    "Esiti",
  ];
  const numeric = new Set<number>([
    h.indexOf("Obiettivi"),
    h.indexOf("Peso"),
    h.indexOf("% raggiungimento"),
    h.indexOf("Punteggio"),
  ]);
  const line = (title: string, dirigente: string | undefined, t: SummaryTotals) => [
    title,
    ...(summary.withNames ? [dirigente ?? ""] : []),
    String(t.objectives),
    numText(t.peso),
    pctText(t.averageAchievement),
    numText(t.score),
    esitoCounts(t),
  ];
  return {
    headers: h,
    numeric,
    rows: (section ?? summary).groups.map((g) => line(g.title, g.dirigente, g.totals)),
    total: line("Totale ente", undefined, (section ?? summary).totals),
  };
}

/** Lines under the title: ente, year, plan; the files only when asked (`--con-file`). */
export function subtitleLines(summary: Summary): string[] {
  const lines: string[] = [];
  if (summary.ente) lines.push(`Ente: ${summary.ente}`);
  if (summary.year !== null) lines.push(`Anno: ${summary.year}`);
  if (summary.kind) lines.push(`Documento: ${summary.kind}`);
  if (summary.withFiles && summary.files.length) lines.push(`File: ${summary.files.join(", ")}`);
  return lines;
}

/** The body of the document in order, the same for .docx and .html. */
export type Block =
  | { kind: "heading"; level: 2 | 3; text: string }
  | { kind: "table"; table: TableText }
  | { kind: "text"; text: string };

export function bodyBlocks(summary: Summary): Block[] {
  const blocks: Block[] = [];
  const several = summary.sections.length > 1;
  const level = several ? 3 : 2;
  for (const section of summary.sections) {
    if (several) {
      blocks.push({ kind: "heading", level: 2, text: section.title });
      if (section.kind) blocks.push({ kind: "text", text: `Documento: ${section.kind}` });
    }
    for (const g of section.groups) {
      blocks.push({ kind: "heading", level, text: groupHeading(summary, g) });
      blocks.push({ kind: "table", table: groupTable(summary, g) });
    }
    if (section.groups.length > 0) {
      blocks.push({ kind: "heading", level, text: "Riepilogo per settore" });
      blocks.push({ kind: "table", table: overallTable(summary, section) });
    }
  }
  return blocks;
}

export function groupHeading(summary: Summary, g: SummaryGroup): string {
  if (!summary.withNames || !g.dirigente || g.title.startsWith("Dirigente: ")) return g.title;
  return `${g.title} — Dirigente: ${g.dirigente}`;
}

/**
 * The objectives of the Word summary as one table (what "Copia la tabella per Word" copies): the
 * settore first when there are several, every objective with its figures, a totals row.
 */
export function objectivesTable(summary: Summary): { headers: string[]; rows: string[][] } {
  const several = summary.groups.length > 1;
  const h = headers(summary);
  const rows: string[][] = [];
  for (const g of summary.groups)
    for (const r of g.rows) rows.push([...(several ? [g.title] : []), ...rowText(summary, r)]);
  const total = totalText(summary, summary.totals, "Totale");
  rows.push(several ? [total[0], "", ...total.slice(1)] : total);
  return { headers: [...(several ? ["Settore"] : []), ...h], rows };
}
