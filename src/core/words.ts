/**
 * Italian function words shared by the readers of numbers and targets. Each reader builds its own
 * set from these lists plus the words only it skips, so that what they share is written once.
 */

/** Definite and indefinite articles (`l'` apart: not every reader keeps apostrophes in words). */
export const ARTICLES = ["il", "lo", "la", "i", "gli", "le", "un", "uno", "una"] as const;

/** `di` and its articulated forms (`del`, `della`, ...), the glue inside a noun phrase. */
export const DI_FORMS = ["di", "del", "della", "dello", "dei", "degli", "delle"] as const;

/**
 * Words of a target that name nothing measured: articles, prepositions, comparisons and the
 * vocabulary of targets themselves (`almeno`, `pari`, `target`, `valore`). Folded (no accents).
 */
export const TARGET_FILLER_WORDS = [
  ...ARTICLES,
  ...DI_FORMS,
  "da",
  "dal",
  "dalla",
  "ed",
  "ad",
  "al",
  "alla",
  "ai",
  "in",
  "nel",
  "nella",
  "con",
  "per",
  "su",
  "sul",
  "tra",
  "fra",
  "che",
  "nr",
  "numero",
  "almeno",
  "minimo",
  "massimo",
  "non",
  "meno",
  "piu",
  "pari",
  "entro",
  "oltre",
  "superiore",
  "inferiore",
  "target",
  "valore",
] as const;
