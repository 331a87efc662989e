/**
 * The settings' achievement bands change the consolidated figures: the summary (JSON, html) and the
 * structured sheets (Indicatori's Grado riconosciuto, Obiettivi operativi, Riepilogo) count each
 * grade as the bands say, and agree with each other. No bands = the plain Σ peso × grado.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildSummary, METHOD_NOTE } from "../../src/core/summary";
import { renderSummaryHtml } from "../../src/report/html";
import {
  bandsFormula,
  buildWorkbookSpec,
  isFormulaCell,
  type FormulaCell,
  type SheetSpec,
  type WorkbookSpec,
} from "../../src/core/sheets";
import { applyBands } from "../../src/core/scores";
import { parseSettings, type Band } from "../../src/core/settings";
import { writeStructuredWorkbook } from "../../src/xlsx/write";
import { run } from "../../src/cli/run";
import { bufferIo } from "../../src/cli/io";
import type { CellValue } from "../../src/core/grid";
import { requireProgram } from "../helpers/programs";
import { sheetsAsComputed } from "../helpers/libreoffice";
import { sampleModel } from "../sheets/sample-model";

/** Below 50% counts 0; from 50% to 100% the grade counts as it is. */
const BANDS: Band[] = parseSettings({
  bands: [
    { from: 0, to: 0.5, score: 0 },
    { from: 0.5, to: 1, mode: "linear" },
  ],
}).bands;

/** The sample plan with the "Pasti erogati" indicator of 1.1 at 40% (weights 50/50, peso 40). */
function planAt40() {
  const m = sampleModel();
  const i = m.indicators.find((x) => x.id === "1.1#2")!;
  i.actual = "40 pasti erogati";
  i.achievement = 0.4;
  return m;
}

function sheetOf(spec: WorkbookSpec, name: string): SheetSpec {
  const s = spec.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`manca ${name}`);
  return s;
}

function col(s: SheetSpec, header: string): number {
  return s.columns.findIndex((c) => c.header === header);
}

function formulaAt(s: SheetSpec, key: string, header: string): FormulaCell {
  const row = s.rows.find((r) => r[0] === key);
  if (!row) throw new Error(`manca la riga ${key}`);
  const v = row[col(s, header)];
  if (!isFormulaCell(v)) throw new Error(`${key}/${header} non è una formula`);
  return v;
}

function row11(bands?: readonly Band[]) {
  return buildSummary(planAt40(), { withNames: false, bands })
    .groups.flatMap((g) => g.rows)
    .find((r) => r.code === "1.1")!;
}

describe("summary with bands", () => {
  test("an indicator at 40% counts 0 under 'below 50% counts 0': % raggiungimento and punteggio fall", () => {
    // Plain: 0.5 × 1 + 0.5 × 0.4 = 70%, punteggio 40 × 0.7 = 28.
    expect(row11().achievement).toBeCloseTo(0.7);
    expect(row11().score).toBeCloseTo(28);
    // With the bands: 0.5 × 1 + 0.5 × 0 = 50%, punteggio 20.
    expect(row11(BANDS).achievement).toBeCloseTo(0.5);
    expect(row11(BANDS).score).toBeCloseTo(20);
    expect(row11(BANDS).esito).toBe("PARZIALE");
    // No bands (absent or empty) is the plain sum.
    expect(row11([])).toEqual(row11());
  });

  test("totals follow, and a note says how the bands count (none without bands)", () => {
    const plain = buildSummary(planAt40(), { withNames: false });
    const banded = buildSummary(planAt40(), { withNames: false, bands: BANDS });
    // 1.2 (peso 60): RAGGIUNTO manual 1 × 0.3 + 0.5 × 0.5 = 55% in both (0.5 is in the linear band).
    expect(plain.totals.score).toBeCloseTo(28 + 60 * 0.55);
    expect(banded.totals.score).toBeCloseTo(20 + 60 * 0.55);
    expect(plain.notes.some((n) => /fasce/i.test(n))).toBe(false);
    const note = banded.notes.find((n) => /Fasce di raggiungimento/.test(n));
    expect(note).toBeDefined();
    expect(note).toContain("da 0% a meno di 50% vale 0%");
    expect(note).toContain("da 50% a 100% conta il grado");
    // The bands cover 0–100%: nothing to say about grades outside them.
    expect(note).not.toContain("fuori dalle fasce");
    expect(banded.notes[0]).toBe(METHOD_NOTE);
  });

  test("the html summary shows the banded figures", () => {
    const html = (bands?: readonly Band[]) =>
      renderSummaryHtml(buildSummary(planAt40(), { withNames: false, bands }));
    const rowOf = (h: string) => /<tr>(?:(?!<\/tr>).)*>1\.1<(?:(?!<\/tr>).)*<\/tr>/s.exec(h)?.[0];
    const plain = rowOf(html())!;
    const banded = rowOf(html(BANDS))!;
    expect(plain).toContain(">70%<");
    expect(plain).toContain(">28<");
    expect(banded).toContain(">50%<");
    expect(banded).toContain(">20<");
    expect(html(BANDS)).toContain("Fasce di raggiungimento");
  });

  test("linear bands with their own scores and a gap are described as they count", () => {
    const bands = parseSettings({
      bands: [
        { from: 0.3, to: 0.6, mode: "linear", scoreFrom: 0.2, scoreTo: 0.6 },
        { from: 0.6, to: 1, score: 1 },
      ],
    }).bands;
    const s = buildSummary(planAt40(), { withNames: false, bands });
    const note = s.notes.find((n) => /Fasce/.test(n))!;
    expect(note).toContain("da 30% a meno di 60% vale da 20% a 60% in proporzione");
    expect(note).toContain("da 60% a 100% vale 100%");
    expect(note).toContain("fuori dalle fasce conta il grado stesso");
    // 0.4 in 0.3–0.6 maps to 0.2 + (0.1 / 0.3) × 0.4; the met indicator counts 1.
    const r = s.groups.flatMap((g) => g.rows).find((x) => x.code === "1.1")!;
    expect(r.achievement).toBeCloseTo(0.5 * 1 + 0.5 * (0.2 + (0.1 / 0.3) * 0.4));
  });
});

describe("structured sheets with bands", () => {
  test("Indicatori gets Grado riconosciuto only with bands; the objectives count it", () => {
    const plain = buildWorkbookSpec(planAt40());
    expect(col(sheetOf(plain, "Indicatori"), "Grado riconosciuto")).toBe(-1);
    expect(
      formulaAt(sheetOf(plain, "Obiettivi operativi"), "1.1", "Raggiungimento").formula
    ).toContain("Indicatori[Grado finale]");

    const spec = buildWorkbookSpec(planAt40(), { bands: BANDS });
    const ind = sheetOf(spec, "Indicatori");
    expect(col(ind, "Grado riconosciuto")).toBe(col(ind, "Grado finale") + 1);
    for (const r of ind.rows) expect(r).toHaveLength(ind.columns.length);
    const counted = formulaAt(ind, "1.1#2", "Grado riconosciuto");
    expect(counted.formula).toBe(bandsFormula("[@[Grado finale]]", BANDS));
    expect(counted.formula).toContain("[@[Grado finale]]");
    expect(counted.result).toBe(0);
    expect(formulaAt(ind, "1.1#1", "Grado riconosciuto").result).toBe(1);
    // Not evaluated: the final grade's "—" passes through.
    expect(formulaAt(ind, "2.1#1", "Grado riconosciuto").result).toBe(
      formulaAt(ind, "2.1#1", "Grado finale").result
    );

    const op = sheetOf(spec, "Obiettivi operativi");
    const ragg = formulaAt(op, "1.1", "Raggiungimento");
    expect(ragg.formula).toContain("Indicatori[Grado riconosciuto]");
    expect(ragg.formula).not.toContain("Indicatori[Grado finale]");
    expect(ragg.result).toBeCloseTo(0.5);
    expect(formulaAt(op, "1.1", "Punteggio").result).toBeCloseTo(20);
  });

  test("the Riepilogo sheet and the summary agree with bands, and differ from the plain ones", () => {
    const summary = buildSummary(planAt40(), { withNames: false, bands: BANDS });
    const plainSheet = sheetOf(buildWorkbookSpec(planAt40()), "Riepilogo");
    const sheet = sheetOf(buildWorkbookSpec(planAt40(), { bands: BANDS }), "Riepilogo");
    for (const g of summary.groups) {
      const avg = formulaAt(sheet, g.title, "Raggiungimento medio").result;
      if (g.totals.averageAchievement === null) expect(avg).toBe("");
      else expect(avg).toBeCloseTo(g.totals.averageAchievement);
      expect(formulaAt(sheet, g.title, "Punteggio").result).toBeCloseTo(g.totals.score ?? 0);
    }
    const social = "Settore Servizi sociali";
    expect(formulaAt(sheet, social, "Punteggio").result).toBeCloseTo(20 + 33);
    expect(formulaAt(plainSheet, social, "Punteggio").result).toBeCloseTo(28 + 33);
    expect(sheet.columns[col(sheet, "Punteggio")].total).toEqual({
      function: "sum",
      result: summary.totals.score,
    });
  });

  test("more bands than Excel can nest: the computed value, the same as applyBands", () => {
    const many: Band[] = Array.from({ length: 40 }, (_, k) => ({
      from: k / 40,
      to: (k + 1) / 40,
      score: k < 20 ? 0 : (k + 1) / 40,
    }));
    const ind = sheetOf(buildWorkbookSpec(planAt40(), { bands: many }), "Indicatori");
    const r = ind.rows.find((x) => x[0] === "1.1#2")!;
    expect(r[col(ind, "Grado riconosciuto")]).toBe(applyBands(0.4, many));
    expect(r[col(ind, "Grado riconosciuto")]).toBe(0);
  });
});

// ---- LibreOffice recomputes the band formulas ----------------------------------------------------

const HAVE = requireProgram("soffice");
const lo = HAVE ? test : test.skip;

/** The workbook with native formulas' cached values removed, so LibreOffice must compute them. */
async function stripped(spec: WorkbookSpec): Promise<string> {
  const bytes = await writeStructuredWorkbook(null, spec);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as ExcelJS.CellFormulaValue;
        if (!v || typeof v !== "object" || !("formula" in v) || v.formula.includes("PEG.")) return;
        c.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
      })
    );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "peg-bands-")), "fasce.xlsx");
  fs.writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

function numberOf(v: CellValue | undefined): number {
  const t = String(v ?? "").trim();
  return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
}

lo(
  "LibreOffice computes Grado riconosciuto, Raggiungimento and the Riepilogo punteggio as cached",
  async () => {
    // Fixed, linear with its own scores, and a gap (0.9–0.95 counts as it is).
    const bands = parseSettings({
      bands: [
        { from: 0, to: 0.45, score: 0 },
        { from: 0.45, to: 0.9, mode: "linear", scoreFrom: 0.3, scoreTo: 0.9 },
        { from: 0.95, to: 1, score: 1 },
      ],
    }).bands;
    const spec = buildWorkbookSpec(planAt40(), { bands });
    const computed = sheetsAsComputed(await stripped(spec));
    const checks: [string, string, string][] = [
      ["Indicatori", "1.1#1", "Grado riconosciuto"],
      ["Indicatori", "1.1#2", "Grado riconosciuto"],
      ["Indicatori", "1.2#1", "Grado riconosciuto"],
      ["Indicatori", "1.2#2", "Grado riconosciuto"],
      ["Obiettivi operativi", "1.1", "Raggiungimento"],
      ["Obiettivi operativi", "1.2", "Raggiungimento"],
      ["Obiettivi operativi", "1.1", "Punteggio"],
      ["Riepilogo", "Settore Servizi sociali", "Punteggio"],
    ];
    for (const [name, key, header] of checks) {
      const cached = formulaAt(sheetOf(spec, name), key, header).result;
      const rows = computed.get(name)!;
      const r = rows.find((x) => x[0] === key)!;
      const got = numberOf(r[rows[0].indexOf(header)]);
      expect(typeof cached).toBe("number");
      expect([name, key, header, got]).toEqual([
        name,
        key,
        header,
        expect.closeTo(cached as number, 6),
      ]);
    }
    // 0.4 counts 0, 0.5 maps to 0.3 + (0.05 / 0.45) × 0.6.
    expect(formulaAt(sheetOf(spec, "Indicatori"), "1.1#2", "Grado riconosciuto").result).toBe(0);
    expect(
      formulaAt(sheetOf(spec, "Indicatori"), "1.2#2", "Grado riconosciuto").result
    ).toBeCloseTo(0.3 + (0.05 / 0.45) * 0.6);
  },
  240000
);

// ---- CLI: --config ------------------------------------------------------------------------------

describe("peg summary / structure --config with bands", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "peg-bands-cli-"));
    fs.writeFileSync(
      path.join(dir, "piano.tsv"),
      [
        "Piano esecutivo di gestione 2025",
        "",
        "Codice\tObiettivo\tIndicatore\tTarget\tConsuntivo\tPeso",
        "1.1\tRidurre i tempi\tPratiche evase\t>= 100\t40\t50",
        "1.1\tRidurre i tempi\tSportelli aperti\t>= 2\t2\t50",
      ].join("\n")
    );
    fs.writeFileSync(
      path.join(dir, "fasce.json"),
      JSON.stringify({
        bands: [
          { from: 0, to: 0.5, score: 0 },
          { from: 0.5, to: 1, mode: "linear" },
        ],
      })
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function summaryHtml(config: string[]): Promise<string> {
    const io = bufferIo(dir);
    const out = `r${config.length}.html`;
    expect(await run(["summary", "piano.tsv", "--out", out, ...config], io)).toBe(0);
    return fs.readFileSync(path.join(dir, out), "utf8");
  }

  test("summary: 70% without settings, 50% with --config bands", async () => {
    const plain = await summaryHtml([]);
    const banded = await summaryHtml(["--config", "fasce.json"]);
    expect(plain).toContain(">70%<");
    expect(plain).not.toContain("Fasce di raggiungimento");
    expect(banded).toContain(">50%<");
    expect(banded).not.toContain(">70%<");
    expect(banded).toContain("Fasce di raggiungimento");
  });

  test("structure --out: the workbook's Grado riconosciuto and Raggiungimento use the bands", async () => {
    const io = bufferIo(dir);
    expect(
      await run(["structure", "piano.tsv", "--out", "s.xlsx", "--config", "fasce.json"], io)
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "s.xlsx"));
    const ws = wb.getWorksheet("Obiettivi operativi")!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const c = header.indexOf("Raggiungimento");
    const v = ws.getRow(2).getCell(c).value as ExcelJS.CellFormulaValue;
    expect(v.formula).toContain("Indicatori[Grado riconosciuto]");
    expect(v.result).toBeCloseTo(0.5);
    const ind = wb.getWorksheet("Indicatori")!;
    const ih = (ind.getRow(1).values as unknown[]).map((x) => String(x ?? ""));
    expect(ih).toContain("Grado riconosciuto");
  });
});
