/**
 * The deliberation summary opened by real programs: the .docx converted to PDF by LibreOffice and
 * read back with pdftotext shows every objective with its percentage; the summary .xlsx opens in
 * LibreOffice with the same rows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { buildSummary, type Summary } from "../../src/core/summary";
import { renderSummaryDocx } from "../../src/report/docx";
import { renderSummaryHtml } from "../../src/report/html";
import { renderSummaryXlsx } from "../../src/report/xlsx";
import { pctText } from "../../src/report/format";
import { analyzeWorkbook } from "../../src/core/pipeline";
import { readXlsxGrids } from "../../src/xlsx/read";
import { requireProgram } from "../helpers/programs";
import { convert, pdfText, sheetsAsComputed } from "../helpers/libreoffice";
import { sampleModel } from "../sheets/sample-model";

const HAVE = requireProgram("soffice") && requireProgram("pdftotext");
const run = HAVE ? test : test.skip;
jest.setTimeout(240000);

function tmp(name: string, bytes: Uint8Array | string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "peg-e2e-sum-")), name);
  writeFileSync(file, bytes);
  return file;
}

/** Words of a line, spaces collapsed (pdftotext lays columns out with runs of spaces). */
function flat(s: string): string {
  return s.replace(/\s+/g, " ");
}

async function checkPdf(summary: Summary): Promise<string> {
  const docx = tmp("riepilogo.docx", await renderSummaryDocx(summary));
  const outdir = convert(docx, "pdf");
  const text = pdfText(path.join(outdir, "riepilogo.pdf"));
  const lines = text.split(/\n/).map(flat);
  for (const g of summary.groups) {
    expect(text).toContain(g.title.split(" ")[0]);
    for (const r of g.rows) {
      // The code and the percentage are on the same line of the table row.
      const line = lines.find(
        (l) => l.includes(` ${r.code} `) || l.trimStart().startsWith(`${r.code} `)
      );
      expect(line).toBeDefined();
      expect(line).toContain(pctText(r.achievement));
      expect(line).toContain(r.esito);
    }
  }
  return text;
}

describe("summary in real programs", () => {
  run("docx -> PDF shows every objective with its percentage, no names", async () => {
    const text = await checkPdf(buildSummary(sampleModel(), { withNames: false }));
    expect(flat(text)).toContain("87%");
    expect(flat(text)).toContain("Comune di Prova");
    expect(text).not.toContain("Conti");
    expect(flat(text)).toContain("33/2013");
  });

  run("docx with --con-nomi shows the dirigente", async () => {
    const text = await checkPdf(buildSummary(sampleModel(), { withNames: true }));
    expect(text).toContain("Mario Conti");
  });

  test("html has the same rows as the docx", () => {
    const summary = buildSummary(sampleModel(), { withNames: false });
    const html = renderSummaryHtml(summary);
    for (const g of summary.groups)
      for (const r of g.rows)
        expect(html).toMatch(
          new RegExp(
            `<td[^>]*>${r.code.replace(/\./g, "\\.")}</td>.*?<td[^>]*>${pctText(r.achievement)}</td>`
          )
        );
  });

  run("summary xlsx opens in LibreOffice with every objective", async () => {
    const summary = buildSummary(sampleModel(), { withNames: false });
    const file = tmp("riepilogo.xlsx", await renderSummaryXlsx(summary));
    const rows = sheetsAsComputed(file).get("Riepilogo") ?? [];
    for (const g of summary.groups)
      for (const r of g.rows) {
        const row = rows.find((x) => x[1] === r.code);
        expect(row?.[0]).toBe(g.title);
      }
  });

  run("fixture plans: every objective in the PDF", async () => {
    for (const seed of ["seed-002", "seed-003"]) {
      const file = path.join(__dirname, "..", "fixtures", seed, "input.xlsx");
      const grids = await readXlsxGrids(new Uint8Array(readFileSync(file)), "input.xlsx");
      const model = analyzeWorkbook(grids, { files: ["input.xlsx"] });
      await checkPdf(buildSummary(model, { withNames: false }));
    }
  });
});
