/**
 * Command-line arguments read by hand: options are known per command, a value option always takes
 * the next argument (so `--actual -4,71` works), and text that merely starts with `-` (`-5%`) is a
 * positional. Errors are PegInputError with an Italian message (exit 2).
 */
import { PegInputError } from "../core/errors";

export type OptionSpec = Record<
  string,
  { type: "string" | "boolean"; short?: string; multiple?: boolean }
>;

export interface ParsedArgs {
  positionals: string[];
  strings: Map<string, string[]>;
  flags: Set<string>;
}

export function usageError(message: string): PegInputError {
  return new PegInputError(message, "USAGE");
}

/** An argument that looks like an option: `--name`, `--name=value` or `-x` (one letter). */
function looksLikeOption(arg: string): boolean {
  return /^--[^-]/.test(arg) || /^-[A-Za-z]$/.test(arg);
}

export function parseArgs(argv: string[], spec: OptionSpec): ParsedArgs {
  const positionals: string[] = [];
  const strings = new Map<string, string[]>();
  const flags = new Set<string>();
  const byShort = new Map<string, string>();
  for (const [name, s] of Object.entries(spec)) if (s.short) byShort.set(s.short, name);
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!looksLikeOption(arg)) {
      positionals.push(arg);
      i++;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else {
      const long = byShort.get(arg.slice(1));
      if (!long) throw usageError(`opzione sconosciuta: ${arg}`);
      name = long;
    }
    const s = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (!s) throw usageError(`opzione sconosciuta: --${name}`);
    if (s.type === "boolean") {
      if (inline !== undefined) throw usageError(`l'opzione --${name} non accetta un valore`);
      flags.add(name);
      i++;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length) throw usageError(`l'opzione --${name} richiede un valore`);
      value = argv[i + 1];
      i += 2;
    } else {
      i++;
    }
    const list = strings.get(name) ?? [];
    if (list.length > 0 && !s.multiple)
      throw usageError(`l'opzione --${name} è indicata più volte`);
    list.push(value);
    strings.set(name, list);
  }
  return { positionals, strings, flags };
}

export function optString(args: ParsedArgs, name: string): string | undefined {
  return args.strings.get(name)?.[0];
}

/** `--year 2025`: a plan year between 1990 and 2100. */
export function parseYear(value: string | undefined, label = "--year"): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const n = Number(v);
  if (!/^\d{4}$/.test(v) || n < 1990 || n > 2100) {
    throw usageError(`anno non valido per ${label}: "${value}" (usa un anno a 4 cifre, es. 2025)`);
  }
  return n;
}

/** `--as-of 2025-12-31` (also 31/12/2025): an ISO date, checked to exist. */
export function parseAsOf(value: string | undefined, label = "--as-of"): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if ((match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(v))) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else {
    throw usageError(`data non valida per ${label}: "${value}" (usa AAAA-MM-GG, es. 2025-12-31)`);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d ||
    y < 1900 ||
    y > 2200
  ) {
    throw usageError(
      `data non valida per ${label}: "${value}" (la data non esiste; usa AAAA-MM-GG, es. 2025-12-31)`
    );
  }
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
