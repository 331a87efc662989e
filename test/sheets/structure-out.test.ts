import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, readFileSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { writeStructureOut } from "../../src/cli/commands/structure-out";
import { STRUCTURED_SHEET_NAMES } from "../../src/core/sheets";
import { isPegInputError } from "../../src/core/errors";
import { run } from "../../src/cli/run";
import { bufferIo } from "../../src/cli/io";
import { sampleModel } from "./sample-model";

const fixture = path.join(__dirname, "..", "fixtures", "seed-001", "input.xlsx");

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

describe("writeStructureOut", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "peg-structure-out-"));
  const input = path.join(dir, "piano.xlsx");
  copyFileSync(fixture, input);
  const bytes = new Uint8Array(readFileSync(input));

  test("a copy of the first workbook with the structured sheets; the input is untouched", async () => {
    const out = path.join(dir, "strutturato.xlsx");
    const before = statSync(input).mtimeMs;
    const r = await writeStructureOut(sampleModel(), [{ path: input, bytes }], out);
    expect(r.base).toBe("piano.xlsx");
    const original = await sheetNames(input);
    expect(await sheetNames(out)).toEqual([...original, ...STRUCTURED_SHEET_NAMES]);
    expect(statSync(input).mtimeMs).toBe(before);
  });

  test("refuses to write over the input", async () => {
    const e = await writeStructureOut(sampleModel(), [{ path: input, bytes }], input).catch(
      (x: unknown) => x
    );
    expect(isPegInputError(e)).toBe(true);
    expect(new Uint8Array(readFileSync(input))).toEqual(bytes);
  });

  test("a text input becomes a plain sheet before the structured ones; other workbooks' sheets are copied too", async () => {
    const out = path.join(dir, "da-testo.xlsx");
    await writeStructureOut(
      sampleModel(),
      [
        {
          path: path.join(dir, "piano.txt"),
          bytes: new Uint8Array(),
          grids: [
            {
              sheet: "piano.txt",
              rows: [
                ["Indicatore", "Target"],
                ["Pratiche", ">= 5"],
              ],
            },
          ],
        },
      ],
      out
    );
    expect(await sheetNames(out)).toEqual(["piano.txt", ...STRUCTURED_SHEET_NAMES]);
    const r = await writeStructureOut(
      sampleModel(),
      [
        { path: input, bytes },
        { path: path.join(dir, "altro.xlsx"), bytes },
      ],
      path.join(dir, "due.xlsx")
    );
    const original = await sheetNames(input);
    expect(r.renamed.map((x) => [x.file, x.original])).toEqual(
      original.map((n) => ["altro.xlsx", n])
    );
    expect(await sheetNames(path.join(dir, "due.xlsx"))).toEqual([
      ...original,
      ...r.renamed.map((x) => x.sheet),
      ...STRUCTURED_SHEET_NAMES,
    ]);
  });

  test("peg structure --as-of writes the check date and plan year into the Esito formulas", async () => {
    const io = bufferIo(dir);
    expect(
      await run(["structure", "piano.xlsx", "--as-of", "2025-12-31", "--out", "al.xlsx"], io)
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "al.xlsx"));
    const ws = wb.getWorksheet("Indicatori")!;
    const header = (ws.getRow(1).values as unknown[]).indexOf("Esito");
    const esito = ws.getRow(2).getCell(header).value as ExcelJS.CellFormulaValue;
    expect(esito.formula).toMatch(/PEG\.STATUS\([^)]*,DATE\(2025,12,31\)(,\d{4})?\)/);
  });

  test("writeStructureOut passes its spec options to the sheets", async () => {
    const out = path.join(dir, "opzioni.xlsx");
    await writeStructureOut(sampleModel(), [{ path: input, bytes }], out, { asOf: "2026-01-31" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Indicatori")!;
    const header = (ws.getRow(1).values as unknown[]).indexOf("Esito");
    const esito = ws.getRow(2).getCell(header).value as ExcelJS.CellFormulaValue;
    expect(esito.formula).toMatch(/PEG\.STATUS\([^)]*,DATE\(2026,1,31\),2025\)/);
  });

  test("peg structure --out twice on its own output keeps one copy of each sheet", async () => {
    const io = bufferIo(dir);
    expect(await run(["structure", "piano.xlsx", "--out", "uno.xlsx"], io)).toBe(0);
    expect(await run(["structure", "uno.xlsx", "--out", "due.xlsx"], io)).toBe(0);
    expect(await sheetNames(path.join(dir, "due.xlsx"))).toEqual(
      await sheetNames(path.join(dir, "uno.xlsx"))
    );
    expect(io.stderr).toBe("");
  });
});
