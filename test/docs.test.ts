/**
 * docs/ is the outside of the product: it stays in step with the code. Every finding code, custom
 * function, settings field and structured sheet the code has is described there, and every
 * `docs/…` path the code cites exists.
 */
import * as fs from "fs";
import * as path from "path";
import { FINDING_CODES } from "../src/core/model";
import { SettingsSchema } from "../src/core/settings";
import { STRUCTURED_SHEET_NAMES } from "../src/core/structured";
import { WEIGHT_VERDICT_TEXT } from "../src/core/weights";

const ROOT = path.join(__dirname, "..");
const doc = (name: string) => fs.readFileSync(path.join(ROOT, "docs", name), "utf8");

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe("docs/ is in step with the code", () => {
  it("findings.md describes every finding code", () => {
    const text = doc("findings.md");
    expect(FINDING_CODES.filter((c) => !text.includes(`\`${c}\``))).toEqual([]);
  });

  it("functions.md names every custom function, in Italian and English", () => {
    const text = doc("functions.md");
    const meta = JSON.parse(
      fs.readFileSync(path.join(ROOT, "src", "functions", "functions-it.json"), "utf8")
    ) as { functions: { id: string; name: string }[] };
    const missing = meta.functions.filter(
      (f) => !text.includes(`PEG.${f.name}(`) || !text.includes(`PEG.${f.id}\``)
    );
    expect(missing.map((f) => f.id)).toEqual([]);
  });

  it("cli.md lists every settings field", () => {
    const text = doc("cli.md");
    expect(Object.keys(SettingsSchema.shape).filter((k) => !text.includes(`\`${k}\``))).toEqual([]);
  });

  it("sheets.md names every structured sheet, weights.md every Pesi verdict", () => {
    const sheets = doc("sheets.md");
    expect(STRUCTURED_SHEET_NAMES.filter((n) => !sheets.includes(`\`${n}\``))).toEqual([]);
    const weights = doc("weights.md");
    expect(Object.values(WEIGHT_VERDICT_TEXT).filter((w) => !weights.includes(`\`${w}\``))).toEqual(
      []
    );
  });

  it("every docs/ path cited in src and test exists, and nothing cites CONTRACT", () => {
    const cited = new Set<string>();
    const contract: string[] = [];
    for (const f of [
      ...filesUnder(path.join(ROOT, "src")),
      ...filesUnder(path.join(ROOT, "test")),
    ]) {
      const text = fs.readFileSync(f, "utf8");
      const rel = path.relative(ROOT, f);
      for (const m of text.matchAll(/\bdocs\/[\w-]+\.md\b/g)) cited.add(m[0]);
      if (/\bCONTRACT\b/.test(text) && rel !== path.join("test", "docs.test.ts"))
        contract.push(rel);
    }
    expect([...cited].filter((p) => !fs.existsSync(path.join(ROOT, p)))).toEqual([]);
    expect(contract).toEqual([]);
  });
});
