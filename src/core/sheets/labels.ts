/**
 * Italian words for a status (docs/functions.md, `PEG.ESITO`). One map for the structured sheets,
 * the summary and the custom functions, so a status reads the same everywhere.
 */
import { STATUSES, type Status } from "../model";

export const ESITO: Readonly<Record<Status, string>> = {
  met: "RAGGIUNTO",
  partial: "PARZIALE",
  missed: "NON RAGGIUNTO",
  pending: "IN CORSO",
  overdue: "SCADUTO",
  qualitative: "DA VALUTARE",
  unparsed: "NON LEGGIBILE",
};

/** The seven Esito words, in the order of STATUSES (the list of a manual verdict column). */
export const ESITO_LIST: readonly string[] = STATUSES.map((s) => ESITO[s]);

export function esitoLabel(status: Status): string {
  return ESITO[status];
}

/** A status from its Italian word (any case, spaces collapsed), or null. */
export function statusFromEsito(text: string): Status | null {
  const t = String(text ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .toUpperCase();
  for (const s of STATUSES) if (ESITO[s] === t) return s;
  return null;
}

/** Traffic-light colours (fill, font) of each Esito word, RGB hex. */
export const ESITO_COLORS: Readonly<Record<Status, { fill: string; font: string }>> = {
  met: { fill: "C6EFCE", font: "006100" },
  partial: { fill: "FFEB9C", font: "9C5700" },
  missed: { fill: "FFC7CE", font: "9C0006" },
  overdue: { fill: "FFC7CE", font: "9C0006" },
  pending: { fill: "DDEBF7", font: "1F4E78" },
  qualitative: { fill: "EDEDED", font: "404040" },
  unparsed: { fill: "FCE4D6", font: "833C0B" },
};

/**
 * What a `PEG.*` cell shows when it has no value (a grade while the indicator is pending, the rule of
 * an empty target). Not "": a spreadsheet recomputes a formula whose cached value is empty, and
 * without the add-in that gives #NAME?. Text counts 0 in SUMPRODUCT and is skipped by AVERAGEIFS.
 */
export const NO_VALUE = "—";
