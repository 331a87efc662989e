/**
 * Checks a workbook file from its bytes before any parser inflates it: what kind of file it really
 * is (xlsx, a renamed .xls/.ods/.xlsb, random bytes, a cut download) and whether the zip directory
 * promises more data than we accept (zip bombs). Reads only the zip central directory: nothing is
 * decompressed here. Browser-safe (no Node APIs).
 */
import { PegInputError } from "../core/errors";

export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total uncompressed size declared by the zip directory, in bytes. */
  maxUncompressedBytes: number;
  /** Largest compression ratio accepted for an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are never refused for their ratio (tiny XML compresses well). */
  ratioFloorBytes: number;
  /** Most zip entries accepted. */
  maxEntries: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 16 * 1024 * 1024,
  maxEntries: 20000,
};

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  method: number;
  encrypted: boolean;
  localHeaderOffset: number;
}

const MB = 1024 * 1024;

function mb(n: number): string {
  return `${(n / MB).toLocaleString("it-IT", { maximumFractionDigits: 1 })} MB`;
}

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

export function isOle2(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE2_MAGIC);
}

export function isZip(bytes: Uint8Array): boolean {
  // Local file header, or the end record of an empty archive.
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

function corrupt(fileName: string): PegInputError {
  return new PegInputError(
    `Impossibile leggere "${fileName}": il file è danneggiato o incompleto. ` +
      `Scaricalo o copialo di nuovo, aprilo in Excel e salvalo come .xlsx.`,
    "FILE_CORRUPT",
    fileName
  );
}

/** Size checks that need no parsing at all. */
export function checkFileSize(
  size: number,
  fileName: string,
  limits: ReadLimits = DEFAULT_LIMITS
): void {
  if (size === 0) {
    throw new PegInputError(
      `Impossibile leggere "${fileName}": il file è vuoto (0 byte). Controlla di aver scelto il file giusto.`,
      "FILE_EMPTY",
      fileName
    );
  }
  if (size > limits.maxFileBytes) {
    throw new PegInputError(
      `Il file "${fileName}" è troppo grande (${mb(size)}, massimo ${mb(limits.maxFileBytes)}). ` +
        `Dividi il piano in più file o elimina i fogli non necessari.`,
      "FILE_TOO_LARGE",
      fileName
    );
  }
}

/** Read the zip central directory. Throws PegInputError when the archive is cut or malformed. */
export function readZipDirectory(bytes: Uint8Array, fileName: string): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  if (len < 22) throw corrupt(fileName);
  // End of central directory record: last 22 bytes + up to 64 KB of comment.
  let eocd = -1;
  const stop = Math.max(0, len - 22 - 0xffff);
  for (let i = len - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(fileName);
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // Zip64: the locator sits just before the classic end record.
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== 0x07064b50) throw corrupt(fileName);
    const z64 = readUint64(view, loc + 8);
    if (z64 + 56 > len || view.getUint32(z64, true) !== 0x06064b50) throw corrupt(fileName);
    count = readUint64(view, z64 + 32);
    cdSize = readUint64(view, z64 + 40);
    cdOffset = readUint64(view, z64 + 48);
    cdEnd = z64;
  }
  // Archives with bytes prepended (self-extracting) shift every offset; JSZip accepts them too.
  let shift = 0;
  if (cdOffset + 4 > len || view.getUint32(cdOffset, true) !== 0x02014b50) {
    const guess = cdEnd - cdSize;
    if (count > 0 && (guess < 0 || view.getUint32(guess, true) !== 0x02014b50))
      throw corrupt(fileName);
    shift = guess - cdOffset;
    cdOffset = guess;
  }
  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder("utf-8");
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || view.getUint32(p, true) !== 0x02014b50) throw corrupt(fileName);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > len) throw corrupt(fileName);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // Zip64 extra field: 64-bit values for the fields set to 0xFFFFFFFF, in this order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= extraEnd) {
          uncompressedSize = readUint64(view, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= extraEnd) {
          compressedSize = readUint64(view, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= extraEnd) {
          localHeaderOffset = readUint64(view, q);
        }
      }
      e += 4 + size;
    }
    localHeaderOffset += shift;
    if (localHeaderOffset + 30 + compressedSize > len) throw corrupt(fileName);
    entries.push({
      name,
      compressedSize,
      uncompressedSize,
      method,
      encrypted: (flags & 1) === 1,
      localHeaderOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function readUint64(view: DataView, at: number): number {
  const lo = view.getUint32(at, true);
  const hi = view.getUint32(at + 4, true);
  return hi * 0x100000000 + lo;
}

/** The first KB decode as UTF-8 text with no control characters but tab/CR/LF. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  let text: string;
  try {
    // A multi-byte character cut at the end of the sample is not an error.
    text = new TextDecoder("utf-8", { fatal: true }).decode(
      head.subarray(0, cutToCharBoundary(head))
    );
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return text.length > 0 && !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text);
}

function cutToCharBoundary(b: Uint8Array): number {
  let end = b.length;
  // Step back over continuation bytes and the lead byte of a possibly incomplete sequence.
  let i = end - 1;
  let k = 0;
  while (i >= 0 && k < 3 && (b[i] & 0xc0) === 0x80) {
    i--;
    k++;
  }
  if (i >= 0 && b[i] >= 0xc0) {
    const need = b[i] >= 0xf0 ? 4 : b[i] >= 0xe0 ? 3 : 2;
    if (end - i < need) end = i;
  }
  return end;
}

/** Content of a stored (uncompressed) entry, e.g. an ODF `mimetype`; null when compressed. */
function storedText(bytes: Uint8Array, entry: ZipEntryInfo): string | null {
  if (entry.method !== 0 || entry.compressedSize > 1024) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) return null;
  return new TextDecoder("utf-8").decode(bytes.subarray(start, start + entry.compressedSize));
}

/**
 * Everything that can be said about a workbook file before parsing it. Throws PegInputError with an
 * Italian message naming the file and what to do; returns the zip directory when it is a plausible
 * .xlsx/.xlsm within the limits.
 */
export function guardWorkbookBytes(
  bytes: Uint8Array,
  fileName: string,
  limits: ReadLimits = DEFAULT_LIMITS
): ZipEntryInfo[] {
  checkFileSize(bytes.length, fileName, limits);
  if (isOle2(bytes)) {
    throw new PegInputError(
      `Impossibile leggere "${fileName}": è un file Excel 97-2003 (.xls) oppure un file protetto da password. ` +
        `Aprilo in Excel e salva il file come .xlsx (Excel 2007 o successivo) senza password.`,
      "FILE_XLS",
      fileName
    );
  }
  if (!isZip(bytes)) {
    const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    if (
      head.startsWith("<?xml") ||
      head.startsWith("<html") ||
      head.startsWith("<!doctype") ||
      head.startsWith("<table")
    ) {
      throw new PegInputError(
        `Impossibile leggere "${fileName}": non è un vero file .xlsx ma un file XML/HTML con un'estensione Excel. ` +
          `Aprilo in Excel e salvalo come "Cartella di lavoro di Excel (.xlsx)".`,
        "FILE_NOT_XLSX",
        fileName
      );
    }
    if (looksLikeText(bytes)) {
      throw new PegInputError(
        `Impossibile leggere "${fileName}": è un file di testo (ad esempio CSV) con un'estensione Excel. ` +
          `Rinominalo con l'estensione .csv o .txt, oppure aprilo in Excel e salvalo come .xlsx.`,
        "FILE_NOT_XLSX",
        fileName
      );
    }
    throw corrupt(fileName);
  }
  const entries = readZipDirectory(bytes, fileName);
  if (entries.length > limits.maxEntries) {
    throw new PegInputError(
      `Il file "${fileName}" contiene troppi elementi interni (${entries.length}, massimo ${limits.maxEntries}): ` +
        `non viene aperto per sicurezza. Salvalo di nuovo da Excel come .xlsx.`,
      "FILE_ZIP_BOMB",
      fileName
    );
  }
  const names = new Set(entries.map((e) => e.name.replace(/^\//, "")));
  const mimetype = entries.find((e) => e.name === "mimetype");
  const mime = mimetype ? storedText(bytes, mimetype) : null;
  if (
    (mime && mime.startsWith("application/vnd.oasis.opendocument")) ||
    (names.has("content.xml") && names.has("META-INF/manifest.xml"))
  ) {
    const what =
      mime && !mime.includes("spreadsheet")
        ? "un documento OpenDocument"
        : "un foglio di calcolo OpenDocument (.ods)";
    throw new PegInputError(
      `Impossibile leggere "${fileName}": è ${what} con un'estensione Excel. ` +
        `Apri il file (Excel o LibreOffice) e salvalo come .xlsx.`,
      "FILE_ODS",
      fileName
    );
  }
  if (entries.some((e) => e.encrypted)) {
    throw new PegInputError(
      `Impossibile leggere "${fileName}": il contenuto è cifrato (protetto da password). ` +
        `Salva il file come .xlsx (Excel 2007 o successivo) senza password.`,
      "FILE_ENCRYPTED",
      fileName
    );
  }
  if (!names.has("xl/workbook.xml")) {
    let hint = "Aprilo in Excel e salvalo come .xlsx.";
    if (names.has("xl/workbook.bin"))
      hint = "È una cartella binaria (.xlsb): aprila in Excel e salvala come .xlsx.";
    else if (names.has("word/document.xml"))
      hint = "È un documento Word: copia la tabella in Excel e salva come .xlsx.";
    else if (names.has("ppt/presentation.xml"))
      hint = "È una presentazione PowerPoint: copia la tabella in Excel e salva come .xlsx.";
    throw new PegInputError(
      `Impossibile leggere "${fileName}": non è una cartella di lavoro Excel. ${hint}`,
      "FILE_NOT_XLSX",
      fileName
    );
  }
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw new PegInputError(
        `Il file "${fileName}" non viene aperto per sicurezza: l'elemento interno "${e.name}" si espande ` +
          `da ${mb(e.compressedSize)} a ${mb(e.uncompressedSize)} (rapporto ${Math.round(ratio)}:1, possibile "zip bomb"). ` +
          `Se il file è legittimo, aprilo in Excel, elimina le righe e colonne vuote in eccesso e salvalo di nuovo.`,
        "FILE_ZIP_BOMB",
        fileName
      );
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw new PegInputError(
      `Il file "${fileName}" non viene aperto per sicurezza: una volta decompresso occuperebbe ${mb(total)} ` +
        `(massimo ${mb(limits.maxUncompressedBytes)}). Dividi il piano in più file o elimina i fogli non necessari.`,
      "FILE_ZIP_BOMB",
      fileName
    );
  }
  return entries;
}
