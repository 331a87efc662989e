/**
 * A lean .xlsx reader for big sheets: reads only what a Grid keeps (values, cached formula results,
 * shared strings, percent/date formats, merges, sheet names and visibility) straight from the XML.
 * exceljs builds a full object model (about 14 bytes of memory per byte of sheet XML); this keeps
 * the XML text and the grid only, so a 200,000-row sheet stays well under 1 GB.
 * Same output as the exceljs path (a test compares them). Browser-safe.
 */
import JSZip from "jszip";
import type { CellValue, Grid, MergeArea } from "../core/grid";
import { parseA1 } from "../core/grid";
import { cellDisplayText, excelSerialToDate, isDateFormat } from "../core/cells";
import { blankCovered, parseRange } from "./light-merges";
import { hasNativeInflate, inflateEntry } from "./inflate";
import type { ZipEntryInfo } from "./zip-guard";

/** Excel's built-in number formats, as exceljs knows them (locale-specific ids have none there either). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] === "#") {
      const code =
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : m;
    }
    return ENTITY[e] ?? m;
  });
}

/** Attributes of one start tag, prefixes dropped (`r:id` -> `id`). */
function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    const name =
      m[1].includes(":") && !m[1].startsWith("xml") ? m[1].slice(m[1].indexOf(":") + 1) : m[1];
    out.set(name, decodeXml(m[3] ?? m[4] ?? ""));
  }
  return out;
}

/** Text of all <t> elements of a string item, phonetic runs (<rPh>) left out. */
function itemText(xml: string): string {
  const body =
    xml.indexOf("<rPh") >= 0 ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : xml;
  let s = "";
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) s += m[1];
  return decodeXml(s);
}

/** Reads entries as text: natively inflated with a size bound, or through JSZip where unavailable. */
interface EntrySource {
  text(path: string): Promise<string | null>;
}

function nativeSource(bytes: Uint8Array, entries: ZipEntryInfo[]): EntrySource {
  // Part names are case-insensitive in OOXML; some writers add a leading slash.
  const byName = new Map<string, ZipEntryInfo>();
  for (const e of entries) byName.set(e.name.replace(/^\//, "").toLowerCase(), e);
  const decoder = new TextDecoder("utf-8");
  return {
    async text(path: string) {
      const e = byName.get(path.toLowerCase());
      return e ? decoder.decode(await inflateEntry(bytes, e)) : null;
    },
  };
}

async function jszipSource(bytes: Uint8Array): Promise<EntrySource> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    async text(path: string) {
      const f = zip.file(path) ?? zip.file("/" + path);
      return f ? f.async("string") : null;
    },
  };
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ("xl/" + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

interface Styles {
  /** numFmt code by cell style index (`s` attribute). */
  formats: (string | undefined)[];
}

function readStyles(xml: string | null): Styles {
  if (!xml) return { formats: [] };
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    const id = Number(a.get("numFmtId"));
    const code = a.get("formatCode");
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
  }
  const formats: (string | undefined)[] = [];
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (xfs) {
    for (const m of xfs[1].matchAll(/<(?:\w+:)?xf\b([^>]*?)(?:\/>|>)/g)) {
      const id = Number(attrs(m[1]).get("numFmtId") ?? 0);
      formats.push(custom.get(id) ?? BUILTIN_FORMATS[id]);
    }
  }
  return { formats };
}

function readSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] ? itemText(m[1]) : "");
  return out;
}

interface SheetContext {
  strings: string[];
  styles: Styles;
  date1904: boolean;
}

/** One worksheet XML -> grid (values, text, merges). */
export function sheetXmlToGrid(
  xml: string,
  name: string,
  hidden: boolean,
  ctx: SheetContext
): Grid {
  const rows: CellValue[][] = [];
  let text: (string | null)[][] | undefined;
  const dataStart = xml.search(/<(?:\w+:)?sheetData\b/);
  const dataEnd = xml.search(/<\/(?:\w+:)?sheetData>/);
  const data =
    dataStart >= 0 ? xml.slice(dataStart, dataEnd > dataStart ? dataEnd : undefined) : "";
  let nextRow = 0;
  for (const [rowAttrs, body] of elements(data, /<(?:\w+:)?row\b([^>]*?)(\/?)>/g)) {
    const rAttr = /\br\s*=\s*"(\d+)"/.exec(rowAttrs);
    const r = rAttr ? Number(rAttr[1]) - 1 : nextRow;
    nextRow = r + 1;
    if (!body) continue;
    const out: CellValue[] = [];
    let outText: (string | null)[] | null = null;
    let nextCol = 0;
    for (const [a, inner] of elements(body, /<(?:\w+:)?c\b([^>]*?)(\/?)>/g)) {
      const ref = /\br\s*=\s*"([A-Za-z]+\d+)"/.exec(a);
      const pos = ref ? parseA1(ref[1]) : null;
      const c = pos ? pos.col : nextCol;
      nextCol = c + 1;
      if (!inner) continue;
      const t = /\bt\s*=\s*"(\w+)"/.exec(a)?.[1] ?? "n";
      const sAttr = /\bs\s*=\s*"(\d+)"/.exec(a);
      const fmt = sAttr ? ctx.styles.formats[Number(sAttr[1])] : undefined;
      let value: CellValue = null;
      if (t === "inlineStr") {
        const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
        value = is ? itemText(is[1]) : null;
      } else {
        const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner);
        if (v) {
          const raw = v[1];
          if (t === "s") value = ctx.strings[Number(raw)] ?? null;
          else if (t === "str") value = decodeXml(raw);
          else if (t === "b") value = raw.trim() === "1" || raw.trim() === "true";
          else if (t === "e") value = null;
          else if (t === "d") {
            const d = new Date(decodeXml(raw).trim());
            value = Number.isNaN(d.getTime()) ? null : d;
          } else {
            const n = Number(raw);
            if (raw.trim() === "" || !Number.isFinite(n)) value = null;
            else if (isDateFormat(fmt)) {
              const d = excelSerialToDate(n, ctx.date1904);
              value = Number.isNaN(d.getTime()) ? null : d;
            } else value = n;
          }
        }
      }
      if (value === "" || value === null) continue;
      out[c] = value;
      const shown = cellDisplayText(value, fmt);
      if (shown !== null) {
        if (!outText) outText = [];
        outText[c] = shown;
      }
    }
    if (out.length === 0) continue;
    rows[r] = fill(out, out.length);
    if (outText) {
      if (!text) text = [];
      text[r] = fill(outText, out.length);
    }
  }
  const dense: CellValue[][] = [];
  for (let r = 0; r < rows.length; r++) dense.push(rows[r] ?? []);
  const grid: Grid = { sheet: name, rows: dense, origin: { row: 0, col: 0 } };
  if (text) {
    const tt: (string | null)[][] = [];
    for (let r = 0; r < dense.length; r++)
      tt.push(text[r] ?? new Array<string | null>(dense[r].length).fill(null));
    grid.text = tt;
  }
  const merges: MergeArea[] = [];
  const tail = dataEnd >= 0 ? xml.slice(dataEnd) : xml;
  for (const m of tail.matchAll(/<(?:\w+:)?mergeCell\b([^>]*?)\/?>/g)) {
    const ref = attrs(m[1]).get("ref");
    const area = ref ? parseRange(ref) : null;
    if (area) merges.push(area);
  }
  merges.sort((x, y) => x.top - y.top || x.left - y.left);
  if (merges.length > 0) {
    blankCovered(grid, merges);
    grid.merges = merges;
  }
  if (hidden) grid.hidden = true;
  return grid;
}

/**
 * Start tags matched by `startRe` (groups: attributes, "/" when self-closing) with the text up to
 * the next start tag as body. Linear in the text, whatever the nesting or missing end tags (a lazy
 * `<row>...</row>` regex goes quadratic on a file with unclosed rows).
 */
function elements(text: string, startRe: RegExp): [string, string][] {
  const starts: { attrs: string; from: number; at: number; empty: boolean }[] = [];
  let m: RegExpExecArray | null;
  startRe.lastIndex = 0;
  while ((m = startRe.exec(text))) {
    starts.push({ attrs: m[1], at: m.index, from: m.index + m[0].length, empty: m[2] === "/" });
  }
  const out: [string, string][] = [];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1].at : text.length;
    out.push([s.attrs, s.empty ? "" : text.slice(s.from, end)]);
  }
  return out;
}

function fill<T>(arr: (T | null | undefined)[], length: number): (T | null)[] {
  const out = new Array<T | null>(length);
  for (let i = 0; i < length; i++) out[i] = arr[i] ?? null;
  return out;
}

/** Read every worksheet. Throws plain Errors on malformed packages; the caller words them. */
export async function fastReadGrids(bytes: Uint8Array, entries?: ZipEntryInfo[]): Promise<Grid[]> {
  const src =
    entries && hasNativeInflate() ? nativeSource(bytes, entries) : await jszipSource(bytes);
  const wbXml = await src.text("xl/workbook.xml");
  if (!wbXml) throw new Error("xl/workbook.xml mancante");
  const relsXml = (await src.text("xl/_rels/workbook.xml.rels")) ?? "";
  const rels = new Map<string, { target: string; type: string }>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    const id = a.get("Id");
    if (id) rels.set(id, { target: a.get("Target") ?? "", type: a.get("Type") ?? "" });
  }
  const pr = /<(?:\w+:)?workbookPr\b([^>]*?)\/?>/.exec(wbXml);
  const d1904 = pr ? attrs(pr[1]).get("date1904") : undefined;
  const ctx: SheetContext = {
    strings: readSharedStrings(await src.text("xl/sharedStrings.xml")),
    styles: readStyles(await src.text("xl/styles.xml")),
    date1904: d1904 === "1" || d1904 === "true",
  };
  const grids: Grid[] = [];
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    const rel = rels.get(a.get("id") ?? "");
    if (!rel || !/\/worksheet$/.test(rel.type)) continue;
    const xml = await src.text(resolveTarget(rel.target));
    if (xml === null) continue;
    const state = a.get("state");
    grids.push(
      sheetXmlToGrid(xml, a.get("name") ?? "", state === "hidden" || state === "veryHidden", ctx)
    );
  }
  return grids;
}
