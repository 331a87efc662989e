import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { buildWorkbookSpec, isStructuredGrid, STRUCTURED_SHEET_NAMES } from "../../src/core/sheets";
import { analyzeWorkbook } from "../../src/core/pipeline";
import { readXlsxGrids } from "../../src/xlsx/read";
import { writeStructuredWorkbook } from "../../src/xlsx/write";

async function sheetValues(bytes: Uint8Array, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  const out: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((row) => out.push(JSON.parse(JSON.stringify(row.values))));
  return out;
}

test("a structured workbook read again gives the same model and the same sheets", async () => {
  for (const seed of ["seed-001", "seed-002"]) {
    const input = new Uint8Array(
      readFileSync(path.join(__dirname, "..", "fixtures", seed, "input.xlsx"))
    );
    const model1 = analyzeWorkbook(await readXlsxGrids(input, "input.xlsx"), {
      files: ["input.xlsx"],
    });
    const out1 = await writeStructuredWorkbook(input, buildWorkbookSpec(model1));
    const grids = await readXlsxGrids(out1, "input.xlsx");
    expect(grids.filter(isStructuredGrid).map((g) => g.sheet)).toEqual([...STRUCTURED_SHEET_NAMES]);
    const model2 = analyzeWorkbook(grids, { files: ["input.xlsx"] });
    expect(model2.indicators.length).toBe(model1.indicators.length);
    expect(model2.operationalObjectives.length).toBe(model1.operationalObjectives.length);
    const out2 = await writeStructuredWorkbook(out1, buildWorkbookSpec(model2));
    for (const name of STRUCTURED_SHEET_NAMES)
      expect(await sheetValues(out2, name)).toEqual(await sheetValues(out1, name));
  }
});

test("a user's own sheet called Indicatori is not taken for a structured one", () => {
  expect(
    isStructuredGrid({ sheet: "Indicatori", rows: [["Obiettivo", "Indicatore", "Target"]] })
  ).toBe(false);
  expect(
    isStructuredGrid({ sheet: "Indicatori", rows: [["ID", "Codice obiettivo", "Obiettivo"]] })
  ).toBe(true);
  expect(isStructuredGrid({ sheet: "Foglio1", rows: [["ID", "Codice obiettivo"]] })).toBe(false);
});
