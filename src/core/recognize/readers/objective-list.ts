/**
 * Lists of objectives without indicators (docs/recognition.md): the bullets or numbered items
 * under a line that announces objectives (`Obiettivi strategici`, `Obiettivi | Peso`), each item
 * a title with, where given, its code and its weight (`n. 1 Trasparenza 10`, `• Investimenti …`,
 * `2) Bilancio e politiche tributarie`, a prerequisite marked `X`). Items written one after the
 * other on one line (a table flattened from PDF) are split at their numbers.
 *
 * Only lists announced as objectives are read: a list of activities under an objective, or any
 * other bulleted text, gives nothing.
 */
import { cellRef, type Grid } from "../../grid";
import { parseItalianNumber } from "../../numbers";
import type { SheetContext } from "../sheet";
import { fold, letterCount } from "../text";
import type { RawObjective } from "../types";
import { headerlessReading, lineOf, newRawObjective } from "./parts";
import type { LayoutReader, ReaderResult } from "./types";

/** A line that announces objectives: a short heading or header naming them (not a table's caption). */
function announces(text: string): boolean {
  const f = fold(text);
  return text.length <= 120 && ANNOUNCE_RE.test(f) && !/indicator|target|\.$/.test(f);
}
const ANNOUNCE_RE =
  /\bobiettiv[oi]\b(?! (operativ[oi] )?(annual[ei] )?(delle|dell|della|del|di) )|\bprogrammi (del|di) mandato\b|\blinee (programmatiche|strategiche|di mandato)\b|\baree strategiche\b/i;
/** A line that ends a list: another section. */
const SECTION_END_RE =
  /^(indicator|attivita|azioni|fasi|risorse|responsabile|personale|note|descrizione attivita|cronoprogramma)\b/i;
/** A reference to an act (`Deliberazione n. 5 del …`, `DGR 364/2016`) is a source, not an objective. */
const ACT_RE =
  /^(deliberazion|delibera\b|decreto|d\.?\s?lgs|d\.?l\.|legge\b|l\.\s?\d|dgr\b|d\.?g\.?r|dpcm|dca\b|circolare|determina)/;
const BULLET_RE = /^(?:[•▪◦●*]|-(?=\s))\s*(\S.*)$/;
const NUMBERED_RE =
  /^(?:n\.?\s*|n°\s*)?(\d{1,2}(?:\.\d{1,2}){0,2})\s*(?:[).:]|\s-\s|\s)\s*(\S.*)$/i;
/** `n. 3 Title 10 n. 4 …`: items run together on one line. */
const RUN_ON_SPLIT_RE = /\s(?=n\.\s?\d{1,2}\s)/i;
/** A weight at the end of an item: `20`, `10%`, `X` (a prerequisite), `peso 15`. */
const TRAILING_WEIGHT_RE = /\s+(?:peso\s*)?(\d{1,3}(?:[.,]\d{1,2})?\s?%?|X|×)$/i;

interface Item {
  code: string | null;
  title: string;
  weight: number | null;
  row: number;
  col: number;
}

/** In items run together on one line, the weight ends the item: what follows is the next field. */
const RUN_ON_WEIGHT_RE =
  /^(.*?[A-Za-zÀ-ÿ)].*?)\s(\d{1,3}(?:[.,]\d{1,2})?|X|×)(?:\s+(?=[A-ZÀ-Ý])|$)/;

function itemOf(
  text: string,
  row: number,
  col: number,
  numbered: boolean,
  runOn = false
): Item | null {
  let t = text.trim();
  let code: string | null = null;
  const b = BULLET_RE.exec(t);
  if (b) t = b[1];
  else {
    const n = NUMBERED_RE.exec(t);
    if (!n || !numbered) return null;
    code = n[1];
    t = n[2];
  }
  if (runOn) {
    const m = RUN_ON_WEIGHT_RE.exec(t);
    if (m) t = `${m[1]} ${m[2]}`;
  }
  let weight: number | null = null;
  const w = TRAILING_WEIGHT_RE.exec(t);
  if (w && letterCount(t.slice(0, w.index)) >= 6) {
    const v = /^(x|×)$/i.test(w[1]) ? null : parseItalianNumber(w[1].replace(/%/g, "").trim());
    if (v === null || (v > 0 && v <= 100)) {
      weight = v;
      t = t.slice(0, w.index).trim();
    }
  }
  if (letterCount(t) < 6 || t.length > 260) return null;
  // A title starts with a capital or a quote; one full of figures and dates is a table row.
  // A numbered title starts with a capital or a quote (a lowercase one is a sentence's number);
  // a bullet may start lowercase (`- il raggiungimento dell'equilibrio …`).
  if (code !== null && !/^[A-ZÀ-Ý"“«(]/.test(t)) return null;
  if (!/^[A-Za-zÀ-ÿ"“«(]/.test(t)) return null;
  if (
    (t.match(/\b(?!(?:19|20)\d\d\b)\d{4,}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/g) ?? []).length >= 2
  )
    return null;
  // A sentence that goes on (`… e che:`) or a heading of something else is no objective.
  if (/:$/.test(t) || SECTION_END_RE.test(fold(t)) || ACT_RE.test(fold(t))) return null;
  t = t.replace(/\s*[;,]$/, "");
  return { code, title: t, weight, row, col };
}

/**
 * In a weighted list flattened from a table (`… OBIETTIVO … PESATURA RIFERIMENTI`), an item ends
 * with its weight and its code (`… triennio 2016/2018 1,0 AG7/D`), wherever the line wraps.
 */
const WEIGHT_CODE_RE =
  /(?:^|\s)(\d{1,3}(?:,\d{1,2})?%?)\s+([A-Z]{1,3}\d{1,2}(?:\/[A-Z])?)(?=\s|$)/g;
const WEIGHTED_HEADER_RE = /\b(peso|pesi|pesatura|ponderazione)\b/;

function weightedItems(buffer: { text: string; row: number; col: number }[]): Item[] {
  const items: Item[] = [];
  let title: string[] = [];
  let first: { row: number; col: number } | null = null;
  for (const line of buffer) {
    let at = 0;
    WEIGHT_CODE_RE.lastIndex = 0;
    for (let m = WEIGHT_CODE_RE.exec(line.text); m; m = WEIGHT_CODE_RE.exec(line.text)) {
      const before = line.text.slice(at, m.index).trim();
      if (before) title.push(before);
      first ??= line;
      const t = title.join(" ").trim();
      const weight = parseItalianNumber(m[1].replace(/%/g, ""));
      if (letterCount(t) >= 6 && /^[A-ZÀ-Ý"“«(]/.test(t))
        items.push({ code: m[2], title: t, weight, row: first.row, col: first.col });
      title = [];
      first = null;
      at = m.index + m[0].length;
    }
    const tail = line.text.slice(at).trim();
    // A settore cell printed between the rows (`AFFARI GENERALI ZERMINIANI`, `base e supporto …`).
    if (
      tail &&
      (title.length > 0 || /^[A-ZÀ-Ý"“«(]/.test(tail)) &&
      !(tail === tail.toUpperCase() && letterCount(tail) > 3)
    ) {
      first ??= line;
      title.push(tail);
    }
  }
  return items;
}

export function readObjectiveList(grid: Grid, ctx: SheetContext): ReaderResult | null {
  const lists: Item[][] = [];
  let current: Item[] | null = null;
  let announced = -1;
  let seenNumbered = false;
  let numberedOk = false;
  let weighted = false;
  let buffer: { text: string; row: number; col: number }[] = [];
  const flushWeighted = () => {
    if (buffer.length === 0) return;
    const items = weightedItems(buffer);
    if (items.length > 0) lists.push(items);
    buffer = [];
  };
  for (let r = 0; r < grid.rows.length; r++) {
    const line = lineOf(grid, r);
    if (!line) continue;
    // Bullets written inline after a sentence that announces them (`… nei seguenti programmi: • A • B`).
    const inline = line.text.split(/\s+•\s+/);
    if (
      inline.length >= 3 &&
      /:\s*$/.test(inline[0]) &&
      ANNOUNCE_RE.test(fold(inline[0].slice(-240)))
    ) {
      const own = inline
        .slice(1)
        .map((p) => itemOf(`• ${p}`, r, line.col, false))
        .filter((x): x is Item => x !== null);
      if (own.length >= 2) lists.push(own);
      current = null;
      continue;
    }
    // Items run together: two item numbers or more on the line (`n. 5 del …` alone is text).
    const split = RUN_ON_SPLIT_RE.test(line.text) ? line.text.split(RUN_ON_SPLIT_RE) : [line.text];
    const runOn = split.length > 2;
    const pieces = runOn ? split : [line.text];
    const items = pieces
      .map((p) => itemOf(p, r, line.col, numberedOk && r - announced <= 40, runOn))
      .filter((x): x is Item => x !== null);
    // A run-on line may start with its announcement (`Servizio … Obiettivi Peso n. 0 …`).
    const head = pieces.length > 1 ? pieces[0] : line.text;
    if (
      items.length === 0 ||
      (pieces.length > 1 && announces(head) && items.length < pieces.length)
    ) {
      if (weighted && r - announced <= 60 && !announces(head)) {
        buffer.push({ text: line.text, row: r, col: line.col });
        continue;
      }
      if (announces(head)) {
        flushWeighted();
        weighted = WEIGHTED_HEADER_RE.test(fold(head)) && pieces.length === 1;
        announced = r;
        current = null;
        seenNumbered = false;
        // Under a numbered section heading (`2. Obiettivi: risultati…`), numbers are its subsections.
        numberedOk = !/^\d{1,2}(\.\d{1,2})*\.?\s/.test(head);
        const rest = pieces
          .slice(1)
          .map((p) => itemOf(p, r, line.col, true, runOn))
          .filter((x): x is Item => x !== null);
        if (rest.length > 0) lists.push((current = rest));
        continue;
      }
      // A sentence that introduces a list (`… indicate dal CIV:`) says what the list is: one that
      // names objectives announces it, any other takes the list away from the objectives.
      if (/:\s*$/.test(line.text)) {
        const announcing = ANNOUNCE_RE.test(fold(line.text.slice(-240)));
        announced = announcing ? r : -1;
        numberedOk = announcing;
        seenNumbered = false;
        current = null;
        continue;
      }
      // A group heading inside the list (`Per far muovere il Lazio (7)`) keeps it open; prose ends it.
      if (current && line.text.length > 160) current = null;
      if (SECTION_END_RE.test(fold(line.text))) current = null;
      continue;
    }
    if (announced < 0 || r - announced > 60) continue;
    if (items.some((i) => i.code !== null)) seenNumbered = true;
    // Bullets after a numbered objective are its activities.
    const own = seenNumbered ? items.filter((i) => i.code !== null) : items;
    if (own.length === 0) continue;
    if (!current) lists.push((current = []));
    current.push(...own);
  }
  flushWeighted();
  // Bullets after a numbered item are its activities, not objectives of their own.
  // Bullets alone need two to be a list; a numbered objective under an announcement stands alone.
  const kept = lists
    .map((l) => {
      const numbered = l.filter((i) => i.code !== null);
      if (numbered.length === 0) return l.length >= 2 ? l : [];
      return numbered;
    })
    .flat();
  // An objective named again further on (its own scheda) is the same objective.
  const codes = new Set<string>();
  const unique = kept.filter((i) => i.code === null || (!codes.has(i.code) && codes.add(i.code)));
  if (unique.length === 0) return null;
  const objectives: RawObjective[] = unique.map((it) => ({
    ...newRawObjective(ctx, it.code, it.title, "strategic", {}, cellRef(grid, it.row, it.col)),
    weight: it.weight,
  }));
  return headerlessReading(objectives, 0.42);
}

export const objectiveListReader: LayoutReader = {
  id: "objective-list",
  layout: "lines",
  maxConfidence: 0.42,
  read: readObjectiveList,
};
