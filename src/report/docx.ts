/**
 * The summary as a Word document (docx library): A4 portrait, Calibri 11 pt, one real Word table
 * per settore with a header row repeated on every page, totals in bold, Italian number formats.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Summary } from "../core/summary";
import { bodyBlocks, cleanText, subtitleLines, type TableText } from "./format";

const FONT = "Calibri";
/** A4 in twentieths of a point, 2 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

/** Column widths in twips: numbers and Esito get what their words need, the title takes the rest. */
function widths(t: TableText, content: number): number[] {
  const longest = (i: number) =>
    Math.max(t.headers[i].length, ...t.rows.map((r) => r[i]?.length ?? 0));
  const fixed = t.headers.map((h, i) => {
    switch (h) {
      case "Obiettivo":
      case "Settore":
        return 0;
      case "Codice":
        // Codes such as 2_1201_0401 must not break across lines.
        return Math.min(2400, Math.max(900, longest(i) * 125 + 250));
      case "Peso":
        return 800;
      case "Obiettivi":
        return 1100;
      case "% raggiungimento":
        return 1750;
      case "Punteggio":
        return 1250;
      case "Esito":
        return 1650;
      case "Esiti":
        return 2200;
      case "Dirigente":
        return 1700;
      default:
        return 1200;
    }
  });
  const flexible = fixed.filter((w) => w === 0).length || 1;
  const rest = Math.max(1500, content - fixed.reduce((a, b) => a + b, 0));
  return fixed.map((w) => (w === 0 ? Math.floor(rest / flexible) : w));
}

function cell(
  text: string,
  width: number,
  opts: { bold?: boolean; right?: boolean; shade?: string; size?: number }
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    shading: opts.shade ? { type: ShadingType.CLEAR, color: "auto", fill: opts.shade } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [
          new TextRun({
            text: cleanText(text),
            bold: opts.bold,
            font: FONT,
            size: opts.size ?? 18,
          }),
        ],
      }),
    ],
  });
}

function table(t: TableText, content: number): Table {
  const w = widths(t, content);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.headers.map((h, i) =>
      cell(h, w[i], { bold: true, right: t.numeric.has(i), shade: "D9E2F3", size: 16 })
    ),
  });
  const body = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map((c, i) => cell(c, w[i], { right: t.numeric.has(i) })),
      })
  );
  const total = new TableRow({
    cantSplit: true,
    children: t.total.map((c, i) =>
      cell(c, w[i], { bold: true, right: t.numeric.has(i), shade: "F2F2F2" })
    ),
  });
  return new Table({
    width: { size: w.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: w,
    rows: [header, ...body, total],
  });
}

function text(s: string, opts: { size?: number; bold?: boolean; color?: string } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    children: [
      new TextRun({
        text: cleanText(s),
        font: FONT,
        size: opts.size ?? 22,
        bold: opts.bold,
        color: opts.color,
      }),
    ],
  });
}

function heading(s: string, level: 1 | 2 | 3): Paragraph {
  return new Paragraph({
    heading:
      level === 1
        ? HeadingLevel.HEADING_1
        : level === 2
          ? HeadingLevel.HEADING_2
          : HeadingLevel.HEADING_3,
    spacing: { before: level === 1 ? 0 : 280, after: 120 },
    keepNext: true,
    children: [
      new TextRun({
        text: cleanText(s),
        font: FONT,
        size: level === 1 ? 32 : level === 2 ? 26 : 24,
        bold: true,
        color: "1F3864",
      }),
    ],
  });
}

export function summaryDocument(summary: Summary): Document {
  // With names the table has one more column: landscape keeps the titles readable.
  const landscape = summary.withNames;
  const pageWidth = landscape ? PAGE.height : PAGE.width;
  const content = pageWidth - 2 * PAGE.margin;
  const children: (Paragraph | Table)[] = [heading(summary.title, 1)];
  for (const l of subtitleLines(summary)) children.push(text(l));
  if (summary.groups.length === 0)
    children.push(text("Nessun obiettivo operativo trovato nel piano."));
  for (const b of bodyBlocks(summary)) {
    if (b.kind === "table") children.push(table(b.table, content));
    else if (b.kind === "text") children.push(text(b.text));
    else children.push(heading(b.text, b.level));
  }
  children.push(text(""));
  for (const n of summary.notes) children.push(text(n, { size: 18, color: "404040" }));
  return new Document({
    creator: "PEG Performance",
    title: summary.title,
    styles: {
      default: { document: { run: { font: FONT, size: 22, language: { value: "it-IT" } } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: PAGE.width,
              height: PAGE.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: ["Pagina ", PageNumber.CURRENT, " di ", PageNumber.TOTAL_PAGES],
                    font: FONT,
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The .docx bytes (browser-safe: no Node Buffer needed). */
export async function renderSummaryDocx(summary: Summary): Promise<Uint8Array> {
  const ab = await Packer.toArrayBuffer(summaryDocument(summary));
  return new Uint8Array(ab);
}
