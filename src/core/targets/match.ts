/**
 * Matching the rules of a compound target to the numbers of an actual text by the nouns they
 * share: `almeno 100 pasti` <- `74 pasti erogati`, `LVM` ~ `UVM`, `ente` ~ `enti`, `€` <- `€`.
 */
import type { TargetRule } from "../model";
import type { ActualNumber } from "./actual";
import { TARGET_FILLER_WORDS } from "../words";
import { fold } from "./text";

// Also the words of an actual's sentence (`sono stati`, `totale`, `anno`) that name no thing.
const STOP = new Set<string>([
  ...TARGET_FILLER_WORDS,
  "sono",
  "stati",
  "state",
  "stato",
  "anno",
  "annui",
  "annue",
  "totale",
  "totali",
  "complessivi",
  "complessive",
]);
const WORD_RE = /[\p{L}]+/gu;
const VOWELS_END_RE = /[aeiou]+$/;

const stemCache = new Map<string, string[]>();
const EMPTY_STEMS: string[] = [];

/** Content words of a text, folded and stemmed (`famiglie` and `famiglia` -> `famigl`). */
export function stems(text: string | undefined): string[] {
  if (!text) return EMPTY_STEMS;
  let s = stemCache.get(text);
  if (s === undefined) {
    s = computeStems(text);
    if (stemCache.size >= 4096) stemCache.clear();
    stemCache.set(text, s);
  }
  return s;
}

function computeStems(text: string): string[] {
  const out: string[] = [];
  const m = fold(text).match(WORD_RE);
  if (!m) return out;
  for (const w of m) {
    if (w.length < 2 || STOP.has(w)) continue;
    let s = w.length > 3 ? w.replace(VOWELS_END_RE, "") : w;
    if (s.length < 2) s = w;
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/** Similarity of two stems: 1 equal, 0.7 one letter apart (`uvm`/`lvm`), 0.6 a long common start. */
export function stemSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === lb && la >= 3) {
    let diff = 0;
    for (let i = 0; i < la && diff < 2; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) diff++;
    if (diff === 1) return 0.7;
  }
  const min = Math.min(la, lb);
  if (min >= 4) {
    let p = 0;
    while (p < min && a.charCodeAt(p) === b.charCodeAt(p)) p++;
    if (p >= 4 && p >= 0.7 * min) return 0.6;
  }
  return 0;
}

export interface RuleTerms {
  noun: string[];
  text: string[];
}

export function ruleTerms(rule: TargetRule): RuleTerms {
  const noun = stems(rule.noun);
  const text = stems(rule.text).filter((s) => !noun.includes(s));
  return { noun, text };
}

function bestSim(s: string, list: string[]): number {
  let best = 0;
  for (const t of list) {
    const v = stemSimilarity(s, t);
    if (v > best) {
      best = v;
      if (v === 1) break;
    }
  }
  return best;
}

/** How well an actual number fits a rule: shared nouns and compatible units. */
export function matchScore(
  rule: TargetRule,
  terms: RuleTerms,
  n: ActualNumber,
  nTerms: string[][]
): number {
  let score = 0;
  const [after, before] = nTerms;
  for (const s of terms.noun) score += Math.max(bestSim(s, after), 0.8 * bestSim(s, before));
  for (const s of terms.text) score += 0.5 * Math.max(bestSim(s, after), 0.8 * bestSim(s, before));
  const ru = rule.unit;
  const nu = n.unit;
  if (ru === "euro" || nu === "euro") score += ru === "euro" && nu === "euro" ? 3 : -3;
  if (ru === "percent" && nu === "percent") score += 1.5;
  else if (nu === "percent" && ru !== "percent") score -= 1;
  if (ru === "ratio" && rule.valueMax !== undefined) {
    if (nu === "ratio" || (n.value >= 0 && n.value <= rule.valueMax)) score += 0.5;
    else score -= 0.5;
  }
  if (ru === "days" && nu === "days") score += 1;
  return score;
}

/**
 * Assign actual numbers to rules (index of the number per rule, -1 for none), best pairs first,
 * each number used once; numbers left over go to rules left over in order.
 */
export function assignNumbers(
  rules: TargetRule[],
  terms: RuleTerms[],
  numbers: ActualNumber[]
): number[] {
  const R = rules.length;
  const N = numbers.length;
  const out = new Array<number>(R).fill(-1);
  if (R === 0 || N === 0) return out;
  if (R === 1 && N === 1) {
    out[0] = 0;
    return out;
  }
  const nTerms = numbers.map((n) => [stems(n.noun), stems(n.before)]);
  const scores: { r: number; n: number; s: number }[] = [];
  for (let r = 0; r < R; r++) {
    for (let n = 0; n < N; n++) {
      const s =
        matchScore(rules[r], terms[r], numbers[n], nTerms[n]) + (r === n ? 0.05 : 0) - 0.001 * n;
      scores.push({ r, n, s });
    }
  }
  scores.sort((a, b) => b.s - a.s);
  const usedN = new Array<boolean>(N).fill(false);
  for (const { r, n, s } of scores) {
    if (out[r] >= 0 || usedN[n]) continue;
    if (s <= 0 && R > 1) continue;
    out[r] = n;
    usedN[n] = true;
  }
  // Left over, in order (a rule with nothing in common still takes a free number of its kind).
  for (let r = 0; r < R; r++) {
    if (out[r] >= 0) continue;
    for (let n = 0; n < N; n++) {
      if (usedN[n]) continue;
      if ((rules[r].unit === "euro") !== (numbers[n].unit === "euro")) continue;
      out[r] = n;
      usedN[n] = true;
      break;
    }
  }
  return out;
}
