/**
 * Label / value cards and labelled lines (docs/recognition.md): an objective or indicator written
 * as `Label | value` rows, `Label: value` lines, a heading line (`=== "INDICATORE OBIETTIVO"`,
 * `DESCRIZIONE OBIETTIVO`) with the value on the lines below it, and the yearly target lines of
 * triennial plans (`Target 2024 - 400 API …`, `Target primo anno | ≥ 90%`) under the line that names
 * their indicator. Labels are read with the table header lexicon (../table/lexicon.ts), so a card
 * and a table column that say the same thing mean the same thing.
 *
 * A new card starts where a label already given comes again (the next indicator's `Target`), so one
 * indicator is never read as three.
 */
import { cellRef, cellText, type Grid } from "../../grid";
import { parseItalianNumber } from "../../numbers";
import { readWeight } from "../../weights";
import type { ColumnRole } from "../reading";
import type { SheetContext } from "../sheet";
import { cleanText, fold, letterCount } from "../text";
import { roleOfHeading } from "../table/lexicon";
import { splitLeadingCode } from "../titles";
import { readTarget } from "../../targets";
import type { RawIndicator, RawObjective } from "../types";
import { headerlessReading, newRawObjective } from "./parts";
import type { LayoutReader, ReaderResult } from "./types";

type ItemKind = "pair" | "heading" | "objective" | "text" | "blank";

interface Item {
  kind: ItemKind;
  row: number;
  col: number;
  role?: ColumnRole;
  year?: number | null;
  /** A generic label (`Titolo`, `Descrizione`): names the indicator or the objective, by context. */
  weak?: boolean;
  label?: string;
  text: string;
  /** Last row of a value continued over several lines. */
  endRow?: number;
}

function lastRow(it: Item): number {
  return it.endRow ?? it.row;
}

const UNDERLINE_RE = /^[\s~\-=^*#_|+`.]+$/;
const BULLET_RE = /^(?:[-•▪◦●*–]\s+|\d{1,2}[.)]\s+(?=[A-Za-zÀ-ÿ*]))/;
const YEAR_TARGET_RE =
  /^(target|valore atteso|atteso|valore obiettivo|obiettivo|risultato atteso)\s*(?:al\s+|anno\s+)?((?:19|20)\d\d)\s*[-–:=]\s*(\S.*)$/i;
const ORDINAL_TARGET_RE = /^target (primo|secondo|terzo|1°|2°|3°|i|ii|iii) anno$/i;
const ORDINALS = new Map<string, number>([
  ["primo", 0],
  ["1°", 0],
  ["i", 0],
  ["secondo", 1],
  ["2°", 1],
  ["ii", 1],
  ["terzo", 2],
  ["3°", 2],
  ["iii", 2],
]);
/** `Obiettivo 3.1 - Migliorare …`, `Obiettivo strategico n. 2: …`, `OBIETTIVO OPERATIVO 1.2 – …`. */
const OBJECTIVE_HEADING_RE =
  /^(?:obiettivo|ob\.)\s*(strategico|operativo|generale|specifico|gestionale|di performance)?\s*(?:n\.?\s*|n°\s*)?([A-Z]{0,3}\d{1,3}(?:[.]\d{1,3}){0,3})\s*[-–:.)]\s*(\S.{3,})$/i;
/** Labels whose value is an empty mark: `–`, `-`, `n.d.`. */
const EMPTY_VALUE_RE = /^(?:[-–—/]|n\.?\s?d\.?|n\.?\s?a\.?)$/i;

function clean(text: string): string {
  return cleanText(text)
    .replace(/<https?:[^>\s]*>|`+|_{2,}/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^"(.*)"$/, "$1")
    .trim();
}

/** A label the lexicon knows, with the year it names (`Target 2025`) or its ordinal year. */
function labelRole(
  label: string,
  planYear?: number
): { role: ColumnRole; year: number | null; weak?: boolean } | null {
  const l = clean(label)
    .replace(/[:|]+$/, "")
    .trim();
  if (l.length < 2 || l.length > 60 || letterCount(l) < 2) return null;
  const ord = ORDINAL_TARGET_RE.exec(fold(l));
  if (ord) {
    const k = ORDINALS.get(ord[1]) ?? 0;
    return {
      role: "target",
      year: planYear !== undefined ? planYear + k : k === 0 ? null : -1 - k,
    };
  }
  const guess = roleOfHeading(l);
  if (!guess || guess.role === "ignore") return null;
  const ym = /\b((?:19|20)\d\d)\b/.exec(l);
  return { role: guess.role, year: ym ? Number(ym[1]) : null, weak: guess.confidence < 0.5 };
}

function itemsOf(grid: Grid, planYear?: number): Item[] {
  const items: Item[] = [];
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    const cells: { col: number; text: string }[] = [];
    if (Array.isArray(row))
      for (let c = 0; c < row.length; c++) {
        if (row[c] === null || row[c] === "") continue;
        const t = clean(cellText(grid, r, c));
        if (t !== "") cells.push({ col: c, text: t });
      }
    if (cells.length === 0) {
      items.push({ kind: "blank", row: r, col: 0, text: "" });
      continue;
    }
    // `Codice | 149.1 |` in one cell (a table pasted as text): its cells.
    let parts = cells;
    if (cells.length === 1 && / \| |\|$/.test(cells[0].text))
      parts = cells[0].text
        .split("|")
        .map((t) => t.trim())
        .filter((t) => t !== "")
        .map((t) => ({ col: cells[0].col, text: t }));
    if (parts.length === 0 || parts.every((p) => UNDERLINE_RE.test(p.text))) continue;
    const first = parts[0];
    if (parts.length >= 2) {
      const lr = labelRole(first.text, planYear);
      if (lr) {
        items.push({
          kind: "pair",
          row: r,
          col: parts[1].col,
          role: lr.role,
          year: lr.year,
          weak: lr.weak,
          label: first.text,
          text: parts
            .slice(1)
            .map((p) => p.text)
            .join(" "),
        });
        continue;
      }
    }
    const line = parts.map((p) => p.text).join(" ");
    items.push(lineItem(line, r, first.col, planYear));
  }
  return items;
}

function lineItem(raw: string, row: number, col: number, planYear?: number): Item {
  let t = raw.replace(/^=+\s*/, "").replace(/^#{1,6}\s+/, "");
  const heading = t !== raw;
  t = clean(t.replace(BULLET_RE, ""));
  const yt = YEAR_TARGET_RE.exec(t);
  if (yt)
    return {
      kind: "pair",
      row,
      col,
      role: "target",
      year: Number(yt[2]),
      label: `${yt[1]} ${yt[2]}`,
      text: clean(yt[3]),
    };
  const oh = OBJECTIVE_HEADING_RE.exec(t);
  if (oh) return { kind: "objective", row, col, label: oh[2], text: clean(oh[3]) };
  const kv =
    /^([^:|]{2,60}?)\s*[:|]\s*(\S.*)?$/.exec(t) ?? /^([^:|]{2,40}?)\s+[-–]\s+(\S.*)$/.exec(t);
  if (kv) {
    const lr = labelRole(kv[1], planYear);
    if (lr) {
      if (kv[2] === undefined)
        return { kind: "heading", row, col, role: lr.role, year: lr.year, label: kv[1], text: "" };
      return {
        kind: "pair",
        row,
        col,
        role: lr.role,
        year: lr.year,
        weak: lr.weak,
        label: kv[1],
        text: clean(kv[2]),
      };
    }
  }
  // A line that is only a label: `=== "INDICATORE OBIETTIVO"`, `TARGET`, `Indicatore`.
  const lr = t.length <= 60 ? labelRole(t, planYear) : null;
  if (lr && (heading || t === t.toUpperCase() || /^[A-ZÀ-Ý]/.test(t)) && t.split(/\s+/).length <= 5)
    return { kind: "heading", row, col, role: lr.role, year: lr.year, label: t, text: "" };
  return { kind: "text", row, col, text: t };
}

/**
 * A heading's value: the text lines right below it, up to a blank line or the next label. Text
 * lines right below a value, or below another text line, continue it (a wrapped bullet or title).
 */
function resolveHeadings(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const prev = out[out.length - 1];
    if (
      items[i].kind === "text" &&
      prev &&
      (prev.kind === "pair" || prev.kind === "text" || prev.kind === "objective") &&
      prev.text !== "" &&
      items[i].row === lastRow(prev) + 1
    ) {
      out[out.length - 1] = {
        ...prev,
        text: `${prev.text} ${items[i].text}`,
        endRow: items[i].row,
      };
      continue;
    }
    const it = items[i];
    if (it.kind !== "heading") {
      out.push(it);
      continue;
    }
    const lines: Item[] = [];
    let j = i + 1;
    while (j < items.length && items[j].kind === "blank") j++;
    while (j < items.length && items[j].kind === "text") lines.push(items[j++]);
    if (lines.length === 0) continue;
    out.push({
      ...it,
      kind: "pair",
      row: lines[0].row,
      col: lines[0].col,
      endRow: lines[lines.length - 1].row,
      text: lines.map((l) => l.text).join(" "),
    });
    i = j - 1;
  }
  return out;
}

/** A table's header printed as one line (`Obiettivo Indicatore Target Risultato`): no value. */
const HEADER_WORD_RE =
  /^(responsabile|descrizione|obiettiv[oi]|indicator[ei]|stato|target|peso|risultat[oi]|valore|codice|unita|misura|note|anno|struttur[ae]|progetto|fonte|formula|consuntivo|atteso)$/;
function looksLikeHeaderLine(text: string): boolean {
  const words = fold(text)
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2);
  const heads = words.filter((w) => HEADER_WORD_RE.test(w)).length;
  return heads >= 3 && heads >= words.length * 0.6;
}

const OBJECTIVE_ROLES = new Set<ColumnRole>([
  "strategicTitle",
  "operationalTitle",
  "strategicCode",
  "operationalCode",
]);

export function readLabels(grid: Grid, ctx: SheetContext): ReaderResult | null {
  const items = resolveHeadings(itemsOf(grid, ctx.planYear));
  const pairs = items.filter((i) => i.kind === "pair");
  const labelled = new Set(pairs.map((p) => p.role));
  const yearly = pairs.filter((p) => p.role === "target" && p.year !== null).length;
  if (pairs.length < 2 || !(labelled.has("indicator") || labelled.has("target"))) return null;

  const objectives: RawObjective[] = [];
  // Written inside the closures below: typed wide so the checks after them are not narrowed away.
  let objective = null as RawObjective | null;
  let indicator = null as RawIndicator | null;
  let given = new Set<string>();
  let pendingName: Item | null = null;
  let recognizedPairs = 0;

  const newObjective = (
    code: string | null,
    title: string,
    level: RawObjective["level"],
    it: Item
  ) => {
    objective = newRawObjective(ctx, code, title, level, {}, cellRef(grid, it.row, it.col));
    objectives.push(objective);
    indicator = null;
    given = new Set();
    return objective;
  };
  const ensureObjective = (it: Item): RawObjective =>
    objective ?? newObjective(null, String(grid.sheet), "operational", it);
  const newIndicator = (name: string, it: Item): RawIndicator => {
    const o = ensureObjective(it);
    const split = splitLeadingCode(name);
    indicator = {
      name: split && /\d/.test(split.code) && /[A-Za-z]/.test(split.code) ? split.title : name,
      target: null,
      weight: null,
      actual: null,
      source: cellRef(grid, it.row, it.col),
    };
    if (split && indicator.name === split.title) indicator.ref = split.code;
    o.indicators.push(indicator);
    given = new Set(["indicator"]);
    return indicator;
  };

  for (const it of items) {
    if (it.kind === "blank") continue;
    if (it.kind === "objective") {
      newObjective(it.label ?? null, it.text, "strategic", it);
      pendingName = null;
      continue;
    }
    if (it.kind === "text") {
      // A line that names the indicator whose yearly targets follow it.
      if (letterCount(it.text) >= 8 && it.text.length <= 300 && !looksLikeHeaderLine(it.text))
        pendingName = it;
      continue;
    }
    const role = it.role!;
    const value = it.text;
    if (looksLikeHeaderLine(value) || looksLikeHeaderLine(`${it.label ?? ""} ${value}`)) continue;
    if (EMPTY_VALUE_RE.test(value) && role !== "target") continue;
    recognizedPairs++;
    if (it.weak && (role === "operationalTitle" || role === "strategicTitle")) {
      // `Titolo | …` of a card: the indicator's name when a target follows, else the objective's.
      pendingName = { ...it, kind: "text" };
      continue;
    }
    if (OBJECTIVE_ROLES.has(role)) {
      if (role === "strategicCode" || role === "operationalCode") {
        if (objective && objective.code === null && !given.has(role)) objective.code = value;
        given.add(role);
        continue;
      }
      const split = splitLeadingCode(value.replace(/\s+[–—]\s+/, " - "));
      const level = role === "strategicTitle" ? "strategic" : "operational";
      if (
        objective &&
        objective.indicators.length === 0 &&
        objective.title === String(grid.sheet)
      ) {
        objective.title = split?.title ?? value;
        objective.code = split?.code ?? objective.code;
        objective.level = level;
      } else if (
        objective &&
        indicator &&
        !given.has(role) &&
        objective.indicators.length === 1 &&
        objective.title === String(grid.sheet)
      ) {
        objective.title = split?.title ?? value;
      } else newObjective(split?.code ?? null, split?.title ?? value, level, it);
      given.add(role);
      if (!pendingName?.weak) pendingName = null;
      continue;
    }
    if (role === "indicator") {
      if (pendingName && (!objective || objective.title === String(grid.sheet)))
        newObjective(null, pendingName.text, "operational", pendingName);
      newIndicator(value, it);
      pendingName = null;
      continue;
    }
    if (role === "target") {
      const yearKey =
        it.year !== null && it.year !== undefined && it.year > 0 ? String(it.year) : null;
      const startsNew =
        !indicator ||
        (given.has("target") && (yearKey === null || (indicator.targets?.has(yearKey) ?? false)));
      if (pendingName && (startsNew || (indicator && given.has("target")))) {
        newIndicator(pendingName.text, pendingName);
      } else if (startsNew) {
        newIndicator(objective?.title ?? String(grid.sheet), it);
      }
      pendingName = null;
      const ind = indicator!;
      if (EMPTY_VALUE_RE.test(value) && ind.target === null && yearKey === null) continue;
      if (yearKey) {
        ind.targets ??= new Map();
        ind.targets.set(yearKey, value);
      }
      const isPlanYear = ctx.planYear !== undefined && it.year === ctx.planYear;
      if (ind.target === null || isPlanYear) {
        ind.target = value;
        ind.targetSource = cellRef(grid, it.row, it.col);
      }
      given.add("target");
      continue;
    }
    const ind = indicator;
    if (role === "objectiveWeight") {
      const n = parseItalianNumber(value.replace(/%/g, ""));
      if (objective && n !== null) objective.weight = n;
      continue;
    }
    if (!ind) continue;
    if (role === "actual") ind.actual = value;
    else if (role === "weight") ind.weight = readWeight(value);
    else if (role === "measureUnit") ind.unit = value;
    else if (role === "baseline")
      ind.baseline = new Map([
        [String(it.year ?? (ctx.planYear ? ctx.planYear - 1 : "base")), value],
      ]);
    else if (role === "indicatorCode") ind.ref = value;
    else if (role === "note" && !ind.description) ind.description = value;
  }

  // A deadline written inside the indicator (`Trasmissione … entro il 31/12/2020 di …`) is its target.
  for (const o of objectives)
    for (const ind of o.indicators)
      if (ind.target === null) {
        const m = /\bentro\s+(?:il\s+)?(\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d)\b/i.exec(ind.name);
        if (m) ind.target = m[0];
      }

  // An indicator is read only with a target that says something; an objective only with a name.
  for (const o of objectives)
    o.indicators = o.indicators.filter(
      (i) =>
        i.target !== null &&
        !EMPTY_VALUE_RE.test(i.target) &&
        letterCount(i.name) >= 4 &&
        readTarget(i.target, { year: ctx.planYear }).op !== "unparsed"
    );
  // A card on a sheet of its own needs three labels; one under its objective, two.
  const minPairs = objectives.some((o) => o.title !== String(grid.sheet)) ? 2 : 3;
  if (recognizedPairs < minPairs && yearly < 2) return null;
  const kept = objectives.filter(
    (o) =>
      ((o.indicators.length > 0 || o.code !== null) && o.title !== String(grid.sheet)) ||
      o.indicators.length > 0
  );
  const indicators = kept.reduce((n, o) => n + o.indicators.length, 0);
  if (indicators === 0) return null;
  const withTargets = kept.reduce(
    (n, o) => n + o.indicators.filter((i) => i.target !== null).length,
    0
  );
  const confidence = Math.min(
    0.85,
    0.45 +
      0.25 * (withTargets / indicators) +
      0.05 * Math.min(3, recognizedPairs) +
      (yearly > 0 ? 0.05 : 0)
  );
  return headerlessReading(kept, confidence);
}

export const labelsReader: LayoutReader = {
  id: "labels",
  layout: "labels",
  maxConfidence: 0.85,
  read: readLabels,
};
