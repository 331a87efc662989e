/**
 * `peg target "TEXT" [--actual A] [--baseline B] [--year Y] [--as-of D]` and
 * `peg target --batch FILE.tsv`: how a target is read and evaluated. One Italian sentence for a
 * person by default, JSON with `--json`; `--batch` prints JSON lines (docs/cli.md).
 */
import * as path from "path";
import { evaluateTarget, readTarget, targetSentence, type TargetContext } from "../../core/targets";
import { PegInputError } from "../../core/errors";
import type { Status, TargetRule } from "../../core/model";
import { localDateIso } from "../../core/dates";
import { textToGrid } from "../../core/textgrid";
import type { CliIo } from "../io";
import { optString, parseArgs, parseAsOf, parseYear, usageError, type OptionSpec } from "../args";
import { decodeText, readInputBytes } from "../sources";
import { usage } from "../usage";

const SPEC: OptionSpec = {
  actual: { type: "string" },
  baseline: { type: "string" },
  year: { type: "string" },
  "as-of": { type: "string" },
  batch: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
};

export interface TargetInput {
  target: string;
  actual?: string | null;
  baseline?: string | null;
  year?: number;
  asOf?: string;
}

/** The JSON printed for one target, keys in the contract's order. */
export function evaluateOne(input: TargetInput): {
  rule: TargetRule;
  status: Status;
  achievement: number | null;
} {
  // No --year: the check date's year, else today's (the adapter's clock; core never reads it).
  const ctx: TargetContext = {
    year: input.year ?? Number((input.asOf ?? localDateIso(new Date())).slice(0, 4)),
  };
  if (input.asOf !== undefined) ctx.asOf = input.asOf;
  if (input.baseline != null && input.baseline !== "") ctx.baseline = input.baseline;
  const rule = readTarget(input.target, ctx);
  const actual = input.actual == null || input.actual === "" ? null : input.actual;
  const ev = evaluateTarget(rule, actual, ctx);
  return { rule, status: ev.status, achievement: ev.achievement };
}

export async function runTarget(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.flags.has("help")) {
    io.out(usage("target", io.lang));
    return 0;
  }
  const batch = optString(args, "batch");
  if (batch !== undefined) {
    for (const o of ["actual", "baseline", "year", "as-of"]) {
      if (args.strings.has(o))
        throw usageError(
          `con --batch l'opzione --${o} non si usa: indica i valori nelle colonne del file`
        );
    }
    if (args.positionals.length > 0)
      throw usageError(`con --batch non si indica un testo di target ("${args.positionals[0]}")`);
    return runBatch(batch, io);
  }
  if (args.positionals.length === 0)
    throw usageError(`manca il testo del target, es.: peg target ">=15" --actual 12`);
  if (args.positionals.length > 1) {
    throw usageError(
      `troppi argomenti: ${args.positionals.map((p) => `"${p}"`).join(" ")}. Racchiudi il testo del target tra virgolette.`
    );
  }
  const result = evaluateOne({
    target: args.positionals[0],
    actual: optString(args, "actual"),
    baseline: optString(args, "baseline"),
    year: parseYear(optString(args, "year")),
    asOf: parseAsOf(optString(args, "as-of")),
  });
  if (args.flags.has("json")) io.out(JSON.stringify(result, null, 2) + "\n");
  else io.out(targetSentence(result.rule, result) + "\n");
  return 0;
}

const COLUMN_ALIASES: Record<string, string[]> = {
  target: ["target", "obiettivo", "valore atteso", "atteso"],
  actual: ["actual", "consuntivo", "risultato", "valore consuntivo"],
  baseline: ["baseline", "base", "valore storico", "storico"],
  year: ["year", "anno"],
  as_of: ["as_of", "as-of", "asof", "alla data", "alla_data", "data"],
};

function normHeader(s: string): string {
  return s
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
}

/** Rows of a batch file, validated completely before anything is printed. */
export function readBatch(text: string, name: string): TargetInput[] {
  const grid = textToGrid(text, name, { format: "tsv" });
  const rows = grid.rows;
  if (rows.length === 0) {
    throw new PegInputError(
      `Il file "${name}" è vuoto: serve l'intestazione target\tactual\tbaseline\tyear\tas_of.`,
      "FILE_EMPTY",
      name
    );
  }
  const header = rows[0].map((v) => normHeader(v == null ? "" : String(v)));
  const col = new Map<string, number>();
  for (const [key, aliases] of Object.entries(COLUMN_ALIASES)) {
    const i = header.findIndex((h) => aliases.includes(h));
    if (i >= 0) col.set(key, i);
  }
  if (!col.has("target")) {
    throw new PegInputError(
      `Il file "${name}" non ha la colonna "target" nella prima riga (intestazione attesa: target\tactual\tbaseline\tyear\tas_of, separata da tabulazioni).`,
      "FILE_READ",
      name
    );
  }
  const out: TargetInput[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((v) => v == null || String(v).trim() === "")) continue;
    const get = (key: string): string | null => {
      const i = col.get(key);
      if (i === undefined) return null;
      const v = row[i];
      return v == null || String(v) === "" ? null : String(v);
    };
    const where = `${name}, riga ${r + 1}`;
    const yearText = get("year");
    const asOfText = get("as_of");
    out.push({
      target: get("target") ?? "",
      actual: get("actual"),
      baseline: get("baseline"),
      year: yearText === null ? undefined : parseYear(yearText, `la colonna year (${where})`),
      asOf: asOfText === null ? undefined : parseAsOf(asOfText, `la colonna as_of (${where})`),
    });
  }
  return out;
}

async function runBatch(file: string, io: CliIo): Promise<number> {
  const name = path.basename(file);
  const bytes = await readInputBytes(path.resolve(io.cwd, file), name);
  const inputs = readBatch(decodeText(bytes), name);
  const lines: string[] = [];
  for (const input of inputs) lines.push(JSON.stringify(evaluateOne(input)));
  io.out(lines.length > 0 ? lines.join("\n") + "\n" : "");
  return 0;
}
