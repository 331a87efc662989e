/**
 * Errors the user can fix (a bad file, a bad argument). The CLI prints `message` as is and exits 2;
 * the task pane shows it. Messages are Italian, name the file and say what to do.
 */

export type PegErrorCode =
  | "FILE_NOT_FOUND"
  | "FILE_EMPTY"
  | "FILE_TOO_LARGE"
  | "FILE_CORRUPT"
  | "FILE_XLS"
  | "FILE_ENCRYPTED"
  | "FILE_ODS"
  | "FILE_NOT_XLSX"
  | "FILE_UNSUPPORTED"
  | "FILE_ZIP_BOMB"
  | "FILE_READ"
  | "OUTPUT_IS_INPUT"
  | "OUTPUT_WRITE"
  | "CONFIG_INVALID"
  | "USAGE"
  | "NOT_AVAILABLE"
  | "NO_PLAN";

export class PegInputError extends Error {
  readonly code: PegErrorCode;
  /** The file the error is about, when there is one (base name or path as the user gave it). */
  readonly file?: string;

  constructor(message: string, code: PegErrorCode = "FILE_READ", file?: string) {
    super(message);
    this.name = "PegInputError";
    this.code = code;
    this.file = file;
    // Keep instanceof working when compiled to older targets.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isPegInputError(e: unknown): e is PegInputError {
  return (
    e instanceof PegInputError ||
    (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "PegInputError")
  );
}
