/**
 * Comparisons written as two words or two signs with a slash, as real plans type them when `≥` is
 * not at hand: `maggiore/uguale 90%`, `minore / uguale a 5 gg`, `uguale o maggiore di 5`,
 * `>/= 90%`, `=/<`: the symbol (`>=`, `<=`), before the operators are read. Without this,
 * `minore/uguale 5` read its last word only.
 */
const PREP = "(?:\\s+(?:a|al|all'|ad|alla|allo|ai|agli|alle|di|del|dell'|della|dei|il|lo|la|l'))?";
const REWRITES: readonly [RegExp, string][] = [
  [/>\s*\/\s*=|=\s*\/\s*>/g, ">="],
  [/<\s*\/\s*=|=\s*\/\s*</g, "<="],
  [
    new RegExp(
      "(?<![\\p{L}])(?:(?:maggiore|superiore)\\s*\\/\\s*uguale|uguale\\s*(?:o|\\/)\\s*(?:maggiore|superiore))" +
        PREP +
        "(?![\\p{L}])\\s*",
      "giu"
    ),
    ">= ",
  ],
  [
    new RegExp(
      "(?<![\\p{L}])(?:(?:minore|inferiore)\\s*\\/\\s*uguale|uguale\\s*(?:o|\\/)\\s*(?:minore|inferiore))" +
        PREP +
        "(?![\\p{L}])\\s*",
      "giu"
    ),
    "<= ",
  ],
];
const HINT_RE = /uguale|[<>=]\s*\/\s*[<>=]/i;

/** The text with slashed and reversed comparisons written as `>=` / `<=`. */
export function normalizeOperatorWords(text: string): string {
  if (!HINT_RE.test(text)) return text;
  let out = text;
  for (const [re, to] of REWRITES) {
    re.lastIndex = 0;
    out = out.replace(re, to);
  }
  return out;
}
