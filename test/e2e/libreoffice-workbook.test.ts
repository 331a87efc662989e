/**
 * The structured workbook opened in a real spreadsheet program (LibreOffice): every native formula,
 * recomputed by LibreOffice, gives the value cached by the writer; a weight typed by a user changes
 * the sums. Cached values of native formulas are removed first so LibreOffice must compute them;
 * PEG.* cells keep theirs (LibreOffice has no add-in), as Excel shows them before the add-in loads.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { buildWorkbookSpec, isFormulaCell, type WorkbookSpec } from "../../src/core/sheets";
import { columnLetters } from "../../src/core/grid";
import { writeStructuredWorkbook } from "../../src/xlsx/write";
import { analyzeWorkbook } from "../../src/core/pipeline";
import { readXlsxGrids } from "../../src/xlsx/read";
import { requireProgram } from "../helpers/programs";
import { sheetsAsComputed } from "../helpers/libreoffice";
import { sampleModel } from "../sheets/sample-model";
import type { CellValue } from "../../src/core/grid";
import fc from "fast-check";
import { auditModel } from "../../src/core/audit";
import { parseSettings } from "../../src/core/settings";
import { ind as indicator, model as planModel, op as objective } from "../audit/build";

const HAVE = requireProgram("soffice");
const run = HAVE ? test : test.skip;
jest.setTimeout(240000);

interface Expected {
  sheet: string;
  address: string;
  row: number;
  col: number;
  formula: string;
  result: unknown;
}

/** What each native formula of the spec (data rows and totals row) should compute to. */
function expectedOf(spec: WorkbookSpec): Expected[] {
  const out: Expected[] = [];
  for (const s of spec.sheets) {
    s.rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (isFormulaCell(v) && !v.formula.includes("PEG."))
          out.push({
            sheet: s.name,
            address: `${columnLetters(j)}${i + 2}`,
            row: i + 1,
            col: j,
            formula: v.formula,
            result: v.result,
          });
      })
    );
    if (s.totalsRow)
      s.columns.forEach((c, j) => {
        if (c.total && "function" in c.total)
          out.push({
            sheet: s.name,
            address: `${columnLetters(j)}${s.rows.length + 2}`,
            row: s.rows.length + 1,
            col: j,
            formula: `SUBTOTAL ${c.total.function}`,
            result: c.total.result,
          });
      });
  }
  return out;
}

/** A copy without the cached results of native formulas, so LibreOffice must compute them. */
async function stripNative(
  bytes: Uint8Array,
  edit?: (wb: ExcelJS.Workbook) => void
): Promise<{ file: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as ExcelJS.CellFormulaValue;
        if (!v || typeof v !== "object" || !("formula" in v) || v.formula.includes("PEG.")) return;
        c.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
      })
    );
  }
  edit?.(wb);
  const dir = mkdtempSync(path.join(tmpdir(), "peg-e2e-"));
  const file = path.join(dir, "strutturato.xlsx");
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return { file };
}

/** LibreOffice's CSV keeps the % of percent formats: "87%" -> 0.87. */
function toNumber(v: CellValue | undefined): number {
  const t = String(v ?? "").trim();
  return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
}

function same(actual: CellValue | undefined, expected: unknown): boolean {
  const a = actual === null || actual === undefined ? "" : String(actual);
  if (expected === undefined || expected === null || expected === "") return a === "";
  if (typeof expected === "number") return a !== "" && Math.abs(toNumber(a) - expected) < 1e-6;
  return a === String(expected);
}

async function checkAll(spec: WorkbookSpec, input: Uint8Array | null): Promise<number> {
  const bytes = await writeStructuredWorkbook(input, spec);
  const expected = expectedOf(spec);
  const { file } = await stripNative(bytes);
  const computed = sheetsAsComputed(file);
  const wrong = expected.filter((e) => !same(computed.get(e.sheet)?.[e.row]?.[e.col], e.result));
  expect(
    wrong.map(
      (e) =>
        `${e.sheet}!${e.address} ${e.formula}: atteso ${String(e.result)}, LibreOffice ${String(computed.get(e.sheet)?.[e.row]?.[e.col])}`
    )
  ).toEqual([]);
  return expected.length;
}

function cellOf(rows: CellValue[][], key: string, header: string): CellValue {
  const c = rows[0].indexOf(header);
  const r = rows.find((x) => x[0] === key);
  if (c < 0 || !r) throw new Error(`manca ${key}/${header}`);
  return r[c];
}

describe("LibreOffice recomputes the structured workbook", () => {
  run("every native formula gives the cached value (sample plan)", async () => {
    const n = await checkAll(buildWorkbookSpec(sampleModel()), null);
    expect(n).toBeGreaterThan(40);
  });

  run("Origine links are live HYPERLINK formulas showing the source cell", async () => {
    const src = new ExcelJS.Workbook();
    src.addWorksheet("Scheda 1").getCell("C4").value = 20;
    src.addWorksheet("Report").getCell("N3").value = "x";
    const input = new Uint8Array((await src.xlsx.writeBuffer()) as ArrayBuffer);
    const bytes = await writeStructuredWorkbook(input, buildWorkbookSpec(sampleModel()));
    const computed = sheetsAsComputed((await stripNative(bytes)).file);
    expect(cellOf(computed.get("Indicatori")!, "1.1#1", "Origine")).toBe("Scheda 1!C4");
    expect(cellOf(computed.get("Report dirigenti")!, "1.1", "Origine")).toBe("Report!N3");
    expect(computed.get("Scheda 1")?.[3]?.[2]).toBe("20");
  });

  run("weight sums and scores as expected, and a weight typed by a user changes them", async () => {
    const bytes = await writeStructuredWorkbook(null, buildWorkbookSpec(sampleModel()));
    const before = sheetsAsComputed((await stripNative(bytes)).file);
    const op = before.get("Obiettivi operativi")!;
    expect(toNumber(cellOf(op, "1.2", "Somma pesi"))).toBeCloseTo(0.8);
    expect(toNumber(cellOf(op, "1.1", "Raggiungimento"))).toBeCloseTo(0.87);
    expect(toNumber(cellOf(op, "1.1", "Punteggio"))).toBeCloseTo(34.8);
    expect(cellOf(before.get("Pesi")!, "1.2", "Verifica")).toBe("SOTTO 100%");
    expect(toNumber(cellOf(before.get("Report dirigenti")!, "1.1", "Totale calcolato"))).toBe(95);
    expect(toNumber(cellOf(before.get("Riepilogo")!, "Settore Servizi sociali", "Raggiunti"))).toBe(
      2
    );

    // The user raises the weight of 1.2#1 from 30% to 50%.
    const { file } = await stripNative(bytes, (wb) => {
      const ws = wb.getWorksheet("Indicatori")!;
      const header = ws.getRow(1).values as unknown[];
      const pesoCol = header.indexOf("Peso");
      ws.eachRow((row) => {
        if (row.getCell(1).value === "1.2#1") row.getCell(pesoCol).value = 0.5;
      });
    });
    const after = sheetsAsComputed(file);
    const op2 = after.get("Obiettivi operativi")!;
    expect(toNumber(cellOf(op2, "1.2", "Somma pesi"))).toBeCloseTo(1);
    expect(toNumber(cellOf(op2, "1.2", "Raggiungimento"))).toBeCloseTo(0.5 * 1 + 0.5 * 0.5);
    expect(cellOf(after.get("Pesi")!, "1.2", "Verifica")).toBe("OK");
  });

  run("codes that criteria would confuse (1.1 / 1.10) are summed exactly", async () => {
    const m = sampleModel();
    m.operationalObjectives[1].code = "1.10";
    m.operationalObjectives[1].id = "1.10";
    for (const i of m.indicators) if (i.objectiveCode === "1.2") i.objectiveCode = "1.10";
    await checkAll(buildWorkbookSpec(m), null);
  });

  run("fixture plans: source sheets kept, native formulas recomputed", async () => {
    for (const seed of ["seed-001", "seed-002", "seed-003"]) {
      const file = path.join(__dirname, "..", "fixtures", seed, "input.xlsx");
      const bytes = new Uint8Array(readFileSync(file));
      const grids = await readXlsxGrids(bytes, "input.xlsx");
      const model = analyzeWorkbook(grids, { files: ["input.xlsx"] });
      await checkAll(buildWorkbookSpec(model), bytes);
    }
  });

  run(
    "Pesi: the verdicts LibreOffice recomputes are the audit's, at the configured tolerance",
    async () => {
      // Random weights near 100% (hundredths of a percent), plus the cases of issue 13.
      const sums = fc.sample(
        fc
          .array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 4 })
          .chain((parts) =>
            fc
              .integer({ min: -30, max: 30 })
              .map((delta) => [...parts, 10000 + delta - parts.reduce((a, b) => a + b, 0)])
          ),
        { numRuns: 120, seed: 13 }
      );
      const weights = [[3331, 3331, 3331], [5000, 4993], [3300, 3300, 3300], ...sums];
      const codes = weights.map((_, k) => `P${k + 1}`);
      const m = planModel({
        operationalObjectives: codes.map((c) => objective(c)),
        indicators: weights.flatMap((ws, k) =>
          ws.map((h) => indicator(codes[k], { weight: h / 10000 }))
        ),
      });
      for (const tolerance of [0.001, 0.002]) {
        const flagged = new Set(
          auditModel(m, parseSettings({ weightTolerance: tolerance }))
            .filter((f) => f.code === "WEIGHTS_SUM")
            .map((f) => f.objectiveCode)
        );
        const bytes = await writeStructuredWorkbook(
          null,
          buildWorkbookSpec(m, { weightTolerance: tolerance })
        );
        const pesi = sheetsAsComputed((await stripNative(bytes)).file).get("Pesi")!;
        const verdicts = codes.map((c) => cellOf(pesi, c, "Verifica"));
        expect(verdicts.slice(0, 3)).toEqual(["OK", "OK", "SOTTO 100%"]);
        expect(codes.filter((_, k) => verdicts[k] !== "OK")).toEqual(
          codes.filter((c) => flagged.has(c))
        );
        expect(new Set(verdicts)).toEqual(new Set(["OK", "SOTTO 100%", "SOPRA 100%"]));
      }
    }
  );
});
