/**
 * Cleaning a target (or actual) text before reading it: html (`<b>…</b>`), entities, LaTeX
 * (`$\leq 0$` -> `<= 0`), the many ways of writing an operator (`≥`, `=>`, `=<`), spaces, list
 * markers (`1)`, `a.`, `•`); and splitting a target into its parts (`1) … 2) …`, `;`).
 */

const HTML_TAG_RE = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
const HTML_BREAK_RE = /<(?:br|\/p|\/li|\/div|li)\b[^<>]*>/gi;
const ENTITY_RE = /&(#\d{1,6}|#x[0-9a-f]{1,5}|[a-z]{2,8});/gi;
const ENTITIES: Record<string, string> = Object.assign(Object.create(null), {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  agrave: "à",
  egrave: "è",
  eacute: "é",
  igrave: "ì",
  ograve: "ò",
  ugrave: "ù",
  euro: "€",
  ge: "≥",
  le: "≤",
  deg: "°",
  rsquo: "'",
  lsquo: "'",
});
const LATEX_RE =
  /\\(?:geqslant|leqslant|geq|leq|ge|le|gt|lt|neq|ne|pm|%|euro|times|cdot|,|;|!|quad|text\{([^{}]*)\}|mathrm\{([^{}]*)\})/g;
const LATEX_MAP: Record<string, string> = {
  "\\geqslant": " >= ",
  "\\leqslant": " <= ",
  "\\geq": " >= ",
  "\\leq": " <= ",
  "\\ge": " >= ",
  "\\le": " <= ",
  "\\gt": " > ",
  "\\lt": " < ",
  "\\neq": " != ",
  "\\ne": " != ",
  "\\pm": " ± ",
  "\\%": "%",
  "\\euro": "€",
  "\\times": " x ",
  "\\cdot": " ",
  "\\,": " ",
  "\\;": " ",
  "\\!": "",
  "\\quad": " ",
};
const OPS_RE = /(≥|⩾|≧|=\s?>|>\s?=|≤|⩽|≦|=\s?<|<\s?=|＞|＜|＝|≠)/g;
const OPS_MAP: Record<string, string> = {
  "≥": ">=",
  "⩾": ">=",
  "≧": ">=",
  "=>": ">=",
  "= >": ">=",
  ">=": ">=",
  "> =": ">=",
  "≤": "<=",
  "⩽": "<=",
  "≦": "<=",
  "=<": "<=",
  "= <": "<=",
  "<=": "<=",
  "< =": "<=",
  "＞": ">",
  "＜": "<",
  "＝": "=",
  "≠": "!=",
};
const SPACE_RE = /[ \t\u00a0\u202f\u2009\u2007\u2002\u2003\u200b\ufeff]+/g;
const QUOTE_RE = /[’‘`´]/g;
const DQUOTE_RE = /[“”«»]/g;
// eslint-disable-next-line no-control-regex
const CTRL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LEAD_MARKER_RE =
  /^\s*(?:[•·▪◦●○■□➢➤►\-–—*]\s+|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s*|(?:\d{1,2}|[a-z])[.]\s+(?=\D)|(?:\d{1,2})\s*[-–]\s+(?=\p{L}))/iu;

/** Text with html, entities, LaTeX and odd operators/spaces normalized; newlines kept. */
export function cleanText(raw: unknown): string {
  let s = typeof raw === "string" ? raw : raw === null || raw === undefined ? "" : String(raw);
  if (s.length > 20000) s = s.slice(0, 20000);
  if (s.indexOf("<") >= 0) s = s.replace(HTML_BREAK_RE, "\n").replace(HTML_TAG_RE, " ");
  if (s.indexOf("&") >= 0)
    s = s.replace(ENTITY_RE, (m, e: string) => {
      const k = e.toLowerCase();
      if (k[0] === "#") {
        const code = k[1] === "x" ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : " ";
      }
      return ENTITIES[k] ?? m;
    });
  if (s.indexOf("\\") >= 0 || s.indexOf("$") >= 0) {
    s = s.replace(LATEX_RE, (m, t1?: string, t2?: string) => {
      if (t1 !== undefined) return t1;
      if (t2 !== undefined) return t2;
      return LATEX_MAP[m] ?? " ";
    });
    s = s.replace(/\$/g, " ").replace(/[{}]/g, " ");
  }
  s = s.replace(CTRL_RE, " ").replace(QUOTE_RE, "'").replace(DQUOTE_RE, '"');
  s = s.replace(OPS_RE, (m) => OPS_MAP[m] ?? OPS_MAP[m.replace(/\s/g, "")] ?? m);
  s = s.replace(/\r\n?/g, "\n").replace(SPACE_RE, " ");
  return s.trim();
}

/** A list marker at the start (`1)`, `a.`, `•`, `- `) removed. */
export function stripListMarker(s: string): string {
  const m = LEAD_MARKER_RE.exec(s);
  if (!m) return s;
  const rest = s.slice(m[0].length);
  // `- 4,71` is a negative number, not a bullet.
  if (/^[-–—]\s+$/.test(m[0].trim() + " ") && /^\d/.test(rest)) return s;
  return rest.trim();
}

const NUM_MARKER_RE = /(?:^|[\s.;:,])\(?(\d{1,2})[)\]]\s*(?=\S)/g;
const NUM_DOT_MARKER_RE = /(?:^|[\s;:,])(\d{1,2})\.\s+(?=\p{L})/gu;
const LETTER_MARKER_RE = /(?:^|[\s.;:,])\(?([a-h])\)\s*(?=\S)/g;
const BULLET_LINE_RE = /\n\s*(?:[•·▪◦●○■□➢➤►*]|[-–—](?=\s))\s*/g;

function markerSplit(s: string, re: RegExp, ordinal: (t: string) => number): string[] | null {
  re.lastIndex = 0;
  const marks: { at: number; end: number; n: number }[] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const n = ordinal(m[1]);
    const expected = marks.length + 1;
    if (n === expected) marks.push({ at: m.index, end: m.index + m[0].length, n });
    else if (n === 1 && marks.length > 0) break;
  }
  if (marks.length < 2) return null;
  const parts: string[] = [];
  const head = s.slice(0, marks[0].at).trim();
  for (let i = 0; i < marks.length; i++) {
    const end = i + 1 < marks.length ? marks[i + 1].at : s.length;
    parts.push(s.slice(marks[i].end, end).trim());
  }
  // A heading before `1)` (`Target: 1) … 2) …`) stays with the first part only when it has words.
  if (head && !/^[\p{P}\s]*$/u.test(head) && /\d/.test(head)) parts.unshift(head);
  return parts.filter((p) => p.length > 0);
}

/**
 * The parts of a target: numbered (`1) … 2) …`, `1. … 2. …`), lettered (`a) … b) …`), bullets
 * on new lines, or `;`-separated. A single part when there is no list.
 */
export function splitParts(cleaned: string): string[] {
  let s = cleaned;
  let parts: string[] | null = null;
  if (s.indexOf(")") >= 0 || s.indexOf("]") >= 0) {
    parts = markerSplit(s, NUM_MARKER_RE, (t) => +t);
    if (!parts) parts = markerSplit(s, LETTER_MARKER_RE, (t) => t.charCodeAt(0) - 96);
  }
  if (!parts && s.indexOf(".") >= 0) parts = markerSplit(s, NUM_DOT_MARKER_RE, (t) => +t);
  if (!parts && s.indexOf("\n") >= 0 && BULLET_LINE_RE.test("\n" + s)) {
    BULLET_LINE_RE.lastIndex = 0;
    parts = ("\n" + s).split(BULLET_LINE_RE).map((p) => p.trim());
  }
  BULLET_LINE_RE.lastIndex = 0;
  if (!parts) parts = [s];
  const out: string[] = [];
  for (const p of parts) {
    s = p.replace(/\s*\n\s*/g, " ").trim();
    if (s.indexOf(";") >= 0) {
      for (const q of s.split(/\s*;\s*/)) if (q.trim()) out.push(stripListMarker(q.trim()));
    } else if (s) out.push(stripListMarker(s));
  }
  return out.filter((p) => p.length > 0 && /[\p{L}\d<>=]/u.test(p));
}

const ACCENTS: Record<string, string> = {
  à: "a",
  á: "a",
  è: "e",
  é: "e",
  ì: "i",
  í: "i",
  ò: "o",
  ó: "o",
  ù: "u",
  ú: "u",
};
const ACCENT_RE = /[àáèéìíòóùú]/g;
const ACCENT_TEST_RE = /[àáèéìíòóùú]/;

/**
 * Lower case without Italian accents (`Più` -> `piu`), `'` kept. Same length as the input, so
 * positions found in the folded text hold in the original.
 */
export function fold(s: string): string {
  let lc = s.toLowerCase();
  if (lc.length !== s.length) {
    let out = "";
    for (const ch of s) {
      const l = ch.toLowerCase();
      out += l.length === ch.length ? l : ch;
    }
    lc = out;
  }
  ACCENT_TEST_RE.lastIndex = 0;
  return ACCENT_TEST_RE.test(lc) ? lc.replace(ACCENT_RE, (c) => ACCENTS[c] ?? c) : lc;
}
