/**
 * Scores (CONTRACT sections 4 and 7): weight sums, objective scores, relative objective weights,
 * report components against their maxima. The small pure functions at the top are what the
 * custom functions wrap (PEG.SOMMAPESI, PEG.VERIFICAPESI, PEG.PUNTEGGIO, PEG.PUNTEGGIOOBIETTIVO).
 *
 * Decision: an objective score is the PLAIN sum of weight × achievement (as CONTRACT says), not
 * normalised by the weight sum. Weights that do not add up to 100% are an error the auditor must
 * see (WEIGHTS_SUM); normalising would silently hide it. `ObjectiveScore.weightSum` tells how much
 * of the objective the score covers.
 */
import type { Band, Settings } from "./settings";
import type { OperationalObjective, PegModel, Report } from "./model";

// ---------------------------------------------------------------------------------------------
// Reading numbers as written in Italian sheets

export interface ReadNumber {
  value: number;
  /** Written with a % sign. */
  percent: boolean;
}

/**
 * A number as written: 27, "27", "20%", "0,2", "1.388.000", "1,2", "€ 1.200,50". Null when the
 * text holds no single number.
 */
export function readNumber(v: unknown): ReadNumber | null {
  if (typeof v === "number") return Number.isFinite(v) ? { value: v, percent: false } : null;
  if (typeof v !== "string") return null;
  let s = v.trim().replace(/\s+/g, "").replace(/^€|€$/g, "");
  if (!s) return null;
  const percent = s.endsWith("%");
  if (percent) s = s.slice(0, -1);
  if (!/^[-+]?[\d.,]+$/.test(s)) return null;
  const sign = s.startsWith("-") ? -1 : 1;
  s = s.replace(/^[-+]/, "");
  let n: number;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) n = Number(s.replace(/\./g, "").replace(",", "."));
  else if (/^\d+(,\d+)?$/.test(s)) n = Number(s.replace(",", "."));
  else if (/^\d*\.\d+$|^\d+\.?$/.test(s)) n = Number(s);
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) n = Number(s.replace(/,/g, ""));
  else return null;
  return Number.isFinite(n) ? { value: sign * n, percent } : null;
}

function flatten(values: unknown, out: unknown[] = []): unknown[] {
  if (!Array.isArray(values)) out.push(values);
  else for (const v of values) flatten(v, out);
  return out;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Weights as fractions. `20`, `0.2` and `"20%"` all mean 20%, in any mix: a range may hold typed
 * points (20), percent-formatted cells (Excel hands over 0.2) and text ("20%"). Bare numbers above
 * 1 are percentage points and below 1 fractions. A bare 1 follows the rest of the range: a point
 * among points (1, 49, 50), else 100%. Blank cells give null; text that is not a number throws.
 */
export function weightFractions(values: unknown): (number | null)[] {
  const flat = flatten(values);
  const read = flat.map((v, i) => {
    if (isBlank(v)) return null;
    const n = readNumber(v);
    if (!n) throw new Error(`Il peso n. ${i + 1} ('${String(v)}') non è un numero`);
    if (n.value < 0) throw new Error(`Il peso n. ${i + 1} (${String(v)}) è negativo`);
    return n;
  });
  return asFractions(read);
}

/** Bare numbers above 1 are points, below 1 fractions; a bare 1 goes with the majority. */
function asFractions(read: ({ value: number; percent: boolean } | null)[]): (number | null)[] {
  let above = 0;
  let below = 0;
  for (const n of read)
    if (n !== null && !n.percent) {
      if (n.value > 1) above++;
      else if (n.value > 0 && n.value < 1) below++;
    }
  const oneIsPoint = above > below;
  return read.map((n) => {
    if (n === null) return null;
    if (n.percent || n.value > 1 || (n.value === 1 && oneIsPoint)) return n.value / 100;
    return n.value;
  });
}

/** Sum of weights as a fraction (PEG.SOMMAPESI). */
export function weightSum(values: unknown): number {
  return roundTiny(weightFractions(values).reduce<number>((s, w) => s + (w ?? 0), 0));
}

/** Percent text for a fraction: 0.8 -> "80%", 1/3 -> "33,3%". */
export function pct(fraction: number): string {
  return `${num(fraction * 100)}%`;
}

/** A number in Italian: at most 2 decimals, comma. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(r).replace(".", ",");
}

function roundTiny(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** Expected total as a fraction: 1, 100, "100%" all mean 100%. */
function expectedFraction(expected: unknown): number {
  const n = readNumber(expected);
  if (!n || n.value <= 0)
    throw new Error(`Il totale atteso ('${String(expected)}') non è un numero positivo`);
  return n.percent || n.value > 1 ? n.value / 100 : n.value;
}

/**
 * "OK" when the weights add up to the expected total (100% unless told), else an Italian sentence
 * saying what is missing or exceeding (PEG.VERIFICAPESI).
 */
export function checkWeights(values: unknown, expected: unknown = 1, tolerance = 0.001): string {
  const weights = weightFractions(values).filter((w): w is number => w !== null);
  const target = expectedFraction(expected);
  if (weights.length === 0) return `Nessun peso indicato: i pesi devono sommare a ${pct(target)}`;
  const sum = weights.reduce((s, w) => s + w, 0);
  const diff = roundTiny(target - sum);
  if (Math.abs(diff) <= tolerance) return "OK";
  if (diff > 0) return `I pesi sommano a ${pct(sum)}: mancano ${num(diff * 100)} punti percentuali`;
  return `I pesi sommano a ${pct(sum)}: eccedono di ${num(-diff * 100)} punti percentuali`;
}

/**
 * Total of score components (PEG.PUNTEGGIO): 80 and 20 give 100. With maxima (same order; blank =
 * no maximum), a component over its maximum throws an Italian error naming it.
 */
export function scoreTotal(
  components: unknown,
  maxima?: unknown,
  labels?: readonly string[]
): number {
  const values = flatten(components);
  const maxs = maxima === undefined ? [] : flatten(maxima);
  let total = 0;
  values.forEach((v, i) => {
    if (isBlank(v)) return;
    const name = labels?.[i] ? `'${labels[i]}'` : `n. ${i + 1}`;
    const n = readNumber(v);
    if (!n) throw new Error(`La componente ${name} ('${String(v)}') non è un numero`);
    const m = maxs[i];
    if (!isBlank(m)) {
      const max = readNumber(m);
      if (!max)
        throw new Error(`Il massimo della componente ${name} ('${String(m)}') non è un numero`);
      if (n.value > max.value + 1e-9)
        throw new Error(
          `La componente ${name} vale ${num(n.value)}, oltre il massimo di ${num(max.value)}`
        );
    }
    total += n.value;
  });
  return roundTiny(total);
}

/**
 * Achievements as fractions: 0.74, "74%", 74, read as weights are (asFractions). Blank gives null; anything outside 0..100% throws.
 */
export function achievementFractions(values: unknown): (number | null)[] {
  const flat = flatten(values);
  const read = flat.map((v, i) => {
    if (isBlank(v)) return null;
    if (typeof v === "boolean") return { value: v ? 1 : 0, percent: false };
    const n = readNumber(v);
    if (!n)
      throw new Error(`Il grado di raggiungimento n. ${i + 1} ('${String(v)}') non è un numero`);
    return n;
  });
  return asFractions(read).map((a, i) => {
    if (a === null) return null;
    if (a < 0 || a > 1 + 1e-9)
      throw new Error(
        `Il grado di raggiungimento n. ${i + 1} (${String(flat[i])}) deve essere tra 0% e 100%`
      );
    return a;
  });
}

/**
 * Σ weight × achievement (PEG.PUNTEGGIOOBIETTIVO), as a fraction of the objective. A blank
 * achievement counts 0 (not yet achieved); a blank weight skips its row.
 */
export function objectiveScore(weights: unknown, achievements: unknown): number {
  const w = weightFractions(weights);
  const a = achievementFractions(achievements);
  if (w.length !== a.length)
    throw new Error(
      `Pesi (${w.length}) e gradi di raggiungimento (${a.length}) devono essere in numero uguale`
    );
  let s = 0;
  w.forEach((wi, i) => {
    if (wi !== null) s += wi * (a[i] ?? 0);
  });
  return roundTiny(s);
}

// ---------------------------------------------------------------------------------------------
// Bands and relative weights

/** The achievement counted after the settings' bands; outside every band it counts as it is. */
export function applyBands(achievement: number, bands: readonly Band[]): number {
  for (const b of bands) {
    const inside =
      achievement >= b.from && (achievement < b.to || (b.to >= 1 && achievement <= b.to));
    if (!inside) continue;
    if (b.mode !== "linear") return b.score ?? achievement;
    if (b.scoreFrom === undefined && b.scoreTo === undefined) return achievement;
    const y0 = b.scoreFrom ?? b.from;
    const y1 = b.scoreTo ?? b.to;
    return roundTiny(y0 + ((achievement - b.from) / (b.to - b.from)) * (y1 - y0));
  }
  return achievement;
}

/**
 * Relative weights: peso / Σ peso. Any scale works (percentages, points such as 27, coefficients
 * 1,0 / 1,2 / 1,4) because only the ratio counts. Null where the peso is missing; all null when
 * no peso is known or they sum to 0.
 */
export function relativeWeights(values: readonly unknown[]): (number | null)[] {
  const read = values.map((v) => {
    if (isBlank(v)) return null;
    const n = readNumber(v);
    return n && n.value >= 0 ? n.value : null;
  });
  const sum = read.reduce<number>((s, n) => s + (n ?? 0), 0);
  if (sum <= 0) return read.map(() => null);
  return read.map((n) => (n === null ? null : roundTiny(n / sum)));
}

/** The group an operational objective is weighed in: its dirigente, else its unit, else the plan. */
export function weightGroupKey(o: OperationalObjective): string {
  if (o.dirigente?.trim()) return `dirigente:${o.dirigente.trim().toLowerCase()}`;
  if (o.unitId) return `unit:${o.unitId}`;
  return "plan";
}

export function weightGroupLabel(o: OperationalObjective): string {
  if (o.dirigente?.trim()) return `del dirigente ${o.dirigente.trim()}`;
  if (o.unitId) return "della stessa unità";
  return "del piano";
}

/** Operational objectives grouped by weightGroupKey, in document order. */
export function weightGroups(
  objectives: readonly OperationalObjective[]
): Map<string, OperationalObjective[]> {
  const groups = new Map<string, OperationalObjective[]>();
  for (const o of objectives) {
    const key = weightGroupKey(o);
    const g = groups.get(key);
    if (g) g.push(o);
    else groups.set(key, [o]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Component maxima matched by label words

function words(s: string): string[] {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function stem(w: string): string {
  return w.length > 4 ? w.slice(0, w.length - 1) : w;
}

/** Does a label ("valutazione di risultato") match a maxima key ("risultato", "valutazione qualitativa")? */
export function labelMatches(label: string, key: string): boolean {
  const lw = words(label);
  const kw = words(key);
  return kw.length > 0 && kw.every((k) => lw.some((l) => l.startsWith(stem(k))));
}

/**
 * The component's maximum: stated in its label ("qualitativa (max 30)"), else the settings' maximum
 * for its label words, else the model's `max`. The settings come before the model's value because
 * a reader may fill `max` from the largest value seen in the column, which can never reveal a
 * component over its maximum; a different maximum is configured in peg.config.json.
 */
export function componentMax(
  label: string,
  modelMax: number | null | undefined,
  maxima: Settings["maxima"]
): number | null {
  const stated = /\bmax(?:imo)?\.?\s*(\d+(?:[.,]\d+)?)/i.exec(label);
  if (stated) return Number(stated[1].replace(",", "."));
  for (const [key, max] of Object.entries(maxima)) if (labelMatches(label, key)) return max;
  return typeof modelMax === "number" ? modelMax : null;
}

// ---------------------------------------------------------------------------------------------
// Scores of a whole model

export interface IndicatorScore {
  id: string;
  weight: number | null;
  achievement: number | null;
  /** After bands. */
  counted: number | null;
}

export interface ObjectiveScore {
  objectiveCode: string;
  /** Σ weight × counted achievement (fraction of the objective); null when no indicator has a weight. */
  score: number | null;
  /** Σ of indicator weights (1 when complete). */
  weightSum: number | null;
  /** Every weighted indicator has an achievement. */
  complete: boolean;
  /** peso / Σ peso within the dirigente or unit; null when the objective has no peso. */
  relativeWeight: number | null;
  indicators: IndicatorScore[];
}

export interface ReportComponentScore {
  label: string;
  value: number;
  max: number | null;
  overMax: boolean;
}

export interface ReportScore {
  objectiveCode: string;
  dirigente?: string;
  components: ReportComponentScore[];
  declaredTotal: number | null;
  computedTotal: number;
  /** Declared total differs from the sum of components. */
  mismatch: boolean;
  source: string;
}

/** The key an indicator's objectiveCode refers to: an objective's code, else its id. */
export function objectiveKey(o: { code: string | null; id: string }): string {
  return o.code ?? o.id;
}

export function scoreObjectives(
  model: PegModel,
  settings: Pick<Settings, "bands">
): ObjectiveScore[] {
  const byObjective = new Map<string, PegModel["indicators"]>();
  for (const ind of model.indicators) {
    const list = byObjective.get(ind.objectiveCode);
    if (list) list.push(ind);
    else byObjective.set(ind.objectiveCode, [ind]);
  }
  const rel = new Map<OperationalObjective, number | null>();
  for (const group of weightGroups(model.operationalObjectives).values()) {
    const r = relativeWeights(group.map((o) => o.weight));
    group.forEach((o, i) => rel.set(o, r[i]));
  }
  return model.operationalObjectives.map((o) => {
    const inds = byObjective.get(objectiveKey(o)) ?? [];
    let score = 0;
    let wsum = 0;
    let anyWeight = false;
    let complete = true;
    const indicators = inds.map((ind) => {
      const achievement = ind.manual?.achievement ?? ind.achievement;
      const counted =
        achievement === null || achievement === undefined
          ? null
          : applyBands(achievement, settings.bands);
      if (ind.weight !== null) {
        anyWeight = true;
        wsum += ind.weight;
        if (counted === null) complete = false;
        else score += ind.weight * counted;
      }
      return { id: ind.id, weight: ind.weight, achievement: achievement ?? null, counted };
    });
    return {
      objectiveCode: objectiveKey(o),
      score: anyWeight ? roundTiny(score) : null,
      weightSum: anyWeight ? roundTiny(wsum) : null,
      complete: anyWeight && complete,
      relativeWeight: rel.get(o) ?? null,
      indicators,
    };
  });
}

export function scoreReports(
  reports: readonly Report[],
  settings: Pick<Settings, "maxima">
): ReportScore[] {
  return reports.map((r) => {
    const components = r.components.map((c) => {
      const max = componentMax(c.label, c.max, settings.maxima);
      return { label: c.label, value: c.value, max, overMax: max !== null && c.value > max + 1e-9 };
    });
    const computedTotal = roundTiny(components.reduce((s, c) => s + c.value, 0));
    const declared = r.declaredTotal;
    return {
      objectiveCode: r.objectiveCode,
      dirigente: r.dirigente,
      components,
      declaredTotal: declared,
      computedTotal,
      mismatch:
        declared !== null && components.length > 0 && Math.abs(declared - computedTotal) > 0.01,
      source: r.source,
    };
  });
}
