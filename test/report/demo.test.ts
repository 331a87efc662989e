/**
 * `npm run demo` end to end: the built command on the bundled example writes the structured
 * workbook and the summaries into ./peg-demo-output/ of the current folder and prints the audit.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { STRUCTURED_SHEET_NAMES } from "../../src/core/sheets";

const root = path.join(__dirname, "..", "..");
jest.setTimeout(180000);

test("the demo writes the workbook, riepilogo.docx and .html and prints the audit", async () => {
  const build = spawnSync("npm", ["run", "build:cli"], { cwd: root, encoding: "utf8" });
  expect(build.status).toBe(0);
  const cwd = mkdtempSync(path.join(tmpdir(), "peg-demo-"));
  const r = spawnSync(process.execPath, [path.join(root, "scripts", "demo.cjs")], {
    cwd,
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Verifica di "piano-esempio\.xlsx"/);
  const out = path.join(cwd, "peg-demo-output");
  for (const f of ["piano-strutturato.xlsx", "riepilogo.docx", "riepilogo.html"])
    expect(existsSync(path.join(out, f))).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, "piano-strutturato.xlsx"));
  expect(wb.worksheets.map((w) => w.name)).toEqual(
    expect.arrayContaining([...STRUCTURED_SHEET_NAMES])
  );
  const html = readFileSync(path.join(out, "riepilogo.html"), "utf8");
  expect(html).toMatch(/<table/);
  expect(html).toMatch(/\d+(,\d+)?%/);
});
