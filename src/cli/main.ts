/**
 * Entry of the `peg` command (bundled to dist/cli/peg.cjs by `npm run build:cli`).
 * Sets the exit code instead of calling process.exit, so large outputs are flushed.
 */
import { run } from "./run";

// `peg ... | head` closes the pipe early: that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
});

process.on("uncaughtException", (e) => {
  process.stderr.write(
    `peg: errore interno: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`
  );
  process.exit(2);
});
process.on("unhandledRejection", (e) => {
  process.stderr.write(
    `peg: errore interno: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`
  );
  process.exit(2);
});

const io = {
  out: (text: string) => {
    process.stdout.write(text);
  },
  err: (text: string) => {
    process.stderr.write(text);
  },
  cwd: process.cwd(),
  tty: process.stderr.isTTY === true,
  lang: (process.env.PEG_LANG?.toLowerCase().startsWith("en") ? "en" : "it") as "it" | "en",
};

void run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
