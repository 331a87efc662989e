// What the bench sections share: the statuses generated plans cycle through, and the median.
import type { Status } from "../../src/core/model";

/** Statuses in the order generated indicators take them (index modulo length): every one occurs. */
export const BENCH_STATUSES: readonly Status[] = [
  "met",
  "missed",
  "partial",
  "pending",
  "overdue",
  "qualitative",
  "unparsed",
];

/** Median of timings (the upper middle for an even count): steadier than the mean. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
