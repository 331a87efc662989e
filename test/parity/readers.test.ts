/**
 * One rule for what a cell shows (src/core/cells.ts): the same workbook read by the Office.js
 * reader (src/excel/read.ts, driven through office-addin-mock with the values and number formats
 * Excel would hand it) and by the xlsx readers (exceljs and the lean reader) gives identical grids,
 * cell by cell, values and displayed text.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { OfficeMockObject } from "office-addin-mock";
import type { CellValue, Grid } from "../../src/core/grid";
import { readWorkbookGrids, type ExcelContext } from "../../src/excel/read";
import { readXlsxGrids } from "../../src/xlsx/read";

const RUNS = Math.max(1000, Number(process.env.FC_RUNS) || 1000);

type Typed = { value: string | number | boolean | Date | null; numFmt?: string };

const FORMATS = ["0%", "0.0%", "0.00%", "0.00", "#,##0.00", "#,##0", "0", "0.0#"];
const DATE_FORMATS = ["dd/mm/yyyy", "d/m/yy", "[$-410]d mmmm yyyy", "mmm-yy"];

const cell: fc.Arbitrary<Typed> = fc.oneof(
  fc.constant({ value: null }),
  fc
    .constantFrom("Entro il 30/9", ">=15", "SI", "Almeno 3 incontri", "8,00", "20%", "n.d.")
    .map((value) => ({ value })),
  fc.integer({ min: -5000, max: 2000000 }).map((value) => ({ value })),
  fc
    .tuple(fc.integer({ min: -20000, max: 200000 }), fc.constantFrom(...FORMATS))
    .map(([n, numFmt]) => ({ value: n / 1000, numFmt })),
  fc.boolean().map((value) => ({ value })),
  fc
    .tuple(fc.integer({ min: 30000, max: 60000 }), fc.constantFrom(...DATE_FORMATS))
    .map(([days, numFmt]) => ({
      value: new Date(Date.UTC(1899, 11, 30) + days * 86400000),
      numFmt,
    }))
);

const sheet = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), {
  minLength: 1,
  maxLength: 5,
});

/** What Excel hands Office.js for a cell: dates as serial numbers, blanks as "". */
function officeValue(v: Typed["value"]): string | number | boolean {
  if (v === null) return "";
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
  return v;
}

async function viaOffice(rows: Typed[][]): Promise<Grid> {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) =>
    Array.from({ length: width }, (_, c) => officeValue(r[c]?.value ?? null))
  );
  const numberFormat = rows.map((r) =>
    Array.from({ length: width }, (_, c) => r[c]?.numFmt ?? "General")
  );
  const last = `${String.fromCharCode(64 + width)}${rows.length}`;
  const range = new OfficeMockObject({ address: `Foglio1!A1:${last}`, values, numberFormat });
  // getUsedRangeOrNullObject's isNullObject is known without a load in Office.js.
  Object.assign(range, { isNullObject: false });
  const ws = new OfficeMockObject({
    name: "Foglio1",
    visibility: "Visible",
    getUsedRangeOrNullObject: () => range,
  });
  // office-addin-mock has no collections: the worksheets collection is a thin wrapper.
  const context = {
    workbook: {
      worksheets: {
        items: [ws],
        load: (props: string) => {
          for (const p of props.split(",")) ws.load(p.replace("items/", ""));
        },
      },
    },
    sync: async () => {
      await ws.sync();
      await range.sync();
    },
  };
  const [grid] = await readWorkbookGrids(context as unknown as ExcelContext);
  return grid;
}

async function xlsxBytes(rows: Typed[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Foglio1");
  rows.forEach((r, i) =>
    r.forEach((t, j) => {
      if (t.value === null) return;
      const c = ws.getCell(i + 1, j + 1);
      c.value = t.value;
      if (t.numFmt) c.numFmt = t.numFmt;
    })
  );
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Values and text as a dense table of the given size (a reader may trim trailing blanks). */
function table(g: Grid, height: number, width: number): [string, string][][] {
  const show = (v: CellValue | undefined) =>
    v === null || v === undefined
      ? ""
      : v instanceof Date
        ? `D:${v.toISOString()}`
        : `${typeof v}:${String(v)}`;
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c): [string, string] => [
      show(g.rows[r]?.[c]),
      g.text?.[r]?.[c] ?? "",
    ])
  );
}

describe("Office.js and xlsx readers give the same grids", () => {
  it("on random cells: text, numbers, percentages, fixed decimals, dates, booleans", async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async (rows) => {
        // A1 holds a header so that the used range starts where the xlsx grid does.
        const withHeader: Typed[][] = [[{ value: "Obiettivo" }], ...rows];
        const height = withHeader.length;
        const width = Math.max(...withHeader.map((r) => r.length));
        const office = table(await viaOffice(withHeader), height, width);
        const bytes = await xlsxBytes(withHeader);
        const [exceljsGrid] = await readXlsxGrids(bytes, "piano.xlsx", undefined, {
          engine: "exceljs",
        });
        const [fastGrid] = await readXlsxGrids(bytes, "piano.xlsx", undefined, { engine: "fast" });
        expect(table(exceljsGrid, height, width)).toEqual(office);
        expect(table(fastGrid, height, width)).toEqual(office);
      }),
      { numRuns: RUNS }
    );
  }, 600000);
});
