/**
 * Writes the structured sheets (a WorkbookSpec) into a copy of the input workbook with exceljs.
 * Browser-safe (no Node APIs): the standalone task pane page uses it too.
 *
 * - The input's sheets are kept as exceljs reads them (values, formats, merges, validations).
 * - Sheets written earlier by this product (same name and its table) are replaced, so running twice
 *   gives the same sheets, not copies. A sheet of the same name written by someone else is never
 *   deleted: the write stops with an Italian message instead.
 * - Formulas are written in the file's own syntax: `[@Col]` becomes `Table[[#This Row],[Col]]`
 *   (the `@` form exists only in Excel's user interface), with the cached result of the spec.
 * - Text is always written as a text value, so text starting with = + - @ is never a formula.
 * - `Origine` links are HYPERLINK("#'Sheet'!A1", text) formulas with the text cached.
 * - Several inputs (writeStructuredWorkbookFrom): the first workbook is the base; the sheets of the
 *   other workbooks and text inputs are added after its own, under names valid for Excel and unique,
 *   and every `Origine` link follows its sheet to the name it has in the output.
 */
import ExcelJS from "exceljs";
import { PegInputError } from "../core/errors";
import {
  isFormulaCell,
  isLinkCell,
  type ColumnSpec,
  type PageSpec,
  type ConditionalSpec,
  type SheetCellValue,
  type SheetSpec,
  type ValidationSpec,
  type WorkbookSpec,
} from "../core/sheets/types";
import { columnLetters, type CellValue } from "../core/grid";

export interface WriteOptions {
  /** Name of the input file, for messages. */
  fileName?: string;
}

/** Longest text an Excel cell holds. */
const MAX_CELL_TEXT = 32767;

/** exceljs table style of the structured sheets. */
const TABLE_STYLE = "TableStyleMedium2";

export async function writeStructuredWorkbook(
  input: Uint8Array | null,
  spec: WorkbookSpec,
  options: WriteOptions = {}
): Promise<Uint8Array> {
  const sources: SourceInput[] = input
    ? [{ kind: "workbook", bytes: input, fileName: options.fileName }]
    : [];
  return (await writeStructuredWorkbookFrom(sources, spec)).bytes;
}

/** One input whose sheets go into the output. */
export type SourceInput =
  | {
      kind: "workbook";
      bytes: Uint8Array;
      /** Name of the file, for messages. */
      fileName?: string;
      /**
       * The model's names of this file's sheets, in the workbook's order (several inputs may have
       * had their sheets renamed apart when read): what the `Origine` references say.
       */
      modelSheets?: string[];
    }
  | {
      kind: "text";
      fileName?: string;
      /** The model's name of the sheet read from the text (the file name). */
      sheet: string;
      rows: CellValue[][];
    };

/** Where a source sheet went in the output. */
export interface PlacedSheet {
  file: string | undefined;
  /** Name in its own file (a text file: the file name). */
  original: string;
  /** Name in the model (what `Origine` says). */
  source: string;
  /** Name in the output workbook. */
  sheet: string;
}

export interface WriteResult {
  bytes: Uint8Array;
  sheets: PlacedSheet[];
}

/**
 * The output of several inputs: a copy of the first workbook (its sheets and workbook settings kept
 * as they are), then the sheets of every other input, then the structured sheets. A copied sheet
 * keeps its name when the output has none like it (Excel compares names ignoring case) and the name
 * is valid; otherwise it gets a valid one with ` (2)`, ` (3)`... Formulas of the copied sheets
 * follow the renamed sheets and tables of their own file.
 */
export async function writeStructuredWorkbookFrom(
  sources: SourceInput[],
  spec: WorkbookSpec
): Promise<WriteResult> {
  const wb = new ExcelJS.Workbook();
  const base = sources.find((s) => s.kind === "workbook");
  const placed: PlacedSheet[] = [];
  if (base && base.kind === "workbook") {
    await loadWorkbook(wb, base.bytes, base.fileName);
    removePreviousSheets(wb, spec, base.fileName);
    const names = pairSheetNames(wb, base.modelSheets, base.fileName);
    for (const ws of wb.worksheets)
      placed.push({
        file: base.fileName,
        original: ws.name,
        source: names.get(ws) ?? ws.name,
        sheet: ws.name,
      });
  }
  const taken = new Set<string>();
  for (const ws of wb.worksheets) taken.add(ws.name.toLowerCase());
  for (const s of spec.sheets) taken.add(s.name.toLowerCase());
  // Table names and defined names share one name space, workbook-wide and ignoring case.
  const reservedNames = new Set<string>(spec.sheets.map((s) => s.tableName.toLowerCase()));
  for (const ws of wb.worksheets)
    for (const t of tableNames(ws)) reservedNames.add(t.toLowerCase());
  for (const d of wb.definedNames.model as DefinedName[]) reservedNames.add(d.name.toLowerCase());

  for (const src of sources) {
    if (src === base) continue;
    if (src.kind === "text") {
      const name = pickSheetName(src.sheet, src.sheet, taken);
      addPlainSheet(wb, name, src.rows);
      placed.push({ file: src.fileName, original: src.sheet, source: src.sheet, sheet: name });
      continue;
    }
    const other = new ExcelJS.Workbook();
    await loadWorkbook(other, src.bytes, src.fileName);
    const names = pairSheetNames(other, src.modelSheets, src.fileName);
    const copies: { ws: ExcelJS.Worksheet; name: string }[] = [];
    const sheetRenames = new Map<string, string>();
    for (const ws of other.worksheets) {
      // Structured sheets of an earlier run are rebuilt, never copied twice.
      if (isPreviousStructuredSheet(ws, spec)) continue;
      const source = names.get(ws) ?? ws.name;
      const name = pickSheetName(source, ws.name, taken);
      if (name.toLowerCase() !== ws.name.toLowerCase())
        sheetRenames.set(ws.name.toLowerCase(), name);
      copies.push({ ws, name });
      placed.push({ file: src.fileName, original: ws.name, source, sheet: name });
    }
    const tableRenames = new Map<string, string>();
    for (const { ws } of copies)
      for (const t of tableNames(ws)) {
        const name = uniqueName(t, reservedNames);
        if (name !== t) tableRenames.set(t.toLowerCase(), name);
      }
    const definedNames = (other.definedNames.model as DefinedName[]).filter(
      (d) => !d.name.startsWith("_xlnm.")
    );
    const nameRenames = new Map<string, string>();
    const newNames = definedNames.map((d) => {
      const name = uniqueName(d.name, reservedNames);
      if (name !== d.name) nameRenames.set(d.name.toLowerCase(), name);
      return name;
    });
    const rewrite = (f: string) => renameReferences(f, sheetRenames, tableRenames, nameRenames);
    definedNames.forEach((d, k) => {
      for (const range of d.ranges) wb.definedNames.add(rewrite(range), newNames[k]);
    });
    for (const { ws, name } of copies) copySheet(wb, other, ws, name, rewrite, tableRenames);
  }

  // The first file to hold a name keeps it, as when the inputs were read.
  const links = new Map<string, string>();
  for (const p of placed) if (!links.has(p.source)) links.set(p.source, p.sheet);
  for (const sheet of spec.sheets) addSheet(wb, sheet, links);
  const out = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), sheets: placed };
}

async function loadWorkbook(
  wb: ExcelJS.Workbook,
  bytes: Uint8Array,
  fileName: string | undefined
): Promise<void> {
  try {
    // exceljs accepts an ArrayBuffer in the browser and in Node alike.
    await wb.xlsx.load(toArrayBuffer(bytes));
  } catch (e) {
    const name = fileName ?? "il file";
    throw new PegInputError(
      `Impossibile aprire "${name}" per scrivere i fogli strutturati: il file non è una cartella .xlsx leggibile ` +
        `(${e instanceof Error ? e.message : String(e)}). Aprilo in Excel, salvalo come .xlsx e riprova.`,
      "FILE_CORRUPT",
      fileName
    );
  }
}

/**
 * The model's name of each worksheet. Sheets are read in the workbook's order, and a sheet renamed
 * apart from another file's is `<file> - <sheet>` (possibly with ` (n)`): pair by position when the
 * lists agree, else only sheets whose name the model kept.
 */
function pairSheetNames(
  wb: ExcelJS.Workbook,
  modelSheets: string[] | undefined,
  fileName: string | undefined
): Map<ExcelJS.Worksheet, string> {
  const out = new Map<ExcelJS.Worksheet, string>();
  const sheets = wb.worksheets;
  if (!modelSheets) return out;
  const agrees =
    modelSheets.length === sheets.length &&
    sheets.every(
      (ws, i) =>
        modelSheets[i] === ws.name ||
        (fileName !== undefined && modelSheets[i].startsWith(`${fileName} - ${ws.name}`))
    );
  if (agrees) sheets.forEach((ws, i) => out.set(ws, modelSheets[i]));
  else for (const ws of sheets) if (modelSheets.includes(ws.name)) out.set(ws, ws.name);
  return out;
}

/** Longest sheet name Excel accepts. */
const MAX_SHEET_NAME = 31;

/** A name Excel accepts for a sheet: 1-31 characters, none of []:*?/\, no ' at either end. */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.trim() === name &&
    // Excel reserves "History" (Cronologia) for its change tracking.
    name.toLowerCase() !== "history"
  );
}

/** `name` made valid for Excel: forbidden characters become `_`, at most 31 characters. */
export function sanitizeSheetName(name: string): string {
  let s = name
    .replace(/[[\]:*?/\\]/g, "_")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (s === "" || s.toLowerCase() === "history") s = s === "" ? "Foglio" : `${s}_`;
  return s.slice(0, MAX_SHEET_NAME).trimEnd();
}

/**
 * The output name of a copied sheet: `preferred` (the model's name, so `Origine` reads like the tab)
 * when valid and free, else `fallback` made valid with ` (2)`, ` (3)`... until free. Adds it to `taken`
 * (lower case: Excel compares sheet names ignoring case).
 */
export function pickSheetName(preferred: string, fallback: string, taken: Set<string>): string {
  let name: string;
  if (isValidSheetName(preferred) && !taken.has(preferred.toLowerCase())) name = preferred;
  else {
    const base = sanitizeSheetName(fallback);
    name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      name = `${base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    }
  }
  taken.add(name.toLowerCase());
  return name;
}

interface DefinedName {
  name: string;
  ranges: string[];
}

/** `name`, or `name_2`, `name_3`... when taken; adds it to `taken` (lower case). */
function uniqueName(name: string, taken: Set<string>): string {
  let out = name;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${name}_${i}`;
  taken.add(out.toLowerCase());
  return out;
}

function isPreviousStructuredSheet(ws: ExcelJS.Worksheet, spec: WorkbookSpec): boolean {
  const s = spec.sheets.find((x) => x.name.toLowerCase() === ws.name.toLowerCase());
  return !!s && tableNames(ws).some((t) => t.toLowerCase() === s.tableName.toLowerCase());
}

/**
 * A formula with references to renamed sheets (`Foglio1!A1`, `'Scheda 1'!A1`), tables
 * (`Tabella1[Col]`) and defined names (`ElencoSettori`) of its own file rewritten; string literals
 * and bracketed parts left as they are. The maps are keyed by lower-case old name.
 */
export function renameReferences(
  formula: string,
  sheets: Map<string, string>,
  tables: Map<string, string>,
  names: Map<string, string> = new Map()
): string {
  if (sheets.size === 0 && tables.size === 0 && names.size === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < n && !(formula[j] === '"' && formula[j + 1] !== '"'))
        j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j++];
      }
      const renamed = formula[j + 1] === "!" ? sheets.get(name.toLowerCase()) : undefined;
      out += renamed !== undefined ? quote(renamed) : formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "[") {
      // Structured reference parts and external workbook indexes: copied through the closing bracket.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "'" && j + 1 < n) j++;
        else if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (/[\p{L}_\\\d.]/u.test(ch)) {
      let j = i;
      while (j < n && /[\p{L}\p{N}_.\\]/u.test(formula[j])) j++;
      const word = formula.slice(i, j);
      let renamed: string | undefined;
      if (!/^\d/.test(word)) {
        if (formula[j] === "!") {
          const s = sheets.get(word.toLowerCase());
          if (s !== undefined) renamed = quote(s);
        } else if (formula[j] === "[") renamed = tables.get(word.toLowerCase());
        else if (formula[j] !== "(") renamed = names.get(word.toLowerCase());
      }
      out += renamed ?? word;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

type AnyModel = Record<string, unknown>;

/** Copy a loaded worksheet into `wb` under `name`: values, formats, merges, validations, tables, images. */
function copySheet(
  wb: ExcelJS.Workbook,
  from: ExcelJS.Workbook,
  src: ExcelJS.Worksheet,
  name: string,
  rewrite: (formula: string) => string,
  tableRenames: Map<string, string>
): void {
  const model = src.model as unknown as AnyModel;
  const ws = wb.addWorksheet(name);
  const rows = ((model.rows as AnyModel[] | undefined) ?? []).map((row) => ({
    ...row,
    cells: ((row.cells as AnyModel[] | undefined) ?? []).map((c) =>
      typeof c.formula === "string" ? { ...c, formula: rewrite(c.formula) } : c
    ),
  }));
  const validations: AnyModel = {};
  for (const [ref, v] of Object.entries((model.dataValidations as AnyModel | undefined) ?? {}))
    validations[ref] = rewriteFormulae(v, rewrite);
  const conditional = ((model.conditionalFormattings as AnyModel[] | undefined) ?? []).map(
    (cf) => ({
      ...cf,
      rules: ((cf.rules as unknown[] | undefined) ?? []).map((r) => rewriteFormulae(r, rewrite)),
    })
  );
  const media = ((model.media as AnyModel[] | undefined) ?? []).flatMap((m) => {
    const image = from.getImage(Number(m.imageId)) as ExcelJS.Image | undefined;
    return image ? [{ ...m, imageId: String(wb.addImage(image)) }] : [];
  });
  const tables = ((model.tables as AnyModel[] | undefined) ?? []).map((t) => {
    const renamed = tableRenames.get(String(t.name).toLowerCase());
    return renamed ? { ...t, name: renamed, displayName: renamed } : t;
  });
  const views = ((model.views as AnyModel[] | undefined) ?? []).map((v) => ({
    ...v,
    // One selected tab in the output: several would open the sheets grouped.
    tabSelected: false,
  }));
  (ws as unknown as { model: AnyModel }).model = {
    ...model,
    id: ws.id,
    name,
    rows,
    mergeCells: model.merges,
    dataValidations: validations,
    conditionalFormattings: conditional,
    media,
    tables,
    views,
  };
  ws.state = src.state;
  const breaks = (src as unknown as { rowBreaks?: unknown[] }).rowBreaks;
  if (breaks) (ws as unknown as { rowBreaks: unknown[] }).rowBreaks = [...breaks];
}

function rewriteFormulae(v: unknown, rewrite: (formula: string) => string): unknown {
  if (!v || typeof v !== "object") return v;
  const o = v as AnyModel;
  if (!Array.isArray(o.formulae)) return v;
  return {
    ...o,
    formulae: o.formulae.map((f: unknown) => (typeof f === "string" ? rewrite(f) : f)),
  };
}

/** A text input as a plain sheet: its values as read, text always as text. */
function addPlainSheet(wb: ExcelJS.Workbook, name: string, rows: CellValue[][]): void {
  const ws = wb.addWorksheet(name);
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      if (typeof v === "number" && !Number.isFinite(v)) return;
      ws.getCell(r + 1, c + 1).value =
        typeof v === "string" && v.length > MAX_CELL_TEXT ? `${v.slice(0, MAX_CELL_TEXT - 1)}…` : v;
    })
  );
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Table names of a worksheet as exceljs loaded them. */
function tableNames(ws: ExcelJS.Worksheet): string[] {
  const tables = (ws as unknown as { tables?: Record<string, unknown> }).tables ?? {};
  return Object.keys(tables);
}

function removePreviousSheets(wb: ExcelJS.Workbook, spec: WorkbookSpec, fileName?: string): void {
  const byName = new Map<string, SheetSpec>(spec.sheets.map((s) => [s.name.toLowerCase(), s]));
  const ours = new Set(spec.sheets.map((s) => s.tableName.toLowerCase()));
  for (const ws of [...wb.worksheets]) {
    const s = byName.get(ws.name.toLowerCase());
    if (s) {
      const tables = tableNames(ws).map((t) => t.toLowerCase());
      if (!tables.includes(s.tableName.toLowerCase())) {
        throw new PegInputError(
          `Il file ${fileName ? `"${fileName}" ` : ""}ha già un foglio "${ws.name}" che non è stato scritto da PEG Performance: ` +
            `rinomina quel foglio e riprova (i fogli strutturati usano questo nome).`,
          "OUTPUT_WRITE",
          fileName
        );
      }
      wb.removeWorksheet(ws.id);
      continue;
    }
    // A table of the same name on another sheet would make the file invalid.
    for (const t of tableNames(ws))
      if (ours.has(t.toLowerCase()))
        throw new PegInputError(
          `Il foglio "${ws.name}" contiene già una tabella "${t}", nome usato dai fogli strutturati: ` +
            `rinomina la tabella in Excel (Progettazione tabella > Nome tabella) e riprova.`,
          "OUTPUT_WRITE",
          fileName
        );
  }
}

/** `[@Col]` / `[@[Col x]]` (user-interface form) -> `Table[[#This Row],[Col]]` (file form). */
export function toFileFormula(formula: string, tableName: string): string {
  return formula
    .replace(
      /\[@\[((?:[^\]']|'.)*)\]\]/g,
      (_m, col: string) => `${tableName}[[#This Row],[${col}]]`
    )
    .replace(/\[@((?:[^\][']|'.)+)\]/g, (_m, col: string) => `${tableName}[[#This Row],[${col}]]`);
}

/**
 * The location of a link in the output: its sheet renamed as the output names it (`links`: model
 * name -> output name), or null when the output has no such sheet.
 */
function outputLocation(
  wb: ExcelJS.Workbook,
  location: string,
  links: Map<string, string>
): string | null {
  const i = location.lastIndexOf("!");
  if (i <= 0) return null;
  let sheet = location.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const target = links.get(sheet) ?? sheet;
  if (!wb.worksheets.some((w) => w.name === target)) return null;
  return target === sheet ? location : `'${target.replace(/'/g, "''")}'${location.slice(i)}`;
}

type ExcelValue = ExcelJS.CellValue;

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function cellValue(
  wb: ExcelJS.Workbook,
  v: SheetCellValue,
  tableName: string,
  links: Map<string, string>
): ExcelValue {
  if (v === null || v === undefined) return null;
  if (isFormulaCell(v)) {
    const formula = toFileFormula(v.formula, tableName);
    const result = v.result === null || v.result === undefined ? "" : v.result;
    return { formula, result } as ExcelJS.CellFormulaValue;
  }
  if (isLinkCell(v)) {
    // A link to a sheet the output does not hold (a text input) stays plain text.
    const location = outputLocation(wb, v.location, links);
    if (location === null) return v.text;
    // HYPERLINK("#'Sheet'!A1"): an in-workbook jump in Excel and LibreOffice alike (exceljs would
    // write a cell hyperlink as an external relationship), the same form the add-in writes.
    return {
      formula: `HYPERLINK(${quoted(`#${location}`)},${quoted(v.text)})`,
      result: v.text,
    } as ExcelJS.CellFormulaValue;
  }
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  // Excel refuses a cell of more than 32,767 characters ("repair" on open).
  if (typeof v === "string" && v.length > MAX_CELL_TEXT) return `${v.slice(0, MAX_CELL_TEXT - 1)}…`;
  return v;
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, links: Map<string, string>): void {
  const freeze = spec.freeze ?? { rows: 1, cols: 0 };
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: "frozen", xSplit: freeze.cols, ySplit: freeze.rows }],
    ...pageOptions(spec.page),
  });
  const width = spec.columns.length;
  const rows = spec.rows.map((r) => {
    const out: ExcelValue[] = [];
    for (let c = 0; c < width; c++) out.push(cellValue(wb, r[c] ?? null, spec.tableName, links));
    return out;
  });
  ws.addTable({
    name: spec.tableName,
    displayName: spec.tableName,
    ref: "A1",
    headerRow: true,
    totalsRow: spec.totalsRow === true,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: spec.columns.map((c) => tableColumn(c, spec.totalsRow === true)),
    rows,
  } as ExcelJS.TableProperties);

  spec.columns.forEach((c, i) => formatColumn(ws, c, i, rows, spec.totalsRow === true));
  // A cell whose format differs from its column's (a date among numbers).
  spec.rows.forEach((r, i) =>
    r.forEach((v, c) => {
      if (v && isFormulaCell(v) && v.numFmt) ws.getCell(i + 2, c + 1).numFmt = v.numFmt;
    })
  );
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  header.height = spec.headerHeight ?? 30;
  // Rows as high as their wrapped text (a spreadsheet does not resize them on opening).
  spec.rowHeights?.forEach((h, i) => {
    if (h !== null && h !== undefined) ws.getRow(i + 2).height = h;
  });
  for (const cf of spec.conditional ?? []) addConditional(ws, cf, spec.rows.length);
  for (const v of spec.validations ?? []) addValidation(ws, v, spec.rows.length);
}

/** Page setup and footer of a structured sheet (A4 landscape, one page wide, header repeated). */
function pageOptions(page: PageSpec | undefined): Partial<ExcelJS.AddWorksheetOptions> {
  if (!page) return {};
  const titles = page.titleRows > 0 ? { printTitlesRow: `1:${page.titleRows}` } : {};
  return {
    pageSetup: {
      paperSize: page.paper === "A4" ? 9 : undefined,
      orientation: page.orientation,
      fitToPage: true,
      fitToWidth: page.fitToWidth,
      fitToHeight: page.fitToHeight,
      margins: page.margins,
      ...titles,
    },
    headerFooter: {
      differentFirst: false,
      differentOddEven: false,
      oddFooter: `&L${page.footerLeft}&R${page.footerRight}`,
    },
  };
}

function tableColumn(c: ColumnSpec, totals: boolean): ExcelJS.TableColumnProperties {
  const col: ExcelJS.TableColumnProperties & { totalsRowResult?: unknown } = {
    name: c.header,
    filterButton: true,
  };
  if (totals && c.total) {
    if ("label" in c.total) col.totalsRowLabel = c.total.label;
    else {
      col.totalsRowFunction = c.total.function;
      col.totalsRowResult = c.total.result ?? 0;
    }
  } else if (totals) {
    col.totalsRowFunction = "none";
  }
  return col;
}

function formatColumn(
  ws: ExcelJS.Worksheet,
  c: ColumnSpec,
  i: number,
  values: ExcelValue[][],
  totals: boolean
): void {
  const column = ws.getColumn(i + 1);
  const width = c.width ?? Math.min(40, Math.max(10, c.header.length + 2));
  // exceljs leaves out a width of exactly 9 (its default); the spreadsheet's default is narrower.
  column.width = width === 9 ? 9.01 : width;
  const last = 1 + values.length + (totals ? 1 : 0);
  const alignment: Partial<ExcelJS.Alignment> = {
    vertical: "top",
    wrapText: c.wrap === true,
    horizontal: c.align,
  };
  for (let r = 2; r <= last; r++) {
    const target = ws.getCell(r, i + 1);
    if (c.numFmt) target.numFmt = c.numFmt;
    target.alignment = alignment;
    const v = values[r - 2]?.[i];
    if (
      v &&
      typeof v === "object" &&
      "formula" in v &&
      String(v.formula).startsWith("HYPERLINK(")
    ) {
      target.font = { color: { argb: "FF0563C1" }, underline: true };
    }
  }
}

function dataRange(column: number, n: number): string {
  const col = columnLetters(column);
  return `${col}2:${col}${Math.max(2, n + 1)}`;
}

function addConditional(ws: ExcelJS.Worksheet, cf: ConditionalSpec, n: number): void {
  const ref = dataRange(cf.column, n);
  if (cf.kind === "textEquals") {
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: "cellIs",
          operator: "equal",
          formulae: [`"${cf.text.replace(/"/g, '""')}"`],
          priority: 1,
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${cf.fill}` } },
            font: cf.font ? { color: { argb: `FF${cf.font}` } } : undefined,
          },
        } as ExcelJS.CellIsRuleType,
      ],
    });
  } else {
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          minLength: 0,
          maxLength: 100,
          gradient: false,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 1 },
          ],
          color: { argb: `FF${cf.color}` },
        } as unknown as ExcelJS.DataBarRuleType,
      ],
    });
  }
}

function addValidation(ws: ExcelJS.Worksheet, v: ValidationSpec, n: number): void {
  const validation: ExcelJS.DataValidation =
    v.kind === "list"
      ? {
          type: "list",
          allowBlank: true,
          formulae: [`"${(v.values ?? []).join(",")}"`],
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: "Valore non previsto",
          error: `Scegli uno dei valori: ${(v.values ?? []).join(", ")}.`,
          showInputMessage: !!v.prompt,
          prompt: v.prompt,
        }
      : {
          type: "decimal",
          operator: "between",
          allowBlank: true,
          formulae: [v.min ?? 0, v.max ?? 1],
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: "Valore fuori intervallo",
          error:
            v.max === 1 && (v.min ?? 0) === 0
              ? "Scrivi una percentuale tra 0% e 100%."
              : `Scrivi un numero tra ${v.min ?? 0} e ${v.max ?? 1}.`,
          showInputMessage: !!v.prompt,
          prompt: v.prompt,
        };
  // One range for the whole column (not one entry per cell): smaller file, faster to write.
  const dv = (
    ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  dv.add(dataRange(v.column, n), validation);
}
