// Benchmark section "righe" (issue 14): a sheet of 200,000 rows through the built `peg` command,
// with its wall time and peak memory, against the promise of 20 s and 1.5 GB for either the
// structured workbook or a clear Italian refusal stating the limit (src/core/limits.ts). Also the
// largest plan that is still structured (MAX_WRITTEN_INDICATORS indicators) with `--out`.
import { spawn } from "child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import ExcelJS from "exceljs";
import { MAX_SHEET_ROWS, MAX_WRITTEN_INDICATORS } from "../../src/core/limits";

const ROOT = resolve(__dirname, "..");
const CLI = join(ROOT, "dist", "cli", "peg.cjs");
const LIMIT_MS = 20_000;
const LIMIT_MB = 1536;

type Kind = "plan" | "data";

/** A plan matrix of `rows` indicator rows ("plan"), or a small plan with pasted data under it. */
async function writeSheet(file: string, kind: Kind, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet("Piano");
  ws.addRow(["PIANO DELLA PERFORMANCE 2025 - Comune di Prova"]).commit();
  const head = ["Settore", "Codice obiettivo", "Obiettivo operativo", "Indicatore", "Target"];
  ws.addRow([...head, "Peso", "Consuntivo"]).commit();
  const planRows = kind === "plan" ? rows : 20;
  for (let i = 0; i < planRows; i++) {
    const ob = Math.floor(i / 4) + 1;
    ws.addRow([
      `Settore ${(ob % 20) + 1}`,
      `OB.${ob}`,
      `Obiettivo operativo numero ${ob}`,
      `n. pratiche evase ${i}`,
      `>= ${10 + (i % 90)}`,
      "25%",
      String(5 + (i % 100)),
    ]).commit();
  }
  if (kind === "data")
    for (let i = 0; i < rows; i++)
      ws.addRow([i + 1, `Voce ${i % 997}`, i * 1.5, i % 2 === 0 ? "SI" : "NO"]).commit();
  await wb.commit();
}

interface Run {
  code: number | null;
  ms: number;
  peakMb: number;
  stderr: string;
}

/** The built CLI as a child; its peak RSS from process.resourceUsage() written on exit. */
function runCli(args: string[], cwd: string): Promise<Run> {
  const report = join(cwd, `rss-${Date.now()}.txt`);
  const preload = join(cwd, "rss.cjs");
  writeFileSync(
    preload,
    `process.on("exit",()=>{require("fs").writeFileSync(${JSON.stringify(report)},String(process.resourceUsage().maxRSS))})`
  );
  const t0 = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--require", preload, CLI, ...args], {
      cwd,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.on("close", (code) => {
      const ms = performance.now() - t0;
      const kb = existsSync(report) ? Number(readFileSync(report, "utf8")) : NaN;
      done({ code, ms, peakMb: kb / 1024, stderr: stderr.trim() });
    });
  });
}

function verdict(r: Run): string {
  const ok = r.ms <= LIMIT_MS && r.peakMb <= LIMIT_MB;
  return ok ? "entro 20 s e 1,5 GB" : "OLTRE 20 s o 1,5 GB";
}

export async function run(): Promise<void> {
  if (!existsSync(CLI)) {
    console.log("[righe] manca dist/cli/peg.cjs: esegui prima npm run build:cli");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "peg-bench-rows-"));
  try {
    const cases: [string, Kind, number, string][] = [
      ["piano di 200.000 righe", "plan", 200_000, "piano200k.xlsx"],
      ["piano con 200.000 righe di dati incollate", "data", 200_000, "dati200k.xlsx"],
      [
        `piano di ${MAX_WRITTEN_INDICATORS.toLocaleString("it-IT")} indicatori (il massimo strutturato)`,
        "plan",
        MAX_WRITTEN_INDICATORS,
        "piano10k.xlsx",
      ],
    ];
    for (const [label, kind, rows, name] of cases) {
      await writeSheet(join(dir, name), kind, rows);
      const out = name.replace(".xlsx", "-strutturato.xlsx");
      const r = await runCli(["structure", name, "--out", out], dir);
      const written = existsSync(join(dir, out));
      const leftovers = readdirSync(dir).filter((f) => f.includes(".tmp") || f.startsWith("."));
      const outcome =
        r.code === 0 && written
          ? "cartella strutturata scritta"
          : `rifiuto (exit ${r.code}${written ? ", MA IL FILE C'È" : ", nessun file"}): ${r.stderr.replace(/^peg: /, "").slice(0, 110)}…`;
      console.log(
        `[righe] ${label}: ${(r.ms / 1000).toFixed(1)} s, picco ${r.peakMb.toFixed(0)} MB, ` +
          `${verdict(r)}; ${outcome}${leftovers.length ? ` (file temporanei rimasti: ${leftovers.join(", ")})` : ""}`
      );
    }
    console.log(
      `[righe] limiti: ${MAX_SHEET_ROWS.toLocaleString("it-IT")} righe compilate per foglio, ` +
        `${MAX_WRITTEN_INDICATORS.toLocaleString("it-IT")} indicatori per la cartella strutturata`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
