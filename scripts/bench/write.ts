// Benchmark section "write": time to write the structured workbook of a 10,000-indicator plan
// (tables, formats, formulas with cached results, conditional formatting, validation, links), as a
// ratio to exceljs writing the same cell values bare (no tables, styles or formulas).
import ExcelJS from "exceljs";
import {
  buildWorkbookSpec,
  isFormulaCell,
  isLinkCell,
  type WorkbookSpec,
} from "../../src/core/sheets";
import type { PegModel } from "../../src/core/model";
import { writeStructuredWorkbook } from "../../src/xlsx/write";
import { BENCH_STATUSES } from "./common";

const INDICATORS = 10_000;
const PER_OBJECTIVE = 5;
const SETTORI = 20;

function syntheticModel(): PegModel {
  const objectives = INDICATORS / PER_OBJECTIVE;
  const model: PegModel = {
    source: { files: ["piano.xlsx"], sheets: ["Piano"] },
    plan: { ente: "Comune di Prova", year: 2025, kind: "PEG" },
    units: Array.from({ length: SETTORI }, (_, i) => ({
      id: `u${i}`,
      settore: `Settore ${i + 1}`,
      dirigente: `Dirigente ${i + 1}`,
    })),
    strategicObjectives: Array.from({ length: 50 }, (_, i) => ({
      id: `S${i}`,
      code: `S${i}`,
      title: `Linea strategica ${i}`,
      source: `Piano!A${i + 2}`,
    })),
    operationalObjectives: Array.from({ length: objectives }, (_, i) => ({
      id: `${i + 1}`,
      code: `OB_${i + 1}`,
      title: `Obiettivo operativo numero ${i + 1} con un titolo di lunghezza realistica per un piano`,
      strategicCode: `S${i % 50}`,
      unitId: `u${i % SETTORI}`,
      weight: 10 + (i % 20),
      source: `Piano!B${i * PER_OBJECTIVE + 2}`,
    })),
    indicators: Array.from({ length: INDICATORS }, (_, i) => {
      const status = BENCH_STATUSES[i % BENCH_STATUSES.length];
      const achievement =
        status === "met" ? 1 : status === "missed" || status === "partial" ? 0.6 : null;
      return {
        id: `OB_${Math.floor(i / PER_OBJECTIVE) + 1}#${(i % PER_OBJECTIVE) + 1}`,
        objectiveCode: `OB_${Math.floor(i / PER_OBJECTIVE) + 1}`,
        name: `n. pratiche evase nel trimestre ${i}`,
        target: `>= ${10 + (i % 90)}`,
        weight: 1 / PER_OBJECTIVE,
        actual: i % 3 === 0 ? null : String(5 + (i % 100)),
        rule: { text: `>= ${10 + (i % 90)}`, op: ">=", value: 10 + (i % 90), unit: "count" },
        status,
        achievement,
        source: `Piano!C${i + 2}`,
      };
    }),
    reports: [],
    findings: [],
  };
  return model;
}

/** The same cell values, written bare: one plain sheet per structured sheet. */
async function writeBare(spec: WorkbookSpec): Promise<number> {
  const wb = new ExcelJS.Workbook();
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.columns.map((c) => c.header));
    for (const r of s.rows)
      ws.addRow(r.map((v) => (isFormulaCell(v) ? (v.result ?? null) : isLinkCell(v) ? v.text : v)));
  }
  const out = await wb.xlsx.writeBuffer();
  return (out as ArrayBuffer).byteLength;
}

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await f();
  return [performance.now() - t0, v];
}

export async function run(): Promise<void> {
  const model = syntheticModel();
  const [tSpec, spec] = await time(async () => buildWorkbookSpec(model));
  // One warm-up of each, then the best of two runs (exceljs and the JIT warm up on the first).
  await writeBare(spec);
  await writeStructuredWorkbook(null, spec);
  let bare = Infinity;
  let full = Infinity;
  let size = 0;
  for (let i = 0; i < 2; i++) {
    const [tb] = await time(() => writeBare(spec));
    const [tf, bytes] = await time(() => writeStructuredWorkbook(null, spec));
    bare = Math.min(bare, tb);
    full = Math.min(full, tf);
    size = bytes.byteLength;
  }
  const cells = spec.sheets.reduce((a, s) => a + s.rows.length * s.columns.length, 0);
  console.log(
    `[write] ${INDICATORS.toLocaleString("it-IT")} indicatori, ${cells.toLocaleString("it-IT")} celle: ` +
      `modello dei fogli ${tSpec.toFixed(0)} ms; scrittura strutturata ${full.toFixed(0)} ms ` +
      `(${(size / 1e6).toFixed(1)} MB), exceljs senza formati ${bare.toFixed(0)} ms; ` +
      `rapporto ${(full / bare).toFixed(2)}×`
  );
}
