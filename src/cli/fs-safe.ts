/**
 * Writing output files safely: never over an input (compared by real path and by inode, so
 * symlinks and hard links are caught), and through a temp file in the same folder renamed into
 * place, so a failure never leaves a half-written file.
 */
import { promises as fsp } from "fs";
import * as fs from "fs";
import * as path from "path";
import { PegInputError } from "../core/errors";

async function realOrResolved(p: string): Promise<string> {
  try {
    return await fsp.realpath(p);
  } catch {
    // The file does not exist yet: resolve its folder instead.
    try {
      return path.join(await fsp.realpath(path.dirname(p)), path.basename(p));
    } catch {
      return path.resolve(p);
    }
  }
}

/** Throws PegInputError when `outPath` is (or points to) one of `inputs`. */
export async function assertNotInput(outPath: string, inputs: string[]): Promise<void> {
  const out = await realOrResolved(outPath);
  const outStat = await fsp.stat(out).catch(() => null);
  for (const input of inputs) {
    const inReal = await realOrResolved(input);
    const same =
      inReal === out ||
      (process.platform === "win32" || process.platform === "darwin"
        ? inReal.toLowerCase() === out.toLowerCase()
        : false);
    let sameInode = false;
    if (!same && outStat) {
      const inStat = await fsp.stat(inReal).catch(() => null);
      sameInode = !!inStat && inStat.ino === outStat.ino && inStat.dev === outStat.dev;
    }
    if (same || sameInode) {
      throw new PegInputError(
        `Il file di uscita "${path.basename(outPath)}" coincide con il file di ingresso "${path.basename(input)}": ` +
          `i file originali non vengono mai sovrascritti. Indica con --out un altro nome.`,
        "OUTPUT_IS_INPUT",
        path.basename(outPath)
      );
    }
  }
}

/** Write `bytes` to `outPath` atomically, refusing to touch any of `inputs`. */
export async function writeFileAtomic(
  outPath: string,
  bytes: Uint8Array | string,
  inputs: string[] = []
): Promise<void> {
  await assertNotInput(outPath, inputs);
  const dir = path.dirname(path.resolve(outPath));
  const name = path.basename(outPath);
  const st = await fsp.stat(dir).catch(() => null);
  if (!st || !st.isDirectory()) {
    throw new PegInputError(
      `Impossibile scrivere "${name}": la cartella "${dir}" non esiste.`,
      "OUTPUT_WRITE",
      name
    );
  }
  const existing = await fsp.lstat(outPath).catch(() => null);
  if (existing?.isDirectory()) {
    throw new PegInputError(
      `Impossibile scrivere "${name}": è una cartella. Indica un nome di file.`,
      "OUTPUT_WRITE",
      name
    );
  }
  const tmp = path.join(
    dir,
    `.${name}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`
  );
  try {
    await fsp.writeFile(tmp, bytes, { flag: "wx" });
    // When the output is a symlink, replace the link itself, never the file it points to.
    await fsp.rename(tmp, outPath);
  } catch (e) {
    await fsp.unlink(tmp).catch(() => undefined);
    const code = (e as { code?: string })?.code;
    if (code === "EBUSY" || code === "EPERM" || code === "EACCES") {
      throw new PegInputError(
        `Impossibile scrivere "${name}": il file è aperto in un altro programma (es. Excel) o la cartella è protetta. Chiudilo e riprova.`,
        "OUTPUT_WRITE",
        name
      );
    }
    throw new PegInputError(
      `Impossibile scrivere "${name}" (${code ?? String(e)}).`,
      "OUTPUT_WRITE",
      name
    );
  }
}

/** Synchronous existence check used by the commands for optional files such as peg.config.json. */
export function fileExists(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
