/**
 * Issue 14: the README says Node.js 20; every package the lockfile installs must accept it, so that
 * `npm install` on Node 20 gives no engine warning (docx's nanoid is pinned to 5.x by an override in
 * package.json for this reason).
 */
import { readFileSync } from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
/** The oldest Node the README and package.json promise. */
const NODE = "20.19.0";

type Version = [number, number, number];

function parse(v: string): Version {
  const parts = v
    .replace(/^v/, "")
    .split(".")
    .map((p) => (/^\d+$/.test(p) ? Number(p) : 0));
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

function cmp(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** One comparator (`^20`, `>=18.12`, `20.x`, `<23`, `*`) against a version. */
function comparator(c: string, v: Version): boolean {
  const m = /^(\^|~|>=|<=|>|<|=)?\s*v?([\d.x*]+)$/.exec(c.trim());
  if (!m) throw new Error(`intervallo non capito: "${c}"`);
  const op = m[1] ?? "";
  const raw = m[2];
  if (raw === "*" || raw === "x") return true;
  const given = raw.split(".").filter((p) => p !== "x" && p !== "*").length;
  const t = parse(raw);
  switch (op) {
    case ">=":
      return cmp(v, t) >= 0;
    case ">":
      return cmp(v, t) > 0;
    case "<=":
      return cmp(v, t) <= 0;
    case "<":
      return cmp(v, t) < 0;
    case "^":
      return v[0] === t[0] && cmp(v, t) >= 0;
    case "~":
      return v[0] === t[0] && (given < 2 || v[1] === t[1]) && cmp(v, t) >= 0;
    default:
      // `20`, `20.x`, `=20.1.0`: equal in the parts given.
      return v.slice(0, given).every((p, i) => p === t[i]);
  }
}

/** npm's engines range: `a || b`, each a space-separated list of comparators, or `a - b`. */
export function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split("||").some((alt) => {
    const hyphen = /^\s*([\d.]+)\s+-\s+([\d.]+)\s*$/.exec(alt);
    if (hyphen) return cmp(v, parse(hyphen[1])) >= 0 && cmp(v, parse(hyphen[2])) <= 0;
    const parts = alt
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, "$1")
      .split(/\s+/)
      .filter(Boolean);
    return parts.length === 0 || parts.every((c) => comparator(c, v));
  });
}

describe("Node.js 20, as the README says", () => {
  it("reads ranges as npm does", () => {
    expect(satisfies("20.19.0", "^18 || >=20")).toBe(true);
    expect(satisfies("20.19.0", "^22 || ^24 || >=26")).toBe(false);
    expect(satisfies("20.19.0", "18 || 20 || >=22")).toBe(true);
    expect(satisfies("20.19.0", ">=14.17")).toBe(true);
    expect(satisfies("20.19.0", "^20.19.0 || >=22.12.0")).toBe(true);
    expect(satisfies("20.19.0", ">= 22.15")).toBe(false);
    expect(satisfies("20.19.0", ">=12 <21")).toBe(true);
    expect(satisfies("20.19.0", "*")).toBe(true);
  });

  it("package.json promises Node 20 and the README says so", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      engines: { node: string };
      overrides?: Record<string, unknown>;
    };
    expect(satisfies(NODE, pkg.engines.node)).toBe(true);
    expect(readFileSync(path.join(ROOT, "README.md"), "utf8")).toMatch(/Node\.js 20/);
  });

  it("every package in package-lock.json accepts Node 20", () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version?: string; engines?: unknown; optional?: boolean }>;
    };
    const refused: string[] = [];
    for (const [where, p] of Object.entries(lock.packages)) {
      const engines = p.engines;
      if (!engines || typeof engines !== "object" || Array.isArray(engines)) continue;
      const node = (engines as Record<string, unknown>).node;
      if (typeof node !== "string") continue;
      if (!satisfies(NODE, node)) refused.push(`${where}@${p.version ?? "?"} vuole Node ${node}`);
    }
    expect(refused).toEqual([]);
  });
});
