/**
 * The `peg` command as a function: argv in, exit code out, output through `io`. Every failure
 * becomes one Italian line on stderr and exit 2; no stack trace ever reaches the user.
 */
import { isPegInputError } from "../core/errors";
import type { CliIo } from "./io";
import { usage } from "./usage";

const COMMANDS = ["structure", "inspect", "audit", "summary", "target"] as const;

/** `--lang en` anywhere selects English help; it is removed before the command sees its arguments. */
function extractLang(argv: string[]): { argv: string[]; lang: "it" | "en" | null } {
  const out: string[] = [];
  let lang: "it" | "en" | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      out.push(...argv.slice(i));
      break;
    }
    let v: string | undefined;
    if (a === "--lang") {
      v = argv[i + 1];
      i++;
    } else if (a.startsWith("--lang=")) {
      v = a.slice(7);
    } else {
      out.push(a);
      continue;
    }
    lang = v?.toLowerCase().startsWith("en") ? "en" : "it";
  }
  return { argv: out, lang };
}

export async function run(rawArgv: string[], io: CliIo): Promise<number> {
  try {
    const { argv, lang } = extractLang(rawArgv);
    if (lang) io.lang = lang;
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      const topic = command === "help" && rest[0] ? rest[0] : "main";
      io.out(usage(topic, io.lang));
      return 0;
    }
    if (command === "--version" || command === "-v") {
      io.out("peg 0.1.0\n");
      return 0;
    }
    // Commands are loaded on demand: `peg target` need not load exceljs or the docx writer.
    switch (command) {
      case "target":
        return await (await import("./commands/target")).runTarget(rest, io);
      case "structure":
        return await (await import("./commands/structure")).runStructure(rest, io);
      case "inspect":
        return await (await import("./commands/inspect")).runInspect(rest, io);
      case "audit":
        return await (await import("./commands/audit")).runAudit(rest, io);
      case "summary":
        if (rest.includes("--help") || rest.includes("-h")) {
          io.out(usage("summary", io.lang));
          return 0;
        }
        return await (await import("./commands/summary")).runSummary(rest, io);
      default:
        io.err(
          `peg: comando sconosciuto "${command}". Comandi disponibili: ${COMMANDS.join(", ")}. Aiuto: peg --help\n`
        );
        return 2;
    }
  } catch (e) {
    // A progress bar may be on the line: clear it first.
    if (io.tty) io.err("\r\x1b[2K");
    io.err(errorLine(e));
    return 2;
  }
}

/** One Italian line for any error. */
export function errorLine(e: unknown): string {
  if (isPegInputError(e)) {
    const hint = e.code === "USAGE" ? " (aiuto: peg --help)" : "";
    return `peg: ${oneLine(e.message)}${hint}\n`;
  }
  const msg = e instanceof Error ? e.message : String(e);
  return `peg: errore interno: ${oneLine(msg) || "errore sconosciuto"}\n`;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
