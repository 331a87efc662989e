/** Generators of broken and hostile input files for the CLI tests (nothing opaque checked in). */
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { zipFromStored, type StoredZipEntry } from "../hostile/builders";

export async function xlsxBytes(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function ole2Bytes(): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  return b;
}

export async function odsBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  zip.file("content.xml", '<?xml version="1.0"?><office:document-content/>');
  zip.file("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest/>');
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Deterministic pseudo-random bytes. */
export function randomBytes(n: number, seed = 7): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = (x >> 16) & 0xff;
  }
  return b;
}

type RawEntry = StoredZipEntry;

/** A minimal zip writer, so a bomb can be built from a deflate stream without holding it inflated. */
export function buildZip(entries: RawEntry[]): Buffer {
  return zipFromStored(entries);
}

function deflated(name: string, text: string): RawEntry {
  const data = Buffer.from(text, "utf8");
  return {
    name,
    method: 8,
    data: zlib.deflateRawSync(data),
    crc: zlib.crc32(data),
    size: data.length,
  };
}

/**
 * A real zip bomb: an xlsx-looking archive whose sheet inflates to `megabytes` MB of zeros while the
 * file stays around 1/1000 of that. Built by streaming, never holding the inflated sheet.
 */
export function zipBomb(megabytes: number): Buffer {
  const chunk = Buffer.alloc(1024 * 1024);
  // Each chunk is compressed with a sync flush (no final block), so the pieces concatenate into
  // one deflate stream; an empty final block closes it.
  const parts: Buffer[] = [];
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    crc = zlib.crc32(chunk, crc);
  }
  const one = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  for (let i = 0; i < megabytes; i++) parts.push(one);
  parts.push(zlib.deflateRawSync(Buffer.alloc(0)));
  const sheet: RawEntry = {
    name: "xl/worksheets/sheet1.xml",
    method: 8,
    data: Buffer.concat(parts),
    crc,
    size: megabytes * 1024 * 1024,
  };
  return buildZip([
    deflated("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
    deflated("xl/workbook.xml", '<?xml version="1.0"?><workbook/>'),
    sheet,
  ]);
}
