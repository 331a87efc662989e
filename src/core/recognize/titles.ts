/**
 * Block titles: where one objective's scheda starts. Strong cues (`1 TITOLO: …`, `Obiettivo N. 3`,
 * `Scheda 4`, `Servizio N. 2` with the number on the next line) always start a block; a weak cue
 * (a number before a title in capitals) only counts when indicators follow (decided by the caller).
 */
import type { Cell, RowReader } from "./rows";
import { asYear, cleanText, fold, letterCount, upperRatio } from "./text";

export interface Title {
  code: string | null;
  title: string;
  strong: boolean;
  /** Last row read for the title. */
  lastRow: number;
  /** The kind word as written (`Scheda`, `Obiettivo`, `Servizio`), if any. */
  kind?: string;
  /** `Obiettivo strategico: …` opens a strategic block. */
  level?: "strategic" | "operational";
}

/** `Obiettivo operativo: testo` or `OBIETTIVO STRATEGICO | testo`: a labelled title without a number. */
const LABELLED_RE =
  /^obiettiv[oi]\s*(strategic[oi]|operativ[oi]|gestional[ei]|specific[oi]|esecutiv[oi]|di peg|di performance|annual[ei])?\s*(?:n\.?\s*)?([:.])?\s*(.*)$/i;

// `Scheda obiettivo n. 4`, `Ob. op. 2.4`, `OB 3`, `Obiettivo operativo n. 1.2`: the kind words, then the number.
const KIND_RE =
  /^(scheda\s+(?:obiettivo|ob\.?)(?:\s+(?:operativo|strategico|gestionale))?|obiettivo\s+(?:operativo|gestionale|specifico|esecutivo|strategico)\s*(?=n|\d)|ob\.?\s*(?:op|operativo|gest|gestionale)\.?(?=\s*\d)|obiettivo|ob\.|ob(?=\s+\d)|obj\.?|scheda|servizio|progetto|azione|intervento|objective|goal)\s*(?:n\.?|n°|nr\.?|num(?:ero)?\.?|no\.)?\s*(\d{1,3}(?:\.\d{1,2})*)\s*(?:[:\-–.)]\s*|\s+|$)(.*)$/i;
const KIND_ALONE_RE =
  /^(obiettivo|scheda|servizio|progetto|azione)\s*(?:n\.?|n°|nr\.?|num(?:ero)?\.?|no\.)\s*:?$/i;
const TITOLO_RE = /^(\d{1,3})\s*[[(]?\s*(?:titolo|title|obiettivo|progetto)\s*[:.]\s*(.+)$/i;
const NAMED_RE = /^obiettivo\s+([A-Za-zÀ-ÿ]{4,})$/i;
const NAMED_STOP = new Set([
  "strategico",
  "strategici",
  "operativo",
  "operativi",
  "gestionale",
  "specifico",
  "specifici",
  "generale",
  "annuale",
  "atteso",
  "obiettivi",
  "descrizione",
  "collegato",
]);
const LABEL_RE = /^(obiettiv[oi]|titolo|denominazione|descrizione)\s*:?$/i;
const TITLE_KEY_RE = /obiettiv|titolo|denominazione|progetto/i;

/**
 * A code written before a title in one cell (`1.1 Digitalizzazione …`, `2 - Ambiente`, `OB 3 - …`,
 * `Ob. op. 2.4 …`): code and title apart. A bare number needs a separator or a capital after it,
 * so that `5 nuove aree verdi` stays a title.
 */
const CODE_TITLE_RE =
  /^(?:(?:obiettivo|ob|obj)\.?\s*(?:(?:op|operativo|str|strat|strategico|gest|gestionale)\.?\s*)?(?:n\.?|n°)?\s*)?([A-Z]{0,3}\d{1,2}(?:\.\d{1,2}){0,3})(\s*[-–:.)]\s*|\s+)(\S.*)$/i;

/** `1.1 Titolo` -> {code: "1.1", title: "Titolo"}; null when the cell is a plain title. */
export function splitCodeTitle(text: string): { code: string; title: string } | null {
  // `OB.1 Titolo`, `OP.02 - Titolo`, `A1.3 …`: a code token written as one word, kept whole.
  const tok = /^([A-Z]{1,4}\.?\d{1,3}(?:\.\d{1,3}){0,3})(\s*[-–:.)]\s*|\s+)(\S.*)$/i.exec(
    text.trim()
  );
  if (tok && /[.]/.test(tok[1]) && letterCount(tok[3]) >= 4 && !/^\d/.test(tok[3]))
    return { code: tok[1], title: tok[3].trim() };
  const m = CODE_TITLE_RE.exec(text.trim());
  if (!m) return null;
  const [, code, sep, rest] = m;
  if (letterCount(rest) < 4 || /^\d/.test(rest)) return null;
  const prefixed = !/^[A-Z]{0,3}\d/i.test(text.trim()) || /^[A-Z]/i.test(code);
  const dotted = code.includes(".");
  if (!prefixed && !dotted && sep.trim() === "" && !/^[A-ZÀ-Ý]/.test(rest)) return null;
  // `2024 Relazione …` or `100 pasti`: a number, not a code.
  if (/^\d{3,}$/.test(code)) return null;
  return { code, title: rest.trim() };
}

function codeFor(kind: string, num: string): string {
  const k = fold(kind).trim();
  if (k === "scheda") return `Scheda ${num}`;
  if (k === "servizio") return `S${num}`;
  if (k === "azione" || k === "intervento") return `A${num}`;
  return num;
}

export function detectTitle(rows: RowReader, r: number): Title | null {
  const cells = rows.cells(r);
  if (cells.length === 0 || cells.length > 3) return null;
  const first = cells[0].text;
  const joined = cells.map((c) => c.text).join(" ");
  let m = TITOLO_RE.exec(first) ?? TITOLO_RE.exec(joined);
  if (m) return { code: m[1], title: m[2].trim(), strong: true, lastRow: r };
  m = KIND_RE.exec(first);
  if (m && cells.length <= 2) {
    const rest = (m[3] || (cells[1]?.text ?? "")).trim();
    const code = codeFor(m[1], m[2]);
    // `Ob. op. 2.4`, `Obiettivo operativo n. 3`: an operational block (under a strategic one above).
    const level = /strateg/i.test(m[1])
      ? ("strategic" as const)
      : /\bop(erativo)?\b|gest/i.test(m[1])
        ? ("operational" as const)
        : undefined;
    if (rest && letterCount(rest) >= 4)
      return { code, title: rest, strong: true, lastRow: r, kind: m[1], level };
    const t = titleBelow(rows, r);
    return {
      code,
      title: t?.title ?? first,
      strong: true,
      lastRow: t?.row ?? r,
      kind: m[1],
      level,
    };
  }
  if (KIND_ALONE_RE.test(first) && cells.length === 1) {
    // `Obiettivo N.` with the number on a following line.
    for (let k = r + 1, seen = 0; k < rows.count && seen < 3; k++) {
      const next = rows.cells(k);
      if (next.length === 0) continue;
      seen++;
      const num = /^(\d{1,3})$/.exec(next[0].text);
      if (num && next.length === 1) {
        const kind = first.split(/\s+/)[0];
        const t = titleBelow(rows, k);
        return {
          code: codeFor(kind, num[1]),
          title: t?.title ?? first,
          strong: true,
          lastRow: t?.row ?? k,
          kind,
        };
      }
      break;
    }
    return null;
  }
  m = NAMED_RE.exec(first);
  const labelled = LABELLED_RE.exec(first);
  if (labelled && (labelled[1] || labelled[2])) {
    const level =
      labelled[1] && /^strateg/i.test(labelled[1])
        ? ("strategic" as const)
        : ("operational" as const);
    const rest = labelled[3].trim();
    const value = rest || (cells.length === 2 ? cells[1].text : "");
    if (letterCount(value) >= 8 && (rest ? !!labelled[2] : true) && !/^\d+$/.test(value)) {
      const ct = splitCodeTitle(value);
      return ct
        ? { code: ct.code, title: ct.title, strong: true, lastRow: r, level }
        : { code: null, title: value, strong: true, lastRow: r, level };
    }
  }
  if (m && !NAMED_STOP.has(fold(m[1]))) {
    const t = titleBelow(rows, r);
    if (t) return { code: null, title: t.title, strong: false, lastRow: t.row };
    return null;
  }
  return weakTitle(cells, r, rows.left);
}

/** `1 | TITOLO IN MAIUSCOLO` or `2 P.N.R.R : PARTECIPAZIONE …`. */
function weakTitle(cells: Cell[], r: number, left: number): Title | null {
  const num = cells.length === 2 ? /^(\d{1,2})\s*[.)]?$/.exec(cells[0].text) : null;
  if (num && cells[0].col - left <= 1) {
    const t = cells[1].text;
    if (t.length >= 15 && letterCount(t) >= 10 && upperRatio(t.slice(0, 30)) >= 0.8)
      return { code: num[1], title: t, strong: false, lastRow: r };
  }
  if (cells.length === 1) {
    // A dotted code before a title in any case (`1.1 Manutenzione delle scuole`).
    const d = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s*[-–:)]?\s+([A-ZÀ-Ý][^\t]{10,150})$/.exec(
      cells[0].text
    );
    if (d && letterCount(d[2]) >= 10 && !/\d\s*%|[<>≥≤=]/.test(d[2]))
      return { code: d[1], title: d[2].trim(), strong: false, lastRow: r };
    const m = /^(\d{1,2})\s*[.)]?\s+([^\d\s-].{12,})$/.exec(cells[0].text);
    if (
      m &&
      upperRatio(m[2].slice(0, 30)) >= 0.8 &&
      letterCount(m[2]) >= 10 &&
      asYear(m[1]) === null
    )
      return { code: m[1], title: m[2].trim(), strong: false, lastRow: r };
  }
  return null;
}

/** The title written under a block label: a `key | value` row about the objective, or a plain line. */
function titleBelow(rows: RowReader, r: number): { title: string; row: number } | null {
  for (let k = r + 1, seen = 0; k < rows.count && seen < 4; k++) {
    const cells = rows.cells(k);
    if (cells.length === 0) continue;
    seen++;
    const t0 = cells[0].text;
    if (cells.length === 1) {
      if (LABEL_RE.test(cleanText(t0)) || /^\d{1,3}$/.test(t0)) continue;
      if (letterCount(t0) < 4) continue;
      // `Titolo: Potenziamento …` on its own line: the words after the label.
      const lab = /^(?:titolo|denominazione|obiettivo|descrizione)\s*[:.]\s*(\S.*)$/i.exec(t0);
      return { title: lab && letterCount(lab[1]) >= 4 ? lab[1].trim() : t0, row: k };
    }
    if (TITLE_KEY_RE.test(t0) && t0.length <= 60) {
      const v = cells[cells.length - 1].text;
      if (cells.length >= 2 && letterCount(v) >= 4 && v !== t0) return { title: v, row: k };
      continue;
    }
    return null;
  }
  return null;
}

/**
 * A code at the start of a table cell, for tables whose code has no column of its own: the forms
 * of splitCodeTitle, and those written by databases and open-data exports — glued to the title
 * (`1.7.3.1.Corretta gestione`), two-part (`AS1 - OG1 Potenziare`, `M6C1 - …`), underscored
 * (`2019_050301_PROC_74 Migliorare`). A cell that is only a code gives no title.
 */
const GLUED_CODE_RE = /^(\d{1,3}(?:\.\d{1,3}){1,5})\.?(?=[A-Za-zÀ-ÿ])(.*)$/;
const TWO_PART_RE = /^([A-Z]{1,4}\d{1,3}\s?[-–]\s?[A-Z]{1,4}\d{1,3})\s*[-–:.]?\s+(\S.*)$/;
const UNDERSCORE_RE = /^([A-Za-z0-9]+(?:_[A-Za-z0-9]+){1,5})\s*[-–:.]?\s+(\S.*)$/;
/** `149 – Migliorare …`: a number with a spaced dash before a title (not a year). */
const NUMBER_DASH_RE = /^(?!(?:19|20)\d\d\b)(\d{1,6})\s+[-–]\s+(\S.*)$/;
const ALNUM_CODE_RE = /^([A-Z]{1,4}\d{1,3}(?:[.]\d{1,3}){0,3}[A-Z]?\d{0,2})\s*[-–:.)]\s*(\S.*)$/;

export function splitLeadingCode(text: string): { code: string; title: string } | null {
  const t = text.trim();
  for (const re of [GLUED_CODE_RE, TWO_PART_RE, UNDERSCORE_RE, ALNUM_CODE_RE, NUMBER_DASH_RE]) {
    const m = re.exec(t);
    if (m && letterCount(m[2]) >= 4 && /\d/.test(m[1]))
      return { code: m[1].trim(), title: m[2].trim() };
  }
  const s = splitCodeTitle(t);
  // A bare number of three digits or more opening a text is a quantity or a year, not a code.
  return s;
}
