/**
 * Reading an actual value (consuntivo) the way targets are read: `74`, `74 pasti erogati`, `SI`,
 * `fatto`, `realizzato`, `15/09/2025`, a JS Date, an Excel number, `in corso`.
 */
import { dateToIso, findDates, isoDate } from "../dates";
import { dateSerialToIso } from "../cells";
import { findNumbers, isRatioSpan, parseItalianQuantity, type FoundNumber } from "../numbers";
import { isReferenceNumber } from "./read";
import { withMonthYears } from "./forms";
import { cleanText, fold } from "./text";

export interface ActualNumber {
  value: number;
  unit?: FoundNumber["unit"];
  max?: number;
  noun?: string;
  before?: string;
  sign?: FoundNumber["sign"];
}

export interface ActualReading {
  /** No actual at all (null, empty text). */
  readonly empty: boolean;
  readonly numbers: ActualNumber[];
  /** ISO dates written in the actual, in order. */
  readonly dates: string[];
  /** Said done (`SI`, `fatto`, `realizzato`, true). */
  readonly yes: boolean;
  /** Said not done (`NO`, `non realizzato`, `avverrà nel 2026`, false). */
  readonly no: boolean;
  /** Under way (`in corso`, `avviato`). */
  readonly inProgress: boolean;
  /** Said late (`in ritardo`, `fuori termine`): a deadline was missed. */
  readonly late?: boolean;
  /** Says the target was reached (`obiettivo raggiunto`, `pienamente conseguito`). */
  readonly reached?: boolean;
  /** A degree of completion stated in words (`realizzato al 80%`, `90% di avanzamento`). */
  readonly completion?: number;
  /** A number typed in a cell (may be a percent-formatted fraction or a date serial). */
  readonly cell: boolean;
  /** The text, cleaned. */
  readonly text: string;
}

/** A reading whose words (done / not done / under way) are looked at only when asked. */
class TextReading implements ActualReading {
  readonly empty = false;
  readonly cell = false;
  private flags = -1;
  constructor(
    readonly text: string,
    private readonly lc: string,
    readonly numbers: ActualNumber[],
    readonly dates: string[]
  ) {}
  private read(): number {
    if (this.flags < 0) {
      const lc = this.lc;
      const neg = NEG_RE.test(lc) || NO_HEAD_RE.test(lc) || FUTURE_RE.test(lc);
      const progress = !neg && PROGRESS_RE.test(lc);
      const yes = !neg && (SI_HEAD_RE.test(lc) || YES_RE.test(lc));
      const reached = !neg && REACHED_RE.test(lc);
      this.flags = (neg ? 1 : 0) | (progress ? 2 : 0) | (yes ? 4 : 0) | (reached ? 8 : 0);
    }
    return this.flags;
  }
  get no(): boolean {
    return (this.read() & 1) !== 0;
  }
  get inProgress(): boolean {
    return (this.read() & 2) !== 0;
  }
  get yes(): boolean {
    return (this.read() & 4) !== 0;
  }
  get reached(): boolean {
    return (this.read() & 8) !== 0;
  }
  get late(): boolean {
    return LATE_RE.test(this.lc);
  }
  private pct: number | null | undefined;
  get completion(): number | undefined {
    if (this.pct === undefined) {
      const m = COMPLETION_RE.exec(this.lc);
      const raw = m ? (m[1] ?? m[2]) : undefined;
      this.pct = raw === undefined ? null : Number(raw.replace(",", "."));
    }
    return this.pct === null ? undefined : this.pct;
  }
}

const MAX_ACTUAL_NUMBERS = 40;

const EMPTY: ActualReading = Object.freeze({
  empty: true,
  numbers: [],
  dates: [],
  yes: false,
  no: false,
  inProgress: false,
  cell: false,
  text: "",
}) as ActualReading;

const YES_WHOLE = new Set([
  "si",
  "s",
  "x",
  "yes",
  "y",
  "ok",
  "vero",
  "true",
  "fatto",
  "fatta",
  "eseguito",
  "raggiunto",
  "realizzato",
  "realizzata",
  "completato",
  "completata",
  "concluso",
  "conclusa",
  "✓",
  "✔",
  "☑",
  "v",
  // `On` / `Off`: the state of an on/off indicator.
  "on",
]);
const NO_WHOLE = new Set([
  "no",
  "n",
  "falso",
  "false",
  "non fatto",
  "non realizzato",
  "non raggiunto",
  "off",
  "✗",
  "✘",
]);
const YES_RE =
  /(?:^|[^\p{L}])(?:fatt[oaie]|realizzat[oaie]|complet(?:at[oaie]|o)|conclus[oaie]|eseguit[oaie]|svolt[oaie]|attivat[oaie]|approvat[oaie]|adottat[oaie]|raggiunt[oaie]|rispettat[oaie]|effettuat[oaie]|presentat[oaie]|pubblicat[oaie]|trasmess[oaie]|inviat[oaie]|consegnat[oaie]|ottenut[oaie]|firmat[oaie]|sottoscritt[oaie]|predispost[oaie]|redatt[oaie]|aggiornat[oaie]|emanat[oaie]|deliberat[oaie]|stipulat[oaie]|aggiudicat[oaie]|affidat[oaie]|installat[oaie]|collaudat[oaie]|erogat[oaie]|implementat[oaie]|definit[oaie]|elaborat[oaie]|acquisit[oaie]|costituit[oaie]|istituit[oaie]|terminat[oaie]|ultimat[oaie]|chius[oaie]|evas[oaie]|garantit[oaie]|assicurat[oaie]|avvenut[oaie]|mantenut[oaie]|in esercizio|operativ[oaie]|100\s?%|(?:nei|entro i|nel rispetto dei) (?:termini|tempi)|(?:entro|nel rispetto del(?:la|le)?) (?:la |le )?(?:scadenz[ae]|termine)|in tempo)(?![\p{L}])/u;
const NEG_RE =
  /(?:^|[^\p{L}])(?:non\s+(?:(?:e'|e|sono|stat[oaie]|ancora|piu'?|del tutto|completamente)\s+)*(?:\p{L}+at[oaie]|\p{L}+ut[oaie]|\p{L}+it[oaie]|fatt[oaie]|svolt[oaie]|conclus[oaie]|redatt[oaie]|predispost[oaie]|sottoscritt[oaie]|trasmess[oaie]|chius[oaie]|evas[oaie]|avvenut[oaie]|raggiunto|realizzabile|possibile)|mancat[oaie]|nessun[oa]?|niente|annullat[oaie]|sospes[oaie]|rinviat[oaie]|parzial\w*|in parte)(?![\p{L}])/u;
const PROGRESS_RE =
  /(?:^|[^\p{L}])(?:in corso|in fase di|in itinere|in via di|avviat[oaie]|iniziat[oaie]|in lavorazione|in attesa|da completare|da ultimare|da avviare|in svolgimento|work in progress|wip)(?![\p{L}])/u;
const REACHED_RE =
  /(?:^|[^\p{L}])(?:(?:pienamente|completamente|totalmente|interamente)\s+)?(?:raggiunt[oaie]|conseguit[oaie]|centrat[oaie]|superat[oaie])(?![\p{L}])/u;
const COMPLETION_RE =
  /(?:raggiunt|realizzat|conseguit|complet|attuat|eseguit|svolt)\p{L}*\s+(?:al|per il|nella misura del|in misura del|nella percentuale del)\s*(\d{1,3}(?:[.,]\d+)?)\s*%|(\d{1,3}(?:[.,]\d+)?)\s*%\s+(?:di\s+|del(?:l')?\s*)?(?:realizzazione|completamento|avanzamento|raggiungimento|attuazione|esecuzione)/u;
const LATE_RE =
  /(?:^|(?<!\bnon|\bsenza)[^\p{L}])(?:in ritardo|fuori (?:termine|termini|tempo|dai termini)|oltre (?:il termine|i termini|la scadenza)|tardiv\p{L}*|scadut[oaie])(?![\p{L}])/u;
const FUTURE_RE =
  /(?:^|[^\p{L}])(?:avverra|sara|saranno|verra|verranno|si terra|si svolgera|si realizzera|prevista per|previsto per|previsti per|previste per|programmat[oaie] per|rinviat[oaie]|posticipat[oaie]|slitta(?:t[oaie])?|non ancora)(?![\p{L}])/u;
const ZERO_RE = /(?:^|[^\p{L}])(?:nessun[oa]?|zero|niente)(?![\p{L}])/u;
const SI_HEAD_RE = /^(?:si'?|x|ok)(?:[\s.,;:()-]|$)/;
const NO_HEAD_RE = /^no(?:[\s.,;:()-]|$)/;
const PLAIN_NUM_RE = /^[-+−]?\s?(?:€\s?)?\d[\d.,]*\s?(?:%|€)?$/;

function fromNumber(v: number): ActualReading {
  if (!Number.isFinite(v)) return EMPTY;
  return {
    empty: false,
    numbers: [{ value: v }],
    dates: [],
    yes: false,
    no: false,
    inProgress: false,
    cell: true,
    text: "",
  };
}

function simple(
  text: string,
  numbers: ActualNumber[],
  dates: string[],
  yes = false,
  no = false
): ActualReading {
  return { empty: false, numbers, dates, yes, no, inProgress: false, cell: false, text };
}

/**
 * A plain numeral (`74`, `-3`, `11,38`, `92%`, `0.92`) read by hand, the common case; null for
 * anything else (thousands groups, currency, words), which the general reader handles.
 */
function fastNumber(s: string): ActualNumber | null {
  const len = s.length;
  if (len === 0 || len > 24) return null;
  let i = 0;
  let c = s.charCodeAt(0);
  let neg = false;
  let plus = false;
  if (c === 45 /* - */ || c === 43 /* + */) {
    neg = c === 45;
    plus = c === 43;
    i++;
  }
  let int = 0;
  let digits = 0;
  for (; i < len; i++) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    int = int * 10 + (c - 48);
    digits++;
  }
  if (digits === 0 || digits > 15) return null;
  let value = int;
  if (i < len && (c === 44 /* , */ || c === 46) /* . */) {
    const sep = c;
    const start = ++i;
    for (; i < len; i++) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
    }
    const fd = i - start;
    if (fd === 0) return null;
    // `1.200` groups thousands: leave it to the general reader.
    if (sep === 46 && fd === 3 && s.charCodeAt(neg || plus ? 1 : 0) !== 48) return null;
    value = Number(s.slice(neg || plus ? 1 : 0, start - 1) + "." + s.slice(start, i));
  }
  let percent = false;
  while (i < len && s.charCodeAt(i) === 32) i++;
  if (i < len && s.charCodeAt(i) === 37 /* % */) {
    percent = true;
    i++;
  }
  if (i !== len) return null;
  const n: ActualNumber = { value: neg ? -value : value };
  if (percent) n.unit = "percent";
  if (plus) n.sign = "+";
  else if (neg) n.sign = "-";
  return n;
}

const FAST_DATE_RE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const NEEDS_CLEAN_RE =
  // eslint-disable-next-line no-control-regex
  /[<>=&\\$\u0000-\u001f\u007f-\u00a0\u2000-\u206f\u2190-\u22ff\ufb00-\uffff’‘`´“”«»]|\s\s/;
const LETTER_RE = /\p{L}/u;

/**
 * Readings of actual texts, by year and text: a workbook recalculates the same cells again and
 * again (PEG.ESITO, PEG.GRADO), and a reading never changes. Bounded; emptied when full.
 */
const CACHE_MAX = 4096;
const CACHE_TEXT_MAX = 300;
const cache = new Map<string, ActualReading>();
let cacheEnabled = true;

/** Turn the reading cache off (benchmarks measure the reader itself) or on. */
export function setActualCache(enabled: boolean): void {
  cacheEnabled = enabled;
  cache.clear();
}

/** The actual read once: numbers with their nouns, dates, done / not done / under way. */
export function readActual(actual: unknown, year?: number): ActualReading {
  if (
    typeof actual === "string" &&
    cacheEnabled &&
    actual.length <= CACHE_TEXT_MAX &&
    actual.length > 2
  ) {
    const key = year === undefined ? actual : year + "\u0001" + actual;
    let r = cache.get(key);
    if (r === undefined) {
      r = readActualUncached(actual, year);
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(key, r);
    }
    return r;
  }
  return readActualUncached(actual, year);
}

function readActualUncached(actual: unknown, year?: number): ActualReading {
  if (actual === null || actual === undefined) return EMPTY;
  if (typeof actual === "number") return fromNumber(actual);
  if (typeof actual === "boolean") return simple("", [], [], actual, !actual);
  if (actual instanceof Date) {
    const iso = dateToIso(actual);
    return iso ? simple("", [], [iso]) : EMPTY;
  }
  if (typeof actual !== "string") {
    if (Array.isArray(actual))
      return actual.length > 0 ? readActualUncached(actual[0], year) : EMPTY;
    return EMPTY;
  }
  let text = actual.trim();
  if (text.length === 0) return EMPTY;
  // Fast paths: a plain number (`74`, `92%`), a date (`15/09/2025`).
  const fast = fastNumber(text);
  if (fast) return simple(text, [fast], []);
  const fd = FAST_DATE_RE.exec(text);
  if (fd) {
    const d = +fd[1];
    const m = +fd[2];
    if (d >= 1 && d <= 31 && m >= 1 && m <= 12) return simple(text, [], [isoDate(+fd[3], m, d)]);
  }
  if (text.length < 40 && PLAIN_NUM_RE.test(text)) {
    const q = parseItalianQuantity(text);
    if (q) {
      const n: ActualNumber = { value: q.value };
      if (q.unit) n.unit = q.unit;
      if (text.charCodeAt(0) === 43) n.sign = "+";
      else if (q.value < 0) n.sign = "-";
      return simple(text, [n], []);
    }
  }
  if (text.length > 4000) text = text.slice(0, 4000);
  if (NEEDS_CLEAN_RE.test(text)) text = cleanText(text);
  if (text.length === 0) return EMPTY;
  const lc = fold(text);
  if (LETTER_RE.test(lc) || lc.length < 4) {
    // `SI'` is `SÌ` typed without the accent.
    const lcTrim = lc.replace(/[.!;,\s]+$/, "").replace(/^(si|no)'$/, "$1");
    if (YES_WHOLE.has(lcTrim)) return simple(text, [], [], true);
    if (NO_WHOLE.has(lcTrim)) return simple(text, [], [], false, true);
    if (/^[-–—/?]+$|^n\.?\s?[dac]\.?$|^nd$/.test(lcTrim) || NOT_AVAILABLE_RE.test(lcTrim))
      return EMPTY;
  }

  const outOf = readOutOf(lc);
  if (outOf) return simple(text, [outOf], []);
  const spans = withMonthYears(text, findDates(text, year));
  const found = findNumbers(text, { words: true, dates: spans });
  const numbers: ActualNumber[] = [];
  for (const f of found) {
    if (numbers.length >= MAX_ACTUAL_NUMBERS) break;
    if (f.year || (found.length > 1 && isReferenceNumber(lc, f))) continue;
    const n: ActualNumber = { value: f.value };
    if (f.unit) n.unit = f.unit;
    if (f.max !== undefined) n.max = f.max;
    if (f.noun) n.noun = f.noun;
    if (f.before) n.before = f.before;
    if (f.sign) n.sign = f.sign;
    numbers.push(n);
  }
  const dates: string[] = [];
  for (const d of spans) {
    if (dates.length >= MAX_ACTUAL_NUMBERS) break;
    if (!isRatioSpan(text, d)) dates.push(d.date);
  }
  if (numbers.length === 0 && ZERO_RE.test(lc)) numbers.push({ value: 0 });
  return new TextReading(text, lc, numbers, dates);
}

/** `Dato non disponibile`, `non ancora pervenuto`: no actual yet. */
const NOT_AVAILABLE_RE =
  /^(?:(?:il\s+)?dat[oi]\s+)?(?:non\s+(?:ancora\s+)?(?:disponibil[ei]|pervenut[oi])|in\s+attesa\s+(?:del|dei)\s+dat[oi]|da\s+(?:rilevare|comunicare))$/;
const OUT_OF_RE = /^(\d+(?:,\d+)?)\s+(?:di|su)\s+(\d+)(?:\s+\p{L}[\p{L}'\s]*)?$/u;

/** `4 di 5`, `12 su 12 pratiche` (the whole actual): a ratio, the part not above the whole. */
function readOutOf(lc: string): ActualNumber | null {
  const m = OUT_OF_RE.exec(lc);
  if (!m) return null;
  const value = Number(m[1].replace(",", "."));
  const max = Number(m[2]);
  if (!(max > 0) || value > max) return null;
  const n: ActualNumber = { value, unit: "ratio", max };
  const noun = m[0].slice(m[0].indexOf(m[2], m[1].length) + m[2].length).trim();
  if (noun) n.noun = noun;
  return n;
}

/** An Excel date serial typed as a number, as ISO: the one rule, src/core/cells.ts. */
export function serialDate(v: number): string | null {
  return dateSerialToIso(v);
}
