/**
 * Italian numbers and quantities: `3,5`, `8,00`, `1.200.000`, `€ 1.200.000`, `75 %`, `- 4,71`,
 * `3,5/4`, and numbers inside text with the noun that follows each (`74 pasti erogati e 210
 * famiglie beneficiarie`). Pure, never throws.
 *
 * Separators: `,` is the decimal mark and `.` groups thousands (Italian). When both appear, the
 * last one is the decimal mark (`1,200.50` -> 1200.5, `1.200,50` -> 1200.5). A single `.` followed
 * by exactly three digits groups thousands (`1.200` -> 1200), otherwise it is a decimal mark
 * (`0.2`, `3.5`, `0.200`). Several `,` in groups of three are English thousands (`1,200,000`).
 */
import { findDates, type DateSpan } from "./dates";
import { ARTICLES, DI_FORMS } from "./words";

export type QuantityUnit = "percent" | "euro" | "days" | "months" | "hours" | "years" | "ratio";

export interface FoundNumber {
  value: number;
  unit?: QuantityUnit;
  /** Scale of a ratio: `3,5/4` -> value 3.5, max 4. */
  max?: number;
  /** The words that follow (`74 pasti erogati` -> "pasti erogati"), lower case. */
  noun?: string;
  /** A few words before the number in the same clause, lower case (`Alloggi assegnati 25`). */
  before?: string;
  /** Position of the number (or its currency sign) in the text, and the text read. */
  index: number;
  end: number;
  raw: string;
  /** An explicit sign: `+5%`, `-3`, `±10%` / `+-10%`. */
  sign?: "+" | "-" | "±";
  /** Looks like a year (`nel 2023`, `Per il 2017`), not a quantity. */
  year?: boolean;
  /** Written in words (`Almeno due`). */
  word?: boolean;
}

const WORD_NUMBERS: Record<string, number> = Object.assign(Object.create(null), {
  zero: 0,
  un: 1,
  uno: 1,
  una: 1,
  due: 2,
  tre: 3,
  quattro: 4,
  cinque: 5,
  sei: 6,
  sette: 7,
  otto: 8,
  nove: 9,
  dieci: 10,
  undici: 11,
  dodici: 12,
  tredici: 13,
  quattordici: 14,
  quindici: 15,
  sedici: 16,
  diciassette: 17,
  diciotto: 18,
  diciannove: 19,
  venti: 20,
  trenta: 30,
  quaranta: 40,
  cinquanta: 50,
  sessanta: 60,
  settanta: 70,
  ottanta: 80,
  novanta: 90,
  cento: 100,
  mille: 1000,
});

/** `due` -> 2, `Tre` -> 3 (0..20, tens, cento, mille); null otherwise. */
export function wordNumber(word: string): number | null {
  if (typeof word !== "string") return null;
  const v = WORD_NUMBERS[word.toLowerCase()];
  return v === undefined ? null : v;
}

const DIGITS_ONLY = /^\d+$/;
const GROUPED_TAIL = /^\d{3}$/;
const LEAD_GROUP = /^\d{1,3}$/;

function groupsOk(parts: string[]): boolean {
  if (!LEAD_GROUP.test(parts[0])) return false;
  for (let i = 1; i < parts.length; i++) if (!GROUPED_TAIL.test(parts[i])) return false;
  return true;
}

/** A numeral of digits, `.` and `,` (no sign, no spaces) read the Italian way; null if malformed. */
export function interpretNumeral(s: string): number | null {
  if (s.length === 0) return null;
  const dot = s.indexOf(".");
  const comma = s.indexOf(",");
  if (dot < 0 && comma < 0) {
    if (!DIGITS_ONLY.test(s)) return null;
    const n = Number(s);
    return Number.isFinite(n) ? n : null;
  }
  let intPart: string;
  let frac = "";
  if (dot >= 0 && comma >= 0) {
    const ld = s.lastIndexOf(".");
    const lc = s.lastIndexOf(",");
    const dec = ld > lc ? "." : ",";
    const th = dec === "." ? "," : ".";
    const at = Math.max(ld, lc);
    intPart = s.slice(0, at);
    frac = s.slice(at + 1);
    if (intPart.includes(dec)) return null;
    const parts = intPart.split(th);
    if (!groupsOk(parts)) return null;
    intPart = parts.join("");
  } else if (comma >= 0) {
    const parts = s.split(",");
    if (parts.length === 2) {
      intPart = parts[0];
      frac = parts[1];
    } else {
      if (!groupsOk(parts)) return null;
      intPart = parts.join("");
    }
  } else {
    const parts = s.split(".");
    if (parts.length > 2) {
      if (!groupsOk(parts)) return null;
      intPart = parts.join("");
    } else if (parts[1].length === 3 && LEAD_GROUP.test(parts[0]) && parts[0][0] !== "0") {
      intPart = parts[0] + parts[1];
    } else {
      intPart = parts[0];
      frac = parts[1];
    }
  }
  if (intPart === "") intPart = "0";
  if (!DIGITS_ONLY.test(intPart) || (frac !== "" && !DIGITS_ONLY.test(frac))) return null;
  const v = Number(frac === "" ? intPart : intPart + "." + frac);
  return Number.isFinite(v) ? v : null;
}

const SPACES_RE = /[\s\u00a0\u202f\u2009\u2007]+/g;
const WHOLE_RE =
  /^(?:(€|eur(?:o)?)\s*)?([-+−–]|\+-|\+\/-|±)?\s*(?:(€|eur(?:o)?)\s*)?(\d[\d.,]*|[.,]\d+)\s*(%|per\s?cento|€|eur(?:o)?)?$/i;
const SPACE_THOUSANDS_RE = /^(\d{1,3})((?:[\s\u00a0\u202f\u2009]\d{3})+)((?:,\d+)?)$/;

interface WholeNumber {
  value: number;
  percent: boolean;
  euro: boolean;
}

function parseWhole(text: string): WholeNumber | null {
  let t = text.trim();
  if (t.length === 0 || t.length > 1000) return null;
  const sp = SPACE_THOUSANDS_RE.exec(t);
  if (sp) t = sp[1] + sp[2].replace(SPACES_RE, "") + sp[3];
  else t = t.replace(SPACES_RE, " ");
  const m = WHOLE_RE.exec(t);
  if (!m) return null;
  let raw = m[4];
  if (raw[0] === "." || raw[0] === ",") raw = "0" + raw;
  raw = raw.replace(/[.,]$/, "");
  const v = interpretNumeral(raw);
  if (v === null) return null;
  const sign = m[2];
  if (sign === "±" || sign === "+-" || sign === "+/-") return null;
  const neg = sign === "-" || sign === "−" || sign === "–";
  const unit = m[5] ? m[5].toLowerCase() : "";
  return {
    value: neg ? -v : v,
    percent: unit === "%" || unit.startsWith("per"),
    euro: !!m[1] || !!m[3] || unit === "€" || unit.startsWith("eur"),
  };
}

/**
 * A text that is one number, read the Italian way: `3,5`, `8,00`, `1.200.000`, `€ 1.200.000`,
 * `- 4,71`, `75%` (-> 75: `%` is a unit), `1,200.50` (-> 1200.5). Null for anything else.
 */
export function parseItalianNumber(text: string): number | null {
  if (typeof text === "number") return Number.isFinite(text) ? text : null;
  if (typeof text !== "string") return null;
  const w = parseWhole(text);
  return w ? w.value : null;
}

/** Like parseItalianNumber, also saying whether the text was a percentage or an amount in euro. */
export function parseItalianQuantity(
  text: string
): { value: number; unit?: "percent" | "euro" } | null {
  if (typeof text !== "string") return null;
  const w = parseWhole(text);
  if (!w) return null;
  return w.percent
    ? { value: w.value, unit: "percent" }
    : w.euro
      ? { value: w.value, unit: "euro" }
      : { value: w.value };
}

/** Shortest decimal digits of a finite number, never in exponent form. */
function plainDigits(n: number): string {
  const s = String(Math.abs(n));
  const e = s.indexOf("e");
  if (e < 0) return s;
  const mant = s.slice(0, e);
  const exp = Number(s.slice(e + 1));
  const dot = mant.indexOf(".");
  const digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  const intLen = (dot < 0 ? mant.length : dot) + exp;
  if (intLen <= 0) return "0." + "0".repeat(-intLen) + digits;
  if (intLen >= digits.length) return digits + "0".repeat(intLen - digits.length);
  return digits.slice(0, intLen) + "." + digits.slice(intLen);
}

function groupThousands(int: string): string {
  if (int.length <= 3) return int;
  let out = "";
  let i = int.length % 3;
  if (i > 0) out = int.slice(0, i);
  for (; i < int.length; i += 3) out += (out ? "." : "") + int.slice(i, i + 3);
  return out;
}

/**
 * `1200000` -> `1.200.000`, `3.5` -> `3,5`. Without `decimals`, every significant digit is kept
 * (the text reads back to the same number); with it, exactly that many decimals.
 */
export function formatItalianNumber(n: number, decimals?: number): string {
  if (typeof n !== "number" || !Number.isFinite(n)) return String(n);
  let s: string;
  if (decimals !== undefined && Number.isInteger(decimals) && decimals >= 0 && decimals <= 100) {
    s = Math.abs(n) < 1e21 ? Math.abs(n).toFixed(decimals) : plainDigits(n);
  } else {
    s = plainDigits(n);
  }
  const dot = s.indexOf(".");
  const int = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? "" : s.slice(dot + 1);
  const body = groupThousands(int) + (frac ? "," + frac : "");
  const zero = /^[0.,]*$/.test(body);
  return n < 0 && !zero ? "-" + body : body;
}

/** 0.875 -> `87,5%`, 1 -> `100%`, 0.8 -> `80%` (trailing zeros dropped). */
export function formatPercent(fraction: number, decimals = 1): string {
  if (typeof fraction !== "number" || !Number.isFinite(fraction)) return "";
  const d = Number.isInteger(decimals) && decimals >= 0 && decimals <= 20 ? decimals : 1;
  let s = formatItalianNumber(fraction * 100, d);
  if (s.includes(",")) s = s.replace(/0+$/, "").replace(/,$/, "");
  if (s === "-0") s = "0";
  return s + "%";
}

// ---------------------------------------------------------------------------------------------
// Numbers inside text

const HAS_DIGIT_RE = /\d/;
const NUM_RE = /(?<![\p{L}\d_]|\d[.,])(\+\/-|\+-|±|[-+−–])?(\s?)(\d[\d.,]*)/gu;
const UNIT_AFTER_RE =
  /\s*(?:(%|per\s?cento\b|percento\b)|(€|euro\b|eur\b)|(gg\.?\s*lavorativ[ie]\b|gg\.?|giorni\b|giorno\b|gg\b)|(mesi\b|mese\b)|(ore\b|ora\b|h\b)|(anni\b|anno\b)|(?:\/|\bsu\s+)\s?(\d+(?:[.,]\d+)?)(?![\d/]))/iuy;
const BASE_WORD_END_RE = /(?:baseline|base|valore|dato|anno|precedente|media|consuntivo|storico)$/i;
const MULTIPLIERS: Record<string, number> = {
  mila: 1e3,
  milione: 1e6,
  milioni: 1e6,
  mln: 1e6,
  miliardo: 1e9,
  miliardi: 1e9,
  mld: 1e9,
};
const MULT_RE = /\s?(mila|milioni|milione|mln|mld|miliardi|miliardo)(?![\p{L}])\.?/iuy;
const EURO_AFTER_MULT_RE = /\s*(?:di\s+)?(?:€|euro(?![\p{L}]))/iuy;
const NOUN_SU_RE = /\s+su\s+(\d+(?:[.,]\d+)?)(?![\d/.,])/y;
const UNIT_START = new Set([..."%€/pPeEgGmMoOhHaAsS"]);
const CURRENCY_BEFORE_RE = /(?:€|\beuro|\beur)\s*(?:[-+]\s*)?$/i;
const LEADING_PREPS = new Set<string>([
  ...DI_FORMS,
  "dell'",
  "dell’",
  "d'",
  "sul",
  "sui",
  "sugli",
  "sulle",
  "sulla",
  "a",
  "ai",
  "agli",
  "alle",
]);
const INNER_OK = new Set<string>([...DI_FORMS, "d'", "dell'", "da"]);
const NOUN_STOP = new Set<string>([
  ...ARTICLES,
  "cui",
  "e",
  "ed",
  "o",
  "od",
  "oppure",
  "entro",
  "che",
  "con",
  "per",
  "nel",
  "nella",
  "nei",
  "negli",
  "nelle",
  "al",
  "alla",
  "allo",
  "in",
  "su",
  "tra",
  "fra",
  "come",
  "rispetto",
  "pari",
  "ogni",
  "non",
  "almeno",
  "minimo",
  "massimo",
  "oltre",
  "circa",
  "mentre",
  "ma",
  "se",
  "ovvero",
]);
const YEAR_PREV = new Set([
  "il",
  "nel",
  "del",
  "dal",
  "al",
  "anno",
  "anni",
  "esercizio",
  "entro",
  "rispetto",
  "previsione",
  "bilancio",
  "fino",
  "l'",
  "dell'",
  "all'",
  "dall'",
  "nell'",
  "di",
  "a",
  "peg",
  "piao",
  "dup",
  "triennio",
]);
const WORD_NUM_RE =
  /(?<![\p{L}\d])(zero|uno|una|un|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove|venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|novanta|cento|mille)(?![\p{L}'’])/giu;
const WORDNUM_HINT_RE =
  /almeno|minimo|massimo|min\.|max\.|pari|numer|n\.|nr\.|non |[<>=≥≤(]|entro|oltre|più|meno|(?:t[ie]|svolt[ie]|conclus[ie])\s+(?:due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|venti|trenta|cento)\b/i;
const FIRST_WORDNUM_RE =
  /^\s*(?:zero|uno|una|un|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove|venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|novanta|cento|mille)(?![\p{L}'’])/iu;
const QUANTIFIER_BEFORE_RE =
  /(?:almeno|minimo|massimo|min\.|max\.|non\s+meno\s+di|non\s+più\s+di|non\s+piu\s+di|non\s+inferiore\s+a|non\s+superiore\s+a|pari\s+a|n\.|numero|nr\.|entro|oltre|più\s+di|meno\s+di|[(><=≥≤]|(?:^|\s)(?:\p{L}{3,}(?:at|ut|it)[ie]|svolt[ie]|conclus[ie]|sottoscritt[ie]))\s*(?:il\s+|i\s+|le\s+|l'|gli\s+)?$/iu;
const STRONG_QUANTIFIER_RE =
  /(?:almeno|minimo|massimo|non\s+meno\s+di|non\s+più\s+di|pari\s+a|n\.|numero|[><=≥≤])\s*$/iu;
const RATIO_CONTEXT_RE =
  /(gradimento|voto|punteggio|valutazione|livello|soddisfazione|giudizio|media|scala|rating)[^\n;]{0,25}$/iu;

const OP_BEFORE_RATIO_RE = /(?:>=|<=|>|<|=|≥|≤|almeno|minimo|massimo|pari a|pari al)\s*$/i;
const SHORT_SLASH_RE = /^\d{1,2}\/\d{1,2}$/;

/** A `d/m` written as a score (`gradimento 4/5`, `>= 8/10`), not a date. */
export function isRatioSpan(text: string, d: DateSpan): boolean {
  if (d.precision !== "day" || d.hasYear || !SHORT_SLASH_RE.test(d.raw) || (d.d ?? 99) > d.m)
    return false;
  const before = text.slice(Math.max(0, d.index - 40), d.index);
  return RATIO_CONTEXT_RE.test(before) || OP_BEFORE_RATIO_RE.test(before);
}

/** At most this many numbers are read from one text. */
const MAX_NUMBERS = 200;

export interface FindNumbersOptions {
  /** Also read numbers written in words after a quantifier (`Almeno due`, `minimo tre`). */
  words?: boolean;
  /** The dates of the same text, when already found (`findDates`), to skip them. */
  dates?: DateSpan[];
}

const LETTER_RE = /\p{L}/u;

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c === 0x2019) return false;
  return LETTER_RE.test(text[i]);
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 39 || c === 0x2019 || isLetterAt(text, i);
}

/** The words after a number (`74 pasti erogati e …` -> `pasti erogati`), lower case. */
function readNoun(text: string, from: number): { noun?: string; end: number } {
  let words: string[] | null = null;
  let pos = from;
  let end = from;
  let leading = true;
  const len = text.length;
  for (let guard = 0; guard < 12; guard++) {
    let i = pos;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) i++;
      else break;
    }
    if (i >= len || !isLetterAt(text, i)) break;
    let j = i + 1;
    while (j < len && isWordChar(text, j)) j++;
    const w = text.slice(i, j).toLowerCase();
    if (leading && LEADING_PREPS.has(w)) {
      pos = j;
      continue;
    }
    leading = false;
    if (NOUN_STOP.has(w) || w.length > 40) break;
    if (words !== null && words.length >= 6) break;
    (words ??= []).push(w);
    pos = j;
    end = pos;
  }
  if (words === null) return { end };
  while (words.length > 0 && INNER_OK.has(words[words.length - 1])) words.pop();
  return words.length > 0 ? { noun: words.join(" "), end } : { end };
}

/** Up to six words before a number in the same clause (stops at `;`, `:`, brackets, digits, `e`). */
function readBefore(text: string, index: number): string | undefined {
  const stop = Math.max(0, index - 80);
  const words: string[] = [];
  let i = index - 1;
  while (i >= stop && words.length < 6) {
    const c = text.charCodeAt(i);
    // `pasti: 74` keeps `pasti`; a `:` further back ends the clause.
    if (c === 58 && words.length === 0) {
      i--;
      continue;
    }
    if (
      (c >= 48 && c <= 57) ||
      c === 59 ||
      c === 58 ||
      c === 40 ||
      c === 41 ||
      c === 91 ||
      c === 93 ||
      c === 10 ||
      c === 13 ||
      c === 9
    )
      break;
    if (!isWordChar(text, i)) {
      i--;
      continue;
    }
    let j = i;
    while (j - 1 >= stop && isWordChar(text, j - 1)) j--;
    // A word cut by the window's start is not a word.
    if (j === stop && stop > 0 && isWordChar(text, stop - 1)) break;
    let k = j;
    while (k <= i && !isLetterAt(text, k)) k++;
    if (k <= i) {
      const w = text.slice(k, i + 1).toLowerCase();
      if (w === "e" || w === "ed") break;
      words.push(w);
    }
    i = j - 1;
  }
  if (words.length === 0) return undefined;
  words.reverse();
  return words.join(" ");
}

/**
 * Every number written in `text`, in order, with its unit (`%`, `€`, `gg`, `/4`), the noun that
 * follows and the words before. Dates (`30/9`, `31 dicembre 2017`) are not numbers and are skipped.
 */
export function findNumbers(text: string, options: FindNumbersOptions = {}): FoundNumber[] {
  const out: FoundNumber[] = [];
  if (typeof text !== "string" || text.length === 0) return out;
  const hasDigit = HAS_DIGIT_RE.test(text);
  if (hasDigit) {
    const dates = options.dates ?? findDates(text, 2000);
    let di = 0;
    NUM_RE.lastIndex = 0;
    for (let m = NUM_RE.exec(text); m; m = NUM_RE.exec(text)) {
      if (out.length >= MAX_NUMBERS) break;
      const signStr = m[1] ?? "";
      const spaced = m[2] !== "";
      let raw = m[3];
      const numStart = m.index + signStr.length + m[2].length;
      // A date covers this number: skip it whole (unless it is a score such as `gradimento 3/4`).
      let inDate = false;
      while (di < dates.length && dates[di].end <= numStart) di++;
      if (di < dates.length && numStart >= dates[di].index && numStart < dates[di].end) {
        const d = dates[di];
        inDate = !isRatioSpan(text, d);
        if (inDate) NUM_RE.lastIndex = Math.max(NUM_RE.lastIndex, d.end);
      }
      if (inDate) continue;
      const trimmed = raw.replace(/[.,]+$/, "");
      let rawEnd = numStart + trimmed.length;
      raw = trimmed;
      let value = interpretNumeral(raw);
      if (value === null) {
        // Malformed grouping (`1.20.3`): read the leading well-formed part.
        const lead = /^\d+(?:[.,]\d+)?/.exec(raw);
        if (!lead) continue;
        raw = lead[0];
        rawEnd = numStart + raw.length;
        value = interpretNumeral(raw);
        if (value === null) continue;
        NUM_RE.lastIndex = rawEnd;
      }
      // The sign: `-3`, `+5%`, `±10%`; `- 4,71` only at the start or after `(`, `:` or `=`.
      let sign: FoundNumber["sign"];
      if (signStr) {
        const prevText = text.slice(0, m.index).trimEnd();
        const prevCh = prevText.length ? prevText[prevText.length - 1] : "";
        // `10 - 20` is a range; `Valore 2024 + 5%` is a change on a year's value.
        const afterYear = /(?:^|\D)(?:19|20)\d{2}$/.test(prevText);
        const afterNumber = /[\d%]/.test(prevCh);
        // `baseline + 5%`, `valore 2024 + 5%`: a change on a value just named.
        const afterBase = BASE_WORD_END_RE.test(prevText);
        const change =
          (afterYear || afterBase) &&
          !/^(?:19|20)\d{2}$/.test(m[3]) &&
          (signStr === "+" ||
            /^\s?%/.test(text.slice(numStart + m[3].length, numStart + m[3].length + 2)));
        const ok =
          change || (!afterNumber && (!spaced || prevCh === "" || /[(:=<>≤≥]/.test(prevCh)));
        if (ok)
          sign =
            signStr === "+"
              ? "+"
              : signStr === "-" || signStr === "−" || signStr === "–"
                ? "-"
                : "±";
      }
      const index = sign ? m.index : numStart;
      const found: FoundNumber = {
        value: sign === "-" ? -value : value,
        index,
        end: rawEnd,
        raw: "",
      };
      if (sign) found.sign = sign;
      // Currency before: `€ 1.200.000`, `euro 50.000`.
      const before = text.slice(Math.max(0, found.index - 8), found.index);
      const cur =
        before.indexOf("€") >= 0 || before.indexOf("r") >= 0 || before.indexOf("R") >= 0
          ? CURRENCY_BEFORE_RE.exec(before)
          : null;
      if (cur) {
        found.unit = "euro";
        found.index = found.index - (before.length - cur.index);
      }
      // `1,2 milioni`, `50 mila`, `50mila`.
      let mult = false;
      MULT_RE.lastIndex = rawEnd;
      const mu = MULT_RE.exec(text);
      if (mu) {
        const w = mu[1].toLowerCase();
        const factor = MULTIPLIERS[w] ?? 1;
        if (Number.isFinite(found.value * factor)) found.value *= factor;
        rawEnd = MULT_RE.lastIndex;
        mult = true;
      }
      let u: RegExpExecArray | null = null;
      let q = rawEnd;
      if (mult) {
        EURO_AFTER_MULT_RE.lastIndex = rawEnd;
        if (EURO_AFTER_MULT_RE.test(text)) {
          found.unit = "euro";
          rawEnd = EURO_AFTER_MULT_RE.lastIndex;
          q = text.length;
        }
      }
      while (q < text.length && text.charCodeAt(q) === 32) q++;
      if (q < text.length && UNIT_START.has(text[q])) {
        UNIT_AFTER_RE.lastIndex = rawEnd;
        u = UNIT_AFTER_RE.exec(text);
      }
      let after = rawEnd;
      if (u) {
        if (u[1]) found.unit = "percent";
        else if (u[2]) found.unit = "euro";
        else if (u[3]) found.unit = "days";
        else if (u[4]) found.unit = "months";
        else if (u[5]) found.unit = "hours";
        else if (u[6]) found.unit = "years";
        else if (u[7] !== undefined) {
          const max = interpretNumeral(u[7]);
          if (max !== null && max > 0) {
            found.unit = "ratio";
            found.max = max;
          }
        }
        if (found.unit) after = UNIT_AFTER_RE.lastIndex;
        if (found.unit === "ratio") NUM_RE.lastIndex = Math.max(NUM_RE.lastIndex, after);
      }
      if (
        found.unit === "days" &&
        /^\s*gg/i.test(text.slice(rawEnd, rawEnd + 4)) &&
        text[after] === "."
      )
        after++;
      found.end = after;
      found.raw = text.slice(found.index, after).trim();
      const nounRead = readNoun(text, after);
      if (nounRead.noun) found.noun = nounRead.noun;
      // `80 punti su 100`: a score written around its noun.
      if (!found.unit && nounRead.noun) {
        NOUN_SU_RE.lastIndex = nounRead.end;
        const su = NOUN_SU_RE.exec(text);
        const max = su ? interpretNumeral(su[1]) : null;
        if (su && max !== null && max > 0 && found.value <= max) {
          found.unit = "ratio";
          found.max = max;
          NUM_RE.lastIndex = Math.max(NUM_RE.lastIndex, NOUN_SU_RE.lastIndex);
        }
      }
      const bef = readBefore(text, found.index);
      if (bef) found.before = bef;
      // A year (`nel 2023`, `Per il 2017`), not a quantity.
      if (!found.unit && !sign && /^(?:19|20)\d{2}$/.test(raw)) {
        const prevWord = bef ? bef.slice(bef.lastIndexOf(" ") + 1) : "";
        if (YEAR_PREV.has(prevWord) || !found.noun || prevWord === "e") found.year = true;
      }
      out.push(found);
    }
  }
  if (options.words && (WORDNUM_HINT_RE.test(text) || FIRST_WORDNUM_RE.test(text))) {
    WORD_NUM_RE.lastIndex = 0;
    for (let m = WORD_NUM_RE.exec(text); m; m = WORD_NUM_RE.exec(text)) {
      const v = WORD_NUMBERS[m[1].toLowerCase()];
      if (v === undefined) continue;
      const prefix = text.slice(Math.max(0, m.index - 24), m.index);
      const atStart = text.slice(0, m.index).trim() === "";
      const article = v === 1;
      if (
        article
          ? !STRONG_QUANTIFIER_RE.test(prefix)
          : !(QUANTIFIER_BEFORE_RE.test(prefix) || atStart)
      )
        continue;
      // `>= 3 (tre)`: the words repeat the digits.
      if (/\d[^\p{L}\d]{0,6}\(\s*$/u.test(prefix)) continue;
      const end = m.index + m[0].length;
      const found: FoundNumber = { value: v, index: m.index, end, raw: m[0], word: true };
      const nounRead = readNoun(text, end);
      if (nounRead.noun) found.noun = nounRead.noun;
      const bef = readBefore(text, m.index);
      if (bef) found.before = bef;
      out.push(found);
    }
    if (out.length > 1) out.sort((a, b) => a.index - b.index);
  }
  return out;
}
