/**
 * Workbooks as users build them: merged header cells spanning years, objective cells merged down
 * over their indicators, percent-formatted weights, real dates. Read through readXlsxGrids.
 */
import ExcelJS from "exceljs";
import { readXlsxGrids } from "../../src/xlsx/read";
import { buildModel } from "../../src/core/structure";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("merged headers and merged objective cells", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Piano 2025");
  ws.addRow(["Obiettivo operativo", "Indicatore", "Target", null, "Peso", "Scadenza"]);
  ws.addRow([null, null, 2025, 2026, null, null]);
  ws.addRow([
    "Migliorare la riscossione",
    "Incassi su accertato",
    0.8,
    0.85,
    0.6,
    new Date(Date.UTC(2025, 11, 31)),
  ]);
  ws.addRow([null, "Solleciti inviati", ">= 1000", ">= 1200", 0.4, null]);
  ws.addRow(["Ridurre l'arretrato", "Pratiche arretrate", "<= 50", "<= 20", 1, null]);
  ws.addRow([null, "Nuovo regolamento", null, "SI", null, null]);
  ws.mergeCells("A1:A2");
  ws.mergeCells("B1:B2");
  ws.mergeCells("C1:D1");
  ws.mergeCells("E1:E2");
  ws.mergeCells("A3:A4");
  for (const ref of ["C3", "D3", "E3", "E4", "E5"]) ws.getCell(ref).numFmt = "0%";
  const grids = await readXlsxGrids(await bytesOf(wb), "piano.xlsx");
  const m = buildModel(grids, { files: ["piano.xlsx"] });
  // The sheet is named "Piano 2025" but names are not content: no year is read from them.
  expect(m.plan.year).toBeUndefined();
  expect(m.operationalObjectives.map((o) => o.title)).toEqual([
    "Migliorare la riscossione",
    "Ridurre l'arretrato",
  ]);
  const [a, b] = m.operationalObjectives;
  const ofA = m.indicators.filter((i) => i.objectiveCode === a.id);
  expect(ofA.map((i) => [i.name, i.target, i.weight])).toEqual([
    ["Incassi su accertato", "80%", 0.6],
    ["Solleciti inviati", ">= 1000", 0.4],
  ]);
  expect(ofA[0].targets).toEqual({ "2025": "80%", "2026": "85%" });
  expect(ofA[0].weightSource).toBe("'Piano 2025'!E3");
  const ofB = m.indicators.filter((i) => i.objectiveCode === b.id);
  // A year with no target is no target (not the indicator's name).
  expect(ofB.map((i) => [i.target, i.weight, i.status])).toEqual([
    ["<= 50", 1, "pending"],
    [null, null, "qualitative"],
  ]);
  // With the plan year given, the target is that year's column.
  const m2026 = buildModel(grids, { files: ["piano.xlsx"], year: 2026 });
  expect(m2026.indicators.map((i) => i.target)).toEqual(["85%", ">= 1200", "<= 20", "SI"]);
});
