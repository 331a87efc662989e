/**
 * What every target form works on: a segment of a target text (one part of `1) … 2) …`, already
 * cleaned) and the claims it makes (a rule with where it was written).
 */
import type { TargetRule } from "../../model";

export interface Segment {
  /** The part as written (cleaned). */
  text: string;
  /** The same, folded: lower case, no accents (`sì` -> `si'`). */
  lc: string;
  /** Plan year: completes dates written without a year; undefined when the caller knows none. */
  year: number | undefined;
}

export interface Claim {
  rule: TargetRule;
  start: number;
  end: number;
  /** Written with an operator word or symbol (`almeno`, `>=`), or a deadline / relative claim. */
  explicit: boolean;
  /** An implicit percentage or ratio (`Tasso di risposta 75%`), stronger than a bare number. */
  percentLike?: boolean;
}

/** A form that reads a whole segment, or says it is not its form (null). */
export type SegmentForm = (seg: Segment) => TargetRule | null;

export function rule(
  text: string,
  op: TargetRule["op"],
  extra: Partial<TargetRule> = {}
): TargetRule {
  return { text, op, ...extra };
}
