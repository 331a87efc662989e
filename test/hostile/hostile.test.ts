/**
 * Issue 7: hostile and broken input breaks nothing and leaks nothing. For every generated case:
 *  - in process (readXlsxGrids / textToGrid -> analyzeWorkbook): a model that passes the schema or a
 *    PegInputError, never another exception; built-in prototypes unchanged;
 *  - through the CLI as a child process: exit 0 with a valid model, or exit 2 with an Italian
 *    message naming the file (no stack trace, no JS error type); within 10 s and 1 GB peak memory;
 *    prototypes unchanged; the input byte-identical afterwards; nothing written when refused;
 *  - where the file is readable, every output (structure --out, summary .xlsx/.html/.docx) is
 *    reopened: no formula, field code or live markup made from input text.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync,
  linkSync,
  symlinkSync,
} from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { readXlsxGrids } from "../../src/xlsx/read";
import { textToGrid } from "../../src/core/textgrid";
import { analyzeWorkbook } from "../../src/core/pipeline";
import { isPegInputError } from "../../src/core/errors";
import { PegModelSchema, type PegModel } from "../../src/core/model";
import { decodeText, sourceKind } from "../../src/cli/sources";
import type { Grid } from "../../src/core/grid";
import { FORMULA_PAYLOADS, HOSTILE_CASES, type HostileCase } from "./generators";
import {
  buildCli,
  type CliRun,
  describeRun,
  HAS_GNU_TIME,
  refusalProblems,
  removeCli,
  runCli,
  runProblems,
  sha256,
} from "./harness";
import { checkDocx, checkHtml, checkXlsx, literalHits, type OutputCheck } from "./outputs";
import { protoSnapshot, protoChanges } from "./proto";

jest.setTimeout(240_000);

let work: string;
let bundle: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "peg-hostile-"));
  bundle = buildCli();
  if (!HAS_GNU_TIME)
    console.warn("hostile: /usr/bin/time assente, memoria misurata con process.resourceUsage");
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  if (bundle) removeCli(bundle);
});

test("at least 30 hostile cases, each with a distinct id and file", () => {
  expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(30);
  expect(new Set(HOSTILE_CASES.map((c) => c.id)).size).toBe(HOSTILE_CASES.length);
});

/** Every string anywhere in the model. */
function modelStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) modelStrings(x, out);
  else if (v && typeof v === "object") for (const x of Object.values(v)) modelStrings(x, out);
  return out;
}

/** Model problems on an exit-0 run of `structure --json`. */
function modelProblems(
  c: HostileCase,
  run: CliRun
): { problems: string[]; model: PegModel | null } {
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    return {
      problems: [`structure --json: stdout non è JSON (${run.stdout.slice(0, 120)})`],
      model: null,
    };
  }
  const parsed = PegModelSchema.safeParse(json);
  if (!parsed.success)
    return {
      problems: [
        `structure --json: il modello non rispetta lo schema: ${parsed.error.message.slice(0, 300)}`,
      ],
      model: null,
    };
  const model = parsed.data;
  const problems: string[] = [];
  for (const s of c.sheets ?? [])
    if (!model.source.sheets.includes(s))
      problems.push(`source.sheets non elenca il foglio "${s}"`);
  if (
    c.planned &&
    (model.operationalObjectives.length + model.strategicObjectives.length === 0 ||
      model.indicators.length === 0)
  )
    problems.push(
      "il piano del caso non è stato riconosciuto (nessun obiettivo o indicatore): le verifiche sulle uscite non proverebbero nulla"
    );
  if (/\uFFFD/.test(run.stdout) && c.id === "txt-windows-1252")
    problems.push("testo windows-1252 decodificato male (U+FFFD)");
  return { problems, model };
}

/** In process: the reader and the pipeline either work or throw a PegInputError. */
async function inProcessProblems(c: HostileCase, bytes: Buffer): Promise<string[]> {
  const problems: string[] = [];
  const before = protoSnapshot();
  try {
    const kind = sourceKind(c.fileName);
    let grids: Grid[];
    if (kind === "xlsx") grids = await readXlsxGrids(new Uint8Array(bytes), c.fileName);
    else grids = [textToGrid(decodeText(new Uint8Array(bytes)), c.fileName, { format: kind })];
    const model = analyzeWorkbook(grids, { files: [c.fileName] });
    const parsed = PegModelSchema.safeParse(JSON.parse(JSON.stringify(model)));
    if (!parsed.success)
      problems.push(
        `in processo: il modello non rispetta lo schema: ${parsed.error.message.slice(0, 300)}`
      );
    if (c.expect === "reject") problems.push("in processo: letto un file che va rifiutato");
  } catch (e) {
    if (!isPegInputError(e))
      problems.push(
        `in processo: eccezione non gestita ${(e as Error)?.name}: ${String((e as Error)?.message).slice(0, 200)}`
      );
    else {
      if (c.expect === "ok")
        problems.push(`in processo: rifiutato un file leggibile: ${e.message}`);
      if (!e.message.includes(c.fileName))
        problems.push(`in processo: il messaggio non nomina il file: ${e.message}`);
    }
  }
  const changes = protoChanges(before);
  if (changes.length) problems.push(`in processo: prototipi modificati: ${changes.join(", ")}`);
  return problems;
}

interface OutputSpec {
  args: (input: string, out: string) => string[];
  out: string;
  check: (file: string) => Promise<OutputCheck> | OutputCheck;
}

const OUTPUTS: OutputSpec[] = [
  { out: "struttura.xlsx", args: (i, o) => ["structure", i, "--out", o], check: checkXlsx },
  { out: "sintesi.xlsx", args: (i, o) => ["summary", i, "--out", o], check: checkXlsx },
  { out: "sintesi.html", args: (i, o) => ["summary", i, "--out", o], check: checkHtml },
  { out: "sintesi.docx", args: (i, o) => ["summary", i, "--out", o], check: checkDocx },
];

describe.each(HOSTILE_CASES.map((c) => [c.id, c] as const))("hostile case %s", (_id, c) => {
  test(`${c.description}: ${c.expect}`, async () => {
    const dir = path.join(work, c.id);
    const outDir = path.join(dir, "out");
    mkdirSync(outDir, { recursive: true });
    const input = path.join(dir, c.fileName);
    const bytes = Buffer.from(await c.generate());
    writeFileSync(input, bytes);
    const hash = sha256(input);
    const problems: string[] = [];
    const note = (where: string, list: string[]) =>
      problems.push(...list.map((p) => `${where}: ${p}`));

    // 1. Read through the CLI: the verdict every other step follows.
    const read = await runCli(bundle, ["structure", c.fileName, "--json"], dir);
    note(describeRun(read), runProblems(read));
    let readable: boolean;
    let model: PegModel | null = null;
    if (read.code === 0) {
      readable = true;
      const m = modelProblems(c, read);
      model = m.model;
      note("structure --json", m.problems);
      if (c.expect === "reject") problems.push(`structure --json: exit 0 su un file da rifiutare`);
    } else {
      readable = false;
      if (read.code !== 2) problems.push(`structure --json: exit ${read.code}, atteso 0 o 2`);
      note(
        "structure --json (rifiuto)",
        refusalProblems(read, c.fileName, c.expect === "reject" ? c.messageHint : undefined)
      );
      if (c.expect === "ok")
        problems.push(`structure --json: rifiutato un file leggibile: ${read.stderr.trim()}`);
    }

    // 2. In process, unless the child already blew a limit (then the jest worker would too).
    if (!read.killedFor && read.peakRssKb < 1024 * 1024)
      problems.push(...(await inProcessProblems(c, bytes)));

    // 3. audit agrees with structure.
    const audit = await runCli(bundle, ["audit", c.fileName, "--json"], dir);
    note(describeRun(audit), runProblems(audit));
    if (readable && audit.code !== 0 && audit.code !== 1)
      problems.push(
        `audit: exit ${audit.code} su un file letto da structure (${audit.stderr.trim().slice(0, 200)})`
      );
    if (!readable && audit.code !== 2)
      problems.push(`audit: exit ${audit.code} su un file rifiutato da structure`);

    // 4. Outputs: written and literal when readable; absent when refused.
    const specs = c.depth === "full" ? OUTPUTS : [];
    const payloadsInModel =
      c.payloads && model
        ? c.payloads
            .map((p) => p.trim())
            .filter((p) => modelStrings(model).some((s) => s.includes(p)))
        : [];
    if (c.payloads && model) {
      if (payloadsInModel.length === 0)
        problems.push(
          "nessun testo ostile è arrivato nel modello: le verifiche sulle uscite non proverebbero nulla"
        );
    }
    for (const spec of specs) {
      const outFile = path.join(outDir, spec.out);
      const run = await runCli(bundle, spec.args(c.fileName, path.relative(dir, outFile)), dir);
      note(describeRun(run), runProblems(run));
      if (!readable) {
        if (run.code !== 2)
          problems.push(
            `${spec.args("F", spec.out).join(" ")}: exit ${run.code} su un file rifiutato`
          );
        if (existsSync(outFile)) problems.push(`${spec.out}: scritto nonostante il rifiuto`);
        continue;
      }
      if (run.code !== 0) {
        problems.push(
          `${spec.args("F", spec.out).join(" ")}: exit ${run.code} su un file letto (${run.stderr.trim().slice(0, 300)})`
        );
        if (run.code === 2) note(spec.out, refusalProblems(run, c.fileName));
        continue;
      }
      if (!existsSync(outFile)) {
        problems.push(`${spec.out}: exit 0 ma il file non c'è`);
        continue;
      }
      const check = await spec.check(outFile);
      note(spec.out, check.problems);
      if (payloadsInModel.length) {
        const hits = literalHits(check.texts, payloadsInModel);
        if (hits.length === 0)
          problems.push(
            `${spec.out}: nessuno dei testi ostili del modello compare come testo letterale`
          );
      }
      if (spec.out === "struttura.xlsx" && model && c.payloads) {
        // Every indicator name/target and objective title that carries a payload is written as is.
        const fields = [
          ...model.indicators.flatMap((i) => [i.name, i.target ?? ""]),
          ...model.operationalObjectives.map((o) => o.title),
        ].filter((f) => c.payloads!.some((p) => p.trim() && f.includes(p.trim())));
        const texts = new Set(check.texts.map((t) => t.trim()));
        const missing = fields.filter((f) => !texts.has(f.trim()) && !texts.has(`'${f.trim()}`));
        if (missing.length)
          problems.push(
            `struttura.xlsx: testi del modello non scritti alla lettera: ${missing
              .slice(0, 5)
              .map((m) => JSON.stringify(m))
              .join(", ")}`
          );
      }
    }
    // No temp files left behind by the atomic writes.
    const leftovers = readdirSync(outDir).filter((f) => !OUTPUTS.some((o) => o.out === f));
    if (leftovers.length) problems.push(`file temporanei rimasti: ${leftovers.join(", ")}`);
    for (const p of c.mustNotCreate ?? [])
      if (existsSync(p)) problems.push(`creato ${p} (percorso nello zip)`);

    // 5. The input is untouched.
    if (sha256(input) !== hash) problems.push("il file di ingresso è cambiato");
    expect(problems).toEqual([]);
  });
});

describe("outputs never overwrite an input", () => {
  test("--out naming the input, a symlink to it or a hard link to it is refused and the input is unchanged", async () => {
    const dir = path.join(work, "out-is-input");
    mkdirSync(dir, { recursive: true });
    const c = HOSTILE_CASES.find((k) => k.id === "csv-bom-semicolon")!;
    const input = path.join(dir, c.fileName);
    writeFileSync(input, Buffer.from(await c.generate()));
    symlinkSync(input, path.join(dir, "link.html"));
    linkSync(input, path.join(dir, "hard.xlsx"));
    const hash = sha256(input);
    const problems: string[] = [];
    const attempts = [
      ["structure", c.fileName, "--out", c.fileName],
      ["summary", c.fileName, "--out", "link.html"],
      ["structure", c.fileName, "--out", "hard.xlsx"],
      ["summary", c.fileName, "--out", `./${c.fileName}`],
    ];
    for (const args of attempts) {
      const run = await runCli(bundle, args, dir);
      problems.push(...runProblems(run).map((p) => `${describeRun(run)}: ${p}`));
      if (run.code !== 2) problems.push(`${args.join(" ")}: exit ${run.code}, atteso 2`);
      problems.push(
        ...refusalProblems(run, args[3].replace("./", "")).map((p) => `${args.join(" ")}: ${p}`)
      );
    }
    if (sha256(input) !== hash) problems.push("il file di ingresso è cambiato");
    expect(problems).toEqual([]);
  });
});

describe("peg target on hostile text", () => {
  const long = (s: string) => s.repeat(Math.ceil(32767 / s.length)).slice(0, 32767);
  const texts = [
    long("1) almeno 100 pasti "),
    long(" ") + "x",
    long("=>"),
    long("1.000,"),
    long("entro il 3"),
    "__proto__",
    "constructor",
    '{"__proto__":{"polluted":true}}',
    ...FORMULA_PAYLOADS,
    "NaN",
    "Infinity",
    "1e309",
    "Entro il 31/02/2025",
  ];
  test.each(
    texts.map(
      (t, i) =>
        [
          i,
          t.length > 40 ? `${t.slice(0, 30)}… (${t.length} caratteri)` : JSON.stringify(t),
          t,
        ] as const
    )
  )("target #%i %s", async (_i, _label, text) => {
    const dir = path.join(work, "target");
    mkdirSync(dir, { recursive: true });
    const run = await runCli(bundle, ["target", text, "--actual", text.slice(0, 5000)], dir);
    const problems = runProblems(run);
    if (run.code === 0) {
      try {
        const r = JSON.parse(run.stdout) as { rule?: unknown; status?: unknown };
        if (!r.rule || typeof r.status !== "string")
          problems.push(`uscita senza rule/status: ${run.stdout.slice(0, 200)}`);
      } catch {
        problems.push(`uscita non JSON: ${run.stdout.slice(0, 200)}`);
      }
    } else if (run.code === 2)
      problems.push(...refusalProblems(run, "").filter((p) => !p.includes("non nomina il file")));
    else problems.push(`exit ${run.code}`);
    expect(problems.map((p) => `${describeRun(run)}: ${p}`)).toEqual([]);
  });

  test("--batch with hostile rows prints one JSON object per row", async () => {
    const dir = path.join(work, "target-batch");
    mkdirSync(dir, { recursive: true });
    const rows = ["target\tactual\tbaseline\tyear\tas_of\t__proto__"];
    const values = [
      ...FORMULA_PAYLOADS.map((p) => p.replace(/[\t\r]/g, " ")),
      "__proto__",
      "constructor",
      "NaN",
      "Infinity",
      "1e309",
      "x".repeat(32767),
    ];
    for (const v of values) rows.push([v, v, v, "", "", "__proto__"].join("\t"));
    writeFileSync(path.join(dir, "batch.tsv"), rows.join("\n") + "\n");
    const hash = sha256(path.join(dir, "batch.tsv"));
    const run = await runCli(bundle, ["target", "--batch", "batch.tsv"], dir);
    const problems = runProblems(run);
    if (run.code === 0) {
      const lines = run.stdout.split("\n").filter((l) => l.trim());
      if (lines.length !== values.length)
        problems.push(`${lines.length} righe di uscita per ${values.length} righe di ingresso`);
      for (const l of lines) {
        try {
          JSON.parse(l);
        } catch {
          problems.push(`riga non JSON: ${l.slice(0, 120)}`);
        }
      }
    } else problems.push(`exit ${run.code}, atteso 0 (anni e date vuoti sono validi)`);
    if (sha256(path.join(dir, "batch.tsv")) !== hash) problems.push("batch.tsv è cambiato");
    expect(problems.map((p) => `${describeRun(run)}: ${p}`)).toEqual([]);
  });
});
