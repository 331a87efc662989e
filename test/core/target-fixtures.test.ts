/** Every row of test/fixtures/targets.tsv gives the expected status and achievement. */
import { readFileSync } from "fs";
import { join } from "path";
import { evaluateTarget, readTarget } from "../../src/core/targets";

interface Row {
  line: number;
  target: string;
  actual: string | null;
  baseline: string | null;
  year: number | undefined;
  asOf: string | null;
  status: string;
  achievement: number | null;
}

function readRows(): Row[] {
  const text = readFileSync(join(__dirname, "..", "fixtures", "targets.tsv"), "utf8");
  const lines = text.split(/\r?\n/);
  const header = lines[0].split("\t");
  const col = (name: string): number => header.indexOf(name);
  const rows: Row[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const c = lines[i].split("\t");
    const cell = (name: string): string | null => {
      const v = c[col(name)];
      return v === undefined || v === "" ? null : v;
    };
    rows.push({
      line: i + 1,
      target: cell("target") ?? "",
      actual: cell("actual"),
      baseline: cell("baseline"),
      year: cell("year") ? Number(cell("year")) : undefined,
      asOf: cell("as_of"),
      status: cell("status") ?? "",
      achievement: cell("achievement") === null ? null : Number(cell("achievement")),
    });
  }
  return rows;
}

const rows = readRows();

describe("targets.tsv", () => {
  it("has rows", () => expect(rows.length).toBeGreaterThan(100));

  it.each(rows.map((r) => [r.line, r.target, r.actual ?? "", r]))(
    "line %i: %s | %s",
    (_line, _t, _a, r) => {
      const row = r as Row;
      const ctx = { year: row.year, asOf: row.asOf, baseline: row.baseline };
      const rule = readTarget(row.target, ctx);
      const ev = evaluateTarget(rule, row.actual, ctx);
      expect({ status: ev.status }).toEqual({ status: row.status });
      if (row.achievement === null) expect(ev.achievement).toBeNull();
      else {
        expect(ev.achievement).not.toBeNull();
        expect(Math.abs((ev.achievement as number) - row.achievement)).toBeLessThan(1e-4);
      }
    }
  );
});
