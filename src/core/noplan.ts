/**
 * "Nothing read is said" (issue 14): a model with no objective and no indicator means no plan was
 * read. The commands refuse it (exit 2) and the pane says it, both with the words written here.
 */
import { PegInputError } from "./errors";
import type { PegModel } from "./model";

/** True when the reading found at least one objective or indicator. */
export function planRead(
  model: Pick<PegModel, "strategicObjectives" | "operationalObjectives" | "indicators">
): boolean {
  return (
    model.operationalObjectives.length > 0 ||
    model.strategicObjectives.length > 0 ||
    model.indicators.length > 0
  );
}

function fileList(files: readonly string[]): string {
  const q = files.map((f) => `"${f}"`);
  if (q.length <= 1) return q[0] ?? "indicato";
  return `${q.slice(0, -1).join(", ")} e ${q[q.length - 1]}`;
}

/** What to do when nothing was read: look at the reading, then map the columns. */
export function noPlanAdvice(files: readonly string[]): string {
  const args =
    files.length > 0 ? files.map((f) => (/\s/.test(f) ? `"${f}"` : f)).join(" ") : "FILE";
  return (
    `Guarda come è stato letto ogni foglio con: peg inspect ${args}; poi indica quali colonne ` +
    `contengono obiettivi, indicatori e target nella voce "layouts" di peg.config.json ` +
    `(mappatura delle colonne, vedi il README) e riprova.`
  );
}

/** The Italian sentence for the user (CLI and pane). */
export function noPlanMessage(files: readonly string[]): string {
  const subject =
    files.length > 1
      ? `Nei file ${fileList(files)} non è stato letto nessun piano`
      : `Nel file ${fileList(files)} non è stato letto nessun piano`;
  return `${subject}: nessun obiettivo e nessun indicatore riconosciuto. ${noPlanAdvice(files)}`;
}

/** Throws the refusal (exit 2 in the CLI) when the model holds no plan. */
export function assertPlanRead(
  model: PegModel,
  files: readonly string[] = model.source.files
): void {
  if (!planRead(model)) throw new PegInputError(noPlanMessage(files), "NO_PLAN", files[0]);
}
