/**
 * Print-ready structured sheets, read back from the written .xlsx (exceljs): A4 landscape, one page
 * wide, the header row repeated and frozen, a footer with the sheet name and the page, widths from
 * the content (headers break between words, codes whole), wrapped text in rows high enough for it.
 * On the bundled example and every fixture.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { analyzeWorkbook } from "../../src/core/pipeline";
import {
  buildWorkbookSpec,
  LINE_HEIGHT,
  STRUCTURED_SHEET_NAMES,
  wrappedLines,
} from "../../src/core/sheets";
import { readXlsxGrids } from "../../src/xlsx/read";
import { writeStructuredWorkbook } from "../../src/xlsx/write";

const ROOT = path.join(__dirname, "..", "..");
const PLANS = [
  path.join(ROOT, "assets", "esempio", "piano-esempio.xlsx"),
  ...["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"].map((s) =>
    path.join(ROOT, "test", "fixtures", s, "input.xlsx")
  ),
];

async function written(file: string): Promise<ExcelJS.Workbook> {
  const bytes = new Uint8Array(readFileSync(file));
  const grids = await readXlsxGrids(bytes, path.basename(file));
  const model = analyzeWorkbook(grids, { files: [path.basename(file)] });
  const out = await writeStructuredWorkbook(bytes, buildWorkbookSpec(model));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer
  );
  return wb;
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "result" in v) return text((v.result ?? null) as ExcelJS.CellValue);
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  return typeof v === "object" ? "" : String(v);
}

describe("wrappedLines", () => {
  test("breaks between words, long words over several lines", () => {
    expect(wrappedLines("", 10)).toBe(0);
    expect(wrappedLines("breve", 10)).toBe(1);
    expect(wrappedLines("una riga\nla seconda", 40)).toBe(2);
    expect(wrappedLines("parola ".repeat(20).trim(), 20)).toBeGreaterThanOrEqual(6);
    expect(wrappedLines("x".repeat(50), 11)).toBeGreaterThanOrEqual(4);
  });
});

describe.each(PLANS.map((p) => [path.relative(ROOT, p), p]))("%s prints ready", (_n, file) => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await written(file);
  });

  test("every structured sheet: A4 landscape, one page wide, header repeated, footer", () => {
    for (const name of STRUCTURED_SHEET_NAMES) {
      const ws = wb.getWorksheet(name)!;
      expect([name, ws.pageSetup]).toMatchObject([
        name,
        {
          paperSize: 9,
          orientation: "landscape",
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: "1:1",
        },
      ]);
      const footer = ws.headerFooter.oddFooter ?? "";
      expect([name, footer]).toEqual([name, "&L&A&RPagina &P di &N"]);
      const view = ws.views[0] as { state?: string; ySplit?: number };
      expect([name, view.state, view.ySplit]).toEqual([name, "frozen", 1]);
    }
  });

  test("widths from content: headers break between words, unwrapped values fit, long text wraps with room", () => {
    for (const name of STRUCTURED_SHEET_NAMES) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.getCell(1, 1).alignment?.wrapText).toBe(true);
      const width = ws.columnCount;
      for (let c = 1; c <= width; c++) {
        const colWidth = ws.getColumn(c).width ?? 0;
        const head = text(ws.getCell(1, c).value);
        const longestWord = Math.max(...head.split(/\s+/).map((w) => w.length));
        expect([name, head, colWidth >= longestWord + 2]).toEqual([name, head, true]);
        const wraps = ws.getCell(2, c).alignment?.wrapText === true;
        for (let r = 2; r <= ws.rowCount; r++) {
          const t = text(ws.getCell(r, c).value);
          if (wraps) {
            const lines = wrappedLines(t, colWidth);
            const height = ws.getRow(r).height ?? LINE_HEIGHT;
            if (lines > 1)
              expect([name, head, r, height >= Math.min(409, lines * LINE_HEIGHT)]).toEqual([
                name,
                head,
                r,
                true,
              ]);
          } else if (!/^-?[\d.]+(E[-+]?\d+)?$/i.test(t)) {
            // Text that does not wrap is whole in its column (codes, words, links).
            expect([name, head, r, t, t.length + 1 <= colWidth]).toEqual([name, head, r, t, true]);
          }
        }
      }
    }
  });
});
