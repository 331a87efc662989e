/**
 * The built `peg` command run as a child process: exit codes, Italian one-line errors, no stack
 * traces, input files byte-identical afterwards.
 */
import { execFileSync, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { odsBytes, ole2Bytes, randomBytes, xlsxBytes, zipBomb } from "./hostile";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "peg.cjs");
const FIXTURES = path.join(ROOT, "test", "fixtures");
let dir: string;

function peg(args: string[], cwd = dir): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 30000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function sha(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** An Italian one-line error: starts with "peg:", one line, no stack frames. */
function expectCleanError(stderr: string): void {
  expect(stderr.startsWith("peg: ")).toBe(true);
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |Error:|TypeError|node_modules/);
}

beforeAll(() => {
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "pipe" });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "peg-cli-"));
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("peg: usage", () => {
  it("prints Italian help with exit 0, English with --lang en", () => {
    const it1 = peg(["--help"]);
    expect(it1.code).toBe(0);
    expect(it1.stdout).toMatch(/Uso:/);
    expect(it1.stdout).toMatch(/peg target --batch FILE\.tsv/);
    const en = peg(["--help", "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/Usage:/);
    const sub = peg(["audit", "--help"]);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/peg audit FILE/);
  });

  it("refuses an unknown command or option with exit 2 and one Italian line", () => {
    const a = peg(["frobnicate"]);
    expect(a.code).toBe(2);
    expectCleanError(a.stderr);
    expect(a.stderr).toMatch(/comando sconosciuto "frobnicate"/);
    const b = peg(["structure", "--nonesiste", "x.xlsx"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/opzione sconosciuta: --nonesiste/);
    const c = peg(["structure"]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/manca il file/);
  });
});

describe("peg: bad input files", () => {
  const cases: [string, () => Promise<Buffer> | Buffer, RegExp][] = [
    ["vecchio.xls", () => ole2Bytes(), /salva il file come \.xlsx/],
    ["protetto.xlsx", () => ole2Bytes(), /senza password/],
    ["calc.xlsx", () => odsBytes(), /salvalo come \.xlsx/],
    ["calc.ods", () => odsBytes(), /salvalo come \.xlsx/],
    ["rumore.xlsx", () => randomBytes(20000), /danneggiato o incompleto/],
    ["vuoto.xlsx", () => Buffer.alloc(0), /il file è vuoto/],
    ["vuoto.tsv", () => Buffer.alloc(0), /il file è vuoto/],
    ["binario.txt", () => randomBytes(5000).fill(0, 10, 20), /non è un file di testo/],
    ["piano.pdf", () => Buffer.from("%PDF-1.4"), /formato non supportato/],
    [
      "tagliato.xlsx",
      async () => {
        const full = await xlsxBytes((wb) => {
          const ws = wb.addWorksheet("Scheda 1");
          for (let r = 1; r <= 200; r++) ws.getRow(r).values = [`Obiettivo ${r}`, r, "Almeno 3"];
        });
        return full.subarray(0, Math.floor(full.length * 0.6));
      },
      /danneggiato o incompleto/,
    ],
    ["bomba.xlsx", () => zipBomb(600), /sicurezza.*(zip bomb|decompresso)|decompresso/],
  ];

  it.each(cases)(
    "%s: exit 2, Italian message naming the file, input unchanged",
    async (name, make, message) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, await make());
      const before = sha(file);
      for (const cmd of [["structure", "--json"], ["audit"]]) {
        const r = peg([cmd[0], name, ...cmd.slice(1)]);
        expect(r.code).toBe(2);
        expectCleanError(r.stderr);
        expect(r.stderr).toContain(`"${name}"`);
        expect(r.stderr).toMatch(message);
        expect(r.stdout).toBe("");
      }
      expect(sha(file)).toBe(before);
    }
  );

  it("a missing file: exit 2 naming it", () => {
    const r = peg(["audit", "non-esiste.xlsx"]);
    expect(r.code).toBe(2);
    expectCleanError(r.stderr);
    expect(r.stderr).toMatch(/"non-esiste\.xlsx" non esiste/);
  });

  it("invalid peg.config.json beside the file: exit 2 naming it", () => {
    const sub = fs.mkdtempSync(path.join(dir, "cfg-"));
    fs.writeFileSync(path.join(sub, "piano.tsv"), "Obiettivo\tTarget\nUno\t>=2\n");
    fs.writeFileSync(path.join(sub, "peg.config.json"), "{ year: 2025 ");
    const r = peg(["audit", "piano.tsv"], sub);
    expect(r.code).toBe(2);
    expectCleanError(r.stderr);
    expect(r.stderr).toMatch(/"peg\.config\.json" non è un JSON valido/);
    fs.writeFileSync(path.join(sub, "peg.config.json"), '{ "year": "duemila" }');
    const r2 = peg(["audit", "piano.tsv"], sub);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/year/);
    const r3 = peg(["audit", "piano.tsv", "--config", "altro.json"], sub);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/"altro\.json".*non esiste/);
    fs.writeFileSync(path.join(sub, "peg.config.json"), '{ "year": 2025 }');
    expect(peg(["audit", "piano.tsv"], sub).code).toBe(0);
  });
});

describe("peg: fixtures", () => {
  const seeds = fs
    .readdirSync(FIXTURES)
    .filter((d) => fs.existsSync(path.join(FIXTURES, d, "input.xlsx")));

  it.each(seeds)(
    "%s: structure --json and audit read both inputs; files byte-identical afterwards",
    (seed) => {
      const xlsx = path.join(FIXTURES, seed, "input.xlsx");
      const txt = path.join(FIXTURES, seed, "input.txt");
      const before = [sha(xlsx), sha(txt)];
      const s = peg(["structure", xlsx, "--json", "--as-of", "2030-01-01"]);
      expect(s.stderr).toBe("");
      expect(s.code).toBe(0);
      const model = JSON.parse(s.stdout);
      expect(model.source.files).toEqual(["input.xlsx"]);
      expect(model.source.sheets.length).toBeGreaterThan(0);
      const t = peg(["structure", txt, "--json"]);
      expect(t.code).toBe(0);
      expect(JSON.parse(t.stdout).source.sheets).toEqual(["input.txt"]);
      const a = peg(["audit", xlsx, txt]);
      expect([0, 1]).toContain(a.code);
      expect(a.stdout).toMatch(/Verifica di "input\.xlsx"/);
      expect(a.stdout).toMatch(/Verifica di "input\.txt"/);
      expect(a.stdout).toMatch(/^Totale: 2 file, /m);
      const j = peg(["audit", xlsx, "--json"]);
      expect(Array.isArray(JSON.parse(j.stdout))).toBe(true);
      const hasError = JSON.parse(j.stdout).some(
        (f: { severity: string }) => f.severity === "error"
      );
      expect(j.code).toBe(hasError ? 1 : 0);
      expect([sha(xlsx), sha(txt)]).toEqual(before);
    }
  );

  it("--out onto an input file is refused and the input stays identical", () => {
    const copy = path.join(dir, "piano-copia.xlsx");
    fs.copyFileSync(path.join(FIXTURES, "seed-004", "input.xlsx"), copy);
    const before = sha(copy);
    const r = peg(["structure", "piano-copia.xlsx", "--out", "./piano-copia.xlsx"]);
    expect(r.code).toBe(2);
    expectCleanError(r.stderr);
    expect(r.stderr).toMatch(/coincide con il file di ingresso/);
    const link = path.join(dir, "collegamento.xlsx");
    fs.symlinkSync(copy, link);
    const r2 = peg(["structure", "piano-copia.xlsx", "--out", "collegamento.xlsx"]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/coincide con il file di ingresso/);
    expect(sha(copy)).toBe(before);
  });

  it("--out writes a new workbook with the source sheets and the structured ones; twice gives the same sheets", async () => {
    const input = path.join(dir, "piano-out.xlsx");
    fs.copyFileSync(path.join(FIXTURES, "seed-004", "input.xlsx"), input);
    const before = sha(input);
    const r = peg(["structure", "piano-out.xlsx", "--out", "strutturato.xlsx", "--year", "2024"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const { readXlsxGrids } = await import("../../src/xlsx/read");
    const sourceSheets = (
      await readXlsxGrids(new Uint8Array(fs.readFileSync(input)), "piano-out.xlsx")
    ).map((g) => g.sheet);
    const out1 = (
      await readXlsxGrids(
        new Uint8Array(fs.readFileSync(path.join(dir, "strutturato.xlsx"))),
        "strutturato.xlsx"
      )
    ).map((g) => g.sheet);
    for (const s of [...sourceSheets, "Indicatori"]) expect(out1).toContain(s);
    expect(
      peg(["structure", "piano-out.xlsx", "--out", "strutturato.xlsx", "--year", "2024"]).code
    ).toBe(0);
    const out2 = (
      await readXlsxGrids(
        new Uint8Array(fs.readFileSync(path.join(dir, "strutturato.xlsx"))),
        "strutturato.xlsx"
      )
    ).map((g) => g.sheet);
    expect(out2).toEqual(out1);
    expect(sha(input)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const bad = peg(["structure", "piano-out.xlsx", "--out", "strutturato.docx"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--out deve indicare un file \.xlsx/);
  });

  it("bad --year and --as-of: exit 2 naming the value", () => {
    const xlsx = path.join(FIXTURES, "seed-004", "input.xlsx");
    const y = peg(["structure", xlsx, "--year", "20x5"]);
    expect(y.code).toBe(2);
    expect(y.stderr).toMatch(/"20x5"/);
    const d = peg(["audit", xlsx, "--as-of", "2025-02-30"]);
    expect(d.code).toBe(2);
    expectCleanError(d.stderr);
    expect(d.stderr).toMatch(/"2025-02-30"/);
  });
});

describe("peg: text sources", () => {
  it("reads a CSV with BOM and ; separators, and a Windows-1252 TSV", () => {
    const csv = path.join(dir, "piano.csv");
    fs.writeFileSync(
      csv,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from("Codice;Obiettivo;Target\n1;Qualità del servizio;>=2\n", "utf8"),
      ])
    );
    const r = peg(["structure", "piano.csv", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).source.sheets).toEqual(["piano.csv"]);
    const tsv = path.join(dir, "vecchio.tsv");
    fs.writeFileSync(tsv, Buffer.from("Obiettivo\tTarget\nAttivit\xe0\t>=2\n", "latin1"));
    const r2 = peg(["structure", "vecchio.tsv", "--json"]);
    expect(r2.code).toBe(0);
  });
});

describe("peg: a file with no plan in it (issue 14)", () => {
  it("structure, audit and summary exit 2 naming the file, pointing to peg inspect and layouts; nothing written", () => {
    const book = path.join(dir, "rubrica.tsv");
    fs.writeFileSync(book, "Nome\tIndirizzo\tTelefono\nRossi\tVia Roma 3\t0612345\n");
    const before = sha(book);
    for (const args of [
      ["structure", "rubrica.tsv", "--out", "senza-piano.xlsx"],
      ["structure", "rubrica.tsv"],
      ["audit", "rubrica.tsv"],
      ["summary", "rubrica.tsv", "--out", "senza-piano.docx"],
    ]) {
      const r = peg(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expectCleanError(r.stderr);
      expect(r.stderr).toMatch(/Nel file "rubrica\.tsv" non è stato letto nessun piano/);
      expect(r.stderr).toMatch(/peg inspect rubrica\.tsv/);
      expect(r.stderr).toMatch(/"layouts" di peg\.config\.json/);
      expect(r.stdout).not.toMatch(/0 errori/);
    }
    expect(fs.existsSync(path.join(dir, "senza-piano.xlsx"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "senza-piano.docx"))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes("senza-piano"))).toEqual([]);
    expect(sha(book)).toBe(before);
  });

  it("audit of several files: only the ones without a plan are named, on stderr", () => {
    fs.writeFileSync(path.join(dir, "note.txt"), "Verbale della seduta\nPresenti: tutti\n");
    fs.copyFileSync(path.join(FIXTURES, "seed-000", "input.txt"), path.join(dir, "piano.txt"));
    const r = peg(["audit", "piano.txt", "note.txt"]);
    expect(r.code).not.toBe(2);
    expect(r.stderr).toMatch(/attenzione: Nel file "note\.txt" non è stato letto nessun piano/);
    expect(r.stderr).not.toMatch(/piano\.txt/);
    expect(r.stdout).toMatch(/Verifica di "piano\.txt"/);
  });
});

describe("peg summary: files of different enti and years (issue 14)", () => {
  it("one section each, a warning on stderr naming the files; file names only with --con-file", () => {
    fs.copyFileSync(path.join(FIXTURES, "seed-001", "input.xlsx"), path.join(dir, "trezzo.xlsx"));
    fs.copyFileSync(path.join(FIXTURES, "seed-003", "input.xlsx"), path.join(dir, "sesto.xlsx"));
    const r = peg(["summary", "trezzo.xlsx", "sesto.xlsx", "--out", "sezioni.html"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/attenzione: i file sono di enti o anni diversi/);
    expect(r.stderr).toMatch(/trezzo\.xlsx: Città di TREZZO SULL'ADDA, 2022/);
    expect(r.stderr).toMatch(/sesto\.xlsx: Comune di SESTO CALENDE, 2025/);
    const html = fs.readFileSync(path.join(dir, "sezioni.html"), "utf8");
    expect(html).toMatch(/<h2[^>]*>Città di TREZZO SULL&#39;ADDA — anno 2022<\/h2>/);
    expect(html).toMatch(/<h2[^>]*>Comune di SESTO CALENDE — anno 2025<\/h2>/);
    expect(html).not.toMatch(/trezzo\.xlsx|sesto\.xlsx|--con-nomi|settore non indicato/);
    const named = peg(["summary", "trezzo.xlsx", "--out", "con-file.html", "--con-file"]);
    expect(named.code).toBe(0);
    expect(named.stderr).toBe("");
    expect(fs.readFileSync(path.join(dir, "con-file.html"), "utf8")).toContain("File: trezzo.xlsx");
  });
});

describe("peg target", () => {
  it("--json prints {rule, status, achievement} for one target", () => {
    const r = peg([
      "target",
      ">=15",
      "--actual",
      "12",
      "--year",
      "2025",
      "--as-of",
      "2025-12-31",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(["rule", "status", "achievement"]);
    expect(j.rule.text).toBe(">=15");
    const neg = peg(["target", "-5%", "--actual", "-4,71", "--json"]);
    expect(neg.code).toBe(0);
    expect(JSON.parse(neg.stdout).rule.text).toBe("-5%");
  });

  it("prints one Italian sentence for a person by default", () => {
    const cases: [string[], string][] = [
      [["Almeno 3", "--actual", "2"], "≥ 3: non raggiunto, grado 67 %"],
      [["Almeno 3", "--actual", "4"], "≥ 3: raggiunto, grado 100 %"],
      [[">=15"], "≥ 15: in corso (manca il consuntivo)"],
      [
        ["Entro il 30/9", "--year", "2025", "--as-of", "2025-12-31"],
        "entro 30/09/2025: scaduto senza consuntivo",
      ],
      [["ANNUALE"], '"ANNUALE": da valutare: il target non è misurabile, decide una persona'],
    ];
    for (const [args, sentence] of cases) {
      const r = peg(["target", ...args]);
      expect({ args, code: r.code, out: r.stdout }).toEqual({
        args,
        code: 0,
        out: sentence + "\n",
      });
    }
    const garbled = peg(["target", ">>"]);
    expect(garbled.code).toBe(0);
    expect(garbled.stdout).toMatch(/^">>": target non leggibile; scrivilo per esempio come/);
    expect(garbled.stdout).not.toMatch(/[{}]/);
  });

  it("usage errors: missing text, bad year, bad date, two texts", () => {
    for (const [args, msg] of [
      [["target"], /manca il testo del target/],
      [["target", "Almeno 3", "--year", "abc"], /anno non valido.*"abc"/],
      [["target", "Almeno 3", "--as-of", "31/02/2025"], /data non valida.*"31\/02\/2025"/],
      [["target", "Almeno", "3"], /troppi argomenti/],
      [["target", "x", "--actual"], /--actual richiede un valore/],
    ] as [string[], RegExp][]) {
      const r = peg(args);
      expect(r.code).toBe(2);
      expectCleanError(r.stderr);
      expect(r.stderr).toMatch(msg);
    }
  });

  it("--batch on test/fixtures/targets.tsv: one JSON object per data row, in order", () => {
    const file = path.join(FIXTURES, "targets.tsv");
    const before = sha(file);
    const r = peg(["target", "--batch", file]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    const rows = fs
      .readFileSync(file, "utf8")
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l.trim() !== "");
    expect(lines).toHaveLength(rows.length);
    lines.forEach((line, i) => {
      const j = JSON.parse(line);
      expect(Object.keys(j)).toEqual(["rule", "status", "achievement"]);
      expect(typeof j.rule.text).toBe("string");
      // Each line answers its own row, in order: the expected columns of the fixture.
      const cols = rows[i].split("\t");
      const [status, achievement] = [cols[5], cols[6] ?? ""];
      expect({ row: i + 2, status: j.status }).toEqual({ row: i + 2, status });
      if (achievement === "") expect(j.achievement).toBeNull();
      else expect(j.achievement).toBeCloseTo(Number(achievement), 2);
    });
    expect(sha(file)).toBe(before);
  });

  it("--batch: columns in any order, extra columns, bad rows named", () => {
    const f = path.join(dir, "lotto.tsv");
    fs.writeFileSync(f, "note\tas_of\ttarget\tyear\n\t\tAlmeno 3\t2025\nx\t2025-13-01\t>=2\t\n");
    const r = peg(["target", "--batch", "lotto.tsv"]);
    expect(r.code).toBe(2);
    expectCleanError(r.stderr);
    expect(r.stderr).toMatch(/riga 3.*"2025-13-01"/);
    expect(r.stdout).toBe("");
    fs.writeFileSync(f, "note\tas_of\ttarget\tyear\n\t\tAlmeno 3\t2025\nx\t2025-12-01\t>=2\t\n");
    const ok = peg(["target", "--batch", "lotto.tsv"]);
    expect(ok.code).toBe(0);
    expect(
      ok.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l).rule.text)
    ).toEqual(["Almeno 3", ">=2"]);
    fs.writeFileSync(f, "testo\tactual\n>=2\t3\n");
    const noTarget = peg(["target", "--batch", "lotto.tsv"]);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toMatch(/colonna "target"/);
  });
});
