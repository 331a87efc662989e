/**
 * LibreOffice headless for end-to-end tests: convert a file (xlsx -> csv per sheet, docx -> pdf)
 * with a private profile so parallel runs do not share state.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { parseDelimited } from "../../src/core/textgrid";
import type { CellValue } from "../../src/core/grid";

/** CSV of raw (not formatted) values, UTF-8, every sheet to its own file. */
export const CSV_RAW_ALL_SHEETS =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * A fresh profile where LibreOffice recalculates every formula of an .xlsx on load
 * (`OOXMLRecalcMode` 0), as a spreadsheet without the add-in does: a function it does not know
 * shows #NAME?.
 */
function recalcProfile(): string {
  const profile = mkdtempSync(path.join(tmpdir(), "peg-lo-profile-"));
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
  );
  return profile;
}

export function convert(file: string, filter: string, recalc = false): string {
  const outdir = mkdtempSync(path.join(tmpdir(), "peg-lo-out-"));
  const profile = recalc ? recalcProfile() : mkdtempSync(path.join(tmpdir(), "peg-lo-profile-"));
  const r = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      filter,
      "--outdir",
      outdir,
      file,
    ],
    { encoding: "utf8", timeout: 180000 }
  );
  if (r.status !== 0) throw new Error(`soffice non ha convertito ${file}: ${r.stderr || r.stdout}`);
  return outdir;
}

/**
 * Every sheet of a workbook as LibreOffice computes it: sheet name -> rows of raw text. `recalc`:
 * every formula recomputed on load (cached values ignored), else only those without a cached value.
 */
export function sheetsAsComputed(xlsx: string, recalc = false): Map<string, CellValue[][]> {
  const outdir = convert(xlsx, CSV_RAW_ALL_SHEETS, recalc);
  const base = path.basename(xlsx).replace(/\.xlsx$/i, "");
  const sheets = new Map<string, CellValue[][]>();
  for (const f of readdirSync(outdir)) {
    if (!f.startsWith(`${base}-`) || !f.endsWith(".csv")) continue;
    const name = f.slice(base.length + 1, -4);
    sheets.set(name, parseDelimited(readFileSync(path.join(outdir, f), "utf8"), ","));
  }
  return sheets;
}

export function pdfText(pdf: string): string {
  const r = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", timeout: 60000 });
  if (r.status !== 0) throw new Error(`pdftotext non ha letto ${pdf}: ${r.stderr}`);
  return r.stdout;
}
