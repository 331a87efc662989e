/**
 * Issue 3 "Done when": every fixture, both inputs (text and workbook), read into the PEG model and
 * compared with gold.json by the fixtures README matching.
 */
import * as fs from "fs";
import * as path from "path";
import { buildModel } from "../../src/core/structure";
import { PegModelSchema, type PegModel } from "../../src/core/model";
import { textToGrid } from "../../src/core/textgrid";
import { readXlsxGrids } from "../../src/xlsx/read";
import { compareWithGold, type Gold } from "../helpers/gold";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const cases = fs
  .readdirSync(FIXTURES)
  .filter((d) => fs.existsSync(path.join(FIXTURES, d, "gold.json")))
  .sort();

async function modelFor(dir: string, kind: "txt" | "xlsx"): Promise<PegModel> {
  if (kind === "txt") {
    const text = fs.readFileSync(path.join(dir, "input.txt"), "utf8");
    return buildModel([textToGrid(text, "input.txt")], { files: ["input.txt"] });
  }
  const bytes = new Uint8Array(fs.readFileSync(path.join(dir, "input.xlsx")));
  return buildModel(await readXlsxGrids(bytes, "input.xlsx"), { files: ["input.xlsx"] });
}

test("there are fixtures to check", () => {
  expect(cases.length).toBeGreaterThanOrEqual(5);
});

describe.each(cases)("%s", (name) => {
  const dir = path.join(FIXTURES, name);
  const gold = JSON.parse(fs.readFileSync(path.join(dir, "gold.json"), "utf8")) as Gold;

  describe.each(["txt", "xlsx"] as const)("input.%s", (kind) => {
    let model: PegModel;
    beforeAll(async () => {
      model = await modelFor(dir, kind);
    });

    it("passes the schema and reads the plan year", () => {
      expect(() => PegModelSchema.parse(model)).not.toThrow();
      expect(model.plan.year).toBe(gold.year);
    });

    it("finds every gold objective", () => {
      const c = compareWithGold(model, gold);
      expect(c.missingObjectives.map((o) => `${o.code} ${o.title}`)).toEqual([]);
    });

    it("invents no objective (objective precision)", () => {
      const c = compareWithGold(model, gold);
      expect(c.extraObjectives.map((o) => `${o.level} ${o.code} ${o.title}`)).toEqual([]);
      expect(c.objectivePrecision).toBe(1);
    });

    it("finds the indicators (F1 >= 0.95), no other objectives' indicators", () => {
      const c = compareWithGold(model, gold);
      expect(c.f1).toBeGreaterThanOrEqual(0.95);
    });

    it("keeps targets as written and weights exact", () => {
      const c = compareWithGold(model, gold);
      expect(c.targetMismatches.map((m) => `${m.gold.name}: ${m.gold.target} != ${m.got}`)).toEqual(
        []
      );
      expect(c.weightMismatches.map((m) => `${m.gold.name}: ${m.gold.weight} != ${m.got}`)).toEqual(
        []
      );
      expect(
        c.objectiveWeightMismatches.map((m) => `${m.gold.code}: ${m.gold.weight} != ${m.got}`)
      ).toEqual([]);
    });

    it("reads report components and declared totals", () => {
      const c = compareWithGold(model, gold);
      expect(c.reportMismatches.map((m) => `${m.gold.objective}: ${m.got}`)).toEqual([]);
      for (const r of model.reports) {
        const sum = r.components.reduce((a, x) => a + x.value, 0);
        expect(r.computedTotal).toBeCloseTo(sum, 9);
      }
    });

    it("gives the gold statuses", () => {
      const c = compareWithGold(model, gold);
      expect(c.statusMismatches.map((m) => `${m.gold.name}: ${m.gold.status} != ${m.got}`)).toEqual(
        []
      );
    });

    it("traces every object to its cell", () => {
      const sheets = new Set(model.source.sheets);
      const all = [
        ...model.strategicObjectives.map((o) => o.source),
        ...model.operationalObjectives.map((o) => o.source),
        ...model.indicators.map((i) => i.source),
        ...model.reports.map((r) => r.source),
      ];
      expect(all.length).toBeGreaterThan(0);
      for (const ref of all) {
        const i = ref.lastIndexOf("!");
        let sheet = ref.slice(0, i);
        if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
        expect(sheets.has(sheet)).toBe(true);
        expect(ref.slice(i + 1)).toMatch(/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/);
      }
    });
  });
});
