/**
 * The code Excel loads (the pane page's initial scripts and functions.js) has no eval / new Function
 * (the pane's CSP forbids them) and no exceljs: that is only in chunks fetched by standalone mode.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST, ensureBuilt } from "./taskpane-server";

const EVAL = /\bnew\s+Function\s*\(|(?<![\w$])eval\s*\(|setTimeout\(\s*["'`]/;
const EXCELJS = /xl\/workbook\.xml|sharedStrings|JSZip/;

beforeAll(() => ensureBuilt(), 180_000);

function initialScripts(): string[] {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const local = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((s) => !/^https?:/.test(s));
  return [...local.map((s) => s.replace(/^\.?\//, "")), "functions.js"];
}

describe("the in-Office bundle", () => {
  it("loads only local scripts besides Office.js from Microsoft's CDN", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const remote = [...html.matchAll(/<script[^>]*\ssrc="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(remote).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(initialScripts()).toContain("taskpane.js");
  });

  it("has a strict CSP: no unsafe-eval, scripts only from itself and the Office CDN", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).not.toMatch(/unsafe-eval/);
  });

  it.each(initialScripts())("%s has no eval, no new Function and no exceljs", (file) => {
    const code = fs.readFileSync(path.join(DIST, file), "utf8");
    expect(code.length).toBeGreaterThan(1000);
    expect(code.match(EVAL)?.[0] ?? null).toBeNull();
    expect(code.match(EXCELJS)?.[0] ?? null).toBeNull();
  });

  it("the scan would see eval and exceljs where they are (the standalone chunks)", () => {
    const chunks = fs
      .readdirSync(path.join(DIST, "chunks"))
      .map((f) => fs.readFileSync(path.join(DIST, "chunks", f), "utf8"));
    expect(chunks.some((c) => EXCELJS.test(c))).toBe(true);
    expect(EVAL.test('x=new Function("return this")')).toBe(true);
    expect(EVAL.test("window.eval(s)")).toBe(true);
    expect(EVAL.test("retrieval(s)")).toBe(false);
    expect(EVAL.test("eval(s)")).toBe(true);
  });
});
