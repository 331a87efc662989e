/**
 * Settings of an audit (`peg.config.json` beside the file, or `--config`), validated with zod.
 * Every field has a default, so `{}` (or no file at all) is a valid configuration.
 * Unknown top-level fields are ignored: the same file may carry options of other commands.
 */
import { z } from "zod";
import { PegInputError } from "./errors";
import { FINDING_CODES, SEVERITIES, type Severity } from "./model";
import { LayoutEntrySchema } from "./mapping";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

const fraction = (what: string) =>
  z
    .number({ error: `deve essere un numero tra 0 e 1 (${what})` })
    .min(0, { error: `deve essere un numero tra 0 e 1 (${what})` })
    .max(1, { error: `deve essere un numero tra 0 e 1 (${what})` });

/** One achievement band: achievements in [from, to) count `score`, or linearly when `mode: "linear"`. */
export const BandSchema = z
  .object({
    from: fraction("grado di raggiungimento, 0,5 = 50%"),
    to: fraction("grado di raggiungimento, 1 = 100%"),
    /** Fixed value counted for the whole band (0..1). */
    score: fraction("valore riconosciuto, 1 = 100%").optional(),
    /** Linear: the achievement itself, or mapped from scoreFrom..scoreTo when given. */
    mode: z.enum(["linear", "fixed"], { error: 'deve essere "linear" o "fixed"' }).optional(),
    scoreFrom: fraction("valore a inizio fascia").optional(),
    scoreTo: fraction("valore a fine fascia").optional(),
  })
  .superRefine((b, ctx) => {
    if (b.to <= b.from)
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `deve essere maggiore di 'from' (${b.from})`,
      });
    if (b.score === undefined && b.mode !== "linear")
      ctx.addIssue({
        code: "custom",
        path: ["score"],
        message: 'manca: indicare \'score\' oppure "mode": "linear"',
      });
  });
export type Band = z.infer<typeof BandSchema>;

const AUDIT_CODES = new Set<string>(FINDING_CODES);

/** Keys of `checks` / `severities` must be finding codes (a typo would silently do nothing). */
function knownCodes(record: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const key of Object.keys(record)) {
    if (!AUDIT_CODES.has(key))
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: `non è un codice di verifica conosciuto (codici: ${FINDING_CODES.join(", ")})`,
      });
  }
}

export const SettingsSchema = z.object({
  /** Plan year: completes dates written without a year. */
  year: z
    .number({ error: "deve essere un numero intero" })
    .int({ error: "deve essere un numero intero" })
    .min(1990, { error: "deve essere un anno tra 1990 e 2100" })
    .max(2100, { error: "deve essere un anno tra 1990 e 2100" })
    .optional(),
  /** Date of the check (AAAA-MM-GG): deadlines passed at this date with no actual are overdue. */
  asOf: z
    .string({ error: "deve essere una data nel formato AAAA-MM-GG" })
    .refine(isRealDate, {
      error: "deve essere una data valida nel formato AAAA-MM-GG (es. 2025-12-31)",
    })
    .optional(),
  /** Maximum of each report component, matched by the words of its label. */
  maxima: z
    .record(
      z.string(),
      z
        .number({ error: "deve essere un numero" })
        .positive({ error: "deve essere un numero maggiore di 0" })
    )
    .default({ risultato: 80, qualitativa: 20 }),
  /** Achievement bands; none = the achievement counts as it is. */
  bands: z
    .array(BandSchema, { error: "deve essere un elenco di fasce {from, to, score | mode}" })
    .superRefine((list, ctx) => {
      const bands = [...list].sort((a, b) => a.from - b.from);
      for (let i = 1; i < bands.length; i++) {
        if (bands[i].from < bands[i - 1].to - 1e-9)
          ctx.addIssue({
            code: "custom",
            message: `le fasce ${bands[i - 1].from}–${bands[i - 1].to} e ${bands[i].from}–${bands[i].to} si sovrappongono`,
          });
      }
    })
    .default([]),
  /** Enable (true) or disable (false) single checks by code. */
  checks: z
    .record(z.string(), z.boolean({ error: "deve essere true o false" }))
    .superRefine(knownCodes)
    .default({}),
  /** Change the severity of a code. */
  severities: z
    .record(z.string(), z.enum(SEVERITIES, { error: 'deve essere "error", "warning" o "info"' }))
    .superRefine(knownCodes)
    .default({}),
  /** DL 13/2023 art. 4-bis: share of the result evaluation tied to payment times. */
  paymentTimesMinShare: fraction("quota, 0,3 = 30%").default(0.3),
  /** Tolerance on weight sums (fractions). */
  weightTolerance: z
    .number({ error: "deve essere un numero" })
    .min(0, { error: "deve essere un numero tra 0 e 0,1" })
    .max(0.1, { error: "deve essere un numero tra 0 e 0,1" })
    .default(0.001),
  /** Tolerance on score totals (points). */
  scoreTolerance: z
    .number({ error: "deve essere un numero" })
    .min(0, { error: "deve essere un numero non negativo" })
    .default(0.01),
  /**
   * ACTUAL_MISSING: "auto" reports missing actuals only once the plan is being reported on
   * (some actual present, or as-of date after the plan year); "always"; "never".
   */
  actualMissing: z
    .enum(["auto", "always", "never"], { error: 'deve essere "auto", "always" o "never"' })
    .default("auto"),
  /** The user's column mapping (docs/mapping.md): replaces recognition on the sheets it names. */
  layouts: z
    .array(LayoutEntrySchema, {
      error: "deve essere un elenco di fogli { sheet, headerRow, columns }",
    })
    .default([]),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Is this check enabled? All are, unless `checks` says false. */
export function checkEnabled(settings: Settings, code: string): boolean {
  return !Object.hasOwn(settings.checks, code) || settings.checks[code] !== false;
}

export function severityFor(settings: Settings, code: string, fallback: Severity): Severity {
  return Object.hasOwn(settings.severities, code) ? settings.severities[code] : fallback;
}

function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  number: "un numero",
  int: "un numero intero",
  string: "un testo",
  boolean: "true o false",
  object: "un oggetto",
  array: "un elenco",
  record: "un oggetto",
};

/** A zod issue in Italian, without the field name. */
function issueText(issue: z.core.$ZodIssue): string {
  // Messages set in the schema above are already Italian.
  if (/^(deve|non|manca|le fasce|è)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return `deve essere ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small":
      return `deve essere almeno ${String(issue.minimum)}`;
    case "too_big":
      return `deve essere al massimo ${String(issue.maximum)}`;
    case "invalid_value":
      return `deve essere uno di: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return `campi non riconosciuti: ${issue.keys.join(", ")}`;
    default:
      return "valore non valido";
  }
}

/**
 * Validate raw settings (parsed JSON, or undefined for none). Throws a PegInputError (code
 * CONFIG_INVALID: the CLI exits 2) whose message is Italian, names the file and every wrong field:
 * "peg.config.json: 'year' deve essere un numero intero".
 */
export function parseSettings(raw: unknown, fileLabel = "impostazioni"): Settings {
  if (raw === undefined || raw === null) return SettingsSchema.parse({});
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new PegInputError(
      `${fileLabel}: le impostazioni devono essere un oggetto JSON, ad esempio { "year": 2025 }`,
      "CONFIG_INVALID",
      fileLabel
    );
  }
  const result = SettingsSchema.safeParse(raw);
  if (result.success) return result.data;
  const parts = result.error.issues.map((issue) => {
    const field = pathText(issue.path);
    return field ? `'${field}' ${issueText(issue)}` : issueText(issue);
  });
  throw new PegInputError(`${fileLabel}: ${parts.join("; ")}`, "CONFIG_INVALID", fileLabel);
}
