/**
 * A table pasted from a PDF one cell per line (docs/recognition.md): under a header that names
 * the value columns (`… Indicatore Target Valore consuntivo`, `Obiettivo 2019 Indicatore Target %
 * Risultato %`), each record is a few text lines — its objective (with its code when it has one),
 * the structures responsible, the indicator — closed by a line of values only (`4,00 4,90`,
 * `On On`, `100 100`), read in the order the header names them.
 */
import { cellRef, type Grid } from "../../grid";
import type { ColumnRole } from "../reading";
import type { SheetContext } from "../sheet";
import { fold, letterCount, upperRatio } from "../text";
import { splitLeadingCode } from "../titles";
import { roleOfHeading } from "../table/lexicon";
import type { RawObjective, RawPeople } from "../types";
import { headerlessReading, lineOf, newRawObjective, type Line } from "./parts";
import type { LayoutReader, ReaderResult } from "./types";

/** One value of a values line: a number, a percent, a comparison, On/Off, SI/NO, a date. */
const VALUE_TOKEN_RE =
  /^(?:(?:>=|<=|=>|=<|>|<|=|≥|≤)?\s?[-+]?\d{1,3}(?:\.\d{3})*(?:,\d+)?%?|[-+]?\d+(?:[.,]\d+)?%?|on|off|si|sì|no|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})$/i;
/** Words of a header that name value columns, with their role, in the order they appear. */
const VALUE_WORDS: [RegExp, ColumnRole][] = [
  [/\b(baseline|valore (iniziale|di partenza)|media anni precedenti)\b/, "baseline"],
  [/\b(target|valore atteso|atteso|valore obiettivo|risultato atteso)\b/, "target"],
  [
    /\b(consuntiv\w*|risultat[oi](?! atteso)|raggiunto|realizzato|valore rilevato|conseguito)\b/,
    "actual",
  ],
];
/** A line naming the responsible structures: acronyms, or `U.O. …`, `Sezione …`, `Direzione …`. */
const UNIT_LINE_RE = /\b(u\.o\.c?|sezione|direzione|settore|servizio|ufficio|dipartimento|area)\b/i;

function linesOf(grid: Grid): Line[] {
  const out: Line[] = [];
  for (let r = 0; r < grid.rows.length; r++) {
    const line = lineOf(grid, r);
    if (line) out.push(line);
  }
  return out;
}

function valuesOf(text: string): string[] | null {
  const toks = text
    .replace(/(>=|<=|=>|=<|≥|≤|>|<)\s+(?=\d)/g, "$1")
    .split(/\s+/)
    .filter((t) => t !== "");
  if (toks.length === 0 || toks.length > 5) return null;
  return toks.every((t) => VALUE_TOKEN_RE.test(t)) ? toks : null;
}

/** The value roles a header names, in order; null when it names no target. */
function valueRoles(headerText: string): ColumnRole[] | null {
  const f = fold(headerText);
  const found: { at: number; role: ColumnRole }[] = [];
  for (const [re, role] of VALUE_WORDS) {
    const m = re.exec(f);
    if (m) found.push({ at: m.index, role });
  }
  if (!found.some((x) => x.role === "target")) return null;
  return found.sort((a, b) => a.at - b.at).map((x) => x.role);
}

function isUnitLine(text: string): boolean {
  const words = text.split(/\s+/);
  const acronyms = words.filter((w) => /^[A-Z]{2,}\.?$|^[A-Z]+\.[A-Z.]*$/.test(w)).length;
  return (
    (acronyms >= 1 && acronyms >= words.length * 0.6 && text.length <= 60) ||
    /^\d{4,}\s*-\s*\S/.test(text) ||
    (UNIT_LINE_RE.test(text) &&
      upperRatio(text) < 0.9 &&
      /^(\d+\s*-\s*)?(u\.o|sezione|direzione|settore|servizio|ufficio|dipartimento|area)\b/i.test(
        text
      ))
  );
}

export function readRecordLines(grid: Grid, ctx: SheetContext): ReaderResult | null {
  const lines = linesOf(grid);
  // The header: the first lines (up to 6 after a line naming the indicator) that name a target.
  let start = -1;
  let roles: ColumnRole[] | null = null;
  for (let i = 0; i < Math.min(lines.length, 80) && start < 0; i++) {
    if (!/\bindicator/i.test(fold(lines[i].text))) continue;
    const zone = lines.slice(Math.max(0, i - 2), i + 6);
    for (let k = 0; k < zone.length; k++) {
      const joined = zone
        .slice(0, k + 1)
        .map((l) => l.text)
        .join(" ");
      const r = valueRoles(joined);
      if (r && r.length >= 1 && (r.length >= 2 || k === zone.length - 1)) {
        roles = r;
        start = Math.max(0, i - 2) + k + 1;
        break;
      }
    }
  }
  if (start < 0 || !roles) return null;
  // Lines of the header that trail it (`%`, `Risultato`, `consuntivo`) are no record.
  while (
    start < lines.length &&
    !valuesOf(lines[start].text) &&
    (letterCount(lines[start].text) <= 12 || roleOfHeading(lines[start].text) !== null)
  )
    start++;

  const objectives = new Map<string, RawObjective>();
  let strategic: RawObjective | null = null;
  let pending: Line[] = [];
  let records = 0;
  let complete = 0;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i];
    const vals = valuesOf(l.text);
    if (!vals) {
      pending.push(l);
      continue;
    }
    const texts = pending.filter((p) => letterCount(p.text) >= 3);
    pending = [];
    if (texts.length < 2) continue;
    const units = texts.filter((t, k) => k > 0 && k < texts.length - 1 && isUnitLine(t.text));
    const rest = texts.filter((t) => !units.includes(t));
    if (rest.length < 2) continue;
    const indicatorLine = rest[rest.length - 1];
    const objectiveLines = rest.slice(0, -1);
    // A first line with its code is the objective, the lines under it its structures; else, of
    // three lines or more, the first is the strategic objective over the operational one.
    let opLine = objectiveLines[objectiveLines.length - 1];
    const coded = splitLeadingCode(objectiveLines[0].text);
    if (coded && objectiveLines.length >= 2) {
      opLine = objectiveLines[0];
      units.push(...objectiveLines.slice(1));
    } else if (objectiveLines.length >= 2) {
      const s = objectiveLines[0];
      const split = splitLeadingCode(s.text);
      strategic = newRawObjective(
        ctx,
        split?.code ?? null,
        split?.title ?? s.text,
        "strategic",
        {},
        cellRef(grid, s.row, s.col)
      );
      objectives.set(`s${strategic.key}`, strategic);
      opLine = objectiveLines.slice(1).reduce((a, b) => (b.text.length > a.text.length ? b : a));
    }
    const split = splitLeadingCode(opLine.text);
    const code = split?.code ?? null;
    const title = split?.title ?? opLine.text;
    const people: RawPeople =
      units.length > 0 ? { settore: units.map((u) => u.text).join(" ") } : {};
    const key = code ?? fold(title);
    let op = objectives.get(key);
    if (!op) {
      op = newRawObjective(
        ctx,
        code,
        title,
        "operational",
        people,
        cellRef(grid, opLine.row, opLine.col)
      );
      if (strategic && objectiveLines.length >= 2 && !coded) {
        op.parentKey = strategic.key;
        op.strategicCode = strategic.code;
      }
      objectives.set(key, op);
    }
    const byRole = new Map<ColumnRole, string>();
    const order = vals.length >= roles.length ? roles : roles.filter((r) => r !== "baseline");
    order.slice(0, vals.length).forEach((role, k) => byRole.set(role, vals[k]));
    records++;
    if (byRole.has("target") && vals.length >= 2) complete++;
    op.indicators.push({
      name: indicatorLine.text,
      target: byRole.get("target") ?? null,
      weight: null,
      actual: byRole.get("actual") ?? null,
      source: cellRef(grid, indicatorLine.row, indicatorLine.col),
      targetSource: cellRef(grid, l.row, l.col),
      ...(byRole.has("actual") ? { actualSource: cellRef(grid, l.row, l.col) } : {}),
      ...(byRole.has("baseline")
        ? { baseline: new Map([[String((ctx.planYear ?? 1) - 1), byRole.get("baseline")!]]) }
        : {}),
    });
  }
  if (records < 2) return null;
  const list = [...objectives.values()].filter(
    (o) => o.indicators.length > 0 || o.level === "strategic"
  );
  const confidence = 0.5 + 0.3 * (complete / records);
  return headerlessReading(list, confidence);
}

export const recordLinesReader: LayoutReader = {
  id: "record-lines",
  layout: "lines",
  maxConfidence: 0.8,
  read: readRecordLines,
};
