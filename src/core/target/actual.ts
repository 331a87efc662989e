/**
 * Reading an actual value (consuntivo) the way targets are read: `74`, `74 pasti erogati`, `SI`,
 * `fatto`, `realizzato`, `15/09/2025`, a JS Date, an Excel number, `in corso`.
 */
import { dateToIso, excelSerialToIso, findDates } from "../dates";
import { findNumbers, isRatioSpan, parseItalianQuantity, type FoundNumber } from "../numbers";
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
  empty: boolean;
  numbers: ActualNumber[];
  /** ISO dates written in the actual, in order. */
  dates: string[];
  /** Said done (`SI`, `fatto`, `realizzato`, true). */
  yes: boolean;
  /** Said not done (`NO`, `non realizzato`, false). */
  no: boolean;
  /** Under way (`in corso`, `avviato`). */
  inProgress: boolean;
  /** A number typed in a cell (may be a percent-formatted fraction or a date serial). */
  cell: boolean;
  /** The text, cleaned (for matching). */
  text: string;
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
]);
const NO_WHOLE = new Set([
  "no",
  "n",
  "falso",
  "false",
  "non fatto",
  "non realizzato",
  "non raggiunto",
  "✗",
  "✘",
]);
const YES_RE =
  /(?:^|[^\p{L}])(?:fatt[oaie]|realizzat[oaie]|complet(?:at[oaie]|o)|conclus[oaie]|eseguit[oaie]|svolt[oaie]|attivat[oaie]|approvat[oaie]|adottat[oaie]|raggiunt[oaie]|rispettat[oaie]|effettuat[oaie]|presentat[oaie]|pubblicat[oaie]|trasmess[oaie]|inviat[oaie]|consegnat[oaie]|ottenut[oaie]|firmat[oaie]|sottoscritt[oaie]|predispost[oaie]|redatt[oaie]|aggiornat[oaie]|emanat[oaie]|deliberat[oaie]|stipulat[oaie]|aggiudicat[oaie]|affidat[oaie]|installat[oaie]|collaudat[oaie]|erogat[oaie]|implementat[oaie]|definit[oaie]|elaborat[oaie]|acquisit[oaie]|costituit[oaie]|istituit[oaie]|terminat[oaie]|ultimat[oaie]|chius[oaie]|evas[oaie]|garantit[oaie]|assicurat[oaie]|avvenut[oaie]|in esercizio|operativ[oaie]|100\s?%)(?![\p{L}])/u;
const NEG_RE =
  /(?:^|[^\p{L}])(?:non\s+(?:(?:e'|e|sono|stat[oaie]|ancora|piu'?|del tutto|completamente)\s+)*(?:\p{L}+at[oaie]|\p{L}+ut[oaie]|\p{L}+it[oaie]|fatt[oaie]|svolt[oaie]|conclus[oaie]|redatt[oaie]|predispost[oaie]|sottoscritt[oaie]|trasmess[oaie]|chius[oaie]|evas[oaie]|avvenut[oaie]|raggiunto|realizzabile|possibile)|mancat[oaie]|nessun[oa]?|niente|annullat[oaie]|sospes[oaie]|rinviat[oaie]|parzial\w*|in parte)(?![\p{L}])/u;
const PROGRESS_RE =
  /(?:^|[^\p{L}])(?:in corso|in fase di|in itinere|in via di|avviat[oaie]|iniziat[oaie]|in lavorazione|in attesa|da completare|da ultimare|da avviare|in svolgimento|work in progress|wip)(?![\p{L}])/u;
const FUTURE_RE =
  /(?:^|[^\p{L}])(?:avverra|sara|saranno|verra|verranno|si terra|si svolgera|si realizzera|prevista per|previsto per|previsti per|previste per|programmat[oaie] per|rinviat[oaie]|posticipat[oaie]|slitta(?:t[oaie])?|non ancora)(?![\p{L}])/u;
const ZERO_RE = /(?:^|[^\p{L}])(?:nessun[oa]?|zero|niente)(?![\p{L}])/u;
const SI_HEAD_RE = /^(?:si|x|ok)(?:[\s.,;:()-]|$)/;
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

/** The actual read once: numbers with their nouns, dates, done / not done / under way. */
export function readActual(actual: unknown, year?: number): ActualReading {
  if (actual === null || actual === undefined) return EMPTY;
  if (typeof actual === "number") return fromNumber(actual);
  if (typeof actual === "boolean") {
    return { ...EMPTY, empty: false, yes: actual, no: !actual, numbers: [], dates: [] };
  }
  if (actual instanceof Date) {
    const iso = dateToIso(actual);
    return iso ? { ...EMPTY, empty: false, numbers: [], dates: [iso] } : EMPTY;
  }
  if (typeof actual !== "string") {
    if (Array.isArray(actual)) return actual.length > 0 ? readActual(actual[0], year) : EMPTY;
    return EMPTY;
  }
  let text = actual.trim();
  if (text.length === 0) return EMPTY;
  // Fast path: one number (`74`, `92%`, `€ 1.388.000`, `11,38`).
  if (text.length < 40 && PLAIN_NUM_RE.test(text)) {
    const q = parseItalianQuantity(text);
    if (q) {
      const n: ActualNumber = { value: q.value };
      if (q.unit) n.unit = q.unit;
      if (/^\+/.test(text)) n.sign = "+";
      else if (q.value < 0) n.sign = "-";
      return { ...EMPTY, empty: false, numbers: [n], dates: [], text };
    }
  }
  text = cleanText(text.length > 4000 ? text.slice(0, 4000) : text);
  if (text.length === 0) return EMPTY;
  const lc = fold(text);
  const lcTrim = lc.replace(/[.!;,\s]+$/, "");
  if (YES_WHOLE.has(lcTrim))
    return { ...EMPTY, empty: false, yes: true, numbers: [], dates: [], text };
  if (NO_WHOLE.has(lcTrim))
    return { ...EMPTY, empty: false, no: true, numbers: [], dates: [], text };
  if (/^[-–—/?]+$|^n\.?\s?[dac]\.?$|^nd$/.test(lcTrim)) return EMPTY;

  const found = findNumbers(text, { words: true });
  const numbers: ActualNumber[] = [];
  for (const f of found) {
    if (numbers.length >= MAX_ACTUAL_NUMBERS) break;
    if (f.year) continue;
    const n: ActualNumber = { value: f.value };
    if (f.unit) n.unit = f.unit;
    if (f.max !== undefined) n.max = f.max;
    if (f.noun) n.noun = f.noun;
    if (f.before) n.before = f.before;
    if (f.sign) n.sign = f.sign;
    numbers.push(n);
  }
  const dates: string[] = [];
  for (const d of findDates(text, year)) {
    if (dates.length >= MAX_ACTUAL_NUMBERS) break;
    if (!isRatioSpan(text, d)) dates.push(d.date);
  }
  const neg = NEG_RE.test(lc) || NO_HEAD_RE.test(lc) || FUTURE_RE.test(lc);
  const progress = !neg && PROGRESS_RE.test(lc);
  const yes = !neg && (SI_HEAD_RE.test(lc) || YES_RE.test(lc));
  if (numbers.length === 0 && ZERO_RE.test(lc)) numbers.push({ value: 0 });
  return { empty: false, numbers, dates, yes, no: neg, inProgress: progress, cell: false, text };
}

/** An Excel date serial typed as a number (roughly 1955..2173), as ISO. */
export function serialDate(v: number): string | null {
  if (!Number.isInteger(v) || v < 20000 || v > 100000) return null;
  return excelSerialToIso(v);
}
