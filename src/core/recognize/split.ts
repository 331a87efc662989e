/**
 * Cells that hold several targets (`1) almeno 100 pasti 2) almeno 200 famiglie`, or two measurable
 * clauses separated by `;`) become one target each; the actual of each is the number of the report
 * text that shares its noun (`74 pasti erogati e 210 famiglie beneficiarie`).
 */
import { findNumbers, type FoundNumber } from "../numbers";
import { countShared, stems } from "./text";

/** The targets listed in a cell; one element (the trimmed cell) when it lists none. */
export function splitTargets(text: string): string[] {
  const t = text.trim();
  const items = splitNumbered(t) ?? splitLettered(t) ?? splitBullets(t);
  const parts = items ?? [stripMarker(t)];
  const out: string[] = [];
  for (const p of parts) {
    for (const q of splitSemicolons(p)) {
      const s = tidy(q);
      if (s) out.push(s);
    }
  }
  return out.length > 0 ? out : [t];
}

/** `1) a 2) b` -> [a, b] when the markers run 1, 2, 3...; text before marker 1 is a preamble. */
function splitNumbered(t: string): string[] | null {
  const re = /(^|[\s:;.,])(\d{1,2})\s?[).]\s+(?=\S)/g;
  const marks: { n: number; at: number; body: number }[] = [];
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const n = Number(m[2]);
    // `1.` is a marker only when a `2.` follows; `)` always is.
    const expected = marks.length + 1;
    if (n !== expected) continue;
    marks.push({ n, at: m.index + m[1].length, body: m.index + m[0].length });
  }
  if (marks.length < 2) return null;
  // A `1.` style list must use the same closer throughout: avoid splitting "3.5 punti" etc.
  const out: string[] = [];
  for (let i = 0; i < marks.length; i++) {
    const end = i + 1 < marks.length ? marks[i + 1].at : t.length;
    out.push(t.slice(marks[i].body, end));
  }
  return out;
}

/** `a) … b) …` when the letters run a, b, c. */
function splitLettered(t: string): string[] | null {
  const re = /(^|[\s:;.,])([a-h])\)\s+(?=\S)/g;
  const marks: { at: number; body: number }[] = [];
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m[2].charCodeAt(0) - 97 !== marks.length) continue;
    marks.push({ at: m.index + m[1].length, body: m.index + m[0].length });
  }
  if (marks.length < 2) return null;
  return marks.map((mk, i) => t.slice(mk.body, i + 1 < marks.length ? marks[i + 1].at : t.length));
}

/** `- primo - secondo` (a bulleted cell whose line breaks were lost): only when it starts with a bullet. */
function splitBullets(t: string): string[] | null {
  if (!/^[-•–]\s/.test(t)) return null;
  const parts = t
    .slice(2)
    .split(/\s[-•–]\s(?=[A-Za-zÀ-ÿ0-9"'(])/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.length >= 2 ? parts : null;
}

function stripMarker(t: string): string {
  return t.replace(/^\s*(\d{1,2}|[a-z])\s?\)\s+/i, "");
}

/** Two measurable clauses joined by `;` are two targets; prose with a `;` is not split. */
function splitSemicolons(t: string): string[] {
  if (!t.includes(";")) return [t];
  const parts = t
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length < 2) return [t];
  const measurable = parts.every((p) => /\d/.test(p) && p.length >= 8);
  return measurable ? parts : [t];
}

function tidy(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(/[\s.;,:]+$/, "")
    .trim();
}

/** A short name for a target written as a sentence: the clause before a deadline or aside. */
export function nameFromTarget(target: string): string {
  let s = target.replace(/\s+entro (il |la |fine )?.*$/i, "");
  s = s.replace(/\s*\([^)]*\)\s*$/, "");
  s = s.replace(/\s*[:=]?\s*[<>≥≤=]*\s*\d[\d.,]*\s*%?$/, "");
  s = s.trim();
  return s.length >= 4 ? s : target;
}

interface Candidate {
  n: FoundNumber;
  ctx: Set<string>;
}

/**
 * Actuals for several targets from one report text: each target takes the number whose nearby
 * words share the most with it (ties: same value first). Targets with no number left get the
 * sentence that shares most words with them, or null.
 */
export function matchActuals(targets: string[], report: string): (string | null)[] {
  const out: (string | null)[] = targets.map(() => null);
  if (!report.trim()) return out;
  const nums = findNumbers(report).filter((n) => !n.year);
  const cands: Candidate[] = nums.map((n) => ({
    n,
    ctx: stems(
      `${n.before ?? ""} ${n.noun ?? ""} ${report.slice(n.end, n.end + 40).split(/[.;(]/)[0]}`
    ),
  }));
  const tStems = targets.map((t) => stems(t));
  const tNums = targets.map((t) =>
    findNumbers(t)
      .filter((n) => !n.year)
      .map((n) => n.value)
  );
  const pairs: { ti: number; ci: number; score: number }[] = [];
  for (let ti = 0; ti < targets.length; ti++) {
    for (let ci = 0; ci < cands.length; ci++) {
      const shared = countShared(tStems[ti], cands[ci].ctx);
      if (shared === 0) continue;
      const same = tNums[ti].includes(cands[ci].n.value) ? 0.5 : 0;
      const euro = cands[ci].n.unit === "euro" && /€|euro/i.test(targets[ti]) ? 1 : 0;
      pairs.push({ ti, ci, score: shared + same + euro - ci * 0.001 });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const usedT = new Set<number>();
  const usedC = new Set<number>();
  for (const p of pairs) {
    if (usedT.has(p.ti) || usedC.has(p.ci)) continue;
    usedT.add(p.ti);
    usedC.add(p.ci);
    out[p.ti] = numberText(cands[p.ci].n);
  }
  // A single target and a single number: that number, even without a shared noun.
  if (targets.length === 1 && out[0] === null && cands.length === 1)
    out[0] = numberText(cands[0].n);
  for (let ti = 0; ti < targets.length; ti++) {
    if (out[ti] !== null) continue;
    out[ti] = bestSentence(report, tStems[ti]);
  }
  return out;
}

function bestSentence(report: string, target: Set<string>): string | null {
  // The densest sentence about the target (shared words per word), needing two shared words.
  let best: string | null = null;
  let bestScore = 0;
  for (const s of report.split(/(?<=[.;])\s+/)) {
    const st = stems(s);
    const shared = countShared(target, st);
    if (shared < 2) continue;
    const score = shared / Math.max(1, st.size);
    if (score > bestScore) {
      bestScore = score;
      best = s.trim().replace(/[.;]$/, "");
    }
  }
  return best;
}

function numberText(n: FoundNumber): string {
  return n.raw.replace(/^[^\d+-]+/, "").trim();
}
