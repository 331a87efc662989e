/**
 * The target engine's public API (issue 2). Other modules import only from here.
 * PLACEHOLDER implementation: the target-engine work replaces the bodies, keeping the signatures.
 */
import type { Status, TargetRule } from "../model";

export interface TargetContext {
  /** Plan year: completes dates written without a year ("Entro il 30/9"). */
  year?: number;
  /** ISO date: deadlines passed at this date with no actual are `overdue`. None: nothing is overdue. */
  asOf?: string | null;
  /** Baseline (valore storico / esercizio precedente) for relative targets, raw text or number. */
  baseline?: string | number | null;
}

export interface Evaluation {
  status: Status;
  /** 0..1, or null while pending / qualitative / unparsed. */
  achievement: number | null;
}

/** Read a target as written into a rule. Never throws. */
export function readTarget(text: string, ctx: TargetContext = {}): TargetRule {
  void ctx;
  return { text: String(text ?? "").trim(), op: "unparsed" };
}

/** Evaluate a rule against an actual value (consuntivo). Never throws. */
export function evaluateTarget(
  rule: TargetRule,
  actual: string | number | boolean | Date | null | undefined,
  ctx: TargetContext = {}
): Evaluation {
  void rule;
  void actual;
  void ctx;
  return { status: "unparsed", achievement: null };
}

/** The rule rendered back in short Italian (`≥ 15`, `entro 30/09/2025`, `SÌ`). */
export function renderRule(rule: TargetRule): string {
  return rule.text;
}
