/**
 * The pane's settings (year, as-of date, maxima, bands) live in the workbook itself
 * (workbook settings, saved with the file): no personal data, nothing outside the document.
 */
import type { ExcelContext } from "./read";

export const SETTINGS_KEY = "peg.settings";

/** Stored settings as JSON-compatible data, or null when none. */
export async function loadWorkbookSettings(context: ExcelContext): Promise<unknown> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  await context.sync();
  if (item.isNullObject) return null;
  const v: unknown = item.value;
  if (typeof v === "string") {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return null;
    }
  }
  return v ?? null;
}

export async function saveWorkbookSettings(context: ExcelContext, value: unknown): Promise<void> {
  queueWorkbookSettings(context, value);
  await context.sync();
}

/** The settings queued with the batch that follows (no sync of its own). */
export function queueWorkbookSettings(context: ExcelContext, value: unknown): void {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(value));
}
