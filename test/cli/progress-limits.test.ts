/**
 * Issue 14, point 8: long work shows progress (a bar on stderr only when stderr is a terminal), and
 * a sheet too big to structure in time is refused with the limit stated, nothing written.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/run";
import { bufferIo } from "../../src/cli/io";
import { progressLine } from "../../src/cli/progress";
import { MAX_SHEET_ROWS, MAX_WRITTEN_INDICATORS } from "../../src/core/limits";

const FIXTURES = path.join(__dirname, "..", "fixtures");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "peg-progress-"));
  fs.copyFileSync(path.join(FIXTURES, "seed-000", "input.txt"), path.join(dir, "piano.txt"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("progress bar", () => {
  it("draws a bar with the percentage and the step", () => {
    expect(progressLine(0.4, "Lettura…")).toBe(
      `[${"█".repeat(10)}${"░".repeat(14)}]  40 % Lettura…`
    );
    expect(progressLine(2, "x")).toMatch(/^\[█{24}\] 100 % x$/);
  });

  it("on a terminal: redrawn in place on stderr while structuring, cleared before the output", async () => {
    const io = Object.assign(bufferIo(dir), { tty: true });
    expect(await run(["structure", "piano.txt", "--out", "piano-out.xlsx"], io)).toBe(0);
    const frames = io.stderr.split("\r\x1b[2K").filter(Boolean);
    expect(frames.length).toBeGreaterThanOrEqual(3);
    expect(frames[0]).toBe(`[${"░".repeat(24)}]   0 % Lettura di piano.txt…`);
    expect(frames).toContainEqual(
      expect.stringMatching(/ 40 % Lettura di obiettivi e indicatori…$/)
    );
    expect(frames).toContainEqual(expect.stringMatching(/ 60 % Scrittura di piano-out\.xlsx…$/));
    // Cleared at the end: the last thing on stderr is the erase sequence.
    expect(io.stderr.endsWith("\r\x1b[2K")).toBe(true);
    expect(io.stdout).toMatch(/^File letti: piano\.txt/);
  });

  it("not a terminal (a pipe, a file): nothing but the command's own messages", async () => {
    for (const args of [
      ["structure", "piano.txt", "--out", "piano-out2.xlsx"],
      ["audit", "piano.txt"],
      ["summary", "piano.txt", "--out", "piano.html"],
    ]) {
      const io = bufferIo(dir);
      await run(args, io);
      expect({ args, stderr: io.stderr }).toEqual({ args, stderr: "" });
    }
  });

  it("a refusal on a terminal clears the bar before the message", async () => {
    fs.writeFileSync(path.join(dir, "rubrica.tsv"), "Nome\tTelefono\nRossi\t061234\n");
    const io = Object.assign(bufferIo(dir), { tty: true });
    expect(await run(["structure", "rubrica.tsv"], io)).toBe(2);
    expect(io.stderr).toContain(
      '\r\x1b[2Kpeg: Nel file "rubrica.tsv" non è stato letto nessun piano'
    );
  });
});

describe("limits: a refusal stating the limit, nothing written", () => {
  it(`a sheet of more than ${MAX_SHEET_ROWS} filled rows is refused before the analysis`, async () => {
    const rows = ["Obiettivo\tIndicatore\tTarget"];
    for (let i = 0; i <= MAX_SHEET_ROWS; i++) rows.push(`Ob ${i}\tn. pratiche ${i}\t>= 3`);
    fs.writeFileSync(path.join(dir, "enorme.tsv"), rows.join("\n"));
    for (const args of [
      ["structure", "enorme.tsv", "--out", "enorme-out.xlsx"],
      ["audit", "enorme.tsv"],
      ["summary", "enorme.tsv", "--out", "enorme.docx"],
    ]) {
      const io = bufferIo(dir);
      expect(await run(args, io)).toBe(2);
      expect(io.stderr).toBe(
        `peg: Il foglio "enorme.tsv" ha 50.002 righe compilate: il limite è 50.000 righe per foglio. ` +
          `Togli le righe che non fanno parte del piano (dati incollati, elenchi) o dividi il foglio ` +
          `in più file, poi riprova. Nessun file è stato scritto.\n`
      );
    }
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("enorme") && f !== "enorme.tsv")).toEqual(
      []
    );
  });

  it(`a structured workbook is written for at most ${MAX_WRITTEN_INDICATORS} indicators`, async () => {
    const rows = ["Codice obiettivo\tObiettivo operativo\tIndicatore\tTarget\tPeso\tConsuntivo"];
    for (let i = 0; i <= MAX_WRITTEN_INDICATORS; i++) {
      const ob = Math.floor(i / 4) + 1;
      rows.push(`OB.${ob}\tObiettivo numero ${ob}\tn. pratiche ${i}\t>= 10\t25%\t${i % 20}`);
    }
    fs.writeFileSync(path.join(dir, "grande.tsv"), rows.join("\n"));
    const io = bufferIo(dir);
    expect(await run(["structure", "grande.tsv", "--out", "grande-out.xlsx"], io)).toBe(2);
    expect(io.stderr).toMatch(
      /^peg: Nel piano sono stati letti 10\.001 indicatori: la cartella strutturata si scrive fino a 10\.000 indicatori\..*Nessun file è stato scritto\.\n$/
    );
    expect(fs.existsSync(path.join(dir, "grande-out.xlsx"))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes("grande-out"))).toEqual([]);
  }, 60_000);
});
