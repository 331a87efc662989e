/**
 * Hostile use of the CLI itself: outputs aimed at an input (same name, symlink, hard link) are
 * refused and the input stays byte-identical; `peg target` on 32,767-character, prototype-named
 * and formula-like texts answers within the limits, without touching any prototype.
 */
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from "fs";
import * as path from "path";
import { FORMULA_PAYLOADS, HOSTILE_CASES, validPlanXlsx } from "./generators";
import { describeRun, refusalProblems, runCli, runProblems, sha256 } from "./harness";
import { useSandbox } from "./suite";
import { checkDocx, checkHtml, checkXlsx, formulaProblem, literalHits } from "./outputs";
import { buildXlsx } from "./builders";
import JSZip from "jszip";

jest.setTimeout(240_000);

const box = useSandbox();

test("the output checkers catch what they must", () => {
  expect(formulaProblem(`HYPERLINK("#'Piano 2025'!B3";"'Piano 2025'!B3")`)).toBeNull();
  expect(formulaProblem(`HYPERLINK("#'a""&WEBSERVICE(A1)&""b'!D4","x")`)).toBeNull();
  expect(formulaProblem(`HYPERLINK("#'a"&WEBSERVICE(A1)&"b'!D4","x")`)).not.toBeNull();
  expect(formulaProblem(`HYPERLINK("http://x","y")`)).not.toBeNull();
  expect(formulaProblem(`HYPERLINK(A1,"y")`)).not.toBeNull();
  expect(formulaProblem(`PEG.ESITO([@Target];[@Consuntivo])`)).toBeNull();
  expect(formulaProblem(`SUM(C2:C9)`)).toBeNull();
  expect(formulaProblem(`1+1`)).not.toBeNull();
  expect(formulaProblem(`"=1+1"`)).toBeNull();
  expect(formulaProblem(`"abc`)).not.toBeNull();
  const dir = path.join(box.work, "checkers");
  mkdirSync(dir, { recursive: true });
  const bad = path.join(dir, "bad.html");
  writeFileSync(
    bad,
    "<html><body><p>ok</p><img src=x onerror=alert(1)><iframe></iframe></body></html>"
  );
  expect(checkHtml(bad).problems.length).toBeGreaterThanOrEqual(2);
  const good = path.join(dir, "good.html");
  writeFileSync(good, "<html><body><p>&lt;img src=x onerror=alert(1)&gt;</p></body></html>");
  expect(checkHtml(good).problems).toEqual([]);
  expect(literalHits(checkHtml(good).texts, ["<img src=x onerror=alert(1)>"])).toHaveLength(1);
});

test("the xlsx and docx checkers catch formulas and field codes made from text", async () => {
  const dir = path.join(box.work, "checkers-zip");
  mkdirSync(dir, { recursive: true });
  const xlsx = path.join(dir, "bad.xlsx");
  writeFileSync(
    xlsx,
    await buildXlsx([
      {
        name: "Indicatori",
        rows: [
          ["=1+1"],
          [{ raw: '<c r="{ref}" t="str"><f>HYPERLINK("http://x","y")</f><v>y</v></c>' }],
        ],
      },
    ])
  );
  const x = await checkXlsx(xlsx);
  expect(x.problems.some((p) => p.includes("HYPERLINK"))).toBe(true);
  expect(literalHits(x.texts, ["=1+1"])).toEqual(["=1+1"]);
  const docx = async (body: string) => {
    const z = new JSZip();
    z.file(
      "word/document.xml",
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
    );
    const f = path.join(dir, `d${Math.random().toString(36).slice(2)}.docx`);
    writeFileSync(f, await z.generateAsync({ type: "nodebuffer" }));
    return checkDocx(f);
  };
  const bad = await docx('<w:p><w:r><w:instrText> HYPERLINK "http://x" </w:instrText></w:r></w:p>');
  expect(bad.problems.length).toBeGreaterThan(0);
  const good = await docx(
    "<w:p><w:r><w:t>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</w:t></w:r></w:p>"
  );
  expect(good.problems).toEqual([]);
  expect(literalHits(good.texts, ['=HYPERLINK("http://x","y")'])).toHaveLength(1);
  const broken = await docx("<w:p><w:r><w:t>a\u0001b</w:t></w:r></w:p>");
  expect(broken.problems.some((p) => p.includes("XML non valido"))).toBe(true);
});

test("at least 30 hostile cases, each with a distinct id and file", () => {
  expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(30);
  expect(new Set(HOSTILE_CASES.map((c) => c.id)).size).toBe(HOSTILE_CASES.length);
});

describe("outputs never overwrite an input", () => {
  test("--out naming the input, a symlink to it or a hard link to it is refused and the input is unchanged", async () => {
    const dir = path.join(box.work, "out-is-input");
    mkdirSync(dir, { recursive: true });
    const input = path.join(dir, "piano.xlsx");
    writeFileSync(input, await validPlanXlsx());
    symlinkSync(input, path.join(dir, "link.xlsx"));
    linkSync(input, path.join(dir, "hard.xlsx"));
    const hash = sha256(input);
    const problems: string[] = [];
    const attempts = [
      ["structure", "piano.xlsx", "--out", "piano.xlsx"],
      ["summary", "piano.xlsx", "--out", "./piano.xlsx"],
      ["structure", "piano.xlsx", "--out", "link.xlsx"],
      ["summary", "piano.xlsx", "--out", "hard.xlsx"],
      [
        "structure",
        "piano.xlsx",
        path.join(dir, "piano.xlsx"),
        "--out",
        "../out-is-input/piano.xlsx",
      ],
    ];
    for (const args of attempts) {
      const run = await runCli(box.bundle, args, dir);
      problems.push(...runProblems(run).map((p) => `${describeRun(run)}: ${p}`));
      if (run.code !== 2) problems.push(`${args.join(" ")}: exit ${run.code}, atteso 2`);
      problems.push(...refusalProblems(run, "piano.xlsx").map((p) => `${args.join(" ")}: ${p}`));
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
    const dir = path.join(box.work, "target");
    mkdirSync(dir, { recursive: true });
    const run = await runCli(
      box.bundle,
      ["target", text, "--actual", text.slice(0, 5000), "--json"],
      dir
    );
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
    const dir = path.join(box.work, "target-batch");
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
    const run = await runCli(box.bundle, ["target", "--batch", "batch.tsv"], dir);
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
