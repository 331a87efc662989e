// Acceptance on the seed plans: every finding gold.json lists is reported with its code and
// objective, and no error-level finding appears that gold does not list.
import * as fs from "fs";
import * as path from "path";
import { analyzeWorkbook } from "../../src/core/pipeline";
import { textToGrid } from "../../src/core/textgrid";
import { readXlsxGrids } from "../../src/xlsx/read";
import type { Finding, PegModel } from "../../src/core/model";

interface GoldFinding {
  code: string;
  objective: string;
  severity?: string;
}

const FIXTURES = path.join(__dirname, "..", "fixtures");
const seeds = fs
  .readdirSync(FIXTURES)
  .filter((d) => d.startsWith("seed-") && fs.existsSync(path.join(FIXTURES, d, "gold.json")));

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Gold names an objective by code, else by the start of its title. */
function sameObjective(model: PegModel, f: Finding, gold: string): boolean {
  if (f.objectiveCode === undefined) return false;
  if (fold(f.objectiveCode) === fold(gold)) return true;
  const o = [...model.operationalObjectives, ...model.strategicObjectives].find(
    (x) => (x.code ?? x.id) === f.objectiveCode
  );
  return !!o && fold(o.title).startsWith(fold(gold));
}

function check(gold: { findings: GoldFinding[] }, model: () => PegModel): void {
  it("reports every finding gold lists, with its code and objective", () => {
    const m = model();
    const missing = gold.findings.filter(
      (g) => !m.findings.some((f) => f.code === g.code && sameObjective(m, f, g.objective))
    );
    expect(missing.map((g) => `${g.code} ${g.objective}`)).toEqual([]);
  });

  it("reports no error gold does not list", () => {
    const m = model();
    const extra = m.findings.filter(
      (f) =>
        f.severity === "error" &&
        !gold.findings.some((g) => g.code === f.code && sameObjective(m, f, g.objective))
    );
    expect(extra.map((f) => `${f.code} ${f.objectiveCode}: ${f.message}`)).toEqual([]);
  });
}

describe.each(seeds)("%s", (seed) => {
  const dir = path.join(FIXTURES, seed);
  const gold = JSON.parse(fs.readFileSync(path.join(dir, "gold.json"), "utf8")) as {
    year?: number;
    findings: GoldFinding[];
  };

  describe("input.txt", () => {
    const grid = textToGrid(fs.readFileSync(path.join(dir, "input.txt"), "utf8"), "input.txt");
    const model = analyzeWorkbook([grid], { files: ["input.txt"], year: gold.year });
    check(gold, () => model);
  });

  const xlsx = path.join(dir, "input.xlsx");
  // Every fixture has its workbook: a missing one fails here instead of skipping silently.
  describe("input.xlsx", () => {
    let model: PegModel;
    beforeAll(async () => {
      const grids = await readXlsxGrids(new Uint8Array(fs.readFileSync(xlsx)), "input.xlsx");
      model = analyzeWorkbook(grids, { files: ["input.xlsx"], year: gold.year });
    });
    check(gold, () => model);
  });
});
