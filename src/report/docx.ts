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
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Summary } from "../core/summary";
import { groupHeading, groupTable, overallTable, subtitleLines, type TableText } from "./format";

const FONT = "Calibri";
/** A4 in twentieths of a point, 2 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT = PAGE.width - 2 * PAGE.margin;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

/** Relative widths of the columns (Obiettivo / Settore takes the room). */
function widths(headers: string[]): number[] {
  const w = headers.map((h) => {
    switch (h) {
      case "Obiettivo":
      case "Settore":
        return 34;
      case "Esito":
      case "Esiti":
        return 16;
      case "Dirigente":
        return 14;
      case "Codice":
        return 11;
      case "% raggiungimento":
        return 13;
      default:
        return 10;
    }
  });
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => Math.floor((x / sum) * CONTENT));
}

function cell(
  text: string,
  width: number,
  opts: { bold?: boolean; right?: boolean; shade?: string }
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    shading: opts.shade ? { type: ShadingType.CLEAR, color: "auto", fill: opts.shade } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: opts.bold, font: FONT, size: 18 })],
      }),
    ],
  });
}

function table(t: TableText): Table {
  const w = widths(t.headers);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.headers.map((h, i) =>
      cell(h, w[i], { bold: true, right: t.numeric.has(i), shade: "D9E2F3" })
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
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: w,
    rows: [header, ...body, total],
  });
}

function text(s: string, opts: { size?: number; bold?: boolean; color?: string } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    children: [
      new TextRun({
        text: s,
        font: FONT,
        size: opts.size ?? 22,
        bold: opts.bold,
        color: opts.color,
      }),
    ],
  });
}

function heading(s: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    spacing: { before: level === 1 ? 0 : 280, after: 120 },
    keepNext: true,
    children: [
      new TextRun({
        text: s,
        font: FONT,
        size: level === 1 ? 32 : 26,
        bold: true,
        color: "1F3864",
      }),
    ],
  });
}

export function summaryDocument(summary: Summary): Document {
  const children: (Paragraph | Table)[] = [heading(summary.title, 1)];
  for (const l of subtitleLines(summary)) children.push(text(l));
  if (summary.groups.length === 0)
    children.push(text("Nessun obiettivo operativo trovato nel piano."));
  for (const g of summary.groups) {
    children.push(heading(groupHeading(summary, g), 2));
    children.push(table(groupTable(summary, g)));
  }
  if (summary.groups.length > 0) {
    children.push(heading("Riepilogo per settore", 2));
    children.push(table(overallTable(summary)));
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
            size: { width: PAGE.width, height: PAGE.height },
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
