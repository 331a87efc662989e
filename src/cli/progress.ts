/**
 * Long work shows progress: a bar on stderr, drawn only when stderr is a terminal (a pipe, a file or
 * a script gets nothing extra). Redrawn in place, cleared at the end.
 */
import type { CliIo } from "./io";

export interface CliProgress {
  /** `fraction` 0..1 of the whole command; `label` what is being done, in Italian. */
  step(fraction: number, label: string): void;
  /** Clears the bar (before the command's own output). */
  done(): void;
}

const WIDTH = 24;
const NONE: CliProgress = { step: () => {}, done: () => {} };

/** The bar's text for one state, e.g. `[██████░░░░] 40 % Lettura del piano…`. */
export function progressLine(fraction: number, label: string): string {
  const f = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const full = Math.round(f * WIDTH);
  const pct = String(Math.round(f * 100)).padStart(3);
  return `[${"█".repeat(full)}${"░".repeat(WIDTH - full)}] ${pct} % ${label}`;
}

export function createProgress(io: CliIo): CliProgress {
  if (!io.tty) return NONE;
  let shown = false;
  let last = "";
  return {
    step(fraction, label) {
      const line = progressLine(fraction, label);
      if (line === last) return;
      last = line;
      shown = true;
      // \r and "erase line": the bar is redrawn where it is.
      io.err(`\r\x1b[2K${line}`);
    },
    done() {
      if (shown) io.err("\r\x1b[2K");
      shown = false;
      last = "";
    },
  };
}
