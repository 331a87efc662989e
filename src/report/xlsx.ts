/**
 * The summary as a `Riepilogo` workbook (exceljs, browser-safe): a title block, one table of the
 * objectives with their settore (filterable, totals row), one table of totals per settore, notes.
 */
import ExcelJS from "exceljs";
import type { Summary } from "../core/summary";
import { cleanText, esitoCounts, MAX_CELL_TEXT, subtitleLines } from "./format";

/** Text for a cell: XML-safe and within Excel's length limit. */
function t(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const c = cleanText(s);
  return c.length > MAX_CELL_TEXT ? `${c.slice(0, MAX_CELL_TEXT - 1)}…` : c;
}

const PCT1 = "0.0%";
const NUM = "#,##0.0#";

export async function renderSummaryXlsx(summary: Summary): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "PEG Performance";
  wb.title = summary.title;
  const ws = wb.addWorksheet("Riepilogo");
  ws.getCell("A1").value = t(summary.title);
  ws.getCell("A1").font = { bold: true, size: 14 };
  let r = 2;
  for (const l of subtitleLines(summary)) ws.getCell(r++, 1).value = t(l);
  r++;

  const names = summary.withNames;
  const columns = [
    "Settore",
    "Codice",
    "Obiettivo",
    ...(names ? ["Dirigente"] : []),
    "Peso",
    "% raggiungimento",
    "Punteggio",
    "Esito",
  ];
  // Several enti or years: the settore says which one it belongs to.
  const several = summary.sections.length > 1;
  const groupsWithTitle = summary.sections.flatMap((sec) =>
    sec.groups.map((g) => ({ g, title: several ? `${sec.title} — ${g.title}` : g.title }))
  );
  const rows = groupsWithTitle.flatMap(({ g, title }) =>
    g.rows.map((x) => [
      t(title),
      t(x.code),
      t(x.title),
      ...(names ? [t(x.dirigente)] : []),
      x.peso,
      x.achievement,
      x.score,
      x.esito,
    ])
  );
  const first = r;
  const pesoCol = columns.indexOf("Peso");
  const scoreCol = columns.indexOf("Punteggio");
  ws.addTable({
    name: "RiepilogoObiettivi",
    ref: `A${first}`,
    headerRow: true,
    totalsRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: columns.map((name, i) => {
      if (i === 0) return { name, totalsRowLabel: "Totale" };
      if (i === pesoCol)
        return { name, totalsRowFunction: "sum", totalsRowResult: summary.totals.peso ?? 0 };
      if (i === scoreCol)
        return { name, totalsRowFunction: "sum", totalsRowResult: summary.totals.score ?? 0 };
      return { name, totalsRowFunction: "none" };
    }) as ExcelJS.TableColumnProperties[],
    rows: rows.length ? rows : [columns.map(() => null)],
  });
  const last = first + Math.max(1, rows.length) + 1;
  for (let row = first + 1; row <= last; row++) {
    ws.getCell(row, pesoCol + 1).numFmt = NUM;
    ws.getCell(row, pesoCol + 2).numFmt = PCT1;
    ws.getCell(row, scoreCol + 1).numFmt = NUM;
    ws.getCell(row, 3).alignment = { wrapText: true, vertical: "top" };
    ws.getCell(row, 1).alignment = { wrapText: true, vertical: "top" };
  }
  const widths: Record<string, number> = {
    Settore: 28,
    Codice: 14,
    Obiettivo: 60,
    Dirigente: 20,
    Esito: 16,
  };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = widths[c] ?? 14));

  r = last + 2;
  ws.getCell(r, 1).value = "Totali per settore";
  ws.getCell(r, 1).font = { bold: true };
  r++;
  const groupRows = groupsWithTitle.map(({ g, title }) => [
    t(title),
    g.totals.objectives,
    g.totals.peso,
    g.totals.averageAchievement,
    g.totals.score,
    esitoCounts(g.totals),
  ]);
  const gFirst = r;
  ws.addTable({
    name: "RiepilogoSettori",
    ref: `A${gFirst}`,
    headerRow: true,
    totalsRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [
      { name: "Settore", totalsRowLabel: "Totale ente" },
      { name: "Obiettivi", totalsRowFunction: "sum", totalsRowResult: summary.totals.objectives },
      { name: "Peso totale", totalsRowFunction: "sum", totalsRowResult: summary.totals.peso ?? 0 },
      { name: "Raggiungimento medio", totalsRowFunction: "none" },
      {
        name: "Punteggio totale",
        totalsRowFunction: "sum",
        totalsRowResult: summary.totals.score ?? 0,
      },
      { name: "Esiti", totalsRowFunction: "none" },
    ] as ExcelJS.TableColumnProperties[],
    rows: groupRows.length ? groupRows : [[null, null, null, null, null, null]],
  });
  const gLast = gFirst + Math.max(1, groupRows.length) + 1;
  for (let row = gFirst + 1; row <= gLast; row++) {
    ws.getCell(row, 3).numFmt = NUM;
    ws.getCell(row, 4).numFmt = PCT1;
    ws.getCell(row, 5).numFmt = NUM;
  }
  // The overall average is not a column sum: write it in the totals row as a value.
  ws.getCell(gLast, 4).value = summary.totals.averageAchievement;
  ws.getCell(gLast, 6).value = esitoCounts(summary.totals);

  r = gLast + 2;
  for (const n of summary.notes) {
    ws.getCell(r, 1).value = n;
    ws.mergeCells(r, 1, r, columns.length);
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: "top" };
    ws.getRow(r).height = 45;
    r++;
  }
  ws.views = [{ state: "normal" }];
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
