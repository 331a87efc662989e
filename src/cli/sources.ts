/**
 * Input files of the `peg` command -> grids. Files are only read, never written. Size is checked
 * before reading; workbook bytes are checked again by the xlsx reader (zip directory, bombs).
 */
import { promises as fsp } from "fs";
import * as path from "path";
import type { Grid } from "../core/grid";
import { PegInputError, isPegInputError } from "../core/errors";
import { textToGrid } from "../core/textgrid";
import { DEFAULT_LIMITS, type ReadLimits, checkFileSize } from "../xlsx/zip-guard";

export interface SourceFile {
  /** Path as given on the command line. */
  arg: string;
  /** Absolute path. */
  path: string;
  /** Base name, used in messages and in the model's `source.files`. */
  name: string;
  bytes: Uint8Array;
  grids: Grid[];
}

export type SourceKind = "xlsx" | "csv" | "tsv" | "txt";

export function sourceKind(fileName: string): SourceKind {
  const ext = path.extname(fileName).toLowerCase();
  const name = path.basename(fileName);
  switch (ext) {
    case ".xlsx":
    case ".xlsm":
      return "xlsx";
    case ".csv":
      return "csv";
    case ".tsv":
    case ".tab":
      return "tsv";
    case ".txt":
      return "txt";
    case ".xls":
      throw new PegInputError(
        `Impossibile leggere "${name}": i file Excel 97-2003 (.xls) non sono supportati. ` +
          `Aprilo in Excel e salva il file come .xlsx (Excel 2007 o successivo) senza password.`,
        "FILE_XLS",
        name
      );
    case ".ods":
      throw new PegInputError(
        `Impossibile leggere "${name}": i fogli OpenDocument (.ods) non sono supportati. ` +
          `Apri il file e salvalo come .xlsx.`,
        "FILE_ODS",
        name
      );
    case ".xlsb":
      throw new PegInputError(
        `Impossibile leggere "${name}": le cartelle binarie (.xlsb) non sono supportate. Aprila in Excel e salvala come .xlsx.`,
        "FILE_UNSUPPORTED",
        name
      );
    default:
      throw new PegInputError(
        `Impossibile leggere "${name}": formato non supportato${ext ? ` (${ext})` : ""}. ` +
          `Usa un file .xlsx, .xlsm, .csv, .tsv o .txt.`,
        "FILE_UNSUPPORTED",
        name
      );
  }
}

/** Read a file's bytes after checking it exists, is a file and is within the size cap. */
export async function readInputBytes(
  absPath: string,
  name: string,
  limits: ReadLimits = DEFAULT_LIMITS
): Promise<Uint8Array> {
  let size: number;
  try {
    const st = await fsp.stat(absPath);
    if (st.isDirectory()) {
      throw new PegInputError(
        `"${name}" è una cartella, non un file: indica il file del piano.`,
        "FILE_NOT_FOUND",
        name
      );
    }
    if (!st.isFile()) {
      throw new PegInputError(
        `"${name}" non è un file normale (dispositivo o pipe): indica il file del piano.`,
        "FILE_READ",
        name
      );
    }
    size = st.size;
  } catch (e) {
    if (isPegInputError(e)) throw e;
    throw fsError(e, name);
  }
  checkFileSize(size, name, limits);
  try {
    const buf = await fsp.readFile(absPath);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    throw fsError(e, name);
  }
}

function fsError(e: unknown, name: string): PegInputError {
  const code = (e as { code?: string })?.code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new PegInputError(
      `Il file "${name}" non esiste: controlla il nome e la cartella.`,
      "FILE_NOT_FOUND",
      name
    );
  }
  if (code === "EACCES" || code === "EPERM") {
    return new PegInputError(
      `Impossibile leggere "${name}": permesso negato. Controlla i permessi del file.`,
      "FILE_READ",
      name
    );
  }
  return new PegInputError(
    `Impossibile leggere "${name}" (${code ?? "errore di lettura"}).`,
    "FILE_READ",
    name
  );
}

/** Text bytes -> string: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252 (old Italian Excel). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? bytes.subarray(3)
      : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (€, curly quotes, dashes...).
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Decoded by hand: Node's TextDecoder treats windows-1252 as Latin-1 without small-ICU data. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const slice = bytes.subarray(i, i + CHUNK);
    let s = "";
    for (let j = 0; j < slice.length; j++) {
      const b = slice[j];
      s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    }
    parts.push(s);
  }
  return parts.join("");
}

/** Text that is clearly not text (NUL bytes): a binary file with a text extension. */
function looksBinary(bytes: Uint8Array): boolean {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export async function readSource(
  arg: string,
  cwd: string,
  limits: ReadLimits = DEFAULT_LIMITS
): Promise<SourceFile> {
  const abs = path.resolve(cwd, arg);
  const name = path.basename(arg);
  const kind = sourceKind(name);
  const bytes = await readInputBytes(abs, name, limits);
  let grids: Grid[];
  if (kind === "xlsx") {
    // Loaded on demand: exceljs takes most of the start-up time and `peg target` never needs it.
    const { readXlsxGrids } = await import("../xlsx/read");
    grids = await readXlsxGrids(bytes, name, limits);
  } else {
    if (looksBinary(bytes)) {
      const hint =
        bytes[0] === 0x50 && bytes[1] === 0x4b
          ? "sembra una cartella Excel: rinominalo con estensione .xlsx"
          : "non è un file di testo: salvalo da Excel come .xlsx o come testo delimitato da tabulazioni";
      throw new PegInputError(`Impossibile leggere "${name}": ${hint}.`, "FILE_CORRUPT", name);
    }
    grids = [textToGrid(decodeText(bytes), name, { format: kind })];
  }
  return { arg, path: abs, name, bytes, grids };
}

/**
 * Read several inputs. Sheets of different files that share a name are told apart by prefixing
 * the later ones with their file name, so every `source` reference stays unambiguous.
 */
export async function readSources(
  args: string[],
  cwd: string,
  limits: ReadLimits = DEFAULT_LIMITS,
  distinctSheets = true,
  /** Called before each file is read (a progress bar). */
  onFile?: (index: number, arg: string) => void
): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const seen = new Set<string>();
  for (const [index, a] of args.entries()) {
    onFile?.(index, a);
    const src = await readSource(a, cwd, limits);
    for (const g of src.grids) g.file = src.name;
    if (!distinctSheets) {
      out.push(src);
      continue;
    }
    for (const g of src.grids) {
      if (seen.has(g.sheet)) g.sheet = uniqueName(`${src.name} - ${g.sheet}`, seen);
      seen.add(g.sheet);
    }
    out.push(src);
  }
  return out;
}

function uniqueName(base: string, seen: Set<string>): string {
  if (!seen.has(base)) return base;
  for (let i = 2; ; i++) if (!seen.has(`${base} (${i})`)) return `${base} (${i})`;
}
