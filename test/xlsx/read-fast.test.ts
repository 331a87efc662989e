/**
 * The lean reader (big sheets) against the exceljs reader: same grids on every fixture and on
 * workbooks written here with the features a plan uses.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FAST_READ_THRESHOLD, readXlsxGrids } from "../../src/xlsx/read";
import { decodeXml } from "../../src/xlsx/fast-read";
import { isDateFormat } from "../../src/core/cells";
import type { Grid } from "../../src/core/grid";

function plain(grids: Grid[]): unknown {
  return JSON.parse(
    JSON.stringify(grids, (_k, v) => (v instanceof Date ? `D:${v.toISOString()}` : v))
  );
}

async function both(bytes: Uint8Array): Promise<[unknown, unknown]> {
  const a = await readXlsxGrids(bytes, "x.xlsx", undefined, { engine: "exceljs" });
  const b = await readXlsxGrids(bytes, "x.xlsx", undefined, { engine: "fast" });
  return [plain(a), plain(b)];
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("lean reader = exceljs reader", () => {
  const root = path.join(__dirname, "..", "fixtures");
  const seeds = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, "input.xlsx")));

  it.each(seeds)("fixture %s", async (seed) => {
    const [a, b] = await both(new Uint8Array(fs.readFileSync(path.join(root, seed, "input.xlsx"))));
    expect(b).toEqual(a);
  });

  it("values, formats, formulas, merges, names and visibility", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('R&D <1> "pesi"');
    ws.getCell("A1").value = "OBIETTIVO 1 — qualità & <servizi>";
    ws.mergeCells("A1:C2");
    ws.getCell("A3").value = 0.15;
    ws.getCell("A3").numFmt = "0%";
    ws.getCell("B3").value = 0.125;
    ws.getCell("B3").numFmt = "0.0%";
    ws.getCell("C3").value = 1234.5;
    ws.getCell("C3").numFmt = '#,##0.00 "€"';
    ws.getCell("A4").value = new Date(Date.UTC(2025, 11, 31));
    ws.getCell("B4").value = new Date(Date.UTC(2025, 5, 30, 14, 30));
    ws.getCell("B4").numFmt = "dd/mm/yyyy hh:mm";
    ws.getCell("C4").value = { formula: "A3*2", result: 0.3 } as ExcelJS.CellFormulaValue;
    ws.getCell("C4").numFmt = "0.00%";
    ws.getCell("D4").value = { formula: '"a"&"b"', result: "ab" } as ExcelJS.CellFormulaValue;
    ws.getCell("E4").value = {
      formula: "NA()",
      result: { error: "#N/A" },
    } as ExcelJS.CellFormulaValue;
    ws.getCell("F4").value = { formula: "TRUE()", result: true } as ExcelJS.CellFormulaValue;
    ws.getCell("A5").value = {
      richText: [{ text: "Entro il " }, { font: { italic: true }, text: "30/9" }],
    };
    ws.getCell("B5").value = { text: "link", hyperlink: "https://example.org" };
    ws.getCell("C5").value = false;
    ws.getCell("D5").value = "  spazi  ";
    ws.getCell("E5").value = "riga 1\nriga 2\ttab";
    ws.getCell("F5").value = -4.71;
    ws.getCell("G5").value = 1e-7;
    ws.getCell("A7").value = '=HYPERLINK("x")';
    ws.getCell("A8").value = 45000;
    ws.getCell("A8").numFmt = "[$-410]d mmmm yyyy";
    ws.getCell("B8").value = 7;
    ws.getCell("B8").numFmt = '0 "giorni"';
    ws.getCell("C8").value = "123";
    wb.addWorksheet("__proto__", { state: "hidden" }).getCell("B2").value = "constructor";
    wb.addWorksheet("Molto nascosto", { state: "veryHidden" }).getCell("A1").value = 1;
    wb.addWorksheet("Vuoto");
    const [a, b] = await both(await bytesOf(wb));
    expect(b).toEqual(a);
    expect((a as Grid[]).map((g) => g.sheet)).toEqual([
      'R&D <1> "pesi"',
      "__proto__",
      "Molto nascosto",
      "Vuoto",
    ]);
  });

  it("inline strings, shared formulas, 1904 dates", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("S");
    for (let r = 1; r <= 20; r++) {
      ws.getCell(`A${r}`).value = r;
      ws.getCell(`B${r}`).value = new Date(Date.UTC(2024, 0, r));
    }
    ws.fillFormula("C1:C20", "A1*2", (row) => row * 2);
    const bytes = await bytesOf(wb);
    // Turn the first shared string into an inline string, as other writers do.
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const patched = sheet.replace(
      /<c r="A1"([^>]*)>.*?<\/c>/,
      '<c r="A1" t="inlineStr"><is><t>in linea &amp; più</t></is></c>'
    );
    zip.file("xl/worksheets/sheet1.xml", patched);
    const out = await zip.generateAsync({ type: "uint8array" });
    const [a, b] = await both(out);
    expect(b).toEqual(a);
    expect((a as { rows: unknown[][] }[])[0].rows[0][0]).toBe("in linea & più");
  });

  it("chooses the lean reader for big sheets only, with the same result", async () => {
    const small = await handMadeWorkbook(50);
    const [a, b] = await both(small);
    expect(b).toEqual(a);
    const rows = Math.ceil(FAST_READ_THRESHOLD / 150) + 1000;
    const big = await handMadeWorkbook(rows);
    const t = Date.now();
    const grids = await readXlsxGrids(big, "grande.xlsx");
    expect(Date.now() - t).toBeLessThan(15000);
    expect(grids[0].rows).toHaveLength(rows + 1);
    expect(grids[0].rows[rows]).toEqual([
      `Obiettivo operativo numero ${rows}`,
      `indicatore ${rows} & co.`,
      rows,
      0.2,
    ]);
    expect(grids[0].text?.[rows][3]).toBe("20%");
    expect(grids[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  });
});

describe("lean reader on malformed XML", () => {
  it("stays linear when rows and cells are never closed", async () => {
    // 20,000 rows: linear reading takes well under a second; a quadratic scan would take minutes.
    const wb = await handMadeWorkbook(20000);
    const zip = await JSZip.loadAsync(wb);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", xml.replace(/<\/row>|<\/c>/g, ""));
    const broken = await zip.generateAsync({ type: "uint8array" });
    const t = Date.now();
    const [g] = await readXlsxGrids(broken, "rotto.xlsx", undefined, { engine: "fast" });
    expect(Date.now() - t).toBeLessThan(15000);
    expect(g.rows).toHaveLength(20001);
    expect(g.rows[20000][2]).toBe(20000);
  });
});

/** A workbook written by hand (fast to build at any size): inline strings, a percent style, one merge. */
async function handMadeWorkbook(rows: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
  );
  zip.file(
    "xl/workbook.xml",
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Piano" sheetId="1" r:id="rId1"/></sheets></workbook>'
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'
  );
  zip.file(
    "xl/styles.xml",
    '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'
  );
  const parts: string[] = ['<row r="1"><c r="A1" t="inlineStr"><is><t>PIANO</t></is></c></row>'];
  for (let r = 1; r <= rows; r++) {
    const n = r + 1;
    parts.push(
      `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>Obiettivo operativo numero ${r}</t></is></c>` +
        `<c r="B${n}" t="inlineStr"><is><t>indicatore ${r} &amp; co.</t></is></c><c r="C${n}"><v>${r}</v></c><c r="D${n}" s="1"><v>0.2</v></c></row>`
    );
  }
  zip.file(
    "xl/worksheets/sheet1.xml",
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      parts.join("") +
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells></worksheet>'
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("lean reader helpers", () => {
  it("decodes XML entities", () => {
    expect(
      decodeXml("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#232; &#x20AC; &bogus;")
    ).toBe("a & b <c> \"d\" 'e' è € &bogus;");
  });

  it("tells date formats like exceljs", () => {
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat("[$-410]d mmmm yyyy")).toBe(true);
    expect(isDateFormat('0 "giorni"')).toBe(false);
    expect(isDateFormat("0.00%")).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });
});
