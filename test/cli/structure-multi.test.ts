/**
 * `peg structure A.xlsx B.xlsx ... --out OUT.xlsx`: every input's source sheets are in the output
 * (names made unique and valid for Excel), the `Origine` links go to the right sheet and cell, the
 * inputs are never touched, and running again on the output replaces the structured sheets.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/run";
import { bufferIo } from "../../src/cli/io";
import { STRUCTURED_SHEET_NAMES } from "../../src/core/sheets";
import { pickSheetName, renameReferences } from "../../src/xlsx/write";

let dir: string;

/** A small plan: one objective with two weighted indicators, and a second sheet with a formula. */
async function planWorkbook(file: string, code: string, second: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet("Foglio1");
  s.addRow(["Codice", "Obiettivo operativo", "Indicatore", "Peso", "Target", "Consuntivo"]);
  s.addRow([`${code}.1`, `Obiettivo ${code}`, `n. pratiche evase ${code}`, 0.6, ">=10", 12]);
  s.addRow([`${code}.1`, `Obiettivo ${code}`, `tempi medi ${code}`, 0.4, "Entro il 30/9", null]);
  s.getCell("D2").numFmt = "0%";
  s.getCell("D3").numFmt = "0%";
  s.getCell("B2").font = { bold: true };
  s.mergeCells("G1:H1");
  s.getCell("G1").value = `Settore ${code}`;
  const n = wb.addWorksheet(second);
  n.getCell("A1").value = "Totale pesi";
  n.getCell("B1").value = { formula: "SUM(Foglio1!D2:D3)", result: 1 };
  n.getCell("A2").value = new Date(Date.UTC(2025, 5, 30));
  await wb.xlsx.writeFile(path.join(dir, file));
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  return wb;
}

/** Every non-empty cell: address -> [value, number format, merged]. */
function cells(ws: ExcelJS.Worksheet): Map<string, string> {
  const m = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) =>
      m.set(c.address, JSON.stringify([c.value, c.numFmt ?? null, c.isMerged]))
    )
  );
  return m;
}

function headerIndex(ws: ExcelJS.Worksheet, header: string): number {
  const values = ws.getRow(1).values as unknown[];
  const i = values.indexOf(header);
  if (i < 0) throw new Error(`manca la colonna ${header} in ${ws.name}`);
  return i;
}

/** The `Origine` links of a structured sheet: [sheet, cell address, shown text]. */
function origins(ws: ExcelJS.Worksheet): [string, string, string][] {
  const col = headerIndex(ws, "Origine");
  const out: [string, string, string][] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(col).value;
    if (!v || typeof v !== "object" || !("formula" in v) || typeof v.formula !== "string") continue;
    const m = /^HYPERLINK\("#'((?:[^']|'')+)'!([A-Z]+\d+)(?::[A-Z]+\d+)?","(.*)"\)$/.exec(
      v.formula
    );
    if (!m) throw new Error(`collegamento non riconosciuto: ${v.formula}`);
    const [, sheet = "", cell = "", text = ""] = m;
    out.push([sheet.replace(/''/g, "'"), cell, text]);
  }
  return out;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "peg-multi-"));
  await planWorkbook("settore-a.xlsx", "1", "Note");
  await planWorkbook("settore-b.xlsx", "2", "note");
  fs.writeFileSync(
    path.join(dir, "settore-c.tsv"),
    "Codice\tObiettivo operativo\tIndicatore\tPeso\tTarget\tConsuntivo\n" +
      "3.1\tObiettivo 3\tn. controlli\t100%\t=>5\t6\n"
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("peg structure with several inputs --out", () => {
  const inputs = ["settore-a.xlsx", "settore-b.xlsx", "settore-c.tsv"];
  let before: Map<string, Buffer>;
  let io: ReturnType<typeof bufferIo>;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    before = new Map(inputs.map((f) => [f, fs.readFileSync(path.join(dir, f))]));
    io = bufferIo(dir);
    expect(await run(["structure", ...inputs, "--out", "tutti.xlsx"], io)).toBe(0);
    wb = await open("tutti.xlsx");
  });

  test("every input's source sheets, renamed apart where names collide, then the structured sheets", () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([
      "Foglio1",
      "Note",
      "settore-b.xlsx - Foglio1",
      // "note" differs from "Note" only by case: Excel takes them for the same name.
      "note (2)",
      "settore-c.tsv",
      ...STRUCTURED_SHEET_NAMES,
    ]);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(io.stderr).toMatch(/"Foglio1" di "settore-b\.xlsx" -> "settore-b\.xlsx - Foglio1"/);
    expect(io.stderr).toMatch(/"note" di "settore-b\.xlsx" -> "note \(2\)"/);
  });

  test("copied sheets keep their cell values, formats and merges", async () => {
    const a = await open("settore-a.xlsx");
    const b = await open("settore-b.xlsx");
    const pairs: [ExcelJS.Worksheet, string][] = [
      [a.getWorksheet("Foglio1")!, "Foglio1"],
      [a.getWorksheet("Note")!, "Note"],
      [b.getWorksheet("Foglio1")!, "settore-b.xlsx - Foglio1"],
    ];
    for (const [src, name] of pairs) expect(cells(wb.getWorksheet(name)!)).toEqual(cells(src));
    const copied = wb.getWorksheet("settore-b.xlsx - Foglio1")!;
    expect(copied.getCell("B2").font?.bold).toBe(true);
    expect(copied.getCell("H1").isMerged).toBe(true);
    // The formula of b's "note" sheet follows b's Foglio1 to its new name, not a's Foglio1.
    const note = wb.getWorksheet("note (2)")!;
    expect(note.getCell("B1").value).toEqual({
      formula: "SUM('settore-b.xlsx - Foglio1'!D2:D3)",
      result: 1,
    });
    expect(note.getCell("A2").value).toEqual(new Date(Date.UTC(2025, 5, 30)));
    const text = wb.getWorksheet("settore-c.tsv")!;
    expect(text.getCell("A2").value).toBe("3.1");
    expect(text.getCell("E2").value).toBe("=>5");
  });

  test("every Origine link goes to an existing sheet and the cell its text names", () => {
    const ind = wb.getWorksheet("Indicatori")!;
    const links = origins(ind);
    expect(links).toHaveLength(5);
    const name = headerIndex(ind, "Indicatore");
    const sheets = new Set<string>();
    links.forEach(([sheet, cell, text], k) => {
      const ws = wb.getWorksheet(sheet);
      expect(ws).toBeDefined();
      // The shown text is the model's reference: the same sheet and cell as the link.
      expect(text.replace(/^'(.*)'!/, "$1!")).toBe(`${sheet}!${cell}`);
      // The linked cell holds the indicator of that row (each file's own, not another's).
      expect(ws!.getCell(cell).value).toBe(ind.getRow(k + 2).getCell(name).value);
      sheets.add(sheet);
    });
    expect([...sheets].sort()).toEqual(["Foglio1", "settore-b.xlsx - Foglio1", "settore-c.tsv"]);
    // Objectives too: each link lands on its own code.
    const ops = wb.getWorksheet("Obiettivi operativi")!;
    const code = headerIndex(ops, "Codice");
    const opLinks = origins(ops);
    expect(opLinks).toHaveLength(3);
    opLinks.forEach(([sheet, cell], k) => {
      const rowNumber = Number(/\d+$/.exec(cell)?.[0]);
      expect(wb.getWorksheet(sheet)!.getRow(rowNumber).values as unknown[]).toContain(
        ops.getRow(k + 2).getCell(code).value
      );
    });
  });

  test("the inputs are byte-identical afterwards, and --out over an input is refused", async () => {
    for (const f of inputs)
      expect(fs.readFileSync(path.join(dir, f)).equals(before.get(f)!)).toBe(true);
    const io2 = bufferIo(dir);
    expect(await run(["structure", ...inputs, "--out", "settore-b.xlsx"], io2)).toBe(2);
    expect(
      fs.readFileSync(path.join(dir, "settore-b.xlsx")).equals(before.get("settore-b.xlsx")!)
    ).toBe(true);
    // No temp file is left behind.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("running again on the output replaces the structured sheets, not duplicates them", async () => {
    const io2 = bufferIo(dir);
    expect(await run(["structure", "tutti.xlsx", "--out", "ancora.xlsx"], io2)).toBe(0);
    const again = await open("ancora.xlsx");
    expect(again.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    expect(
      origins(again.getWorksheet("Indicatori")!)
        .map((l) => l[0])
        .sort()
    ).toEqual(
      origins(wb.getWorksheet("Indicatori")!)
        .map((l) => l[0])
        .sort()
    );
    // With another input as well: its structured sheets are rebuilt once, not copied.
    expect(
      await run(["structure", "settore-c.tsv", "tutti.xlsx", "--out", "misto.xlsx"], io2)
    ).toBe(0);
    const mixed = await open("misto.xlsx");
    const names = mixed.worksheets.map((w) => w.name);
    for (const s of STRUCTURED_SHEET_NAMES) expect(names.filter((n) => n === s)).toEqual([s]);
    expect(
      names.filter((n) => /\(\d\)$/.test(n) && STRUCTURED_SHEET_NAMES.some((s) => n.startsWith(s)))
    ).toEqual([]);
  });
});

describe("names the model cannot keep", () => {
  test("a long file name: the sheet gets a short name and the links follow it", async () => {
    const long = "obiettivi-settore-servizi-sociali.xlsx";
    await planWorkbook(long, "4", "Tabelle");
    // A table named like one of the first file's, and a hidden sheet.
    for (const f of ["settore-a.xlsx", long]) {
      const w = await open(f);
      w.getWorksheet("Note")?.addTable({
        name: "Tabella1",
        ref: "D1",
        columns: [{ name: "Voce" }],
        rows: [["a"]],
      });
      // A defined name in each file, of the same name, on its own Foglio1.
      w.definedNames.add("Foglio1!$C$2:$C$3", "Elenco");
      const t = w.getWorksheet("Tabelle");
      if (t) {
        t.addTable({ name: "Tabella1", ref: "D1", columns: [{ name: "Voce" }], rows: [["b"]] });
        t.getCell("C1").value = { formula: "COUNTA(Tabella1[Voce])", result: 1 };
        t.state = "hidden";
        t.getCell("C2").value = { formula: "COUNTA(Elenco)", result: 2 };
        t.getCell("A3").dataValidation = { type: "list", allowBlank: true, formulae: ["Elenco"] };
        t.addConditionalFormatting({
          ref: "B1:B5",
          rules: [
            {
              type: "expression",
              priority: 1,
              formulae: ["B1>Foglio1!$D$2"],
              style: { font: { bold: true } },
            },
          ],
        });
      }
      await w.xlsx.writeFile(path.join(dir, f === long ? long : "con-tabella.xlsx"));
    }
    const io = bufferIo(dir);
    expect(await run(["structure", "con-tabella.xlsx", long, "--out", "lungo.xlsx"], io)).toBe(0);
    const wb = await open("lungo.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Foglio1",
      "Note",
      "Foglio1 (2)",
      "Tabelle",
      ...STRUCTURED_SHEET_NAMES,
    ]);
    expect(wb.getWorksheet("Tabelle")!.state).toBe("hidden");
    const tables = wb.worksheets.flatMap((w) =>
      Object.keys((w as unknown as { tables: Record<string, unknown> }).tables)
    );
    expect(new Set(tables.map((t) => t.toLowerCase())).size).toBe(tables.length);
    expect(wb.getWorksheet("Tabelle")!.getCell("C1").value).toEqual({
      formula: "COUNTA(Tabella1_2[Voce])",
      result: 1,
    });
    expect(wb.getWorksheet("Tabelle")!.getCell("C2").value).toEqual({
      formula: "COUNTA(Elenco_2)",
      result: 2,
    });
    const tabelle = wb.getWorksheet("Tabelle")!;
    expect(tabelle.getCell("A3").dataValidation).toMatchObject({
      type: "list",
      formulae: ["Elenco_2"],
    });
    const cf = (
      tabelle as unknown as { conditionalFormattings: { rules: { formulae: string[] }[] }[] }
    ).conditionalFormattings;
    expect(cf.map((c) => c.rules[0].formulae)).toEqual([["B1>'Foglio1 (2)'!$D$2"]]);
    const definedNames = new Map(
      (wb.definedNames.model as { name: string; ranges: string[] }[]).map((d) => [d.name, d.ranges])
    );
    expect(definedNames.get("Elenco")).toEqual(["Foglio1!$C$2:$C$3"]);
    expect(definedNames.get("Elenco_2")).toEqual(["'Foglio1 (2)'!$C$2:$C$3"]);
    const links = origins(wb.getWorksheet("Indicatori")!);
    const own = links.filter(([, , text]) => text.startsWith(`'${long}`));
    expect(own.map(([sheet, cell]) => `${sheet}!${cell}`)).toEqual([
      "Foglio1 (2)!C2",
      "Foglio1 (2)!C3",
    ]);
    expect(wb.getWorksheet("Foglio1 (2)")!.getCell("C2").value).toBe("n. pratiche evase 4");
    expect(io.stderr).toMatch(
      /"Foglio1" di "obiettivi-settore-servizi-sociali\.xlsx" -> "Foglio1 \(2\)"/
    );
  });
});

describe("sheet names and references", () => {
  test("names are made valid for Excel, at most 31 characters, unique ignoring case", () => {
    const taken = new Set(["foglio1", "indicatori"]);
    expect(pickSheetName("FOGLIO1", "FOGLIO1", taken)).toBe("FOGLIO1 (2)");
    expect(pickSheetName("Foglio1", "Foglio1", taken)).toBe("Foglio1 (3)");
    expect(pickSheetName("a/b:c?", "a/b:c?", taken)).toBe("a_b_c_");
    const long = "Piano esecutivo di gestione 2025.xlsx - Riepilogo";
    expect(pickSheetName(long, "Riepilogo generale", taken)).toBe("Riepilogo generale");
    const longer = "Obiettivi e indicatori del settore servizi sociali";
    const first = pickSheetName(longer, longer, taken);
    const second = pickSheetName(longer, longer, taken);
    expect(first).toBe(longer.slice(0, 31));
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.startsWith("Obiettivi e indicatori")).toBe(true);
    expect(second.endsWith(" (2)")).toBe(true);
    expect(pickSheetName("'citato'", "'citato'", taken)).toBe("citato");
    expect(pickSheetName("Indicatori", "Indicatori", taken)).toBe("Indicatori (2)");
  });

  test("formulas follow renamed sheets and tables, not text or other sheets", () => {
    const sheets = new Map([
      ["foglio1", "b.xlsx - Foglio1"],
      ["scheda 1", "Scheda 1 (2)"],
    ]);
    const tables = new Map([["tabella1", "Tabella1_2"]]);
    expect(renameReferences("SUM(Foglio1!A1:A3)+'Scheda 1'!B2", sheets, tables)).toBe(
      "SUM('b.xlsx - Foglio1'!A1:A3)+'Scheda 1 (2)'!B2"
    );
    expect(renameReferences('IF(A1="Foglio1!A1",Altro!A1,0)', sheets, tables)).toBe(
      'IF(A1="Foglio1!A1",Altro!A1,0)'
    );
    expect(
      renameReferences("SUM(Tabella1[Peso])+Tabella1[[#This Row],[Foglio1]]", sheets, tables)
    ).toBe("SUM(Tabella1_2[Peso])+Tabella1_2[[#This Row],[Foglio1]]");
    const names = new Map([["elenco", "Elenco_2"]]);
    expect(renameReferences("COUNTA(Elenco)+SUM(Elenco2)+ELENCO", sheets, tables, names)).toBe(
      "COUNTA(Elenco_2)+SUM(Elenco2)+Elenco_2"
    );
    expect(renameReferences("foglio1!$A$1*1.5", sheets, tables)).toBe(
      "'b.xlsx - Foglio1'!$A$1*1.5"
    );
  });
});
