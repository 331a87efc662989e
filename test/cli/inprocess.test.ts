/** The CLI's functions called in-process: arguments, sources, settings, safe writes, target batch. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/run";
import { bufferIo } from "../../src/cli/io";
import { parseArgs, parseAsOf, parseYear } from "../../src/cli/args";
import { decodeText, readSource, readSources, sourceKind } from "../../src/cli/sources";
import { assertNotInput, writeFileAtomic } from "../../src/cli/fs-safe";
import { loadConfig } from "../../src/cli/config";
import { evaluateOne, readBatch } from "../../src/cli/commands/target";
import { PegInputError } from "../../src/core/errors";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "peg-inproc-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof PegInputError ? e.code : "other";
  }
  return undefined;
}

describe("arguments", () => {
  const spec = {
    actual: { type: "string" as const },
    json: { type: "boolean" as const },
    out: { type: "string" as const, short: "o" },
  };

  it("a value option takes the next argument even when it starts with -", () => {
    const a = parseArgs(["-5%", "--actual", "-4,71", "--json", "-o", "x.xlsx"], spec);
    expect(a.positionals).toEqual(["-5%"]);
    expect(a.strings.get("actual")).toEqual(["-4,71"]);
    expect(a.strings.get("out")).toEqual(["x.xlsx"]);
    expect(a.flags.has("json")).toBe(true);
  });

  it("--name=value, -- ends options, unknown and repeated options are usage errors", () => {
    const a = parseArgs(["--actual=3", "--", "--json"], spec);
    expect(a.strings.get("actual")).toEqual(["3"]);
    expect(a.positionals).toEqual(["--json"]);
    expect(codeOf(() => parseArgs(["--boh"], spec))).toBe("USAGE");
    expect(codeOf(() => parseArgs(["--actual", "1", "--actual", "2"], spec))).toBe("USAGE");
    expect(codeOf(() => parseArgs(["--json=1"], spec))).toBe("USAGE");
    expect(codeOf(() => parseArgs(["--constructor"], spec))).toBe("USAGE");
    expect(codeOf(() => parseArgs(["--__proto__", "x"], spec))).toBe("USAGE");
  });

  it("years and dates are checked and normalized", () => {
    expect(parseYear("2025")).toBe(2025);
    expect(codeOf(() => parseYear("25"))).toBe("USAGE");
    expect(codeOf(() => parseYear("3025"))).toBe("USAGE");
    expect(parseAsOf("2025-12-31")).toBe("2025-12-31");
    expect(parseAsOf("30/06/2025")).toBe("2025-06-30");
    expect(parseAsOf("1.2.2025")).toBe("2025-02-01");
    expect(codeOf(() => parseAsOf("2025-02-29"))).toBe("USAGE");
    expect(codeOf(() => parseAsOf("domani"))).toBe("USAGE");
  });
});

describe("run()", () => {
  it("help, unknown command, errors as one line with exit 2", async () => {
    const io = bufferIo(dir);
    expect(await run(["--help"], io)).toBe(0);
    expect(io.stdout).toMatch(/Uso:/);
    const io2 = bufferIo(dir);
    expect(await run(["boh"], io2)).toBe(2);
    expect(io2.stderr).toMatch(/^peg: comando sconosciuto "boh"/);
    const io3 = bufferIo(dir);
    expect(await run(["audit", "manca.xlsx"], io3)).toBe(2);
    expect(io3.stderr).toBe(
      'peg: Il file "manca.xlsx" non esiste: controlla il nome e la cartella.\n'
    );
    const io4 = bufferIo(dir);
    expect(await run(["target", "--help", "--lang", "en"], io4)).toBe(0);
    expect(io4.stdout).toMatch(/Shows how a target is read/);
  });

  it("summary dispatches to runSummary", async () => {
    const io = bufferIo(dir);
    const code = await run(["summary", "x.xlsx", "--out", "y.html"], io);
    // Whatever runSummary does with a missing input, it must be a clean exit 2 line, not a crash.
    expect(code).toBe(2);
    expect(io.stderr.startsWith("peg: ")).toBe(true);
    expect(io.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("sources", () => {
  it("picks the reader by extension and refuses others in Italian", () => {
    expect(sourceKind("a.XLSX")).toBe("xlsx");
    expect(sourceKind("a.xlsm")).toBe("xlsx");
    expect(sourceKind("a.csv")).toBe("csv");
    expect(sourceKind("a.txt")).toBe("txt");
    expect(codeOf(() => sourceKind("a.xls"))).toBe("FILE_XLS");
    expect(codeOf(() => sourceKind("a.ods"))).toBe("FILE_ODS");
    expect(codeOf(() => sourceKind("a.docx"))).toBe("FILE_UNSUPPORTED");
    expect(codeOf(() => sourceKind("senza-estensione"))).toBe("FILE_UNSUPPORTED");
  });

  it("decodes UTF-8 with BOM, UTF-16 with BOM, and falls back to Windows-1252", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa0]))).toBe("aà");
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0xe0, 0x00]))).toBe("aà");
    expect(decodeText(new Uint8Array([0x50, 0x65, 0x73, 0x6f, 0x20, 0xe0, 0x20, 0x80]))).toBe(
      "Peso à €"
    );
  });

  it("reads a CSV with BOM and ; into one grid named after the file", async () => {
    const f = path.join(dir, "pesi.csv");
    fs.writeFileSync(f, '\uFEFFCodice;Indicatore;Peso\r\n1;"n. pratiche; evase";20%\r\n');
    const src = await readSource("pesi.csv", dir);
    expect(src.grids).toHaveLength(1);
    expect(src.grids[0].sheet).toBe("pesi.csv");
    expect(src.grids[0].rows).toEqual([
      ["Codice", "Indicatore", "Peso"],
      ["1", "n. pratiche; evase", "20%"],
    ]);
    expect(src.name).toBe("pesi.csv");
  });

  it("keeps sheets of several files distinct", async () => {
    fs.writeFileSync(path.join(dir, "a.tsv"), "x\ty\n");
    fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
    fs.writeFileSync(path.join(dir, "sub", "a.tsv"), "z\tw\n");
    const srcs = await readSources(["a.tsv", "sub/a.tsv"], dir);
    expect(srcs.map((s) => s.grids[0].sheet)).toEqual(["a.tsv", "a.tsv - a.tsv"]);
    const apart = await readSources(["a.tsv", "sub/a.tsv"], dir, undefined, false);
    expect(apart.map((s) => s.grids[0].sheet)).toEqual(["a.tsv", "a.tsv"]);
  });
});

describe("writeFileAtomic", () => {
  it("writes through a temp file and leaves nothing else behind", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "w-"));
    const out = path.join(sub, "uscita.xlsx");
    await writeFileAtomic(out, new Uint8Array([1, 2, 3]), []);
    expect([...fs.readFileSync(out)]).toEqual([1, 2, 3]);
    await writeFileAtomic(out, "nuovo", []);
    expect(fs.readFileSync(out, "utf8")).toBe("nuovo");
    expect(fs.readdirSync(sub)).toEqual(["uscita.xlsx"]);
  });

  it("refuses an input: same path, a symlink to it, a hard link to it", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "w-"));
    const input = path.join(sub, "piano.xlsx");
    fs.writeFileSync(input, "originale");
    fs.symlinkSync(input, path.join(sub, "link.xlsx"));
    fs.linkSync(input, path.join(sub, "hard.xlsx"));
    for (const out of [
      input,
      path.join(sub, ".", "piano.xlsx"),
      path.join(sub, "link.xlsx"),
      path.join(sub, "hard.xlsx"),
    ]) {
      await expect(writeFileAtomic(out, "x", [input])).rejects.toMatchObject({
        code: "OUTPUT_IS_INPUT",
      });
    }
    expect(fs.readFileSync(input, "utf8")).toBe("originale");
    await expect(assertNotInput(path.join(sub, "altro.xlsx"), [input])).resolves.toBeUndefined();
  });

  it("names a missing folder", async () => {
    await expect(
      writeFileAtomic(path.join(dir, "non", "c-e", "u.xlsx"), "x", [])
    ).rejects.toMatchObject({
      code: "OUTPUT_WRITE",
      message: expect.stringMatching(/la cartella .* non esiste/),
    });
  });
});

describe("settings file", () => {
  it("is found beside the first input, or given with --config; bad JSON names the file", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "c-"));
    fs.writeFileSync(path.join(sub, "piano.tsv"), "a\n");
    expect(await loadConfig(undefined, "piano.tsv", sub)).toEqual({
      path: null,
      settings: undefined,
    });
    fs.writeFileSync(path.join(sub, "peg.config.json"), '\uFEFF{ "year": 2024 }');
    const found = await loadConfig(undefined, "piano.tsv", sub);
    expect(found.settings).toEqual({ year: 2024 });
    fs.writeFileSync(path.join(sub, "mio.json"), "[1,");
    await expect(loadConfig("mio.json", "piano.tsv", sub)).rejects.toMatchObject({
      code: "CONFIG_INVALID",
      message: expect.stringMatching(/"mio\.json" non è un JSON valido/),
    });
  });
});

describe("peg target in-process", () => {
  it("reads a batch: header aliases, any order, BOM, blank lines skipped", () => {
    const rows = readBatch(
      "\uFEFFnote\tTARGET\tyear\tactual\tas_of\n\tAlmeno 3\t2025\t4\t\n\n\t>=2\t\t\t2025-06-30\n",
      "b.tsv"
    );
    expect(rows).toEqual([
      { target: "Almeno 3", actual: "4", baseline: null, year: 2025, asOf: undefined },
      { target: ">=2", actual: null, baseline: null, year: undefined, asOf: "2025-06-30" },
    ]);
  });

  it("gives the JSON keys in the contract's order", () => {
    const j = evaluateOne({ target: "Almeno 3", actual: "4", year: 2025 });
    expect(Object.keys(j)).toEqual(["rule", "status", "achievement"]);
  });

  it("matches every expected status and achievement of test/fixtures/targets.tsv", () => {
    const text = fs.readFileSync(path.join(__dirname, "..", "fixtures", "targets.tsv"), "utf8");
    const inputs = readBatch(text, "targets.tsv");
    const expected = text
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l.trim() !== "")
      .map((l) => l.split("\t"));
    expect(inputs).toHaveLength(expected.length);
    inputs.forEach((input, i) => {
      const got = evaluateOne(input);
      const [status, achievement] = [expected[i][5], expected[i][6]];
      expect({ row: i + 2, status: got.status }).toEqual({ row: i + 2, status });
      if (achievement === "" || achievement === undefined) expect(got.achievement).toBeNull();
      else expect(got.achievement).toBeCloseTo(Number(achievement), 2);
    });
  });
});
