/**
 * A finding in the pane's language: Italian is the core's own `message`; English is rendered here
 * from the finding's code and `params` (the data the message says), so a finding reads the same
 * in both. A finding without params (an older workbook's, a code added later) gets the code's
 * general sentence in English, never a half-Italian one.
 */
import type { Finding } from "../core/model";
import type { Lang } from "./i18n";

type Params = Record<string, string | number>;

const pct = (v: string | number | undefined): string => {
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n)) return "?";
  return `${Math.round(n * 1000) / 10}%`;
};
const num = (v: string | number | undefined): string => {
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : String(v ?? "?");
};
const q = (v: string | number | undefined): string => {
  const s = String(v ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return `'${s.length > 60 ? `${s.slice(0, 59)}…` : s}'`;
};
/** ISO date to dd/mm/yyyy (Italian plans keep Italian dates). */
const date = (v: string | number | undefined): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(v ?? ""));
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(v ?? "");
};
const has = (p: Params, k: string) => p[k] !== undefined && p[k] !== "";
const indicator = (p: Params) => (has(p, "indicator") ? ` for indicator ${q(p.indicator)}` : "");

/** The general sentence of each code (no params needed). */
const GENERAL: Record<string, string> = {
  WEIGHTS_SUM: "The indicator weights of this objective do not add up to 100%",
  WEIGHT_MISSING: "Some weights are missing while others are given: give every one a weight",
  SCORE_TOTAL_MISMATCH: "A report's declared total differs from the sum of its components",
  SCORE_OVER_MAX: "A score component exceeds its maximum",
  TARGET_MISSED: "Target not met",
  TARGET_OVERDUE: "Deadline passed with no actual value",
  TARGET_UNPARSED: "The target cannot be read",
  ACTUAL_MISSING: "No actual value for this target",
  DUPLICATE_CODE: "Two objectives share a code",
  ORPHAN_OBJECTIVE: "The objective refers to a strategic objective that is not in the plan",
  OVERRIDE_WITHOUT_NOTE: "A manual verdict has no note",
  PAYMENT_TIMES_WEIGHT:
    "Objectives on payment times weigh less than DL 13/2023 art. 4-bis requires",
  TARGET_NOT_MEASURABLE: "Some targets cannot be measured (D.Lgs. 150/2009 art. 5)",
  TARGET_NOT_CHALLENGING: "The target is already met by the past value: it is not challenging",
  ACHIEVEMENT_DECLARED_MISMATCH:
    "The declared achievement differs from the one computed from target and actual",
  LAYOUT_NOT_RECOGNIZED: "No objective sheet recognized in this sheet",
};

const ENGLISH: Record<string, (p: Params) => string | null> = {
  WEIGHTS_SUM: (p) =>
    has(p, "sum")
      ? `The indicator weights of this objective add up to ${pct(p.sum)}, not 100%` +
        (has(p, "declared") ? ` (the TOTAL row says ${pct(p.declared)})` : "") +
        (has(p, "weighted") && has(p, "indicators") && p.weighted !== p.indicators
          ? `; ${p.weighted} of ${p.indicators} indicators have a weight`
          : "")
      : null,
  WEIGHT_MISSING: (p) =>
    p.level === "indicator"
      ? `${p.missing} of ${p.indicators} indicators of this objective have no weight, while the others do: give each indicator a weight`
      : p.level === "objective"
        ? `Objective ${p.objective} has no weight, while the objectives weighed with it do: give the objective a weight`
        : null,
  SCORE_TOTAL_MISMATCH: (p) =>
    has(p, "declared")
      ? `In the report the declared total is ${num(p.declared)}, but the components add up to ${num(p.computed)}`
      : null,
  SCORE_OVER_MAX: (p) =>
    has(p, "component")
      ? `In the report the component ${q(p.component)} is ${num(p.value)}, over its maximum of ${num(p.max)}`
      : null,
  TARGET_MISSED: (p) =>
    has(p, "target") || has(p, "indicator")
      ? `Target ${q(p.target)} ${p.partial === 1 ? "only partly met" : "not met"}` +
        (has(p, "indicator") && String(p.indicator).trim() !== String(p.target ?? "").trim()
          ? indicator(p)
          : "") +
        (has(p, "actual") ? `, actual ${q(p.actual)}` : "") +
        (has(p, "achievement") ? ` (achievement ${pct(p.achievement)})` : "")
      : null,
  TARGET_OVERDUE: (p) =>
    has(p, "indicator")
      ? `The deadline ${q(p.target)}${indicator(p)} passed${has(p, "deadline") ? ` on ${date(p.deadline)}` : ""} with no actual value` +
        `${has(p, "asOf") ? ` (checked at ${date(p.asOf)})` : ""}: enter the result or the reason for the delay`
      : null,
  TARGET_UNPARSED: (p) =>
    has(p, "indicator")
      ? `The target ${q(p.target)}${indicator(p)} cannot be read: write it for example as '>= 3', 'almeno 3', 'entro il 30/09/2025' or 'SI'`
      : null,
  ACTUAL_MISSING: (p) =>
    has(p, "indicator")
      ? `No actual value${indicator(p)}${has(p, "target") ? ` (target ${q(p.target)})` : ""}`
      : null,
  DUPLICATE_CODE: (p) =>
    has(p, "code")
      ? `Code ${p.code} is used by ${p.count} objectives: give each one a different code`
      : null,
  ORPHAN_OBJECTIVE: (p) =>
    has(p, "strategic")
      ? `Operational objective ${p.objective} refers to strategic objective ${p.strategic}, which is not in the plan: correct the code or add the strategic objective`
      : null,
  OVERRIDE_WITHOUT_NOTE: (p) =>
    has(p, "indicator")
      ? `The manual verdict${indicator(p)} has no note: explain it in the notes column`
      : null,
  PAYMENT_TIMES_WEIGHT: (p) =>
    has(p, "share")
      ? `Objectives on payment times (${p.objectives}) weigh ${pct(p.share)} of the performance evaluation: DL 13/2023 art. 4-bis requires at least ${pct(p.min)}`
      : null,
  TARGET_NOT_MEASURABLE: (p) =>
    has(p, "vague")
      ? `${p.vague} of ${p.indicators} indicators of this objective have a target that cannot be measured: D.Lgs. 150/2009 art. 5 requires specific, measurable objectives`
      : null,
  TARGET_NOT_CHALLENGING: (p) =>
    has(p, "year")
      ? `The target ${q(p.target)}${indicator(p)} is already met by the ${p.year} value (${num(p.baseline)}): a target no better than the past value is not challenging`
      : null,
  ACHIEVEMENT_DECLARED_MISMATCH: (p) =>
    has(p, "declared")
      ? `Declared achievement ${pct(p.declared)}${indicator(p)}, but target and actual give ${pct(p.computed)}: a difference of ${num(Math.abs(Number(p.declared) - Number(p.computed)) * 100)} percentage points`
      : null,
  LAYOUT_NOT_RECOGNIZED: (p) =>
    has(p, "sheet")
      ? `No objective sheet recognized in sheet "${p.sheet}"${has(p, "cells") ? ` (cells ${p.cells})` : ""}`
      : null,
};

/** The finding's text in the pane's language. */
export function findingMessage(f: Finding, lang: Lang): string {
  if (lang === "it") return f.message;
  const render = ENGLISH[f.code];
  const text = render ? render(f.params ?? {}) : null;
  return text ?? GENERAL[f.code] ?? f.message;
}

/** Codes the English table covers (a test keeps it in step with the audit). */
export const ENGLISH_CODES: readonly string[] = Object.keys(ENGLISH);
