/**
 * The corpus of real documents (test/corpus/<case>/ and test/fixtures/<case>/): each case read
 * as a user would give it to `peg` (input.xlsx, input.tsv, input.csv or input.txt), scored against
 * its gold.json with the fixtures README matching (test/helpers/gold.ts). One generic test and
 * `npm run corpus` use this; a new case needs no new code.
 */
import * as fs from "fs";
import * as path from "path";
import { analyzeWorkbook } from "../../src/core/pipeline";
import type { PegModel } from "../../src/core/model";
import { readSource } from "../../src/cli/sources";
import { compareWithGold, type Gold } from "./gold";

// From the project root (the test runner and `npm run corpus` both start there).
export const CORPUS_DIR = path.resolve("test", "corpus");
export const FIXTURES_DIR = path.resolve("test", "fixtures");
const INPUTS = ["input.xlsx", "input.tsv", "input.csv", "input.txt"];

export interface CorpusCase {
  name: string;
  dir: string;
  /** "fixture" (the five seeds), "dev" (code was written against it), "holdout" (measured only). */
  split: "fixture" | "dev" | "holdout";
  input: string;
  gold: Gold & { split?: string };
}

export function listCases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  for (const [root, kind] of [
    [FIXTURES_DIR, "fixture"],
    [CORPUS_DIR, "corpus"],
  ] as const) {
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root).sort()) {
      const dir = path.join(root, name);
      const goldPath = path.join(dir, "gold.json");
      if (!fs.existsSync(goldPath)) continue;
      const gold = JSON.parse(fs.readFileSync(goldPath, "utf8")) as CorpusCase["gold"];
      const input = INPUTS.find((f) => fs.existsSync(path.join(dir, f)));
      if (!input) continue;
      const split = kind === "fixture" ? "fixture" : gold.split === "holdout" ? "holdout" : "dev";
      out.push({ name, dir, split, input, gold });
    }
  }
  return out;
}

export async function readCase(c: CorpusCase, input = c.input): Promise<PegModel> {
  const src = await readSource(input, c.dir);
  return analyzeWorkbook(src.grids, { files: [input], year: c.gold.year ?? undefined });
}

export interface CaseScore {
  name: string;
  split: string;
  objRecall: number;
  objPrecision: number;
  indP: number;
  indR: number;
  indF1: number;
  targets: number;
  weights: number;
  statuses: number;
  ms: number;
}

/** Objective precision: model objectives that matched a gold one, over all model objectives. */
export function scoreCase(c: CorpusCase, model: PegModel, ms: number): CaseScore {
  const cmp = compareWithGold(model, c.gold);
  const nObj = model.strategicObjectives.length + model.operationalObjectives.length;
  const matchedInd = cmp.indicators.size;
  const frac = (bad: number) =>
    matchedInd === 0 ? (c.gold.indicators.length === 0 ? 1 : 0) : 1 - bad / matchedInd;
  return {
    name: c.name,
    split: c.split,
    objRecall: c.gold.objectives.length === 0 ? 1 : cmp.objectives.size / c.gold.objectives.length,
    // Nothing read invents nothing: precision counts only what was read.
    objPrecision: nObj === 0 ? 1 : cmp.objectives.size / nObj,
    indP: cmp.precision,
    indR: cmp.recall,
    indF1: c.gold.indicators.length === 0 && model.indicators.length === 0 ? 1 : cmp.f1,
    targets: frac(cmp.targetMismatches.length),
    weights: frac(cmp.weightMismatches.length),
    statuses: frac(cmp.statusMismatches.length),
    ms,
  };
}
