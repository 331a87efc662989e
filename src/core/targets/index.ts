/**
 * The target engine's public API (issue 2). Other modules import only from here.
 *
 * readTarget:     text as written -> rule (docs/targets.md), see ./read.ts for the forms.
 * evaluateTarget: rule + actual (+ year, asOf, baseline) -> status and achievement, ./evaluate.ts.
 * renderRule:     rule -> short Italian (`≥ 15`, `entro 30/09/2025`, `SÌ`), ./render.ts.
 */
import type { Status, TargetRule } from "../model";
import { evaluateRule } from "./evaluate";
export { comparedValue, type ComparedValue } from "./evaluate";
import { readTargetText } from "./read";
import { renderTargetRule } from "./render";

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
  try {
    return readTargetText(text, ctx ?? {});
  } catch {
    return { text: safeText(text), op: "unparsed" };
  }
}

/** Evaluate a rule against an actual value (consuntivo). Never throws. */
export function evaluateTarget(
  rule: TargetRule,
  actual: string | number | boolean | Date | null | undefined,
  ctx: TargetContext = {}
): Evaluation {
  try {
    return evaluateRule(rule, actual, ctx ?? {});
  } catch {
    return { status: "unparsed", achievement: null };
  }
}

/** The rule rendered back in short Italian (`≥ 15`, `entro 30/09/2025`, `SÌ`). */
export function renderRule(rule: TargetRule): string {
  return renderTargetRule(rule);
}

function safeText(text: unknown): string {
  try {
    return String(text ?? "").trim();
  } catch {
    return "";
  }
}

export { readActual, setActualCache } from "./actual";
export { targetSentence } from "./sentence";
export type { ActualReading } from "./actual";
