/** Where a command writes: the real process streams, or buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Working directory used to resolve relative paths. */
  cwd: string;
  /** Language of help and usage texts. */
  lang: "it" | "en";
  /** stderr is a terminal: long commands draw a progress bar there. */
  tty?: boolean;
}

/** An io that collects output, for in-process tests and tools. */
export function bufferIo(
  cwd: string,
  lang: "it" | "en" = "it"
): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    cwd,
    lang,
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}
