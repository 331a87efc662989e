/**
 * Zip entries inflated with the platform's own DecompressionStream (native in Node 18+ and current
 * browsers, several times faster than JavaScript inflaters), never beyond the size the zip
 * directory declares: an archive that lies about its sizes cannot expand past the caps checked
 * from that directory. Browser-safe.
 */
import type { ZipEntryInfo } from "./zip-guard";

export class InflateLimitError extends Error {
  constructor(readonly entry: string) {
    super(`l'elemento "${entry}" si espande oltre la dimensione dichiarata`);
  }
}

export function hasNativeInflate(): boolean {
  try {
    return typeof DecompressionStream === "function" && !!new DecompressionStream("deflate-raw");
  } catch {
    return false;
  }
}

/** The raw (still compressed) bytes of an entry, located through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50)
    throw new Error(`intestazione di "${entry.name}" non valida`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new Error(`"${entry.name}" è incompleto`);
  return bytes.subarray(start, end);
}

/**
 * Inflate one entry. With `keep` false only counts the bytes (to verify the declared size).
 * Throws InflateLimitError past the declared size (plus a little slack for rounding writers).
 */
export async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntryInfo,
  keep = true
): Promise<Uint8Array> {
  const data = entryData(bytes, entry);
  const limit = entry.uncompressedSize + 1024;
  if (entry.method === 0) {
    if (data.length > limit) throw new InflateLimitError(entry.name);
    return keep ? data : new Uint8Array(0);
  }
  if (entry.method !== 8)
    throw new Error(`metodo di compressione ${entry.method} non supportato per "${entry.name}"`);
  // A fresh copy: the stream may transfer the buffer it is given.
  const stream = new Blob([data.slice()])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let r: ReadableStreamReadResult<Uint8Array>;
    try {
      r = await reader.read();
    } catch (e) {
      throw new Error(
        `dati compressi di "${entry.name}" non validi (${e instanceof Error ? e.message : String(e)})`
      );
    }
    if (r.done) break;
    total += r.value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new InflateLimitError(entry.name);
    }
    if (keep) chunks.push(r.value);
  }
  if (!keep) return new Uint8Array(0);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
