/**
 * The fixture comparer (test/fixtures/README.md): objectives by code, else by title word overlap
 * (recall: missingObjectives; precision: extraObjectives, objectivePrecision);
 * indicators within their objective by name word overlap; targets compared with spaces collapsed
 * and case ignored; weights within 0.001.
 */
import type { Indicator, PegModel } from "../../src/core/model";

export interface GoldObjective {
  code: string | null;
  title: string;
  level: "strategic" | "operational";
  strategicCode?: string | null;
  weight: number | null;
  missione?: string;
  programma?: string;
}

export interface GoldIndicator {
  objective: string;
  name: string;
  target: string | null;
  weight: number | null;
  actual: string | number | null;
  status: string;
  achievement?: number | null;
  dimension?: string;
}

export interface GoldReport {
  objective: string | null;
  components: number[];
  declaredTotal: number | null;
}

export interface Gold {
  case: string;
  year: number;
  objectives: GoldObjective[];
  indicators: GoldIndicator[];
  reports: GoldReport[];
}

interface ModelObjective {
  id: string;
  code: string | null;
  title: string;
  level: "strategic" | "operational";
  weight?: number | null;
  missione?: string;
  programma?: string;
}

const STOP = new Set(
  "di a da in con su per tra fra il lo la i gli le un uno una del dello della dei degli delle al allo alla ai agli alle dal dalla dai nel nello nella nei negli nelle sul sulla sui e ed o che non".split(
    " "
  )
);

export function wordSet(s: string | null): Set<string> {
  const out = new Set<string>();
  const t = String(s ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/<[^>]+>/g, " ")
    .toLowerCase();
  for (const w of t.split(/[^a-z0-9]+/)) if (w && !STOP.has(w)) out.add(w);
  return out;
}

/** Shared words over the smaller set, and over the union (to break ties between long names). */
export function wordOverlap(a: string | null, b: string | null): { min: number; jaccard: number } {
  const A = wordSet(a);
  const B = wordSet(b);
  if (A.size === 0 || B.size === 0) return { min: 0, jaccard: 0 };
  let n = 0;
  for (const w of A) if (B.has(w)) n++;
  return { min: n / Math.min(A.size, B.size), jaccard: n / (A.size + B.size - n) };
}

/** Spaces squeezed out and case ignored: `100 %` (text) and `100%` (a percent cell) are the same target. */
export function normTarget(t: string | null | undefined): string {
  return String(t ?? "")
    .replace(/\s+/g, "")
    .toLowerCase();
}

function objectivesOf(m: PegModel): ModelObjective[] {
  return [
    ...m.strategicObjectives.map((s) => ({ ...s, level: "strategic" as const })),
    ...m.operationalObjectives.map((o) => ({ ...o, level: "operational" as const })),
  ];
}

/** One-to-one greedy matching by score (best pairs first). */
function greedy<A, B>(
  as: A[],
  bs: B[],
  score: (a: A, b: B) => number,
  min: number
): Map<number, number> {
  const pairs: [number, number, number][] = [];
  as.forEach((a, i) =>
    bs.forEach((b, j) => {
      const s = score(a, b);
      if (s >= min) pairs.push([s, i, j]);
    })
  );
  pairs.sort((x, y) => y[0] - x[0]);
  const out = new Map<number, number>();
  const usedB = new Set<number>();
  for (const [, i, j] of pairs) {
    if (out.has(i) || usedB.has(j)) continue;
    out.set(i, j);
    usedB.add(j);
  }
  return out;
}

export interface Comparison {
  /** Gold objective index -> model objective. */
  objectives: Map<number, ModelObjective>;
  missingObjectives: GoldObjective[];
  /** Gold indicator index -> model indicator. */
  indicators: Map<number, Indicator>;
  precision: number;
  recall: number;
  f1: number;
  targetMismatches: { gold: GoldIndicator; got: string | null }[];
  weightMismatches: { gold: GoldIndicator; got: number | null }[];
  statusMismatches: { gold: GoldIndicator; got: string }[];
  objectiveWeightMismatches: { gold: GoldObjective; got: number | null | undefined }[];
  reportMismatches: { gold: GoldReport; got: string }[];
  /** Model objectives that match no gold objective: invented (or split) by the reader. */
  extraObjectives: ModelObjective[];
  /** Matched objectives over the model's objectives (1 when the model has none and gold neither). */
  objectivePrecision: number;
}

export function compareWithGold(model: PegModel, gold: Gold): Comparison {
  const objs = objectivesOf(model);
  // Objectives: by code first, then by title.
  const objMatch = new Map<number, ModelObjective>();
  const usedObj = new Set<ModelObjective>();
  gold.objectives.forEach((g, i) => {
    if (g.code === null) return;
    const hit = objs.find((o) => o.code !== null && o.code === g.code && !usedObj.has(o));
    if (hit) {
      objMatch.set(i, hit);
      usedObj.add(hit);
    }
  });
  const restGold = gold.objectives.map((g, i) => ({ g, i })).filter(({ i }) => !objMatch.has(i));
  const restObj = objs.filter((o) => !usedObj.has(o));
  const byTitle = greedy(
    restGold,
    restObj,
    (a, b) => {
      const o = wordOverlap(a.g.title, b.title);
      return o.min >= 0.6 ? o.min + o.jaccard : 0;
    },
    0.6
  );
  for (const [gi, oj] of byTitle) objMatch.set(restGold[gi].i, restObj[oj]);
  const missingObjectives = gold.objectives.filter((_, i) => !objMatch.has(i));
  const matchedObjectives = new Set(objMatch.values());
  const extraObjectives = objs.filter((o) => !matchedObjectives.has(o));
  const objectivePrecision =
    objs.length === 0
      ? gold.objectives.length === 0
        ? 1
        : 0
      : matchedObjectives.size / objs.length;

  // Indicators, within their objective.
  const goldObjIndex = (ref: string | null): number => {
    if (ref === null) return -1;
    let i = gold.objectives.findIndex((o) => o.code !== null && o.code === ref);
    if (i < 0)
      i = gold.objectives.findIndex((o) => o.title.startsWith(ref) || ref.startsWith(o.title));
    return i;
  };
  const indMatch = new Map<number, Indicator>();
  const groups = new Map<string, number[]>();
  gold.indicators.forEach((g, i) => {
    const list = groups.get(g.objective) ?? [];
    list.push(i);
    groups.set(g.objective, list);
  });
  for (const [ref, idxs] of groups) {
    const oi = goldObjIndex(ref);
    const mo = oi >= 0 ? objMatch.get(oi) : undefined;
    if (!mo) continue;
    const key = mo.code ?? mo.id;
    const mine = model.indicators.filter((x) => x.objectiveCode === key);
    const golds = idxs.map((i) => gold.indicators[i]);
    const m = greedy(
      golds,
      mine,
      (a, b) => {
        const o = wordOverlap(a.name, b.name);
        return o.min >= 0.5 ? o.min + o.jaccard : 0;
      },
      0.5
    );
    for (const [gi, mj] of m) indMatch.set(idxs[gi], mine[mj]);
  }
  const matched = indMatch.size;
  const precision =
    model.indicators.length === 0
      ? gold.indicators.length === 0
        ? 1
        : 0
      : matched / model.indicators.length;
  const recall = gold.indicators.length === 0 ? 1 : matched / gold.indicators.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  const targetMismatches: Comparison["targetMismatches"] = [];
  const weightMismatches: Comparison["weightMismatches"] = [];
  const statusMismatches: Comparison["statusMismatches"] = [];
  for (const [i, ind] of indMatch) {
    const g = gold.indicators[i];
    if (normTarget(g.target) !== normTarget(ind.target))
      targetMismatches.push({ gold: g, got: ind.target });
    const gw = g.weight;
    const w = ind.weight;
    if ((gw === null) !== (w === null) || (gw !== null && w !== null && Math.abs(gw - w) > 0.001))
      weightMismatches.push({ gold: g, got: w });
    if (g.status !== ind.status) statusMismatches.push({ gold: g, got: ind.status });
  }
  const objectiveWeightMismatches: Comparison["objectiveWeightMismatches"] = [];
  for (const [i, o] of objMatch) {
    const g = gold.objectives[i];
    const w = o.weight ?? null;
    if (
      (g.weight === null) !== (w === null) ||
      (g.weight !== null && w !== null && Math.abs(g.weight - w) > 0.001)
    )
      objectiveWeightMismatches.push({ gold: g, got: o.weight });
  }
  const reportMismatches: Comparison["reportMismatches"] = [];
  for (const gr of gold.reports) {
    const oi = goldObjIndex(gr.objective);
    const mo = oi >= 0 ? objMatch.get(oi) : undefined;
    const rep = mo ? model.reports.find((r) => r.objectiveCode === (mo.code ?? mo.id)) : undefined;
    if (!rep) {
      reportMismatches.push({ gold: gr, got: "no report" });
      continue;
    }
    const comps = rep.components.map((c) => c.value);
    if (
      JSON.stringify(comps) !== JSON.stringify(gr.components) ||
      rep.declaredTotal !== gr.declaredTotal
    )
      reportMismatches.push({ gold: gr, got: `${JSON.stringify(comps)} / ${rep.declaredTotal}` });
  }
  return {
    objectives: objMatch,
    missingObjectives,
    indicators: indMatch,
    precision,
    recall,
    f1,
    targetMismatches,
    weightMismatches,
    statusMismatches,
    objectiveWeightMismatches,
    reportMismatches,
    extraObjectives,
    objectivePrecision,
  };
}
