/**
 * src/core is pure TypeScript (AGENTS.md, issue 7): it runs inside Office and in the browser, so it
 * imports no Node module, no Office.js and no I/O library, and touches no Node or Office global.
 * Comments and string literals are blanked before scanning so prose cannot trip the check.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";

const CORE = path.resolve(__dirname, "..", "..", "src", "core");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Packages the core may import: schema and date helpers, both pure and browser-safe. */
const ALLOWED_PACKAGES = new Set(["zod", "date-fns"]);

/** Code with comments removed and string contents blanked (quotes kept), for global scanning. */
function codeOnly(src: string): string {
  return src.replace(
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g,
    (m) =>
      m.startsWith("/")
        ? " ".repeat(m.length)
        : m[0] + " ".repeat(Math.max(0, m.length - 2)) + m[m.length - 1]
  );
}

/** Module specifiers of static imports, re-exports, dynamic imports and requires. */
function specifiers(src: string): string[] {
  // `//` inside a string would eat the rest of the line; only whole-line and block comments go.
  const noComments = src.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/[^\n]*/gm, "");
  const out: string[] = [];
  for (const re of [
    /^\s*(?:import|export)\s[^;]*?\bfrom\s*["']([^"'\n]+)["']\s*;?\s*$/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ]) {
    for (const m of noComments.matchAll(re)) out.push(m[1]);
  }
  return out;
}

const FORBIDDEN_GLOBALS =
  /\b(process|Buffer|require|__dirname|__filename|Office|Excel|OfficeExtension|CustomFunctions|module\.exports)\b\s*[.([]/;

test("src/core has files to check", () => {
  expect(files(CORE).length).toBeGreaterThan(5);
});

test("src/core imports only relative modules, zod and date-fns", () => {
  const bad: string[] = [];
  for (const f of files(CORE)) {
    for (const spec of specifiers(readFileSync(f, "utf8"))) {
      if (spec.startsWith(".")) {
        const target = path.resolve(path.dirname(f), spec);
        if (!target.startsWith(CORE + path.sep) && target !== CORE)
          bad.push(`${path.relative(CORE, f)}: ${spec} (fuori da src/core)`);
        continue;
      }
      const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
      if (!ALLOWED_PACKAGES.has(pkg)) bad.push(`${path.relative(CORE, f)}: ${spec}`);
    }
  }
  expect(bad).toEqual([]);
});

test("src/core uses no Node or Office globals", () => {
  const bad: string[] = [];
  for (const f of files(CORE)) {
    const code = codeOnly(readFileSync(f, "utf8"));
    code.split("\n").forEach((line, i) => {
      const m = FORBIDDEN_GLOBALS.exec(line);
      if (m) bad.push(`${path.relative(CORE, f)}:${i + 1}: ${line.trim().slice(0, 100)}`);
    });
  }
  expect(bad).toEqual([]);
});

test("the scanner itself catches what it must", () => {
  expect(
    specifiers('import { x } from "fs";\nconst y = await import("exceljs");\n// import "react"')
  ).toEqual(["fs", "exceljs"]);
  expect(FORBIDDEN_GLOBALS.test(codeOnly("const a = process.env.X;"))).toBe(true);
  expect(FORBIDDEN_GLOBALS.test(codeOnly('const a = "process.env"; // Office.context'))).toBe(
    false
  );
});
