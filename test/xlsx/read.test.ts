import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readXlsxGrids } from "../../src/xlsx/read";
import { PegInputError } from "../../src/core/errors";
import { formatPercentText, isPercentFormat } from "../../src/core/cells";
import { DEFAULT_LIMITS } from "../../src/xlsx/zip-guard";
import * as zlib from "zlib";
import { buildZip } from "../cli/hostile";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

async function expectPegError(
  p: Promise<unknown>,
  code: string,
  fragment: RegExp
): Promise<PegInputError> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(PegInputError);
  const err = caught as PegInputError;
  expect(err.code).toBe(code);
  expect(err.message).toMatch(fragment);
  return err;
}

describe("readXlsxGrids: values", () => {
  let grids: Awaited<ReturnType<typeof readXlsxGrids>>;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Scheda 1");
    ws.getCell("A1").value = "OBIETTIVO 1";
    ws.mergeCells("A1:D2");
    ws.getCell("A3").value = "Peso";
    ws.getCell("B3").value = 0.15;
    ws.getCell("B3").numFmt = "0%";
    ws.getCell("C3").value = 0.125;
    ws.getCell("C3").numFmt = "0.0%";
    ws.getCell("D3").value = 1200000;
    ws.getCell("D3").numFmt = "#,##0";
    ws.getCell("A4").value = new Date(Date.UTC(2025, 8, 30));
    ws.getCell("A4").numFmt = "dd/mm/yyyy";
    ws.getCell("B4").value = { formula: "B3*2", result: 0.3 } as ExcelJS.CellFormulaValue;
    ws.getCell("B4").numFmt = "0%";
    ws.getCell("C4").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    ws.getCell("D4").value = {
      formula: "NA()",
      result: { error: "#N/A" },
    } as ExcelJS.CellFormulaValue;
    ws.getCell("A5").value = {
      richText: [{ text: "Entro il " }, { font: { bold: true }, text: "30/9" }],
    };
    ws.getCell("B5").value = { text: "sito del Comune", hyperlink: "https://example.org" };
    ws.getCell("C5").value = true;
    ws.getCell("D5").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("A6").value = { formula: "A1" } as ExcelJS.CellFormulaValue; // no cached result
    ws.getCell("B6").value = "   ";
    // Trailing empties: a styled but empty cell far away must not widen the grid.
    ws.getCell("Z40").numFmt = "0%";
    const hidden = wb.addWorksheet("Nascosto", { state: "hidden" });
    hidden.getCell("B2").value = "x";
    const proto = wb.addWorksheet("__proto__");
    proto.getCell("A1").value = "constructor";
    wb.addWorksheet("Vuoto");
    grids = await readXlsxGrids(await bytesOf(wb), "prova.xlsx");
  });

  it("gives one grid per worksheet, in order, with names kept", () => {
    expect(grids.map((g) => g.sheet)).toEqual(["Scheda 1", "Nascosto", "__proto__", "Vuoto"]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "x")).toBe(false);
  });

  it("keeps merged values only in the top-left cell and lists the merge", () => {
    const g = grids[0];
    expect(g.rows[0][0]).toBe("OBIETTIVO 1");
    expect(g.rows[0].slice(1).every((v) => v === null)).toBe(true);
    expect((g.rows[1] ?? []).every((v) => v === null)).toBe(true);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 3 }]);
  });

  it("reads percent cells as fractions with Italian display text", () => {
    const g = grids[0];
    expect(g.rows[2][1]).toBeCloseTo(0.15);
    expect(g.text?.[2][1]).toBe("15%");
    expect(g.rows[2][2]).toBeCloseTo(0.125);
    expect(g.text?.[2][2]).toBe("12,5%");
    expect(g.rows[2][3]).toBe(1200000);
    expect(g.text?.[2][3] ?? null).toBeNull();
  });

  it("reads dates as UTC Date with dd/mm/yyyy text", () => {
    const g = grids[0];
    const d = g.rows[3][0];
    expect(d).toBeInstanceOf(Date);
    expect((d as Date).toISOString()).toBe("2025-09-30T00:00:00.000Z");
    expect(g.text?.[3][0]).toBe("30/09/2025");
  });

  it("gives formulas their cached results, errors as null", () => {
    const g = grids[0];
    expect(g.rows[3][1]).toBeCloseTo(0.3);
    expect(g.text?.[3][1]).toBe("30%");
    expect(g.rows[3][2]).toBe(2);
    expect(g.rows[3][3] ?? null).toBeNull();
    expect(g.rows[5][0] ?? null).toBeNull();
  });

  it("joins rich text, takes hyperlink text, keeps booleans, blanks errors", () => {
    const g = grids[0];
    expect(g.rows[4][0]).toBe("Entro il 30/9");
    expect(g.rows[4][1]).toBe("sito del Comune");
    expect(g.rows[4][2]).toBe(true);
    expect(g.rows[4][3] ?? null).toBeNull();
    expect(g.rows[5][1]).toBe("   ");
  });

  it("trims trailing empty rows and columns, origin A1", () => {
    const g = grids[0];
    expect(g.rows.length).toBe(6);
    expect(Math.max(...g.rows.map((r) => r.length))).toBe(4);
    expect(g.origin).toEqual({ row: 0, col: 0 });
    expect(g.text?.length).toBe(g.rows.length);
    g.text?.forEach((t, i) => expect(t.length).toBe(g.rows[i].length));
  });

  it("marks hidden sheets, keeps __proto__ sheets, empty sheets give no rows", () => {
    expect(grids[0].hidden).toBeFalsy();
    expect(grids[1].hidden).toBe(true);
    expect(grids[1].rows).toEqual([[], [null, "x"]]);
    expect(grids[2].rows).toEqual([["constructor"]]);
    expect(grids[3].rows).toEqual([]);
  });
});

describe("readXlsxGrids: refusals", () => {
  it("refuses an empty file", async () => {
    await expectPegError(
      readXlsxGrids(new Uint8Array(0), "vuoto.xlsx"),
      "FILE_EMPTY",
      /"vuoto\.xlsx".*vuoto/
    );
  });

  it("refuses an OLE2 file (.xls or encrypted xlsx)", async () => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expectPegError(
      readXlsxGrids(b, "vecchio.xlsx"),
      "FILE_XLS",
      /"vecchio\.xlsx".*salva il file come \.xlsx \(Excel 2007 o successivo\) senza password/
    );
  });

  it("refuses an .ods renamed .xlsx", async () => {
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", {
      compression: "STORE",
    });
    zip.file("content.xml", "<office:document-content/>");
    zip.file("META-INF/manifest.xml", "<manifest/>");
    const b = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    await expectPegError(
      readXlsxGrids(b, "calc.xlsx"),
      "FILE_ODS",
      /"calc\.xlsx".*salvalo come \.xlsx/
    );
  });

  it("refuses random bytes and a truncated workbook", async () => {
    const rnd = new Uint8Array(5000);
    let x = 12345;
    for (let i = 0; i < rnd.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      rnd[i] = x & 0xff;
    }
    await expectPegError(
      readXlsxGrids(rnd, "rumore.xlsx"),
      "FILE_CORRUPT",
      /danneggiato o incompleto/
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("A").getCell("A1").value = "dato";
    const full = await bytesOf(wb);
    await expectPegError(
      readXlsxGrids(full.slice(0, Math.floor(full.length / 2)), "tagliato.xlsx"),
      "FILE_CORRUPT",
      /"tagliato\.xlsx".*danneggiato o incompleto/
    );
  });

  it("says when a text file was given an Excel extension", async () => {
    const b = new TextEncoder().encode("Codice;Obiettivo;Peso\n1;Qualità;20%\n");
    await expectPegError(readXlsxGrids(b, "pesi.xlsx"), "FILE_NOT_XLSX", /file di testo.*\.csv/);
  });

  it("refuses a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    zip.file("[Content_Types].xml", "<Types/>");
    const b = await zip.generateAsync({ type: "uint8array" });
    await expectPegError(readXlsxGrids(b, "lettera.xlsx"), "FILE_NOT_XLSX", /Word/);
  });

  it("refuses a zip bomb from its directory, before inflating", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/workbook.xml", "<workbook/>");
    zip.file("xl/worksheets/sheet1.xml", new Uint8Array(8 * 1024 * 1024)); // 8 MB of zeros
    const b = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(b.length).toBeLessThan(100 * 1024);
    const limits = { ...DEFAULT_LIMITS, maxUncompressedBytes: 4 * 1024 * 1024 };
    await expectPegError(
      readXlsxGrids(b, "bomba.xlsx", limits),
      "FILE_ZIP_BOMB",
      /"bomba\.xlsx".*sicurezza/
    );
    const ratio = { ...DEFAULT_LIMITS, ratioFloorBytes: 1024 * 1024 };
    await expectPegError(readXlsxGrids(b, "bomba.xlsx", ratio), "FILE_ZIP_BOMB", /rapporto/);
  });

  it("refuses an archive whose entries expand past their declared size, with either reader", async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const entry = (name: string, data: Uint8Array, declared = data.length) => ({
      name,
      method: 8,
      data: zlib.deflateRawSync(data),
      crc: zlib.crc32(data),
      size: declared,
    });
    const text = (s: string) => new TextEncoder().encode(s);
    const b = buildZip([
      entry("[Content_Types].xml", text("<Types/>")),
      entry(
        "xl/workbook.xml",
        text('<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
      ),
      entry(
        "xl/_rels/workbook.xml.rels",
        text(
          '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        )
      ),
      entry("xl/worksheets/sheet1.xml", zeros, 1000),
    ]);
    for (const engine of ["exceljs", "fast"] as const) {
      await expectPegError(
        readXlsxGrids(new Uint8Array(b), "bugiardo.xlsx", undefined, { engine }),
        "FILE_ZIP_BOMB",
        /oltre la dimensione dichiarata/
      );
    }
  });

  it("refuses a file over the size cap", async () => {
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: 100 };
    await expectPegError(
      readXlsxGrids(new Uint8Array(200), "grande.xlsx", limits),
      "FILE_TOO_LARGE",
      /troppo grande/
    );
  });
});

/** Rewrite the first sheet's XML of a workbook (to build what exceljs itself would not write). */
async function patchSheetXml(
  bytes: Uint8Array,
  edit: (xml: string) => string
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const name = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(name)!.async("string");
  zip.file(name, edit(xml));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("readXlsxGrids: merges from other writers and hostile merges", () => {
  it("blanks values repeated in the covered cells of a merge", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getRow(1).values = ["Titolo", "Titolo", "Titolo", "altro"];
    ws.getRow(2).values = ["Titolo", "Titolo", "Titolo"];
    const b = await patchSheetXml(await bytesOf(wb), (xml) =>
      xml.replace(
        "</sheetData>",
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:C2"/></mergeCells>'
      )
    );
    const [g] = await readXlsxGrids(b, "ripetuto.xlsx");
    expect(g.rows).toEqual([["Titolo", null, null, "altro"]]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 2 }]);
  });

  it("reads a whole-sheet merge (A1:XFD1048576) without expanding it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "tutto";
    ws.getCell("C3").value = "dentro";
    const b = await patchSheetXml(await bytesOf(wb), (xml) =>
      xml.replace(
        "</sheetData>",
        '</sheetData><mergeCells count="2"><mergeCell ref="A1:XFD1048576"/><mergeCell ref="A1:XFD1"/></mergeCells>'
      )
    );
    const t = Date.now();
    const [g] = await readXlsxGrids(b, "enorme.xlsx");
    expect(Date.now() - t).toBeLessThan(5000);
    expect(g.rows).toEqual([["tutto"]]);
    expect(g.merges?.[0]).toEqual({ top: 0, left: 0, bottom: 1048575, right: 16383 });
  });

  it("5,000 merged areas read quickly, each listed once", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    const refs: string[] = [];
    for (let r = 1; r <= 5000; r++) {
      ws.getCell(`A${r}`).value = `voce ${r}`;
      refs.push(`<mergeCell ref="A${r}:C${r}"/>`);
    }
    const b = await patchSheetXml(await bytesOf(wb), (xml) =>
      xml.replace(
        "</sheetData>",
        `</sheetData><mergeCells count="5000">${refs.join("")}</mergeCells>`
      )
    );
    const t = Date.now();
    const [g] = await readXlsxGrids(b, "tante.xlsx");
    expect(Date.now() - t).toBeLessThan(5000);
    expect(g.merges).toHaveLength(5000);
    expect(g.rows[4999]).toEqual(["voce 5000"]);
  });
});

describe("number formats", () => {
  it("recognizes percent formats, not quoted percent signs", () => {
    expect(isPercentFormat("0%")).toBe(true);
    expect(isPercentFormat("0.00%;[Red]-0.00%")).toBe(true);
    expect(isPercentFormat('0 "%"')).toBe(false);
    expect(isPercentFormat("General")).toBe(false);
    expect(formatPercentText(0.2, "0%")).toBe("20%");
    expect(formatPercentText(1, "0.00%")).toBe("100,00%");
    expect(formatPercentText(-0.0471, "0.00%")).toBe("-4,71%");
  });
});

describe("readXlsxGrids: fixtures", () => {
  const root = path.join(__dirname, "..", "fixtures");
  const seeds = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, "input.xlsx")));

  it.each(seeds)("%s/input.xlsx reads into grids whose text matches input.txt", async (seed) => {
    const file = path.join(root, seed, "input.xlsx");
    const before = fs.readFileSync(file);
    const grids = await readXlsxGrids(new Uint8Array(before), "input.xlsx");
    expect(grids.length).toBeGreaterThan(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // Every word of the text version appears somewhere in the workbook's cells.
    const cells = new Set<string>();
    for (const g of grids) {
      for (const row of g.rows) {
        for (const v of row) {
          if (typeof v === "string")
            for (const w of v.toLowerCase().split(/\s+/)) if (w) cells.add(w);
        }
      }
      for (const m of g.merges ?? []) {
        for (let r = m.top; r <= m.bottom; r++) {
          for (let c = m.left; c <= m.right; c++) {
            if (r === m.top && c === m.left) continue;
            expect(g.rows[r]?.[c] ?? null).toBeNull();
          }
        }
      }
    }
    const txt = fs.readFileSync(path.join(root, seed, "input.txt"), "utf8");
    const words = txt
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => /^[a-zàèéìòù]{6,}$/.test(w));
    const found = words.filter((w) => cells.has(w)).length;
    expect(found / Math.max(1, words.length)).toBeGreaterThan(0.9);
  });
});
