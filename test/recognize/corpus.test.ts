/**
 * The corpus of real documents (test/corpus, test/fixtures): every case read as `peg` reads it and
 * scored against its gold.json (test/helpers/gold.ts). One generic test: a new case needs no code.
 * Each case must give a valid model and never invent much (objective precision); the means by
 * split may not fall below test/corpus/floors.json, a ratchet raised as the reading improves.
 */
import * as fs from "fs";
import * as path from "path";
import { PegModelSchema } from "../../src/core/model";
import { CORPUS_DIR, listCases, readCase, scoreCase, type CaseScore } from "../helpers/corpus";

interface Floors {
  fixture: Record<string, number>;
  dev: Record<string, number>;
  holdout: Record<string, number>;
  caseObjPrecision: number;
}
const floors = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, "floors.json"), "utf8")) as Floors;
const cases = listCases();
const scores: CaseScore[] = [];

test("the corpus holds the fixtures and at least 30 real documents of other bodies", () => {
  expect(cases.filter((c) => c.split === "fixture").length).toBeGreaterThanOrEqual(5);
  expect(cases.filter((c) => c.split !== "fixture").length).toBeGreaterThanOrEqual(30);
  expect(cases.filter((c) => c.split === "holdout").length).toBeGreaterThanOrEqual(7);
});

describe.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  it("reads into a valid model that invents no objectives", async () => {
    const model = await readCase(c);
    expect(() => PegModelSchema.parse(model)).not.toThrow();
    expect(model.findings.map((f) => f.code)).not.toContain("STRUCTURE_INVALID");
    const s = scoreCase(c, model, 0);
    scores.push(s);
    expect(s.objPrecision).toBeGreaterThanOrEqual(floors.caseObjPrecision);
  });
});

describe("means by split stay at or above their floors", () => {
  for (const split of ["fixture", "dev", "holdout"] as const) {
    it(split, () => {
      const sel = scores.filter((s) => s.split === split);
      expect(sel.length).toBeGreaterThan(0);
      for (const [key, floor] of Object.entries(floors[split])) {
        const mean =
          sel.reduce((n, s) => n + (s[key as keyof CaseScore] as number), 0) / sel.length;
        expect({ key, mean: Math.round(mean * 1000) / 1000 }).toEqual({
          key,
          mean: expect.any(Number),
        });
        expect(mean).toBeGreaterThanOrEqual(floor);
      }
    });
  }
});
