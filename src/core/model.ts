/**
 * The PEG model (docs/model.md). This zod schema owns the shape of everything the product
 * reads and writes; `peg structure --json` prints a value that passes `PegModelSchema`.
 */
import { z } from "zod";

export const STATUSES = [
  "met",
  "partial",
  "missed",
  "pending",
  "overdue",
  "qualitative",
  "unparsed",
] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

export const RULE_OPS = [
  ">=",
  ">",
  "<=",
  "<",
  "=",
  "between", // value..valueMax
  "done", // SI / X: done or not done
  "deadline", // by `date` (from `from` when a range)
  "relative", // change vs baseline (value = percent or absolute change)
  "all", // compound: every sub-rule in `rules`
  "qualitative",
  "unparsed",
] as const;
export const RuleOpSchema = z.enum(RULE_OPS);
export type RuleOp = z.infer<typeof RuleOpSchema>;

export const RULE_UNITS = [
  "count",
  "percent",
  "days",
  "euro",
  "date",
  "boolean",
  "ratio",
  "score",
] as const;
export const RuleUnitSchema = z.enum(RULE_UNITS);
export type RuleUnit = z.infer<typeof RuleUnitSchema>;

export interface TargetRule {
  /** The target text as written (trimmed, list markers removed). */
  text: string;
  op: RuleOp;
  value?: number;
  /** Upper bound for `between`; the scale for a ratio such as 3,5/4 (valueMax 4). */
  valueMax?: number;
  unit?: RuleUnit;
  /** A bare number read as `>=` that number. */
  assumed?: boolean;
  /** Lower is better for `<=`, `massimo`, `ritardo`. */
  direction?: "higher" | "lower" | "equal";
  /** ISO date (YYYY-MM-DD) for deadlines. */
  date?: string;
  /** ISO start date of a `da ... a ...` range. */
  from?: string;
  /** The noun that follows the number (`100 pasti` -> "pasti"), used to match actuals in compound targets. */
  noun?: string;
  /** For `relative`: how the change is expressed. */
  relative?: { mode: "percent" | "absolute"; sign: 1 | -1 | 0 };
  /** Sub-rules of a compound (`all`) target. */
  rules?: TargetRule[];
}

export const TargetRuleSchema: z.ZodType<TargetRule> = z.lazy(() =>
  z.object({
    text: z.string(),
    op: RuleOpSchema,
    value: z.number().optional(),
    valueMax: z.number().optional(),
    unit: RuleUnitSchema.optional(),
    assumed: z.boolean().optional(),
    direction: z.enum(["higher", "lower", "equal"]).optional(),
    date: z.string().optional(),
    from: z.string().optional(),
    noun: z.string().optional(),
    relative: z
      .object({
        mode: z.enum(["percent", "absolute"]),
        sign: z.union([z.literal(1), z.literal(-1), z.literal(0)]),
      })
      .optional(),
    rules: z.array(TargetRuleSchema).optional(),
  })
);

export const ActualSchema = z.union([z.string(), z.number(), z.null()]);

export const SourceSchema = z.object({
  files: z.array(z.string()),
  sheets: z.array(z.string()),
});

export const PlanSchema = z.object({
  ente: z.string().optional(),
  year: z.number().int().optional(),
  kind: z.string().optional(),
});

export const UnitSchema = z.object({
  id: z.string(),
  area: z.string().optional(),
  settore: z.string().optional(),
  servizio: z.string().optional(),
  dirigente: z.string().optional(),
  responsabile: z.string().optional(),
  referentePolitico: z.string().optional(),
  source: z.string().optional(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const StrategicObjectiveSchema = z.object({
  /** Stable id inside this model (code when the document gives one). */
  id: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  description: z.string().optional(),
  missione: z.string().optional(),
  programma: z.string().optional(),
  unitId: z.string().optional(),
  weight: z.number().nullable().optional(),
  /** The file it was read from, when several files were read together. */
  file: z.string().optional(),
  source: z.string(),
});
export type StrategicObjective = z.infer<typeof StrategicObjectiveSchema>;

export const PhaseSchema = z.object({
  id: z.string(),
  label: z.string(),
  months: z.array(z.number().int().min(1).max(12)).optional(),
  deadline: z.string().optional(),
  source: z.string().optional(),
});

export const OperationalObjectiveSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  description: z.string().optional(),
  strategicCode: z.string().nullable().optional(),
  missione: z.string().optional(),
  programma: z.string().optional(),
  unitId: z.string().optional(),
  dirigente: z.string().optional(),
  /** Peso dell'obiettivo, as written (27, 1.2, 0.3 ...). */
  weight: z.number().nullable(),
  weightSource: z.string().optional(),
  /** Weight total the sheet declares for its indicators (the TOTALE row), as a fraction (100% -> 1). */
  declaredWeightTotal: z.number().nullable().optional(),
  declaredWeightTotalSource: z.string().optional(),
  criteria: z.record(z.string(), z.string()).optional(),
  phases: z.array(PhaseSchema).optional(),
  /** The file it was read from, when several files were read together. */
  file: z.string().optional(),
  source: z.string(),
});
export type OperationalObjective = z.infer<typeof OperationalObjectiveSchema>;

export const IndicatorSchema = z.object({
  id: z.string(),
  /** Code of its objective, or the objective's id where the document gives no code. */
  objectiveCode: z.string(),
  name: z.string(),
  description: z.string().optional(),
  dimension: z.string().nullable().optional(),
  unit: z.string().nullable().optional(),
  baseline: z.record(z.string(), z.string()).optional(),
  /** Raw target text exactly as written (trimmed). */
  target: z.string().nullable(),
  targets: z.record(z.string(), z.string()).optional(),
  /** Fraction of the objective (20% -> 0.2), or null. */
  weight: z.number().nullable(),
  weightSource: z.string().optional(),
  actual: ActualSchema,
  actualSource: z.string().optional(),
  rule: TargetRuleSchema.nullable(),
  status: StatusSchema,
  achievement: z.number().min(0).max(1).nullable(),
  /** Manual verdict (issue 4): wins over the computed one. */
  manual: z
    .object({
      status: StatusSchema.optional(),
      achievement: z.number().min(0).max(1).nullable().optional(),
      note: z.string().optional(),
    })
    .optional(),
  source: z.string(),
  targetSource: z.string().optional(),
  /** The office's own declared achievement (`% di raggiungimento`), 0..1, as written in the plan. */
  declaredAchievement: z.number().finite().min(0).max(1).optional(),
  declaredAchievementSource: z.string().optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const ScoreComponentSchema = z.object({
  label: z.string(),
  value: z.number(),
  max: z.number().nullable(),
  source: z.string().optional(),
});

export const ReportSchema = z.object({
  objectiveCode: z.string(),
  dirigente: z.string().optional(),
  text: z.string().optional(),
  components: z.array(ScoreComponentSchema),
  declaredTotal: z.number().nullable(),
  computedTotal: z.number().nullable(),
  source: z.string(),
});
export type Report = z.infer<typeof ReportSchema>;

export const SEVERITIES = ["error", "warning", "info"] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** Codes of docs/findings.md plus the ones later issues add; kept open (a string) for extension. */
export const FINDING_CODES = [
  "WEIGHTS_SUM",
  "WEIGHT_MISSING",
  "SCORE_TOTAL_MISMATCH",
  "SCORE_OVER_MAX",
  "TARGET_MISSED",
  "TARGET_OVERDUE",
  "TARGET_UNPARSED",
  "ACTUAL_MISSING",
  "DUPLICATE_CODE",
  "ORPHAN_OBJECTIVE",
  "OVERRIDE_WITHOUT_NOTE",
  "PAYMENT_TIMES_WEIGHT",
  "TARGET_NOT_MEASURABLE",
  "TARGET_NOT_CHALLENGING",
  "LAYOUT_NOT_RECOGNIZED",
  "ACHIEVEMENT_DECLARED_MISMATCH",
] as const;

export const FindingSchema = z.object({
  severity: SeveritySchema,
  code: z.string(),
  objectiveCode: z.string().optional(),
  indicatorId: z.string().optional(),
  message: z.string(),
  where: z.string().optional(),
  /**
   * What the message says, as data (percentages as fractions), so the pane can render the finding
   * from its code and params in another language; `message` stays the Italian text.
   */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
export type FindingParams = Record<string, string | number | null | undefined>;

export const PegModelSchema = z.object({
  source: SourceSchema,
  plan: PlanSchema,
  units: z.array(UnitSchema),
  strategicObjectives: z.array(StrategicObjectiveSchema),
  operationalObjectives: z.array(OperationalObjectiveSchema),
  indicators: z.array(IndicatorSchema),
  reports: z.array(ReportSchema),
  findings: z.array(FindingSchema),
});
export type PegModel = z.infer<typeof PegModelSchema>;

export function emptyModel(files: string[] = [], sheets: string[] = []): PegModel {
  return {
    source: { files, sheets },
    plan: {},
    units: [],
    strategicObjectives: [],
    operationalObjectives: [],
    indicators: [],
    reports: [],
    findings: [],
  };
}
