/**
 * Text pasted from a PDF: one line per row, the table structure lost. In an indicators section a
 * target and a weight trail the indicator name (`n. tavoli di verifica con altri comuni >=4 15%`),
 * a name may sit before or after its values, and dimension captions run over two lines.
 */
import { fold, letterCount } from "./text";

export interface LineItem {
  row: number;
  text: string;
}

export interface LineIndicator {
  name: string;
  target: string | null;
  weight: string | null;
  dimension: string | null;
  row: number;
  valueRow: number;
}

export interface LineSection {
  indicators: LineIndicator[];
  total: { text: string; row: number } | null;
}

const DIMENSION_RE =
  /^(efficienza|efficacia|economicita|qualita|output|outcome|impatto|customer satisfaction)\b/;
const HEADER_NOISE_RE =
  /ponder|verifica (intermedia|finale)|^target\b|^report\b|^indicatori\b|^peso\b/;
const PERCENT_RE = /^\d{1,3}(?:[.,]\d+)?\s?%$/;
const TARGET_TOKEN_RE =
  /^(?:(?:>=|=>|<=|=<|≥|≤|>>|<<|>|<|=)\s?\d*(?:[.,]\d+)?\s?%?|\d{1,3}(?:[.,]\d+)?\s?%|\d+(?:[.,]\d+)?|si|sì|no|x|>>|<<)$/i;

export function dimensionOf(text: string): string | null {
  const m = DIMENSION_RE.exec(fold(text).trim());
  return m ? m[1].replace(/ .*/, "") : null;
}

/** Split trailing values off a line: `name >=4 15%` -> {name, target, weight}. */
export function splitTrailing(line: string): {
  name: string;
  target: string | null;
  weight: string | null;
} {
  const tokens = line.trim().split(/\s+/);
  // Re-join a comparator written apart from its number (`> 95 %`, `>= 2`) and a lone `%`.
  const toks: string[] = [];
  for (const t of tokens) {
    const prev = toks[toks.length - 1];
    if (t === "%" && prev && /\d$/.test(prev)) toks[toks.length - 1] = `${prev} %`;
    else if (prev && /^(>=|=>|<=|=<|≥|≤|>|<|=)$/.test(prev) && /^\d/.test(t))
      toks[toks.length - 1] = `${prev} ${t}`;
    else toks.push(t);
  }
  let weight: string | null = null;
  let target: string | null = null;
  let end = toks.length;
  if (end >= 2 && PERCENT_RE.test(toks[end - 1]) && TARGET_TOKEN_RE.test(toks[end - 2])) {
    weight = toks[end - 1];
    target = toks[end - 2];
    end -= 2;
    // The words that open it belong to the target: `non inferiore al 90%`, `almeno 3`.
    let j = end;
    while (j > 1 && LEAD_WORD_RE.test(toks[j - 1])) j--;
    if (j < end && toks.slice(j, end).some((x) => TARGET_WORD_RE.test(x))) {
      target = `${toks.slice(j, end).join(" ")} ${target}`;
      end = j;
    }
  } else if (end >= 3 && PERCENT_RE.test(toks[end - 1])) {
    // A comparison with its unit before the weight: `<= 15 minuti 30%`, `>= 2 gg. 10%`.
    for (let j = end - 2; j >= Math.max(1, end - 3); j--) {
      if (!COMPARISON_TOKEN_RE.test(toks[j])) continue;
      const unitWords = toks.slice(j + 1, end - 1);
      if (unitWords.every((u) => UNIT_WORD_RE.test(u))) {
        weight = toks[end - 1];
        target = toks.slice(j, end - 1).join(" ");
        end = j;
      }
      break;
    }
  } else if (end === 1 && TARGET_TOKEN_RE.test(toks[0])) {
    return { name: "", target: toks[0], weight: null };
  }
  if (target === null && end >= 3 && PERCENT_RE.test(toks[end - 1])) {
    // A target in words before the weight: `Approvazione … entro il 30/06/2025 100%`.
    const t = wordedTarget(toks, end - 1);
    if (t !== null) {
      weight = toks[end - 1];
      target = toks.slice(t, end - 1).join(" ");
      end = t;
    }
  }
  const name = toks
    .slice(0, end)
    .join(" ")
    .replace(/^[.\s·•-]+/, "")
    .trim();
  if (target === null && end >= 3) {
    // No weight: a deadline closing the line is the target (`Regolamento approvato entro il 30/6`).
    const t = wordedTarget(toks, end);
    if (t !== null && /^entro$/i.test(toks[t]))
      return {
        name: toks.slice(0, t).join(" ").trim(),
        target: toks.slice(t, end).join(" "),
        weight: null,
      };
  }
  if (target === null) {
    // No weight: a comparison at the end of the line is the target, kept as written (`>= 100`).
    const m = TRAILING_COMPARISON_RE.exec(line.trim());
    if (m && m.index > 0) {
      const rest = line
        .trim()
        .slice(0, m.index)
        .replace(/^[.\s·•-]+/, "")
        .trim();
      if (letterCount(rest) >= 4) return { name: rest, target: m[1].trim(), weight: null };
    }
  }
  return { name, target, weight };
}

/** Words that open a target written in words: `entro il 30/06`, `almeno 3`, `non inferiore al 90%`. */
const TARGET_WORD_RE =
  /^(entro|almeno|non|pari|minimo|massimo|max|min|oltre|fino|inferiore|superiore|maggiore|minore|riduzione|incremento|aumento)$/i;
const LEAD_WORD_RE =
  /^(non|inferiore|superiore|maggiore|minore|uguale|pari|almeno|minimo|massimo|min|max|oltre|entro|al|allo|alla|a|ad|del|di|il)$/i;
const TARGET_VALUE_RE =
  /\d|^(si|sì|no|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|anno)$/i;

/**
 * Where a target in words starts among the (at most 8) tokens before `end`: the first target word
 * whose span holds a number, a date or SI/NO, leaving a name of at least 4 letters before it.
 */
function wordedTarget(toks: string[], end: number): number | null {
  for (let j = Math.max(1, end - 8); j < end; j++) {
    if (!TARGET_WORD_RE.test(toks[j])) continue;
    const span = toks.slice(j + 1, end);
    if (span.length === 0 || span.length > 6 || !span.some((x) => TARGET_VALUE_RE.test(x)))
      continue;
    if (letterCount(toks.slice(0, j).join(" ")) < 4) return null;
    return j;
  }
  return null;
}

const COMPARISON_TOKEN_RE = /^(?:>=|=>|<=|=<|≥|≤|>|<|=)\s?\d+(?:[.,]\d+)?\s?%?$/;
/** A short unit word after a number: `minuti`, `gg.`, `giorni`, `euro`, `ore`, `mq`. */
const UNIT_WORD_RE = /^[A-Za-zÀ-ÿ€.]{1,10}$/;
const TRAILING_COMPARISON_RE = /\s((?:>=|=>|<=|=<|≥|≤|>|<)\s?\d+(?:[.,]\d+)?\s?%?)\s*$/;

function isGarbage(text: string): boolean {
  return letterCount(text) < 4;
}

/** Read an indicators section from single-cell lines, until a stop line. */
export function readLineSection(lines: LineItem[]): LineSection {
  const out: LineIndicator[] = [];
  let total: { text: string; row: number } | null = null;
  let dimension: string | null = null;
  let pendingName: { text: string; row: number }[] = [];
  let pendingValues: { target: string | null; weight: string | null; row: number } | null = null;
  let lone: { text: string; row: number } | null = null;
  let absorbDimension = 0;

  const emit = (
    name: string,
    target: string | null,
    weight: string | null,
    row: number,
    valueRow: number
  ) => {
    out.push({ name, target, weight, dimension, row, valueRow });
  };
  const flushLone = () => {
    if (!lone) return;
    const v = { target: lone.text, weight: null, row: lone.row };
    lone = null;
    if (pendingName.length > 0) {
      emit(pendingName.map((p) => p.text).join(" "), v.target, v.weight, pendingName[0].row, v.row);
      pendingName = [];
    } else pendingValues = v;
  };

  for (const line of lines) {
    const text = line.text.trim();
    const f = fold(text);
    if (/^total[ei]\b/.test(f)) {
      flushLone();
      total = { text: text.replace(/^total[ei]\s*:?\s*/i, ""), row: line.row };
      break;
    }
    if (absorbDimension > 0) {
      absorbDimension--;
      if (/[;.]\s*$/.test(text)) absorbDimension = 0;
      continue;
    }
    const dim = dimensionOf(text);
    const parts = splitTrailing(text);
    if (dim && parts.target === null) {
      flushLone();
      dimension = dim;
      pendingName = [];
      pendingValues = null;
      if (!/[;.]\s*$/.test(text)) absorbDimension = 2;
      continue;
    }
    if (HEADER_NOISE_RE.test(f) && parts.target === null) continue;
    if (parts.name === "" && parts.target !== null && parts.weight === null) {
      // A lone value: with the next lone value it makes target + weight.
      if (lone) {
        const target = lone.text;
        const row = lone.row;
        lone = null;
        if (pendingName.length > 0) {
          emit(
            pendingName.map((p) => p.text).join(" "),
            target,
            parts.target,
            pendingName[0].row,
            row
          );
          pendingName = [];
        } else pendingValues = { target, weight: parts.target, row };
      } else lone = { text: parts.target, row: line.row };
      continue;
    }
    flushLone();
    if (parts.target !== null) {
      if (parts.name && !isGarbage(parts.name)) {
        const name = [...pendingName.map((p) => p.text), parts.name].join(" ");
        emit(name, parts.target, parts.weight, pendingName[0]?.row ?? line.row, line.row);
        pendingName = [];
        pendingValues = null;
      } else if (pendingName.length > 0) {
        emit(
          pendingName.map((p) => p.text).join(" "),
          parts.target,
          parts.weight,
          pendingName[0].row,
          line.row
        );
        pendingName = [];
      } else {
        pendingValues = { target: parts.target, weight: parts.weight, row: line.row };
      }
      continue;
    }
    if (isGarbage(text)) continue;
    if (pendingValues) {
      emit(text, pendingValues.target, pendingValues.weight, line.row, pendingValues.row);
      pendingValues = null;
      continue;
    }
    pendingName.push({ text, row: line.row });
    if (pendingName.length > 3) pendingName.shift();
  }
  flushLone();
  return { indicators: out, total };
}
