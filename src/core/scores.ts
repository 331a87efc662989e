/**
 * Scores (docs/model.md and docs/functions.md): report components against their maxima, objective
 * scores from weights and achievements, achievement bands, relative objective weights. The small pure
 * functions at the top are what the custom functions wrap (PEG.PUNTEGGIO, PEG.PUNTEGGIOOBIETTIVO).
 * Weights are read by src/core/weights.ts; numbers by src/core/numbers.ts.
 *
 * Decision: an objective score is the PLAIN sum of weight × achievement, not normalised by the
 * weight sum. Weights that do not add up to 100% are an error the auditor must see (WEIGHTS_SUM);
 * normalising would silently hide it.
 */
import type { Band, Settings } from "./settings";
import type { OperationalObjective } from "./model";
import { formatItalianNumber, formatPercent, parseItalianQuantity } from "./numbers";
import { readWeight, weightFractions } from "./weights";
import { flattenRange as flatten, isBlankCell as isBlank } from "./cells";

/** A number as written (`27`, `"0,2"`, `"20%"`, `"€ 1.200,50"`), by the one Italian parser. */
function readNumber(v: unknown): { value: number; percent: boolean } | null {
  if (typeof v === "number") return Number.isFinite(v) ? { value: v, percent: false } : null;
  if (typeof v !== "string") return null;
  const q = parseItalianQuantity(v);
  return q ? { value: q.value, percent: q.unit === "percent" } : null;
}

/** Percent text for a fraction in messages: 0.8 -> "80%", 1/3 -> "33,33%" (src/core/numbers.ts). */
export function pct(fraction: number): string {
  return formatPercent(fraction, 2);
}

/** A number in messages, in Italian: at most 2 decimals, comma (src/core/numbers.ts). */
export function num(n: number): string {
  return formatItalianNumber(Math.round(n * 100) / 100);
}

function roundTiny(n: number): number {
  return Math.round(n * 1e9) / 1e9;
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
 * Achievements as fractions, each read as a weight is (readWeight: 0.74, "74%", 74 all mean 74%;
 * TRUE is 100%). Blank gives null; anything outside 0..100% throws.
 */
export function achievementFractions(values: unknown): (number | null)[] {
  return flatten(values).map((v, i) => {
    if (isBlank(v)) return null;
    if (typeof v === "boolean") return v ? 1 : 0;
    const n = readNumber(v);
    if (!n)
      throw new Error(`Il grado di raggiungimento n. ${i + 1} ('${String(v)}') non è un numero`);
    const a = n.value < 0 ? n.value : readWeight(v as string | number);
    if (a === null || a < 0 || a > 1 + 1e-9)
      throw new Error(
        `Il grado di raggiungimento n. ${i + 1} (${String(v)}) deve essere tra 0% e 100%`
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

/** The key an indicator's objectiveCode refers to: an objective's code, else its id. */
export function objectiveKey(o: { code: string | null; id: string }): string {
  return o.code ?? o.id;
}
