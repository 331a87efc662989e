/**
 * Settings for `peg structure` / `peg audit`: `--config FILE`, or `peg.config.json` beside the
 * first input file. Parsed JSON is validated with the audit settings schema and passed on as is.
 */
import { promises as fsp } from "fs";
import * as path from "path";
import { PegInputError } from "../core/errors";
import { parseSettings } from "../core/settings";
import { fileExists } from "./fs-safe";

export const CONFIG_FILE_NAME = "peg.config.json";

export interface LoadedConfig {
  /** Path of the file read, or null when there is none. */
  path: string | null;
  settings: unknown;
}

export async function loadConfig(
  configArg: string | undefined,
  firstInput: string | undefined,
  cwd: string
): Promise<LoadedConfig> {
  let file: string | null = null;
  if (configArg !== undefined) {
    file = path.resolve(cwd, configArg);
    if (!fileExists(file)) {
      throw new PegInputError(
        `Il file di impostazioni "${configArg}" indicato con --config non esiste.`,
        "CONFIG_INVALID",
        path.basename(configArg)
      );
    }
  } else if (firstInput !== undefined) {
    const beside = path.join(path.dirname(path.resolve(cwd, firstInput)), CONFIG_FILE_NAME);
    if (fileExists(beside)) file = beside;
  }
  if (file === null) return { path: null, settings: undefined };
  const name = path.basename(file);
  let text: string;
  try {
    text = await fsp.readFile(file, "utf8");
  } catch (e) {
    throw new PegInputError(
      `Impossibile leggere il file di impostazioni "${name}" (${(e as { code?: string }).code ?? "errore"}).`,
      "CONFIG_INVALID",
      name
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new PegInputError(
      `Il file di impostazioni "${name}" non è un JSON valido (${(e as Error).message}). Correggilo o eliminalo.`,
      "CONFIG_INVALID",
      name
    );
  }
  try {
    parseSettings(raw, name);
  } catch (e) {
    throw new PegInputError(
      `Impostazioni non valide: ${(e as Error).message}`,
      "CONFIG_INVALID",
      name
    );
  }
  return { path: file, settings: raw };
}
