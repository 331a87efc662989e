/**
 * Two settori's plans that both number their objectives 1 and 2 (fixtures seed-000 and seed-001),
 * structured together: each file's objectives stay apart (the settore in the key, a File column),
 * the weights are checked within each objective (no WEIGHTS_SUM that one file alone does not have),
 * `structure` and `audit` find the same things, and the Riepilogo has a row per file and settore.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/run";
import { bufferIo } from "../../src/cli/io";
import type { PegModel } from "../../src/core/model";

const FIXTURES = path.join(__dirname, "..", "fixtures");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "peg-two-"));
  fs.copyFileSync(path.join(FIXTURES, "seed-000", "input.xlsx"), path.join(dir, "settore1.xlsx"));
  fs.copyFileSync(path.join(FIXTURES, "seed-001", "input.xlsx"), path.join(dir, "settore2.xlsx"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function modelOf(files: string[]): Promise<PegModel> {
  const io = bufferIo(dir);
  expect(await run(["structure", ...files, "--json"], io)).toBe(0);
  return JSON.parse(io.stdout) as PegModel;
}

async function auditOf(files: string[]): Promise<{ code: string; file: string }[]> {
  const io = bufferIo(dir);
  await run(["audit", ...files, "--json"], io);
  return JSON.parse(io.stdout) as { code: string; file: string }[];
}

/** A structured sheet as objects keyed by header. */
function table(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const out: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const o: Record<string, unknown> = {};
    header.forEach((h, c) => {
      if (!h) return;
      const v = ws.getRow(r).getCell(c).value as unknown;
      o[h] = v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v;
    });
    out.push(o);
  }
  return out;
}

describe("peg structure settore1.xlsx settore2.xlsx (both number objectives 1 and 2)", () => {
  test("the fixtures do share objective codes", async () => {
    const a = await modelOf(["settore1.xlsx"]);
    const b = await modelOf(["settore2.xlsx"]);
    const codes = (m: PegModel) => m.operationalObjectives.map((o) => o.code);
    expect(codes(a).filter((c) => codes(b).includes(c)).length).toBeGreaterThan(0);
  });

  test("each file's objectives keep their own key, file and indicators", async () => {
    const one = [await modelOf(["settore1.xlsx"]), await modelOf(["settore2.xlsx"])];
    const both = await modelOf(["settore1.xlsx", "settore2.xlsx"]);
    const keys = both.operationalObjectives.map((o) => o.code ?? o.id);
    expect(new Set(keys).size).toBe(keys.length);
    expect(both.operationalObjectives.length).toBe(
      one[0].operationalObjectives.length + one[1].operationalObjectives.length
    );
    expect(both.indicators.length).toBe(one[0].indicators.length + one[1].indicators.length);
    for (const [k, file] of [
      [0, "settore1.xlsx"],
      [1, "settore2.xlsx"],
    ] as const) {
      const mine = both.operationalObjectives.filter((o) => o.file === file);
      expect(mine.length).toBe(one[k].operationalObjectives.length);
      // Same objectives, same indicators, in the same order: only the key is told apart.
      mine.forEach((o, j) => {
        const alone = one[k].operationalObjectives[j];
        expect(o.title).toBe(alone.title);
        expect(o.code).toMatch(new RegExp(`/${alone.code!.replace(/\./g, "\\.")}$`));
        const inds = both.indicators.filter((i) => i.objectiveCode === o.code);
        const indsAlone = one[k].indicators.filter((i) => i.objectiveCode === alone.code);
        expect(inds.map((i) => [i.name, i.weight, i.status])).toEqual(
          indsAlone.map((i) => [i.name, i.weight, i.status])
        );
      });
    }
  });

  test("structure finds what audit finds, file by file: no WEIGHTS_SUM from summing two files", async () => {
    const both = await modelOf(["settore1.xlsx", "settore2.xlsx"]);
    const audited = await auditOf(["settore1.xlsx", "settore2.xlsx"]);
    const sorted = (l: string[]) => [...l].sort();
    expect(sorted(both.findings.map((f) => f.code))).toEqual(sorted(audited.map((f) => f.code)));
    const alone = await modelOf(["settore2.xlsx"]);
    const sums = (m: PegModel) => m.findings.filter((f) => f.code === "WEIGHTS_SUM").length;
    expect(sums(both)).toBe(sums(alone) + sums(await modelOf(["settore1.xlsx"])));
  });

  test("the workbook: a File column, Pesi per objective of its file, Riepilogo by file and settore", async () => {
    const io = bufferIo(dir);
    expect(
      await run(["structure", "settore1.xlsx", "settore2.xlsx", "--out", "tutti.xlsx"], io)
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "tutti.xlsx"));
    const both = await modelOf(["settore1.xlsx", "settore2.xlsx"]);

    const pesi = table(wb.getWorksheet("Pesi")!);
    expect(pesi.length).toBe(both.operationalObjectives.length);
    for (const row of pesi) {
      const o = both.operationalObjectives.find((x) => x.code === row["Codice obiettivo"])!;
      expect(row.File).toBe(o.file);
      const weights = both.indicators
        .filter((i) => i.objectiveCode === o.code)
        .map((i) => i.weight ?? 0);
      expect(row["Somma pesi"]).toBeCloseTo(
        weights.reduce((a, b) => a + b, 0),
        9
      );
      // Never two objectives' weights together.
      expect(Number(row["Somma pesi"])).toBeLessThanOrEqual(1.0005);
    }
    for (const name of ["Obiettivi operativi", "Indicatori", "Pesi", "Verifiche", "Riepilogo"]) {
      const header = wb.getWorksheet(name)!.getRow(1).values as unknown[];
      expect([name, header.includes("File")]).toEqual([name, true]);
    }
    const riepilogo = table(wb.getWorksheet("Riepilogo")!).filter((r) => r.Settore !== "Totale");
    expect(new Set(riepilogo.map((r) => r.File))).toEqual(
      new Set(["settore1.xlsx", "settore2.xlsx"])
    );
    for (const file of ["settore1.xlsx", "settore2.xlsx"]) {
      const n = riepilogo
        .filter((r) => r.File === file)
        .reduce((a, r) => a + Number(r.Obiettivi), 0);
      expect([file, n]).toEqual([
        file,
        both.operationalObjectives.filter((o) => o.file === file).length,
      ]);
    }
  });

  test("one file alone: codes as written, no File column", async () => {
    const m = await modelOf(["settore1.xlsx"]);
    expect(m.operationalObjectives.every((o) => o.file === undefined)).toBe(true);
    expect(m.operationalObjectives.map((o) => o.code)).toEqual(["1", "2"]);
  });
});
