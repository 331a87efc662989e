/**
 * `peg inspect FILE... [--json] [--config C]`: how every sheet was read (docs/mapping.md).
 * `--json` gives `{ "sheets": [...] }`, whose entries are valid `layouts` entries: saved as
 * `{ "layouts": <sheets> }` and corrected, they go back with `--config`.
 */
import type { Grid } from "../../core/grid";
import { inspectWorkbook } from "../../core/inspect";
import { sheetCellText } from "../../core/mapping";
import type { SheetReading } from "../../core/recognize/reading";
import { layoutLabel, roleLabel } from "../../core/roles";
import type { CliIo } from "../io";
import type { OptionSpec } from "../args";
import { analyzeOptions, parseCommandArgs, prepareRun, RUN_OPTIONS } from "./common";

const SPEC: OptionSpec = { ...RUN_OPTIONS };

export async function runInspect(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, SPEC, io, "inspect");
  if (!args) return 0;
  const run = await prepareRun(args, io, "inspect");
  const grids = run.sources.flatMap((s) => s.grids);
  const { sheets } = inspectWorkbook(grids, analyzeOptions(run, run.sources));
  if (args.flags.has("json")) {
    io.out(JSON.stringify({ sheets }, null, 2) + "\n");
    return 0;
  }
  const lines: string[] = [];
  for (const src of run.sources) {
    lines.push(`File ${src.name}:`);
    for (const g of src.grids) {
      const reading = sheets.find((r) => r.sheet === g.sheet);
      if (reading) lines.push(`  ${describeReading(reading, g)}`);
    }
  }
  lines.push(
    'Per correggere le colonne: peg inspect FILE --json, salvare come { "layouts": [...] }, ' +
      "cambiare i ruoli e rileggere con --config."
  );
  io.out(lines.join("\n") + "\n");
  return 0;
}

function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `Foglio "Piano 2025": tabella, righe 4–120, B = obiettivo operativo (intestazione "…"), …` */
export function describeReading(r: SheetReading, grid?: Grid): string {
  const parts: string[] = [layoutLabel(r.layout)];
  if (r.layout !== "none") parts.push(`affidabilità ${Math.round(r.confidence * 100)}%`);
  if (r.headerRow !== null) {
    const last = grid ? (grid.origin?.row ?? 0) + grid.rows.length : null;
    parts.push(
      last !== null && last > r.headerRow
        ? `intestazione alla riga ${r.headerRow}, righe ${r.headerRow + 1}–${last}`
        : `intestazione alla riga ${r.headerRow}`
    );
  }
  const columns = Object.entries(r.columns)
    .filter(([, role]) => role !== "ignore")
    .map(([letter, role]) => {
      const ev = Object.hasOwn(r.evidence, letter) ? r.evidence[letter] : undefined;
      // A mapping gives no evidence: its header is the cell of the header row.
      const header =
        ev?.header ||
        (grid && r.headerRow !== null ? sheetCellText(grid, r.headerRow, letter) : "");
      return `${letter} = ${lower(roleLabel(role))}${header ? ` (intestazione "${header}")` : ""}`;
    });
  parts.push(...columns);
  parts.push(
    `${plural(r.objectives, "obiettivo", "obiettivi")}, ${plural(r.indicators, "indicatore", "indicatori")}`
  );
  if (r.unread.length > 0) parts.push(`celle non lette: ${r.unread.join(", ")}`);
  return `Foglio "${r.sheet}": ${parts.join(", ")}`;
}
