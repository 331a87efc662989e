/**
 * Text helpers for recognition: what a cell says once markup from Word/PDF/HTML pastes is gone,
 * and word-overlap measures used to match names and titles.
 */

/** Cell text without HTML tags, markdown emphasis/headings and repeated spaces. */
export function cleanText(s: string): string {
  if (!s) return "";
  // Most cells hold plain text: skip the regular expressions.
  if (!/[<*#&\u00a0\n\r\t]|\s\s/.test(s)) return s.trim();
  let t = s;
  if (t.includes("<")) t = t.replace(/<\/?[a-zA-Z][^>]{0,80}>/g, " ");
  if (t.includes("*")) t = t.replace(/\*{2,}/g, "");
  t = t.replace(/^\s*#{1,6}\s+/, "");
  t = t.replace(/&nbsp;/g, " ").replace(/&amp;/g, "&");
  return t.replace(/[\s\u00a0]+/g, " ").trim();
}

/** Lower case, accents removed, typographic apostrophes unified: for matching, never for output. */
export function fold(s: string): string {
  // ASCII text needs no Unicode normalization (the common case, and a hot path on big sheets).
  if (!/[^ -~]/.test(s)) return s.replace(/`/g, "'").toLowerCase();
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

const STOP = new Set(
  (
    "di a da in con su per tra fra il lo la i gli le un uno una del dello della dei degli delle al allo alla ai agli alle " +
    "dal dalla dai dagli dalle nel nello nella nei negli nelle sul sulla sui sugli sulle e ed o od che non come anche " +
    "the of and or to for by on at an"
  ).split(" ")
);

/** Significant words (folded, 3+ characters or digits, no stop words). */
export function words(s: string): string[] {
  const out: string[] = [];
  for (const w of fold(cleanText(s)).split(/[^a-z0-9]+/)) {
    if (!w || STOP.has(w)) continue;
    if (w.length < 3 && !/^\d+$/.test(w)) continue;
    out.push(w);
  }
  return out;
}

/** Crude Italian stem: enough to match "alloggio"/"alloggi", "famiglie"/"famiglia". */
export function stem(w: string): string {
  return w.length <= 5 ? w.replace(/[aeio]$/, "") : w.slice(0, 5);
}

export function stems(s: string): Set<string> {
  return new Set(words(s).map(stem));
}

/** Shared stems over the smaller set: 1 when one text's words are all in the other. */
export function overlap(a: string | Set<string>, b: string | Set<string>): number {
  const sa = typeof a === "string" ? stems(a) : a;
  const sb = typeof b === "string" ? stems(b) : b;
  if (sa.size === 0 || sb.size === 0) return 0;
  let n = 0;
  const [small, big] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  for (const w of small) if (big.has(w)) n++;
  return n / small.size;
}

export function countShared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** Share of upper-case letters among letters (titles in these documents are often in capitals). */
export function upperRatio(s: string): number {
  let up = 0;
  let all = 0;
  for (const ch of s) {
    const lo = ch.toLowerCase();
    const hi = ch.toUpperCase();
    if (lo === hi) continue;
    all++;
    if (ch === hi) up++;
  }
  return all === 0 ? 0 : up / all;
}

export function letterCount(s: string): number {
  let n = 0;
  for (const ch of s) if (ch.toLowerCase() !== ch.toUpperCase()) n++;
  return n;
}

/** A year 1990..2099 alone in the text. */
export function asYear(s: string): number | null {
  const m = /^\s*((?:19|20)\d\d)\s*$/.exec(s);
  return m ? Number(m[1]) : null;
}
