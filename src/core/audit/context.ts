/**
 * What every check reads: the model (manual verdicts already applied), the settings and a few
 * indexes built once, so the audit stays linear on a 10,000-indicator plan.
 */
import type {
  Finding,
  FindingParams,
  Indicator,
  OperationalObjective,
  PegModel,
  Severity,
} from "../model";
import { severityFor, type Settings } from "../settings";
import { objectiveKey } from "../scores";

export interface AuditContext {
  model: PegModel;
  settings: Settings;
  /** Plan year: settings first, then the model's. */
  year: number | undefined;
  asOf: string | undefined;
  /** Indicators by their objectiveCode, in document order. */
  indicatorsByObjective: Map<string, Indicator[]>;
  /** Operational objectives by key (code, else id); the first one when a code repeats. */
  objectiveByKey: Map<string, OperationalObjective>;
  finding(
    code: string,
    fallback: Severity,
    message: string,
    extra?: {
      objectiveCode?: string;
      indicatorId?: string;
      where?: string;
      /** What the message says, as data, so a pane can say it in another language. */
      params?: FindingParams;
    }
  ): Finding;
}

export interface Check {
  code: string;
  run(ctx: AuditContext): Finding[];
}

export function buildContext(model: PegModel, settings: Settings): AuditContext {
  const indicatorsByObjective = new Map<string, Indicator[]>();
  for (const ind of model.indicators) {
    const list = indicatorsByObjective.get(ind.objectiveCode);
    if (list) list.push(ind);
    else indicatorsByObjective.set(ind.objectiveCode, [ind]);
  }
  const objectiveByKey = new Map<string, OperationalObjective>();
  for (const o of model.operationalObjectives) {
    const key = objectiveKey(o);
    if (!objectiveByKey.has(key)) objectiveByKey.set(key, o);
  }
  return {
    model,
    settings,
    year: settings.year ?? model.plan.year,
    asOf: settings.asOf,
    indicatorsByObjective,
    objectiveByKey,
    finding(code, fallback, message, extra = {}) {
      const f: Finding = { severity: severityFor(settings, code, fallback), code, message };
      if (extra.objectiveCode !== undefined) f.objectiveCode = extra.objectiveCode;
      if (extra.indicatorId !== undefined) f.indicatorId = extra.indicatorId;
      if (extra.where) f.where = extra.where;
      if (extra.params) f.params = cleanParams(extra.params);
      return f;
    },
  };
}

/** Params without empty values (a missing actual, a target never written). */
function cleanParams(p: FindingParams): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p))
    if (
      v !== undefined &&
      v !== null &&
      v !== "" &&
      !(typeof v === "number" && !Number.isFinite(v))
    )
      out[k] = v;
  return out;
}
