/**
 * `peg audit` exit codes and report layout. The pipeline is replaced by one that returns findings
 * chosen per file (the audit checks themselves are tested with the audit module), so this tests
 * what the command does with them: grouping, totals, JSON and exit 0/1.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Finding } from "../../src/core/model";
import { emptyModel } from "../../src/core/model";
import type { Grid } from "../../src/core/grid";
import type { AnalyzeOptions } from "../../src/core/pipeline";

const calls: { grids: Grid[]; options: AnalyzeOptions }[] = [];
const findingsByFile = new Map<string, Finding[]>();

function fakeModel(grids: Grid[], options: AnalyzeOptions) {
  calls.push({ grids, options });
  const m = emptyModel(
    options.files,
    grids.map((g) => g.sheet)
  );
  m.findings = findingsByFile.get(options.files[0]) ?? [];
  // A plan was read (a model with no objective and no indicator is refused, exit 2).
  m.indicators.push({ objectiveCode: "1" } as (typeof m.indicators)[number]);
  return m;
}

jest.mock("../../src/core/pipeline", () => ({
  analyzeWorkbook: fakeModel,
  analyze: (grids: Grid[], options: AnalyzeOptions) => ({
    model: fakeModel(grids, options),
    settings: {},
    sheets: {},
  }),
}));

// Imported after the mock is declared (jest hoists jest.mock above imports).
import { run } from "../../src/cli/run";
import { bufferIo } from "../../src/cli/io";
import { formatAuditReport } from "../../src/cli/format-audit";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "peg-audit-"));
  fs.writeFileSync(path.join(dir, "settore1.tsv"), "Obiettivo\tTarget\nUno\t>=2\n");
  fs.writeFileSync(path.join(dir, "settore2.tsv"), "Obiettivo\tTarget\nDue\tAlmeno 3\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  calls.length = 0;
  findingsByFile.clear();
});

const weightsSum: Finding = {
  severity: "error",
  code: "WEIGHTS_SUM",
  objectiveCode: "1",
  message: "I pesi degli indicatori dell'obiettivo 1 sommano a 80%, non a 100%",
  where: "'Scheda 1'!C40:C48",
};
const missed: Finding = {
  severity: "warning",
  code: "TARGET_MISSED",
  objectiveCode: "1",
  message: 'Target "Almeno 100" non raggiunto:\n74',
  where: "'Scheda 1'!D41",
};
const info: Finding = {
  severity: "info",
  code: "LAYOUT_NOT_RECOGNIZED",
  message: 'Nessuna scheda riconosciuta nel foglio "Note"',
};

describe("peg audit", () => {
  it("exit 0 and a clean report when there are no findings", async () => {
    const io = bufferIo(dir);
    expect(await run(["audit", "settore1.tsv"], io)).toBe(0);
    expect(io.stdout).toMatch(/Verifica di "settore1\.tsv": 0 errori, 0 avvisi, 0 informazioni/);
    expect(io.stdout).toMatch(/Nessun problema trovato/);
    expect(io.stdout).toMatch(/Totale: 1 file, 0 errori/);
  });

  it("exit 1 when an error-level finding exists; warnings alone give 0", async () => {
    findingsByFile.set("settore2.tsv", [missed]);
    const w = bufferIo(dir);
    expect(await run(["audit", "settore2.tsv"], w)).toBe(0);
    findingsByFile.set("settore1.tsv", [weightsSum]);
    const e = bufferIo(dir);
    expect(await run(["audit", "settore1.tsv", "settore2.tsv"], e)).toBe(1);
    expect(e.stdout).toMatch(/Totale: 2 file, 1 errore, 1 avviso, 0 informazioni/);
  });

  it("analyzes each file on its own, with the settings beside the first file", async () => {
    fs.writeFileSync(path.join(dir, "peg.config.json"), '{ "year": 2024 }');
    try {
      const io = bufferIo(dir);
      await run(
        ["audit", "settore1.tsv", "settore2.tsv", "--as-of", "2025-03-01", "--year", "2025"],
        io
      );
      expect(calls.map((c) => c.options.files)).toEqual([["settore1.tsv"], ["settore2.tsv"]]);
      expect(calls[0].options).toMatchObject({
        year: 2025,
        asOf: "2025-03-01",
        settings: { year: 2024 },
        settingsLabel: "peg.config.json",
      });
      expect(calls[1].grids.map((g) => g.sheet)).toEqual(["settore2.tsv"]);
    } finally {
      fs.unlinkSync(path.join(dir, "peg.config.json"));
    }
  });

  it("--json prints the findings with their file, and keeps the exit code", async () => {
    findingsByFile.set("settore1.tsv", [weightsSum, info]);
    const io = bufferIo(dir);
    expect(await run(["audit", "settore1.tsv", "--json"], io)).toBe(1);
    const out = JSON.parse(io.stdout);
    expect(out).toEqual([
      { ...weightsSum, file: "settore1.tsv" },
      { ...info, file: "settore1.tsv" },
    ]);
  });

  it("structure --json prints the model of all files together", async () => {
    const io = bufferIo(dir);
    expect(
      await run(["structure", "settore1.tsv", "settore2.tsv", "--json", "--year", "2025"], io)
    ).toBe(0);
    expect(calls).toHaveLength(1);
    expect(calls[0].options.files).toEqual(["settore1.tsv", "settore2.tsv"]);
    expect(JSON.parse(io.stdout).source.files).toEqual(["settore1.tsv", "settore2.tsv"]);
  });
});

describe("formatAuditReport", () => {
  it("groups by objective, general findings first, errors before warnings, one line each", () => {
    const text = formatAuditReport([{ file: "piano.xlsx", findings: [missed, info, weightsSum] }]);
    const lines = text.split("\n");
    const general = lines.indexOf("Piano (non legate a un obiettivo)");
    const ob1 = lines.indexOf("Obiettivo 1");
    expect(general).toBeGreaterThan(0);
    expect(ob1).toBeGreaterThan(general);
    expect(lines[ob1 + 1]).toMatch(
      /^ {2}ERRORE +WEIGHTS_SUM +I pesi .* 80%, non a 100% +\['Scheda 1'!C40:C48\]$/
    );
    expect(lines[ob1 + 2]).toMatch(
      /^ {2}AVVISO +TARGET_MISSED +Target "Almeno 100" non raggiunto: 74 +\['Scheda 1'!D41\]$/
    );
    expect(lines[0]).toBe('Verifica di "piano.xlsx": 1 errore, 1 avviso, 1 informazione');
    expect(text.trimEnd().split("\n").pop()).toBe(
      "Totale: 1 file, 1 errore, 1 avviso, 1 informazione"
    );
  });
});
