import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import {
  buildSummary,
  buildSummaryOfPlans,
  planKey,
  PLAN_HEADING,
  OTHER_HEADING,
  PRIVACY_NOTE,
} from "../../src/core/summary";
import { renderSummaryHtml, escapeHtml } from "../../src/report/html";
import { renderSummaryDocx } from "../../src/report/docx";
import { renderSummaryXlsx } from "../../src/report/xlsx";
import { numText, pctText } from "../../src/report/format";
import { runSummary } from "../../src/cli/commands/summary";
import { bufferIo } from "../../src/cli/io";
import { isPegInputError } from "../../src/core/errors";
import { sampleModel } from "../sheets/sample-model";
import { buildWorkbookSpec, type FormulaCell } from "../../src/core/sheets";

describe("buildSummary", () => {
  test("one group per settore with the workbook's figures, no names by default", () => {
    const s = buildSummary(sampleModel(), { withNames: false });
    expect(s.ente).toBe("Comune di Prova");
    expect(s.year).toBe(2025);
    expect(s.groups.map((g) => g.title)).toEqual(["Settore Servizi sociali", "Settore Tecnico"]);
    const social = s.groups[0];
    expect(social.rows.map((r) => r.code)).toEqual(["1.1", "1.2"]);
    expect(social.rows[0].achievement).toBeCloseTo(0.87);
    expect(social.rows[0].score).toBeCloseTo(34.8);
    expect(social.rows[0].esito).toBe("PARZIALE");
    expect(social.totals.peso).toBe(100);
    expect(social.totals.score).toBeCloseTo(34.8 + 33);
    // The mean of the objectives' achievement, as the Riepilogo sheet computes it.
    expect(social.totals.averageAchievement).toBeCloseTo((0.87 + 0.55) / 2);
    expect(s.groups[1].rows[0].achievement).toBeNull();
    expect(s.totals.objectives).toBe(3);
    expect(JSON.stringify(s)).not.toMatch(/Conti|Verdi|Neri/);
    expect(s.notes).toContain(PRIVACY_NOTE);
  });

  test("--con-nomi adds the dirigenti and drops the privacy line", () => {
    const s = buildSummary(sampleModel(), { withNames: true });
    expect(s.groups[0].dirigente).toBe("Mario Conti");
    expect(s.groups[0].rows[0].dirigente).toBe("Mario Conti");
    expect(s.notes).not.toContain(PRIVACY_NOTE);
  });
});

test("Italian number text", () => {
  expect(pctText(0.875)).toBe("87,5%");
  expect(pctText(1)).toBe("100%");
  expect(pctText(null)).toBe("—");
  expect(numText(34.8)).toBe("34,8");
  expect(numText(1200)).toBe("1.200");
});

describe("renderers", () => {
  const summary = buildSummary(sampleModel(), { withNames: false });

  test("html: self-contained, escaped, every objective with its percentage", () => {
    const m = sampleModel();
    m.operationalObjectives[0].title = `Sportello <famiglie> & "servizi"`;
    const html = renderSummaryHtml(buildSummary(m, { withNames: false }));
    expect(html).toContain(escapeHtml(`Sportello <famiglie> & "servizi"`));
    expect(html).not.toContain("<famiglie>");
    expect(html).not.toMatch(/<script|<link|src=/i);
    expect(html).toMatch(
      /<td[^>]*>1\.1<\/td><td[^>]*>Sportello[^<]*<\/td><td[^>]*>40<\/td><td[^>]*>87%<\/td><td[^>]*>34,8<\/td><td[^>]*>PARZIALE<\/td>/
    );
    expect(html).toMatch(/<td[^>]*>1\.2<\/td>.*<td[^>]*>55%<\/td>/);
    expect(html).toContain("d.lgs. 33/2013");
    expect(html).not.toContain("Conti");
  });

  test("docx: a Word document with real tables on A4", async () => {
    const bytes = await renderSummaryDocx(summary);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(3);
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:h="16838"');
    for (const t of [
      "Sportello famiglie",
      "87%",
      "55%",
      "Manutenzione strade",
      "34,8",
      "Risultati degli obiettivi",
    ])
      expect(xml).toContain(t);
    expect(xml).not.toContain("Conti");
  });

  test("xlsx: a Riepilogo workbook with the objectives table", async () => {
    const wb = new ExcelJS.Workbook();
    const bytes = await renderSummaryXlsx(summary);
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    const ws = wb.getWorksheet("Riepilogo")!;
    expect(ws).toBeDefined();
    const values: unknown[][] = [];
    ws.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const row = values.find((r) => r[1] === "1.1")!;
    expect(row[0]).toBe("Settore Servizi sociali");
    expect(row[3]).toBe(40);
    expect(row[4]).toBeCloseTo(0.87);
    expect(row[6]).toBe("PARZIALE");
    expect(Object.keys((ws as unknown as { tables: object }).tables)).toEqual([
      "RiepilogoObiettivi",
      "RiepilogoSettori",
    ]);
  });
});

describe("runSummary", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "peg-summary-"));
  const input = path.join(dir, "piano.txt");
  writeFileSync(input, "Obiettivo\tIndicatore\tTarget\n1\tn. pratiche\t>=10\n");

  test.each(["out.docx", "out.html", "out.xlsx"])("writes %s and exits 0", async (name) => {
    const io = bufferIo(dir);
    expect(await runSummary([input, "--out", name], io)).toBe(0);
    expect(existsSync(path.join(dir, name))).toBe(true);
    expect(io.stdout).toMatch(/Scritto: /);
  });

  test("bad output extension and output over the input are refused", async () => {
    const io = bufferIo(dir);
    const e1 = await runSummary([input, "--out", "x.pdf"], io).catch((e: unknown) => e);
    expect(isPegInputError(e1)).toBe(true);
    const e2 = await runSummary([input, "--out", input], io).catch((e: unknown) => e);
    expect(isPegInputError(e2)).toBe(true);
    expect(readFileSync(input, "utf8")).toContain(">=10");
    const e3 = await runSummary([input], io).catch((e: unknown) => e);
    expect((e3 as Error).message).toMatch(/--out/);
  });
});

test("without a settore, a summary with names groups by dirigente", () => {
  const m = sampleModel();
  m.units = [
    { id: "u1", dirigente: "Mario Conti" },
    { id: "u2", dirigente: "Luisa Verdi" },
  ];
  const named = buildSummary(m, { withNames: true });
  expect(named.groups.map((g) => g.title)).toEqual([
    "Dirigente: Luisa Verdi",
    "Dirigente: Mario Conti",
  ]);
  const anonymous = buildSummary(m, { withNames: false });
  expect(anonymous.groups.map((g) => g.title)).toEqual([PLAN_HEADING]);
  expect(JSON.stringify(anonymous)).not.toMatch(/Conti|Verdi/);
});

test("control characters and lone surrogates never reach the documents", async () => {
  const m = sampleModel();
  m.operationalObjectives[0].title = "Sportello\u0001 famiglie\uD800 <b>";
  const s = buildSummary(m, { withNames: false });
  const html = renderSummaryHtml(s);
  expect(html).toContain("Sportello famiglie &lt;b&gt;");
  const zip = await JSZip.loadAsync(await renderSummaryDocx(s));
  const xml = await zip.file("word/document.xml")!.async("string");
  expect(xml).toContain("Sportello famiglie &lt;b&gt;");
  expect(xml.includes("\u0001") || xml.includes("\uD800")).toBe(false);
});

test("the summary and the workbook's Riepilogo sheet give the same figures per settore", () => {
  const m = sampleModel();
  const summary = buildSummary(m, { withNames: false });
  const sheet = buildWorkbookSpec(m).sheets.find((s) => s.name === "Riepilogo")!;
  const col = (h: string) => sheet.columns.findIndex((c) => c.header === h);
  for (const g of summary.groups) {
    const row = sheet.rows.find((r) => r[0] === g.title)!;
    const avg = (row[col("Raggiungimento medio")] as FormulaCell).result;
    const score = (row[col("Punteggio")] as FormulaCell).result;
    if (g.totals.averageAchievement === null) expect(avg).toBe("");
    else expect(avg).toBeCloseTo(g.totals.averageAchievement);
    expect(score).toBeCloseTo(g.totals.score ?? 0);
    expect((row[col("Obiettivi")] as FormulaCell).result).toBe(g.totals.objectives);
  }
});

test("a plan with one level: strategic objectives that hold indicators are listed", () => {
  const m = sampleModel();
  m.strategicObjectives.push({
    id: "S9",
    code: "S9",
    title: "Obiettivo unico",
    source: "Scheda 1!A40",
  });
  m.indicators.push({
    id: "S9#1",
    objectiveCode: "S9",
    name: "Atti approvati",
    target: "SI",
    weight: null,
    actual: "SI",
    rule: { text: "SI", op: "done" },
    status: "met",
    achievement: 1,
    source: "Scheda 1!C40",
  });
  const s = buildSummary(m, { withNames: false });
  const row = s.groups.flatMap((g) => g.rows).find((r) => r.code === "S9");
  expect(row).toMatchObject({ achievement: 1, esito: "RAGGIUNTO" });
  expect(s.groups.flatMap((g) => g.rows).some((r) => r.code === "S1")).toBe(false);
});

describe("a summary to attach as it is (issue 14)", () => {
  const texts = async (s: ReturnType<typeof buildSummary>) => {
    const zip = await JSZip.loadAsync(await renderSummaryDocx(s));
    const docx = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, " ");
    return { html: renderSummaryHtml(s), docx };
  };

  test("no command hints, no file names unless asked", async () => {
    const s = buildSummary(sampleModel(), { withNames: false });
    for (const text of Object.values(await texts(s))) {
      expect(text).not.toMatch(/peg summary|--con-nomi|Per includerli/);
      expect(text).not.toMatch(/File:|piano\.xlsx/);
      expect(text).toContain("d.lgs. 33/2013");
    }
    const withFiles = buildSummary(sampleModel(), { withNames: false, withFiles: true });
    for (const text of Object.values(await texts(withFiles)))
      expect(text).toContain("File: piano.xlsx");
  });

  test("objectives with no settore get a heading for the plan, never '(settore non indicato)'", async () => {
    const m = sampleModel();
    m.units = [];
    for (const o of m.operationalObjectives) delete o.unitId;
    const s = buildSummary(m, { withNames: false });
    expect(s.groups.map((g) => g.title)).toEqual([PLAN_HEADING]);
    const mixed = sampleModel();
    delete mixed.operationalObjectives[0].unitId;
    expect(
      buildSummary(mixed, { withNames: false })
        .groups.map((g) => g.title)
        .pop()
    ).toBe(OTHER_HEADING);
    for (const text of Object.values(await texts(s))) expect(text).not.toContain("non indicato");
  });

  test("plans of different enti or years: one section each, a neutral title", async () => {
    const a = sampleModel();
    const b = sampleModel();
    b.plan = { ente: "Comune di Altrove", year: 2024, kind: "PEG" };
    b.source.files = ["altrove.xlsx"];
    expect(planKey(a)).not.toBe(planKey(b));
    const c = sampleModel();
    c.plan = { ente: "COMUNE DI PROVÀ", year: 2025 };
    expect(planKey(c)).toBe(planKey({ ...a, plan: { ente: "Comune di Prova", year: 2025 } }));
    const s = buildSummaryOfPlans([a, b], { withNames: false });
    expect(s.title).toBe("Risultati degli obiettivi");
    expect(s.sections.map((x) => x.title)).toEqual([
      "Comune di Prova — anno 2025",
      "Comune di Altrove — anno 2024",
    ]);
    expect(s.totals.objectives).toBe(6);
    const { html, docx } = await texts(s);
    expect(html.match(/<h2[^>]*>[^<]*<\/h2>/g)).toEqual([
      expect.stringContaining("Comune di Prova — anno 2025"),
      expect.stringContaining("Comune di Altrove — anno 2024"),
    ]);
    expect(html).not.toMatch(/Ente: /);
    expect(docx).toContain("Comune di Altrove — anno 2024");
    // One plan: its title, no section headings.
    const one = buildSummary(a, { withNames: false });
    expect(one.sections).toHaveLength(1);
    expect(one.title).toBe("Risultati degli obiettivi anno 2025 — Comune di Prova");
  });

  test("html prints on A4 with no blank first page and codes kept whole", () => {
    const html = renderSummaryHtml(buildSummary(sampleModel(), { withNames: false }));
    expect(html).toMatch(/@page \{ size: A4; margin: 15mm; \}/);
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
    expect(html).toMatch(/\.nowrap \{ white-space: nowrap; \}/);
    // The body opens with a table (LibreOffice prints a page that opens with a paragraph blank).
    expect(html.split("<body")[1].replace(/^[^>]*>\s*/, "")).toMatch(/^<table role="presentation"/);
    // Every code cell keeps its code on one line.
    const codeCells = html.match(/<td[^>]*>1\.[12]<\/td>/g) ?? [];
    expect(codeCells.length).toBeGreaterThan(0);
    for (const c of codeCells) expect(c).toMatch(/nowrap="nowrap"[^>]*white-space:nowrap/);
  });
});
