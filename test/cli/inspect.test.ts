/**
 * `peg inspect` and the column mapping (docs/mapping.md), in-process: the JSON passes its schema
 * on every fixture and corpus case; inspect -> save as layouts -> --config reads every fixture the
 * same; every bad mapping exits 2 with an Italian message naming the entry, and nothing is written.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/run";
import { bufferIo } from "../../src/cli/io";
import { InspectSchema } from "../../src/core/inspect";
import { listCases } from "../helpers/corpus";

let dir: string;
let plan: string;

async function peg(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = bufferIo(dir);
  const code = await run(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "peg-inspect-"));
  // A plan whose headers no lexicon knows: columns A..H, header on row 3.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Piano 2025");
  ws.getCell("A1").value = "Comune di Esempio";
  ws.addRow([]);
  ws.addRow([
    "Colonna A",
    "Colonna B",
    "Colonna C",
    "Colonna D",
    "Colonna E",
    "Colonna F",
    "Colonna G",
    "Colonna H",
  ]);
  ws.addRow([
    "Settore 1",
    "1 - Servizi",
    "1.1 Sportello",
    "Pratiche evase",
    "n.",
    ">= 100",
    0.5,
    120,
  ]);
  ws.addRow([null, null, null, "Tempi medi", "giorni", "<= 30", 0.5, 25]);
  plan = path.join(dir, "piano.xlsx");
  await wb.xlsx.writeFile(plan);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeConfig(name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

const cases = listCases();

describe("peg inspect --json", () => {
  it("lists every case (fixtures and corpus)", () => {
    expect(cases.filter((c) => c.split === "fixture").length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c.split !== "fixture").length).toBeGreaterThanOrEqual(1);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s passes the schema", async (_name, c) => {
    const r = await peg(["inspect", path.join(c.dir, c.input), "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const parsed = InspectSchema.parse(JSON.parse(r.stdout));
    expect(parsed.sheets.length).toBeGreaterThan(0);
    // Each sheet is said once, in the workbook's order; counts are whole numbers.
    const names = parsed.sheets.map((s) => s.sheet);
    expect(new Set(names).size).toBe(names.length);
  });

  it("without --json, an Italian line per sheet", async () => {
    const c = cases.find((k) => k.name === "seed-001")!;
    const r = await peg(["inspect", path.join(c.dir, c.input)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^File input\.xlsx:\n {2}Foglio "[^"]+": \S/);
    expect(r.stdout).toMatch(/\d+ obiettivi, \d+ indicatori/);
  });
});

describe("round trip: inspect --json saved as layouts, given back with --config", () => {
  // Every fixture and corpus case: the ones read as tables are read again by the mapped reader.
  const layoutsSeen = new Set<string>();
  it.each(cases.map((c) => [c.name, c] as const))("%s reads the same", async (name, c) => {
    const input = path.join(c.dir, c.input);
    const first = InspectSchema.parse(JSON.parse((await peg(["inspect", input, "--json"])).stdout));
    for (const s of first.sheets) layoutsSeen.add(s.layout);
    const config = writeConfig(`${name}.config.json`, { layouts: first.sheets });
    const again = await peg(["inspect", input, "--json", "--config", config]);
    expect(again.stderr).toBe("");
    const second = InspectSchema.parse(JSON.parse(again.stdout));
    expect(second.sheets.map((s) => s.sheet)).toEqual(first.sheets.map((s) => s.sheet));
    second.sheets.forEach((s, i) => {
      const f = first.sheets[i];
      expect([s.sheet, s.objectives, s.indicators]).toEqual([f.sheet, f.objectives, f.indicators]);
      // A table is read again by the mapped reader with the same columns; others as before.
      if (f.layout === "table" || f.layout === "mapped") {
        expect(s.layout).toBe("mapped");
        expect([s.headerRow, s.columns]).toEqual([f.headerRow, f.columns]);
      } else {
        expect(s.layout).toBe(f.layout);
      }
    });
    const plain = await peg(["structure", input, "--json"]);
    const mapped = await peg(["structure", input, "--json", "--config", config]);
    // No plan read (exit 2, issue 14): the same with the mapping saved from inspect.
    expect(mapped.code).toBe(plain.code);
    if (plain.code === 2) {
      expect(plain.stderr).toMatch(/non è stato letto nessun piano/);
      expect(mapped.stderr).toMatch(/non è stato letto nessun piano/);
      return;
    }
    const before = JSON.parse(plain.stdout);
    const after = JSON.parse(mapped.stdout);
    expect(after.strategicObjectives).toEqual(before.strategicObjectives);
    expect(after.operationalObjectives).toEqual(before.operationalObjectives);
    expect(after.indicators).toEqual(before.indicators);
  });
  it("went through sheets read as tables and as schede", () => {
    expect(layoutsSeen.has("table")).toBe(true);
    expect(layoutsSeen.has("schede")).toBe(true);
  });
});

describe("a wrong mapping: exit 2, an Italian message naming the entry, nothing written", () => {
  const good = {
    A: "orgUnit",
    B: "strategicTitle",
    C: "operationalTitle",
    D: "indicator",
    F: "target",
  };
  const bad: [string, unknown, RegExp][] = [
    [
      "unknown role",
      { sheet: "Piano 2025", headerRow: 3, columns: { ...good, G: "pesone" } },
      /layouts\[0\] \(foglio "Piano 2025"\): il ruolo "pesone" della colonna G non esiste/,
    ],
    [
      "column outside the sheet",
      { sheet: "Piano 2025", headerRow: 3, columns: { ...good, Z: "actual" } },
      /layouts\[0\] \(foglio "Piano 2025"\): la colonna Z è fuori dal foglio \(ultima colonna: H\)/,
    ],
    [
      "not a column letter",
      { sheet: "Piano 2025", headerRow: 3, columns: { ...good, G7: "weight" } },
      /layouts\[0\] \(foglio "Piano 2025"\): "G7" non è una colonna/,
    ],
    [
      "header row past the end",
      { sheet: "Piano 2025", headerRow: 40, columns: good },
      /layouts\[0\] \(foglio "Piano 2025"\): la riga di intestazione 40 è oltre la fine del foglio \(ultima riga: 5\)/,
    ],
    [
      "two columns for a role that takes one",
      { sheet: "Piano 2025", headerRow: 3, columns: { ...good, E: "indicator" } },
      /layouts\[0\] \(foglio "Piano 2025"\): le colonne D e E hanno lo stesso ruolo "indicator" \(Indicatore\), che va dato a una colonna sola/,
    ],
    [
      "sheet not found",
      { sheet: "Piano 2024", headerRow: 3, columns: good },
      /layouts\[0\] \(foglio "Piano 2024"\): il foglio non c'è nella cartella \(fogli: "Piano 2025"\)/,
    ],
    [
      "no header row",
      { sheet: "Piano 2025", columns: good },
      /layouts\[0\] \(foglio "Piano 2025"\): manca "headerRow"/,
    ],
    [
      "header row not a number",
      { sheet: "Piano 2025", headerRow: "tre", columns: good },
      /'layouts\[0\]\.headerRow' deve essere il numero della riga di intestazione/,
    ],
    [
      "a field misspelled",
      { sheet: "Piano 2025", headerRow: 3, colums: good },
      /'layouts\[0\]' campi non riconosciuti: colums/,
    ],
  ];

  it.each(bad)("%s", async (label, entry, message) => {
    const config = writeConfig(`bad-${label.replace(/\W+/g, "-")}.json`, {
      layouts: [entry],
    });
    const out = path.join(dir, `out-${label.replace(/\W+/g, "-")}.xlsx`);
    for (const args of [
      ["inspect", plan, "--config", config],
      ["structure", plan, "--config", config, "--out", out],
      ["audit", plan, "--config", config],
    ]) {
      const r = await peg(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it("entries that are not table mappings (schede, none, no columns) are kept and do nothing", async () => {
    const config = writeConfig("inactive.json", {
      layouts: [
        { sheet: "Piano 2025", layout: "schede", headerRow: null, columns: {}, confidence: 1 },
        { sheet: "Altro foglio", layout: "none", headerRow: null, columns: { Z: "pesone" } },
      ],
    });
    const plain = await peg(["structure", plan, "--json"]);
    const r = await peg(["structure", plan, "--json", "--config", config]);
    // Headers no lexicon knows: no plan read without a mapping (exit 2, issue 14), and inactive
    // entries change nothing.
    expect([plain.code, r.code]).toEqual([2, 2]);
    expect(r.stderr).toBe(plain.stderr);
    expect(r.stderr).toMatch(/Nel file "piano\.xlsx" non è stato letto nessun piano/);
  });

  it("a good mapping is accepted and the sheet is read with it", async () => {
    const config = writeConfig("good.json", {
      layouts: [
        {
          sheet: "Piano 2025",
          headerRow: 3,
          columns: { ...good, E: "measureUnit", G: "weight", H: "actual" },
        },
      ],
    });
    const r = await peg(["inspect", plan, "--json", "--config", config]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sheet = InspectSchema.parse(JSON.parse(r.stdout)).sheets[0];
    expect(sheet).toMatchObject({ sheet: "Piano 2025", layout: "mapped", headerRow: 3 });
    expect(sheet.columns).toMatchObject({ D: "indicator", F: "target", H: "actual" });
    // A strategic objective and its operational one, two indicators.
    expect([sheet.objectives, sheet.indicators]).toEqual([2, 2]);
    const model = JSON.parse((await peg(["structure", plan, "--json", "--config", config])).stdout);
    expect(model.operationalObjectives.map((o: { title: string }) => o.title)).toEqual([
      "Sportello",
    ]);
    expect(
      model.indicators.map((i: { name: string; target: string }) => [i.name, i.target])
    ).toEqual([
      ["Pratiche evase", ">= 100"],
      ["Tempi medi", "<= 30"],
    ]);
    const text = await peg(["inspect", plan, "--config", config]);
    expect(text.stdout).toMatch(
      /Foglio "Piano 2025": tabella con le colonne indicate, affidabilità 100%, intestazione alla riga 3, righe 4–5, A = settore \(intestazione "Colonna A"\), .*D = indicatore \(intestazione "Colonna D"\)/
    );
  });
});
