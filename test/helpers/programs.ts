/**
 * External programs for end-to-end tests (LibreOffice `soffice`, `pdftotext`, `chromium`).
 * `requireProgram(name)` is true when the program is on PATH. When it is not, the test file skips
 * its tests with a LOUD message, unless E2E_REQUIRED=1: then the missing program is a failure.
 */
import { accessSync, constants } from "fs";
import * as path from "path";

export function findProgram(name: string): string | null {
  if (name.includes("/")) {
    try {
      accessSync(name, constants.X_OK);
      return name;
    } catch {
      return null;
    }
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

export function requireProgram(name: string): boolean {
  if (findProgram(name)) return true;
  const line = "!".repeat(78);
  const msg = `${line}\n!! PROGRAMMA MANCANTE: "${name}" non è nel PATH: i test che lo usano sono SALTATI.\n!! Installa il pacchetto (vedi /work/shared/TOOLCHAIN.md) o imposta E2E_REQUIRED=1 per farli fallire.\n${line}`;
  if (process.env.E2E_REQUIRED === "1") {
    throw new Error(`E2E_REQUIRED=1 ma "${name}" non è installato (non è nel PATH).`);
  }
  console.warn(msg);
  return false;
}
