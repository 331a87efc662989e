// What the bench sections share: the statuses generated plans cycle through, and the median.
import ExcelJS from "exceljs";
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

/** Run the collector when node runs with --expose-gc (`npm run bench` does). */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

/** Peak resident memory while something runs. */
export function peakSampler(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => {
    const r = process.memoryUsage().rss;
    if (r > peak) peak = r;
  }, 5);
  return {
    stop: () => {
      clearInterval(t);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/**
 * Bare exceljs loading of a workbook against what `peg structure --json` does with it
 * (readXlsxGrids + buildModel), best of three each after a warm-up, with the peak memory.
 */
export async function againstExcelJs<T>(
  bytes: Uint8Array,
  ours: () => Promise<T>
): Promise<{ bare: number; ours: number; peak: number; result: T }> {
  await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
  let bare = Infinity;
  let mine = Infinity;
  let peak = 0;
  let result: T | undefined;
  for (let i = 0; i < 3; i++) {
    gc();
    let t0 = performance.now();
    await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
    bare = Math.min(bare, performance.now() - t0);
    gc();
    const sampler = peakSampler();
    t0 = performance.now();
    result = await ours();
    mine = Math.min(mine, performance.now() - t0);
    peak = Math.max(peak, sampler.stop());
  }
  return { bare, ours: mine, peak, result: result as T };
}
