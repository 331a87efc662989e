/**
 * The audit (issue 4): every check of docs/findings.md plus the ones from Italian rules, run on a
 * model whose manual verdicts have been applied. One small module per check, in ./checks.
 */
import type { Finding, PegModel } from "../model";
import { checkEnabled, DEFAULT_SETTINGS, type Settings } from "../settings";
import { buildContext, type Check } from "./context";
import { applyManualVerdicts } from "../verdict";
import { achievementDeclaredMismatch } from "./checks/achievement-declared";
import { actualMissing } from "./checks/actual-missing";
import { duplicateCode } from "./checks/duplicate-code";
import { orphanObjective } from "./checks/orphan-objective";
import { overrideWithoutNote } from "./checks/override-without-note";
import { paymentTimesWeight } from "./checks/payment-times";
import { scoreOverMax } from "./checks/score-over-max";
import { scoreTotalMismatch } from "./checks/score-total";
import { targetMissed } from "./checks/target-missed";
import { targetNotChallenging } from "./checks/target-not-challenging";
import { targetNotMeasurable } from "./checks/target-not-measurable";
import { targetOverdue } from "./checks/target-overdue";
import { targetUnparsed } from "./checks/target-unparsed";
import { weightMissing } from "./checks/weight-missing";
import { weightsSum } from "./checks/weights-sum";

export { applyManualVerdicts, effectiveVerdict, hasManualVerdict } from "../verdict";
export { rangeOf } from "./where";
export type { AuditContext, Check } from "./context";

export const CHECKS: readonly Check[] = [
  weightsSum,
  weightMissing,
  scoreTotalMismatch,
  scoreOverMax,
  targetMissed,
  targetOverdue,
  targetUnparsed,
  actualMissing,
  duplicateCode,
  orphanObjective,
  overrideWithoutNote,
  paymentTimesWeight,
  targetNotMeasurable,
  targetNotChallenging,
  achievementDeclaredMismatch,
];

const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/**
 * Findings sorted by severity, then by objective in document order (operational objectives, then
 * strategic ones; findings on no objective last), keeping each check's order otherwise.
 */
export function sortFindings(findings: readonly Finding[], model: PegModel): Finding[] {
  const order = new Map<string, number>();
  const add = (key: string | null | undefined) => {
    if (key && !order.has(key)) order.set(key, order.size);
  };
  for (const o of model.operationalObjectives) add(o.code ?? o.id);
  for (const o of model.strategicObjectives) add(o.code ?? o.id);
  for (const i of model.indicators) add(i.objectiveCode);
  const rank = (f: Finding) =>
    f.objectiveCode === undefined
      ? Number.MAX_SAFE_INTEGER
      : (order.get(f.objectiveCode) ?? order.size);
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (SEVERITY_RANK[a.f.severity] ?? 3) - (SEVERITY_RANK[b.f.severity] ?? 3) ||
        rank(a.f) - rank(b.f) ||
        a.i - b.i
    )
    .map((x) => x.f);
}

/**
 * Run every enabled check on a model whose manual verdicts are applied already, in check order (the
 * pipeline applies the verdicts and sorts the findings, once: src/core/pipeline.ts).
 */
export function runChecks(applied: PegModel, settings: Settings = DEFAULT_SETTINGS): Finding[] {
  const ctx = buildContext(applied, settings);
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    if (!checkEnabled(settings, check.code)) continue;
    for (const f of check.run(ctx)) findings.push(f); // not push(...): 100,000 findings overflow the stack
  }
  return findings;
}

/**
 * The audit of a model on its own (tests, tools): manual verdicts applied, every enabled check run,
 * findings sorted. The model's own findings (the recognizer's) are not repeated here.
 */
export function auditModel(model: PegModel, settings: Settings = DEFAULT_SETTINGS): Finding[] {
  return sortFindings(runChecks(applyManualVerdicts(model), settings), model);
}
