/**
 * Text sources (docs/model.md): a `.tsv`/`.txt`/`.csv` file or text pasted in the task pane.
 * Tab-separated when a line holds a tab (`;` or `,` for csv), otherwise one line per row in column A
 * (text pasted from a PDF).
 */
import type { CellValue, Grid } from "./grid";

export interface TextGridOptions {
  /** "csv" reads `;` or `,` separated values with quotes; otherwise tabs. */
  format?: "csv" | "tsv" | "txt";
}

/** Split text into a grid. Pure: the caller decodes bytes (BOM removed) and names the sheet. */
export function textToGrid(text: string, sheet: string, options: TextGridOptions = {}): Grid {
  const clean = text.replace(/^\uFEFF/, "");
  const rows: CellValue[][] =
    options.format === "csv"
      ? parseDelimited(clean, detectCsvSeparator(clean))
      : parseTabbed(clean);
  return { sheet, rows };
}

function parseTabbed(text: string): CellValue[][] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const anyTab = lines.some((l) => l.includes("\t"));
  // A tab-separated file may still quote cells that hold newlines (Excel's "Text" export).
  if (anyTab && text.includes('"')) return parseDelimited(text, "\t");
  return lines.map((l) => (anyTab ? l.split("\t").map(cell) : [cell(l)]));
}

function cell(s: string): CellValue {
  return s === "" ? null : s;
}

/** `;` when the first lines hold more semicolons than commas (Italian Excel's csv), else `,`. */
export function detectCsvSeparator(text: string): string {
  const head = text.split(/\r?\n/, 20).join("\n");
  const count = (ch: string) => head.split(ch).length - 1;
  if (count("\t") > 0 && count("\t") >= count(";") && count("\t") >= count(",")) return "\t";
  return count(";") >= count(",") && count(";") > 0 ? ";" : ",";
}

/** RFC 4180-style reader: quoted cells may hold separators, quotes ("") and newlines. */
export function parseDelimited(text: string, sep: string): CellValue[][] {
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endField = () => {
    row.push(cell(field));
    field = "";
  };
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === sep) {
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endField();
      rows.push(row);
      row = [];
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}
