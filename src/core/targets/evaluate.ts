/**
 * Evaluating a rule against an actual (docs/targets.md): status and achievement (0..1).
 *
 * `>=` gives min(actual/target, 1); `<=` 1 when within, else target/actual (0 when the target is
 * 0); `=`, done and deadlines 1 or 0; `between` 1 within, else the nearer bound's ratio; several
 * rules their mean (`partial` when some are met and some not). No actual: `pending`, or `overdue`
 * when a deadline passed at `asOf` (no `asOf`: nothing is overdue).
 */
import type { Status, TargetRule } from "../model";
import { dateToIso, daysInMonth, isoDate, parseItalianDate } from "../dates";
import { findNumbers, parseItalianNumber } from "../numbers";
import { readActual, serialDate, type ActualNumber, type ActualReading } from "./actual";
import { assignNumbers, ruleTerms, type RuleTerms } from "./match";

export interface EvalContext {
  year?: number;
  asOf?: string | null;
  baseline?: string | number | null;
}

export interface EvalResult {
  status: Status;
  achievement: number | null;
}

const RATIO_TEXT_RE = /^\s*(\d+(?:[.,]\d+)?)\s*\/\s*(\d+)(?:\s+\p{L}[\p{L}'\s]*)?\s*$/u;
const NUMERIC_OPS = new Set([">=", ">", "<=", "<", "=", "between"]);
const JUST_BELOW_ONE = 1 - 1e-9;

interface Prepared {
  leaves: TargetRule[];
  numeric: TargetRule[];
  terms: RuleTerms[];
  deadlines: string[];
  /** The deadline leaves, and their indexes sorted by date. */
  deadlineLeaves: TargetRule[];
  deadlineOrder: number[];
  /** Latest year written in a deadline, to complete actual dates such as `15/09`. */
  year: number | undefined;
}

const prepared = new WeakMap<TargetRule, Prepared>();

function prepare(rule: TargetRule): Prepared {
  let p = prepared.get(rule);
  if (p) return p;
  const leaves: TargetRule[] = [];
  const walk = (r: TargetRule, depth: number): void => {
    if (depth > 8 || !r || typeof r !== "object") return;
    if (r.op === "all") {
      if (Array.isArray(r.rules)) for (const s of r.rules) walk(s, depth + 1);
    } else if (r.op !== "qualitative" && r.op !== "unparsed") leaves.push(r);
  };
  walk(rule, 0);
  const numeric = leaves.filter((l) => NUMERIC_OPS.has(l.op) || l.op === "relative");
  const deadlines: string[] = [];
  for (const l of leaves)
    if (l.op === "deadline" && typeof l.date === "string") deadlines.push(l.date);
  let year: number | undefined;
  for (const d of deadlines) {
    const y = +d.slice(0, 4);
    if (Number.isInteger(y) && (year === undefined || y > year)) year = y;
  }
  const deadlineLeaves = leaves.filter((l) => l.op === "deadline");
  const deadlineOrder = deadlineLeaves
    .map((l, i) => ({ d: typeof l.date === "string" ? l.date : "", i }))
    .sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.i - b.i))
    .map((x) => x.i);
  p = {
    leaves,
    numeric,
    terms: numeric.map(ruleTerms),
    deadlines,
    deadlineLeaves,
    deadlineOrder,
    year,
  };
  prepared.set(rule, p);
  return p;
}

function finite(n: unknown): n is number {
  return typeof n === "number" && Number.isFinite(n);
}

function clamp01(x: number): number {
  if (!(x > 0)) return 0;
  return x >= 1 ? 1 : x;
}

/** Compare a number with a numeric rule: met and achievement. */
export function compare(
  op: string,
  target: number,
  actual: number,
  targetMax?: number
): { met: boolean; achievement: number } {
  let met: boolean;
  let ach: number;
  switch (op) {
    case ">=":
    case ">":
      // `> 95%` is not met by exactly 95%.
      met = op === ">" ? actual > target : actual >= target;
      ach = met ? 1 : target > 0 ? clamp01(actual / target) : 0;
      break;
    case "<=":
    case "<":
      met = op === "<" ? actual < target : actual <= target;
      ach = met ? 1 : target > 0 && actual > 0 ? clamp01(target / actual) : 0;
      break;
    case "=": {
      met = Math.abs(actual - target) <= 1e-9 * Math.max(1, Math.abs(target));
      ach = met ? 1 : 0;
      break;
    }
    case "between": {
      const lo = target;
      const hi = finite(targetMax) ? targetMax : target;
      met = actual >= lo && actual <= hi;
      if (met) ach = 1;
      else if (actual < lo) ach = lo > 0 ? clamp01(actual / lo) : 0;
      else ach = hi > 0 && actual > 0 ? clamp01(hi / actual) : 0;
      break;
    }
    default:
      return { met: false, achievement: 0 };
  }
  if (!met && ach >= 1) ach = JUST_BELOW_ONE;
  return { met, achievement: ach };
}

function baselineValue(b: unknown): number | null {
  if (finite(b)) return b;
  if (typeof b !== "string") return null;
  const v = parseItalianNumber(b);
  if (v !== null) return v;
  for (const n of findNumbers(b)) if (!n.year) return n.value;
  return null;
}

/** The actual number as the rule means it (a fraction for a percentage, the rule's ratio scale). */
function actualFor(rule: TargetRule, n: ActualNumber, reading: ActualReading): number {
  let v = n.value;
  const tv = rule.value;
  if (rule.unit === "percent" && finite(tv) && tv > 1 && n.unit !== "percent" && v > 0 && v <= 1) {
    // 0,92 against 95%: a percent-formatted cell gives the fraction.
    if (reading.cell || !Number.isInteger(v) || v === 1) v *= 100;
  }
  // `92%` against a target written as a fraction (`0,95`, `1`).
  if (rule.unit === "count" && finite(tv) && tv > 0 && tv <= 1 && n.unit === "percent") v /= 100;
  // `4/5` against a target written as a fraction (`0,8`).
  if (
    rule.unit === "count" &&
    finite(tv) &&
    tv > 0 &&
    tv < 1 &&
    n.unit === "ratio" &&
    finite(n.max)
  )
    return n.max > 0 ? v / n.max : v;
  // `2 mesi`, `36 ore` against a limit in days.
  if (rule.unit === "days") {
    if (n.unit === "months") return v * 30;
    if (n.unit === "hours") return v / 24;
    if (n.unit === "years") return v * 365;
  }
  // `45 su 50` against 90%.
  if (rule.unit === "percent" && n.unit === "ratio" && finite(n.max) && n.max > 0)
    return (v / n.max) * 100;
  if (
    rule.unit === "ratio" &&
    finite(rule.valueMax) &&
    n.unit === "ratio" &&
    finite(n.max) &&
    n.max > 0
  ) {
    if (n.max !== rule.valueMax) v = (v * rule.valueMax) / n.max;
  }
  return v;
}

/**
 * `7/8`, `4/5`, `12/12 pratiche` read as a date (4 May): against a score, a percentage or a count
 * it is a ratio (`4/5` against 80% is 80%; against `almeno 4` it is 4 done out of 5).
 */
function slashRatio(rule: TargetRule, text: string): ActualNumber | undefined {
  if (rule.unit !== "ratio" && rule.unit !== "percent" && rule.unit !== "count") return undefined;
  const m = RATIO_TEXT_RE.exec(text);
  if (!m) return undefined;
  const value = +m[1].replace(",", ".");
  const max = +m[2];
  if (!(max > 0) || (rule.unit !== "ratio" && value > max)) return undefined;
  return { value, unit: "ratio", max };
}

const ALL_RE =
  /^\s*(?:tutt[eiao]|(?:la\s+)?totalit[aà]'?)(?:\s+(?:le|i|gli|l')?\s*\p{L}[\p{L}'\s]*)?[.!]?\s*$/iu;
const ALL: ActualNumber = { value: 100, unit: "percent" };

type LeafResult = {
  status: "met" | "missed" | "pending" | "unknown" | "skip";
  achievement: number;
};

const MET: LeafResult = { status: "met", achievement: 1 };
const MISSED: LeafResult = { status: "missed", achievement: 0 };
const PENDING: LeafResult = { status: "pending", achievement: 0 };
const UNKNOWN: LeafResult = { status: "unknown", achievement: 0 };
const SKIP: LeafResult = { status: "skip", achievement: 0 };

function fromCompare(c: { met: boolean; achievement: number }): LeafResult {
  return c.met ? MET : { status: "missed", achievement: c.achievement };
}

function numericLeaf(
  rule: TargetRule,
  n: ActualNumber | undefined,
  reading: ActualReading,
  ctx: EvalContext
): LeafResult {
  if (rule.op === "relative") return relativeLeaf(rule, n, reading, ctx);
  if (!NUMERIC_OPS.has(rule.op)) return UNKNOWN;
  const target = rule.value;
  if (!finite(target)) return UNKNOWN;
  if (n === undefined) n = slashRatio(rule, reading.text);
  // `tutte`, `la totalità` against a percentage: 100%.
  if (n === undefined && rule.unit === "percent" && ALL_RE.test(reading.text)) n = ALL;
  // `realizzato al 80%` against a count: the degree is stated.
  if (rule.unit !== "percent" && (n === undefined || n.unit === "percent")) {
    const done = reading.completion;
    if (done !== undefined && (n === undefined || n.value === done))
      return done >= 100 ? MET : { status: "missed", achievement: clamp01(done / 100) };
  }
  if (n === undefined) {
    if (reading.no) return fromCompare(compare(rule.op, target, 0, rule.valueMax));
    if (reading.inProgress) return PENDING;
    if (reading.reached) return MET;
    // `fatto` for `Almeno 1` or `100%`.
    if (
      reading.yes &&
      (rule.op === ">=" || rule.op === ">") &&
      (target <= 1 || (rule.unit === "percent" && target <= 100))
    )
      return MET;
    return UNKNOWN;
  }
  const v = actualFor(rule, n, reading);
  if (!finite(v)) return v === Infinity && (rule.op === ">=" || rule.op === ">") ? MET : UNKNOWN;
  return fromCompare(compare(rule.op, target, v, rule.valueMax));
}

function relativeLeaf(
  rule: TargetRule,
  n: ActualNumber | undefined,
  reading: ActualReading,
  ctx: EvalContext
): LeafResult {
  const rel = rule.relative ?? { mode: rule.unit === "percent" ? "percent" : "absolute", sign: 1 };
  const value = finite(rule.value) ? Math.abs(rule.value) : 0;
  if (n === undefined) {
    if (reading.no) return MISSED;
    if (reading.inProgress) return PENDING;
    // `SI`, `mantenuto`, `obiettivo raggiunto`: the change (or the level) was achieved.
    return reading.reached || reading.yes ? MET : UNKNOWN;
  }
  const base = baselineValue(ctx.baseline);
  // `+3 punti` against `aumento di 2 punti`: the actual written as the change itself.
  if (rel.mode === "absolute" && base === null && (n.sign === "+" || n.sign === "-") && value > 0) {
    const change = n.value;
    if (rel.sign === 1) return fromCompare(compare(">=", value, change));
    if (rel.sign === -1) return fromCompare(compare(">=", value, -change));
  }
  // The actual written as a change: `+7%`, `-12%` (or a percentage with no baseline to apply).
  if (rel.mode === "percent" && n.unit === "percent" && (n.sign !== undefined || base === null)) {
    // `12%` against `riduzione del 10%` is a reduction of 12%.
    const change = n.sign === undefined && rel.sign === -1 ? -Math.abs(n.value) : n.value;
    if (rel.sign === 1) return fromCompare(compare(">=", value, change));
    if (rel.sign === -1) return fromCompare(compare(">=", value, -change));
    return fromCompare(compare("<=", value, Math.abs(change)));
  }
  if (base === null) return UNKNOWN;
  const v = n.value;
  const delta = rel.mode === "percent" ? (Math.abs(base) * value) / 100 : value;
  if (rel.sign === 1) return fromCompare(compare(">=", base + delta, v));
  if (rel.sign === -1) return fromCompare(compare("<=", base - delta, v));
  return fromCompare(compare("between", base - delta, v, base + delta));
}

/**
 * A deadline against a completion date (or none: then `SI`/`fatto`, `in corso`, `NO`, or a later
 * phase's date). Without any evidence the deadline is left out of the verdict (`skip`).
 */
function deadlineLeaf(
  rule: TargetRule,
  done: string | undefined,
  reading: ActualReading,
  laterDone: boolean
): LeafResult {
  const date = rule.date;
  if (typeof date !== "string") return SKIP;
  if (done === undefined && reading.cell && reading.numbers.length === 1) {
    const v = reading.numbers[0].value;
    const serial = serialDate(v);
    if (serial) done = serial;
    else if (v === 1) return MET;
    else if (v === 0) return MISSED;
  }
  if (done === undefined && !reading.cell && reading.dates.length === 0) {
    const y = yearOrDay(reading.text, date);
    if (y === MET || y === MISSED) return y;
    if (typeof y === "string") done = y;
  }
  if (done !== undefined) return done <= date ? MET : MISSED;
  if (laterDone) return MET;
  if (reading.late) return MISSED;
  const pct = reading.completion;
  if (pct !== undefined) return pct >= 100 ? MET : MISSED;
  if (reading.no) return MISSED;
  if (reading.inProgress) return PENDING;
  if (reading.yes) return MET;
  return SKIP;
}

const DAY_DOT_RE = /^(\d{1,2})\.(\d{1,2})\.?$/;
const YEAR_ONLY_RE =
  /^(?:(?:nel(?:l'anno)?|anno|in|durante il|entro il)\s+)?((?:19|20)\d{2})[.]?$/i;

/**
 * An actual that names a day without a year (`31.12`, read as a number) or only a year (`2025`,
 * `nel 2026`) against a deadline: the day in the deadline's year; a year before the deadline's
 * meets it, a later one misses it, the same year meets only a deadline at the year's end.
 */
function yearOrDay(text: string, deadline: string): string | LeafResult | null {
  const t = text.trim();
  if (t.length > 24) return null;
  const dy = +deadline.slice(0, 4);
  const dm = DAY_DOT_RE.exec(t);
  if (dm) {
    const d = +dm[1];
    const m = +dm[2];
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(dy, m)) return isoDate(dy, m, d);
    return null;
  }
  const ym = YEAR_ONLY_RE.exec(t);
  if (!ym) return null;
  const y = +ym[1];
  if (y < dy) return MET;
  if (y > dy) return MISSED;
  return deadline.endsWith("-12-31") ? MET : null;
}

function doneLeaf(reading: ActualReading, rule?: TargetRule): LeafResult {
  // `Off`: the state to reach is "not done".
  if (rule?.direction === "lower") {
    const r = doneLeafYes(reading);
    return r.status === "met" ? MISSED : r.status === "missed" ? MET : r;
  }
  return doneLeafYes(reading);
}

function doneLeafYes(reading: ActualReading): LeafResult {
  if (reading.no) return MISSED;
  const pct = reading.completion;
  if (pct !== undefined) return pct >= 100 ? MET : MISSED;
  if (reading.yes) return MET;
  if (reading.dates.length > 0) return MET;
  if (reading.inProgress) return PENDING;
  if (reading.numbers.length > 0) {
    const n = reading.numbers[0];
    // `50%` of a yes / no target is not done; `100%` is.
    if (n.unit === "percent") return n.value >= 100 ? MET : MISSED;
    return n.value > 0 ? MET : MISSED;
  }
  return UNKNOWN;
}

const ISO_PREFIX_RE = /^\d{4}-\d{2}-\d{2}/;

/** The as-of date as ISO: `2025-07-01`, `2025-07-01T10:00:00Z`, `01/07/2025`, a Date. */
function asOfIso(asOf: unknown): string | null {
  if (typeof asOf === "string") {
    const t = asOf.trim();
    if (ISO_PREFIX_RE.test(t)) return t.slice(0, 10);
    const d = parseItalianDate(t);
    return d && !d.from ? d.date : null;
  }
  if (asOf instanceof Date) return dateToIso(asOf);
  return null;
}

function isOverdue(p: Prepared, asOf: unknown): boolean {
  if (p.deadlines.length === 0 || asOf === null || asOf === undefined) return false;
  const iso = asOfIso(asOf);
  if (iso === null) return false;
  for (const d of p.deadlines) if (iso > d) return true;
  return false;
}

const NONE: (ActualNumber | undefined)[] = [];

function verdict(r: LeafResult, p: Prepared, asOf: unknown): EvalResult {
  switch (r.status) {
    case "met":
      return { status: "met", achievement: 1 };
    case "missed":
      return { status: "missed", achievement: Math.min(clamp01(r.achievement), JUST_BELOW_ONE) };
    case "pending":
      return isOverdue(p, asOf) ? R_OVERDUE : R_PENDING;
    default:
      return { status: "qualitative", achievement: null };
  }
}

/** One rule (the common case): no matching, no arrays. */
function single(
  p: Prepared,
  leaf: TargetRule,
  reading: ActualReading,
  ctx: EvalContext
): EvalResult {
  switch (leaf.op) {
    case "deadline": {
      const ds = reading.dates;
      let done: string | undefined;
      for (let i = 0; i < ds.length; i++) if (done === undefined || ds[i] > done) done = ds[i];
      return verdict(deadlineLeaf(leaf, done, reading, false), p, ctx.asOf);
    }
    case "done":
      return verdict(doneLeaf(reading, leaf), p, ctx.asOf);
    default: {
      const ns = reading.numbers;
      let n: ActualNumber | undefined;
      if (ns.length === 1) n = ns[0];
      else if (ns.length > 1) {
        const idx = assignNumbers(p.numeric, p.terms, ns)[0];
        n = idx >= 0 ? ns[idx] : undefined;
      }
      return verdict(numericLeaf(leaf, n, reading, ctx), p, ctx.asOf);
    }
  }
}

const R_PENDING: EvalResult = Object.freeze({ status: "pending", achievement: null }) as EvalResult;
const R_OVERDUE: EvalResult = Object.freeze({ status: "overdue", achievement: null }) as EvalResult;

/** Status and achievement of `rule` for `actual`. Never throws. */
export function evaluateRule(rule: TargetRule, actual: unknown, ctx: EvalContext = {}): EvalResult {
  if (!rule || typeof rule !== "object") return { status: "unparsed", achievement: null };
  if (rule.op === "unparsed") return { status: "unparsed", achievement: null };
  if (rule.op === "qualitative") return { status: "qualitative", achievement: null };
  const p = prepare(rule);
  if (p.leaves.length === 0) return { status: "unparsed", achievement: null };
  const cy = typeof ctx.year === "string" ? Number(ctx.year) : ctx.year;
  const year = finite(cy) && Number.isInteger(cy) && cy > 0 && cy < 10000 ? cy : p.year;
  const reading = readActual(actual, year);
  if (reading.empty) return isOverdue(p, ctx.asOf) ? R_OVERDUE : R_PENDING;

  if (p.leaves.length === 1) return single(p, p.leaves[0], reading, ctx);

  // Numbers to numeric rules, shared by noun.
  let assigned: (ActualNumber | undefined)[] = NONE;
  if (p.numeric.length > 0 && reading.numbers.length > 0) {
    const idx = assignNumbers(p.numeric, p.terms, reading.numbers);
    assigned = idx.map((i) => (i >= 0 ? reading.numbers[i] : undefined));
  }
  // Completion dates to deadlines, latest with latest (`avvio entro …, conclusione entro …`).
  const dl = p.deadlineLeaves;
  const doneDates: (string | undefined)[] = [];
  const laterDone: boolean[] = [];
  if (dl.length > 0 && reading.dates.length > 0) {
    const dates = reading.dates.length > 1 ? [...reading.dates].sort() : reading.dates;
    for (let i = dl.length - 1, j = dates.length - 1; i >= 0; i--, j--) {
      if (j >= 0) doneDates[p.deadlineOrder[i]] = dates[j];
      else laterDone[p.deadlineOrder[i]] = true;
    }
  }

  let sum = 0;
  let known = 0;
  let metCount = 0;
  let pending = 0;
  let n = 0;
  let ni = 0;
  let di = 0;
  for (const leaf of p.leaves) {
    let r: LeafResult;
    if (leaf.op === "deadline") {
      r = deadlineLeaf(leaf, doneDates[di], reading, laterDone[di]);
      di++;
    } else if (leaf.op === "done") r = doneLeaf(reading, leaf);
    else if (NUMERIC_OPS.has(leaf.op) || leaf.op === "relative")
      r = numericLeaf(leaf, assigned[ni++], reading, ctx);
    else r = UNKNOWN;
    if (r.status === "skip") continue;
    n++;
    if (r.status === "met" || r.status === "missed") {
      known++;
      sum += r.achievement;
      if (r.status === "met") metCount++;
    } else if (r.status === "pending") pending++;
  }

  if (known === 0) {
    if (pending > 0) return isOverdue(p, ctx.asOf) ? R_OVERDUE : R_PENDING;
    return { status: "qualitative", achievement: null };
  }
  // Parts not reported count as not reached.
  const achievement = n === 1 ? sum : sum / n;
  if (metCount === n) return { status: "met", achievement: 1 };
  const ach = Math.min(clamp01(achievement), JUST_BELOW_ONE);
  if (metCount > 0) return { status: "partial", achievement: ach };
  return { status: "missed", achievement: ach };
}

/**
 * What the verdict of a rule of one part compares, when it comes from one number: the rule as a
 * plain comparison (`op` over `target`, `max` for a range, `date` for a deadline) and the actual in
 * the rule's own scale (a percentage as 92, a completion date as ISO, done as 1 or 0). Null when
 * the verdict comes from words (`in corso`, `realizzato al 80%`), from several parts, or from no
 * actual at all. The structured sheets write it in plain columns with a native formula over them;
 * they check that the formula gives evaluateRule's verdict before relying on it.
 */
export interface ComparedValue {
  op: ">=" | ">" | "<=" | "<" | "=" | "between" | "deadline" | "done";
  target?: number;
  max?: number;
  /** ISO deadline. */
  date?: string;
  /** The actual as a number (numeric rules, done as 1/0). */
  value?: number;
  /** The completion date (deadlines), ISO. */
  done?: string;
}

export function comparedValue(
  rule: TargetRule,
  actual: unknown,
  ctx: EvalContext = {}
): ComparedValue | null {
  try {
    if (!rule || typeof rule !== "object" || rule.op === "all") return null;
    const p = prepare(rule);
    if (p.leaves.length !== 1) return null;
    const leaf = p.leaves[0];
    const cy = typeof ctx.year === "string" ? Number(ctx.year) : ctx.year;
    const year = finite(cy) && Number.isInteger(cy) && cy > 0 && cy < 10000 ? cy : p.year;
    const reading = readActual(actual, year);
    if (reading.empty) return null;
    if (leaf.op === "deadline") {
      if (typeof leaf.date !== "string") return null;
      let done: string | undefined;
      for (const d of reading.dates) if (done === undefined || d > done) done = d;
      if (done === undefined && reading.cell && reading.numbers.length === 1)
        done = serialDate(reading.numbers[0].value) ?? undefined;
      return done === undefined ? null : { op: "deadline", date: leaf.date, done };
    }
    if (leaf.op === "done") {
      const r = doneLeaf(reading, leaf);
      if (r.status !== "met" && r.status !== "missed") return null;
      return { op: "done", value: r.status === "met" ? 1 : 0 };
    }
    const ns = reading.numbers;
    let n: ActualNumber | undefined;
    if (ns.length === 1) n = ns[0];
    else if (ns.length > 1) {
      const idx = assignNumbers(p.numeric, p.terms, ns)[0];
      n = idx >= 0 ? ns[idx] : undefined;
    }
    if (leaf.op === "relative") {
      if (n === undefined) return null;
      const rel = leaf.relative ?? {
        mode: leaf.unit === "percent" ? "percent" : "absolute",
        sign: 1,
      };
      // Only the comparison with the baseline (the actual written as a level, not as a change).
      if (n.sign !== undefined || (rel.mode === "percent" && n.unit === "percent")) return null;
      const base = baselineValue(ctx.baseline);
      if (base === null) return null;
      const value = finite(leaf.value) ? Math.abs(leaf.value) : 0;
      const delta = rel.mode === "percent" ? (Math.abs(base) * value) / 100 : value;
      if (rel.sign === 1) return { op: ">=", target: base + delta, value: n.value };
      if (rel.sign === -1) return { op: "<=", target: base - delta, value: n.value };
      return { op: "between", target: base - delta, max: base + delta, value: n.value };
    }
    if (!NUMERIC_OPS.has(leaf.op) || !finite(leaf.value)) return null;
    if (n === undefined) n = slashRatio(leaf, reading.text);
    if (n === undefined && leaf.unit === "percent" && ALL_RE.test(reading.text)) n = ALL;
    if (n === undefined) return null;
    // A degree of completion in words decides before the number.
    if (leaf.unit !== "percent" && n.unit === "percent" && reading.completion !== undefined)
      return null;
    const v = actualFor(leaf, n, reading);
    if (!finite(v)) return null;
    const out: ComparedValue = {
      op: leaf.op as ComparedValue["op"],
      target: leaf.value,
      value: v,
    };
    if (leaf.op === "between") out.max = finite(leaf.valueMax) ? leaf.valueMax : leaf.value;
    return out;
  } catch {
    return null;
  }
}
