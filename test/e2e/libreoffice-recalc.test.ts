/**
 * The structured workbook where the add-in is not loaded: LibreOffice, with a fresh profile that
 * recalculates every formula on load (`OOXMLRecalcMode` 0), recomputes each cell of the structured
 * sheets to the value `peg structure` wrote (the CLI's own figures), shows no #NAME? anywhere, and
 * recomputes Esito and Grado when the operator or the target value is changed in the sheet.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/run";
import { bufferIo } from "../../src/cli/io";
import { STRUCTURED_SHEET_NAMES } from "../../src/core/sheets";
import type { CellValue } from "../../src/core/grid";
import { requireProgram } from "../helpers/programs";
import { sheetsAsComputed } from "../helpers/libreoffice";

const HAVE = requireProgram("soffice");
const it = HAVE ? test : test.skip;
jest.setTimeout(600000);

const ROOT = path.join(__dirname, "..", "..");
/** Targets of every kind with actuals, as a tab-separated plan (written in beforeAll). */
const VARIE = [
  "Piano esecutivo di gestione 2025",
  "",
  "Codice\tObiettivo\tIndicatore\tTarget\tConsuntivo\tPeso\tValore 2024",
  "1\tServizi\tpratiche evase\t>= 15\t12\t20%\t",
  "1\tServizi\ttempi medi\tnon più di 30 gg\t45 gg\t20%\t",
  "1\tServizi\tcopertura\t95%\t92%\t20%\t",
  "1\tServizi\tsoddisfazione\t>= 3,5/4\t3/4\t20%\t",
  "1\tServizi\tpresenze\t> 10\t10\t20%\t",
  "2\tProcedure\tregolamento\tEntro il 30/9\t10/10/2025\t25%\t",
  "2\tProcedure\tavvio servizio\tEntro il 30/6\t15/06/2025\t25%\t",
  "2\tProcedure\tportale\tSI\tSI\t25%\t",
  "2\tProcedure\tchiusura\tEntro il 31/3\t\t25%\t",
  "3\tEntrate\tentrate proprie\t+5% rispetto all'anno precedente\t103\t50%\t100",
  "3\tEntrate\tspesa\tmassimo 10\t8\t50%\t",
].join("\n");

const PLANS: [string, string, string[]][] = [
  ["varie", "varie.tsv", ["--as-of", "2025-12-31"]],
  ["esempio", path.join(ROOT, "assets", "esempio", "piano-esempio.xlsx"), []],
  // seed-002 is the bundled example itself.
  ...["seed-000", "seed-001", "seed-003", "seed-004"].map((s): [string, string, string[]] => [
    s,
    path.join(ROOT, "test", "fixtures", s, "input.xlsx"),
    // One fixture with a check date, so SCADUTO is computed natively too.
    s === "seed-003" ? ["--as-of", "2025-12-31"] : [],
  ]),
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "peg-recalc-"));
  fs.writeFileSync(path.join(dir, "varie.tsv"), VARIE);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Cached {
  sheet: string;
  address: string;
  row: number;
  col: number;
  formula: string;
  result: unknown;
}

async function structure(name: string, file: string, extra: string[]): Promise<string> {
  const input = path.join(dir, `${name}${path.extname(file)}`);
  const from = path.isAbsolute(file) ? file : path.join(dir, file);
  if (from !== input) fs.copyFileSync(from, input);
  const io = bufferIo(dir);
  expect(await run(["structure", input, ...extra, "--out", `${name}-out.xlsx`], io)).toBe(0);
  return path.join(dir, `${name}-out.xlsx`);
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every formula cell of the structured sheets with the value the CLI cached. */
function cachedFormulas(wb: ExcelJS.Workbook): Cached[] {
  const out: Cached[] = [];
  for (const name of STRUCTURED_SHEET_NAMES) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    ws.eachRow((r, rowNumber) =>
      r.eachCell((c, colNumber) => {
        const v = c.value as ExcelJS.CellFormulaValue | null;
        if (!v || typeof v !== "object" || !("formula" in v)) return;
        out.push({
          sheet: name,
          address: c.address,
          row: rowNumber - 1,
          col: colNumber - 1,
          formula: v.formula,
          result: v.result instanceof Date ? serial(v.result) : v.result,
        });
      })
    );
  }
  return out;
}

function serial(d: Date): number {
  return Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
}

/** LibreOffice's CSV: numbers as written, a date as dd/mm/yyyy, a percentage with its %. */
function toNumber(t: string): number {
  const d = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (d) return serial(new Date(Date.UTC(+d[3], +d[2] - 1, +d[1])));
  return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
}

function isNumeric(v: CellValue): boolean {
  const t = String(v).trim();
  return /^-?\d+(\.\d+)?(E[-+]?\d+)?%?$/i.test(t) || /^\d{2}\/\d{2}\/\d{4}$/.test(t);
}

function same(actual: CellValue | undefined, expected: unknown): boolean {
  const a = actual === null || actual === undefined ? "" : String(actual);
  if (expected === undefined || expected === null || expected === "") return a === "";
  if (typeof expected === "number") return a !== "" && Math.abs(toNumber(a) - expected) < 1e-6;
  if (typeof expected === "boolean") return a.toUpperCase() === (expected ? "TRUE" : "FALSE");
  return a === String(expected);
}

const ERROR_RE = /^(#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|#NUM!|#NULL!|Err:\d+)$/;

function errorsIn(sheets: Map<string, CellValue[][]>): string[] {
  const out: string[] = [];
  for (const [name, rows] of sheets)
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (typeof v === "string" && ERROR_RE.test(v.trim()))
          out.push(`${name} r${i + 1} c${j + 1}: ${v}`);
      })
    );
  return out;
}

function column(rows: CellValue[][], header: string): number {
  const c = rows[0].indexOf(header);
  if (c < 0) throw new Error(`manca la colonna ${header}`);
  return c;
}

describe("LibreOffice recalculating on load gives the CLI's values, no #NAME?", () => {
  for (const [name, file, extra] of PLANS) {
    it(`${name}: every formula of the structured sheets recomputes to the CLI's value`, async () => {
      const out = await structure(name, file, extra);
      const cached = cachedFormulas(await load(out));
      // The values as written by the CLI (LibreOffice shows the cached ones by default) and as
      // LibreOffice recomputes them on load.
      const written = sheetsAsComputed(out, false);
      const computed = sheetsAsComputed(out, true);
      expect(errorsIn(computed)).toEqual([]);
      const wrong: string[] = [];
      let compared = 0;
      for (const sheet of STRUCTURED_SHEET_NAMES) {
        const a = written.get(sheet) ?? [];
        const b = computed.get(sheet) ?? [];
        expect([sheet, b.length]).toEqual([sheet, a.length]);
        a.forEach((row, i) =>
          row.forEach((v, j) => {
            compared++;
            if (
              !same(b[i]?.[j], v === null || v === "" ? "" : isNumeric(v) ? toNumber(String(v)) : v)
            )
              wrong.push(
                `${sheet} r${i + 1} c${j + 1} (${a[0][j]}): CLI ${String(v)}, LibreOffice ${String(b[i]?.[j])}`
              );
          })
        );
      }
      expect(wrong).toEqual([]);
      expect(compared).toBeGreaterThan(100);
      // Esito and Grado come from the native formulas wherever the rule is in plain columns.
      const ind = computed.get("Indicatori")!;
      const natives = ind.slice(1).filter((r) => String(r[column(ind, "Operatore")] ?? "") !== "");
      expect(natives.length).toBeGreaterThan(0);
      expect(
        cached.some((e) => e.sheet === "Indicatori" && /^IFERROR\(IF\(ISNUMBER\(/.test(e.formula))
      ).toBe(true);
      if (name === "esempio" || name === "varie") {
        const decided = natives.filter((r) =>
          ["RAGGIUNTO", "NON RAGGIUNTO"].includes(String(r[column(ind, "Esito")]))
        );
        expect(decided.length).toBeGreaterThan(5);
      }
    });
  }

  it("two settori's files that share objective codes: the Riepilogo by file and settore recomputes too", async () => {
    fs.copyFileSync(PLANS[2][1], path.join(dir, "settore1.xlsx"));
    fs.copyFileSync(PLANS[3][1], path.join(dir, "settore2.xlsx"));
    const io = bufferIo(dir);
    expect(
      await run(["structure", "settore1.xlsx", "settore2.xlsx", "--out", "settori.xlsx"], io)
    ).toBe(0);
    const out = path.join(dir, "settori.xlsx");
    const written = sheetsAsComputed(out, false);
    const computed = sheetsAsComputed(out, true);
    expect(errorsIn(computed)).toEqual([]);
    for (const sheet of STRUCTURED_SHEET_NAMES)
      expect([sheet, computed.get(sheet)]).toEqual([sheet, written.get(sheet)]);
    const riepilogo = computed.get("Riepilogo")!;
    const files = riepilogo.slice(1, -1).map((r) => r[column(riepilogo, "File")]);
    expect(new Set(files)).toEqual(new Set(["settore1.xlsx", "settore2.xlsx"]));
  });

  it("the native branches compute by themselves: with the engine's fallback value taken out, the same values", async () => {
    for (const [name, file, extra] of [PLANS[0], PLANS[1], PLANS[4]]) {
      const out = await structure(`${name}-nofallback`, file, extra);
      const before = sheetsAsComputed(out, true).get("Indicatori")!;
      const wb = await load(out);
      const ws = wb.getWorksheet("Indicatori")!;
      const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
      let replaced = 0;
      for (const h of ["Esito", "Grado"])
        for (let r = 2; r <= ws.rowCount; r++) {
          const v = ws.getRow(r).getCell(header.indexOf(h)).value as ExcelJS.CellFormulaValue;
          if (!v || typeof v !== "object" || !("formula" in v)) continue;
          const formula = v.formula.replace(/,("(?:[^"]|"")*"|[-+\d.eE]+)\)$/, ',"FALLBACK")');
          expect(formula).not.toBe(v.formula);
          ws.getRow(r).getCell(header.indexOf(h)).value = { formula } as ExcelJS.CellFormulaValue;
          replaced++;
        }
      expect(replaced).toBeGreaterThan(0);
      const edited = path.join(dir, `${name}-nofallback-edited.xlsx`);
      await wb.xlsx.writeFile(edited);
      const after = sheetsAsComputed(edited, true).get("Indicatori")!;
      const op = column(before, "Operatore");
      const value = column(before, "Valore consuntivo");
      const actual = column(before, "Consuntivo");
      let natives = 0;
      for (let i = 1; i < before.length; i++) {
        const row = before[i];
        if (String(row[op] ?? "") === "") continue;
        if (String(row[value] ?? "") === "" && String(row[actual] ?? "").trim() !== "") continue;
        natives++;
        for (const h of ["Esito", "Grado"])
          expect([name, i, h, after[i][column(after, h)]]).toEqual([
            name,
            i,
            h,
            row[column(before, h)],
          ]);
      }
      expect(natives).toBeGreaterThan(0);
    }
  });

  it("changing the operator or the target value in the sheet recomputes Esito and Grado", async () => {
    const out = await structure("esempio-edit", PLANS[1][1], []);
    const wb = await load(out);
    const ws = wb.getWorksheet("Indicatori")!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const at = (h: string) => header.indexOf(h);
    // A numeric indicator compared natively (a number in Valore consuntivo, operator >=).
    let row = -1;
    for (let r = 2; r <= ws.rowCount && row < 0; r++) {
      const op = ws.getRow(r).getCell(at("Operatore")).value;
      const v = ws.getRow(r).getCell(at("Valore consuntivo")).value as unknown;
      const value =
        v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v;
      const t = ws.getRow(r).getCell(at("Valore target")).value;
      if (op === ">=" && typeof value === "number" && typeof t === "number" && value > 0) row = r;
    }
    expect(row).toBeGreaterThan(0);
    const value = ws.getRow(row).getCell(at("Valore consuntivo")).value as unknown;
    const v = Number(
      value && typeof value === "object" && "result" in value
        ? (value as { result: unknown }).result
        : value
    );
    // Target twice the actual: not reached, grade 50%. Then "<=" the same value: reached.
    ws.getRow(row).getCell(at("Valore target")).value = v * 2;
    const half = path.join(dir, "edit-half.xlsx");
    await wb.xlsx.writeFile(half);
    ws.getRow(row).getCell(at("Operatore")).value = "<=";
    const lower = path.join(dir, "edit-lower.xlsx");
    await wb.xlsx.writeFile(lower);

    const a = sheetsAsComputed(half, true).get("Indicatori")!;
    expect(a[row - 1][column(a, "Esito")]).toBe("NON RAGGIUNTO");
    expect(toNumber(String(a[row - 1][column(a, "Grado")]))).toBeCloseTo(0.5, 9);
    const b = sheetsAsComputed(lower, true).get("Indicatori")!;
    expect(b[row - 1][column(b, "Esito")]).toBe("RAGGIUNTO");
    expect(toNumber(String(b[row - 1][column(b, "Grado")]))).toBe(1);
  });
});
