/** Jump to a finding: activate its sheet and select its cells ("'Scheda 1'!C40:C48"). */
import { splitRef } from "../core/grid";
import type { ExcelContext } from "./read";

export interface SelectResult {
  ok: boolean;
  /** Italian reason when the cells cannot be selected. */
  message?: string;
}

/** Areas of a `where` on one sheet: "S!A1:B2, S!D4" -> sheet S, "A1:B2,D4". */
export function parseWhere(where: string): { sheet: string; areas: string[] } | null {
  const parts = where
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((p) => p.trim())
    .filter(Boolean);
  let sheet: string | null = null;
  const areas: string[] = [];
  for (const p of parts) {
    const ref = splitRef(p);
    if (ref) {
      if (sheet !== null && ref.sheet !== sheet) continue; // other sheets: the first one wins
      sheet = ref.sheet;
      areas.push(ref.range.replace(/\$/g, ""));
    } else if (sheet !== null) areas.push(p.replace(/\$/g, ""));
  }
  if (sheet === null || areas.length === 0) return null;
  if (!areas.every((a) => /^[A-Z]{1,3}\d{1,7}(:[A-Z]{1,3}\d{1,7})?$/i.test(a))) return null;
  return { sheet, areas };
}

export async function selectWhere(context: ExcelContext, where: string): Promise<SelectResult> {
  const parsed = parseWhere(where);
  if (!parsed) return { ok: false, message: `Riferimento non valido: "${where}".` };
  const ws = context.workbook.worksheets.getItemOrNullObject(parsed.sheet);
  await context.sync();
  if (ws.isNullObject) {
    return { ok: false, message: `Il foglio "${parsed.sheet}" non esiste più in questa cartella.` };
  }
  ws.activate();
  if (parsed.areas.length === 1) ws.getRange(parsed.areas[0]).select();
  else ws.getRanges(parsed.areas.join(",")).select();
  await context.sync();
  return { ok: true };
}
