/**
 * Runs the `peg` CLI as a child process and measures it: wall time, peak resident memory
 * (`/usr/bin/time -v` when present, and the child's own process.resourceUsage through the
 * preloaded scripts/hostile-child.cjs), and what happened to the built-in prototypes.
 * A runaway child (over 3 GB or 30 s) is killed so one bad case cannot take the machine down.
 */
import { spawn } from "child_process";
import { createHash } from "crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "fs";
import * as path from "path";
import { buildSync } from "esbuild";

export const ROOT = path.resolve(__dirname, "..", "..");
export const PRELOAD = path.join(ROOT, "scripts", "hostile-child.cjs");
const TIME = "/usr/bin/time";
export const HAS_GNU_TIME = existsSync(TIME);

/** Limits from the issue: each case within 10 s and 1 GB peak memory. */
export const LIMIT_MS = 10_000;
export const LIMIT_RSS_KB = 1024 * 1024;
const KILL_MS = 30_000;
const KILL_RSS_KB = 3 * 1024 * 1024;

/**
 * The CLI bundled from the current sources (same options as `npm run build:cli`) into a private
 * folder under node_modules, so `--packages=external` still resolves and a stale dist/ cannot
 * hide a bug.
 */
export function buildCli(): string {
  const dir = path.join(ROOT, "node_modules", ".cache", `peg-hostile-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, "peg.cjs");
  buildSync({
    entryPoints: [path.join(ROOT, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

export function removeCli(bundle: string): void {
  rmSync(path.dirname(bundle), { recursive: true, force: true });
}

export interface ProtoReport {
  code: number;
  added: string[];
  removed: string[];
  changed: string[];
  maxRssKb: number;
  cpuMs: number;
}

export interface CliRun {
  args: string[];
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** User + system CPU time of the child (what the program itself needed). */
  cpuMs: number;
  /** Peak resident set size in KiB (the larger of the two measurements). */
  peakRssKb: number;
  proto: ProtoReport | null;
  killedFor: string | null;
}

function readChildren(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export async function runCli(bundle: string, args: string[], cwd: string): Promise<CliRun> {
  const reportPath = path.join(
    cwd,
    `.report-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`
  );
  const timePath = `${reportPath}.time`;
  const nodeArgs = ["--require", PRELOAD, bundle, ...args];
  const [cmd, cmdArgs] = HAS_GNU_TIME
    ? [TIME, ["-v", "-o", timePath, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const started = process.hrtime.bigint();
  const child = spawn(cmd, cmdArgs, {
    cwd,
    env: { ...process.env, PEG_HOSTILE_REPORT: reportPath, PEG_LANG: "it", NODE_OPTIONS: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => out.push(b));
  child.stderr.on("data", (b: Buffer) => err.push(b));
  let killedFor: string | null = null;
  let polledPeak = 0;
  const kill = (why: string) => {
    if (killedFor) return;
    killedFor = why;
    for (const pid of [...readChildren(child.pid ?? -1), child.pid ?? -1]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  const poll = setInterval(() => {
    const pids = [child.pid ?? -1, ...readChildren(child.pid ?? -1)];
    const rss = Math.max(...pids.map(rssKb));
    polledPeak = Math.max(polledPeak, rss);
    if (rss > KILL_RSS_KB) kill(`memoria oltre ${KILL_RSS_KB} KiB`);
  }, 50);
  const timer = setTimeout(() => kill(`tempo oltre ${KILL_MS} ms`), KILL_MS);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.on("close", (c, s) => resolve([c, s]))
  );
  clearInterval(poll);
  clearTimeout(timer);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  let proto: ProtoReport | null = null;
  try {
    proto = JSON.parse(readFileSync(reportPath, "utf8")) as ProtoReport;
  } catch {
    proto = null;
  }
  let timeRss = 0;
  let timeCpuMs = 0;
  if (HAS_GNU_TIME) {
    try {
      const t = readFileSync(timePath, "utf8");
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(t);
      if (m) timeRss = Number(m[1]);
      const user = /User time \(seconds\): ([\d.]+)/.exec(t);
      const sys = /System time \(seconds\): ([\d.]+)/.exec(t);
      if (user && sys) timeCpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
    } catch {
      // killed before time wrote its report
    }
  }
  rmSync(reportPath, { force: true });
  rmSync(timePath, { force: true });
  const result: CliRun = {
    args,
    code,
    signal,
    stdout: Buffer.concat(out).toString("utf8"),
    stderr: Buffer.concat(err).toString("utf8"),
    wallMs,
    cpuMs: Math.max(timeCpuMs, proto?.cpuMs ?? 0),
    peakRssKb: Math.max(timeRss, proto?.maxRssKb ?? 0, polledPeak),
    proto,
    killedFor,
  };
  // PEG_HOSTILE_MEASURES=FILE keeps one JSON line per run (time, CPU, memory) for a report.
  if (process.env.PEG_HOSTILE_MEASURES) {
    const { code: exit, wallMs: wall, cpuMs: cpu, peakRssKb: rss } = result;
    appendFileSync(
      process.env.PEG_HOSTILE_MEASURES,
      `${JSON.stringify({ args: args.map((a) => a.slice(0, 40)), exit, wall: Math.round(wall), cpu: Math.round(cpu), rssMiB: Math.round(rss / 1024) })}\n`
    );
  }
  return result;
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Words that only an Italian message holds (the CLI's English mode is not used here). */
const ITALIAN =
  /\b(il|lo|la|le|non|è|del|della|dei|questo|salva|salvalo|cartella|foglio|vuoto|troppo|troppe|protetto|formato|impossibile|leggere|contiene|aprilo|riga|righe|colonne|errore|deve|indica|indicare|ricevuto|uscita|ingresso|coincide|nessun|nessuna)\b/i;

/**
 * What a refusal must look like: Italian, naming the file, no stack trace, no JS error type, no
 * "internal error" (an internal error on bad input is a crash with a polite face).
 */
export function refusalProblems(run: CliRun, fileName: string, hint?: RegExp): string[] {
  const problems: string[] = [];
  const text = run.stderr;
  if (!text.trim()) problems.push("nessun messaggio su stderr");
  if (/^\s+at /m.test(text) || /^\s+at /m.test(run.stdout))
    problems.push("traccia dello stack nel messaggio");
  if (/\b[A-Z][A-Za-z]*Error:/.test(text) || /^Error:/m.test(text))
    problems.push("prefisso di un errore JavaScript");
  if (/errore interno/i.test(text)) problems.push("errore interno invece di un messaggio sul file");
  if (!ITALIAN.test(text)) problems.push("messaggio non in italiano");
  if (!text.includes(fileName)) problems.push(`il messaggio non nomina il file ${fileName}`);
  if (hint && !hint.test(text)) problems.push(`il messaggio non dice ${hint}`);
  return problems;
}

/** Problems of any run, whatever its outcome: limits, prototypes, crash signals. */
export function runProblems(run: CliRun): string[] {
  const p: string[] = [];
  if (run.killedFor) p.push(`ucciso: ${run.killedFor}`);
  if (run.signal) p.push(`terminato dal segnale ${run.signal}`);
  // Wall time over the limit counts unless the program's own CPU time fits in it: on a shared CI
  // machine a run may wait for a core, which is not the program's doing.
  if (run.wallMs > LIMIT_MS && run.cpuMs > LIMIT_MS)
    p.push(`tempo ${Math.round(run.wallMs)} ms (CPU ${Math.round(run.cpuMs)} ms) > ${LIMIT_MS} ms`);
  if (run.peakRssKb > LIMIT_RSS_KB)
    p.push(`memoria di picco ${run.peakRssKb} KiB > ${LIMIT_RSS_KB} KiB`);
  if (!run.proto) p.push("nessun rapporto sui prototipi (il processo non è uscito normalmente)");
  else {
    const changes = [...run.proto.added, ...run.proto.removed, ...run.proto.changed];
    if (changes.length) p.push(`prototipi modificati: ${changes.join(", ")}`);
  }
  if (/^\s+at /m.test(run.stderr)) p.push("traccia dello stack su stderr");
  if (/errore interno/i.test(run.stderr))
    p.push(`errore interno: ${run.stderr.trim().slice(0, 300)}`);
  return p;
}

export function describeRun(run: CliRun): string {
  return `peg ${run.args.map((a) => (a.length > 60 ? `${a.slice(0, 60)}…` : a)).join(" ")} -> exit ${run.code}, ${Math.round(run.wallMs)} ms (CPU ${Math.round(run.cpuMs)} ms), ${Math.round(run.peakRssKb / 1024)} MiB; stderr: ${run.stderr.trim().slice(0, 400)}`;
}
