/**
 * WEIGHT_MISSING (warning): some indicators of an objective have a weight and others do not; or
 * some objectives weighed together (same dirigente or unit, else the plan) have a peso and others
 * do not.
 */
import type { Finding, OperationalObjective, Report, StrategicObjective } from "../../model";
import type { AuditContext, Check } from "../context";
import { num, objectiveKey, weightGroupLabel, weightGroups } from "../../scores";
import { objectiveName, quote } from "../text";
import { rangeOf } from "../where";

function weightList(objectives: readonly (OperationalObjective | StrategicObjective)[]): string {
  const distinct = [
    ...new Set(objectives.map((o) => o.weight).filter((w): w is number => typeof w === "number")),
  ];
  if (distinct.length === 1) return `hanno peso ${num(distinct[0])}`;
  return `hanno un peso (${distinct.slice(0, 4).map(num).join(", ")}${distinct.length > 4 ? ", …" : ""})`;
}

function reportNote(key: string, reports: Map<string, Report>): string {
  const r = reports.get(key);
  if (!r) return "";
  const sum = r.components.reduce((s, c) => s + c.value, 0);
  return `, pur essendo valutato nel report (${r.components.map((c) => num(c.value)).join("+")}=${num(r.declaredTotal ?? sum)})`;
}

function indicatorLevel(ctx: AuditContext): Finding[] {
  const out: Finding[] = [];
  for (const [code, inds] of ctx.indicatorsByObjective) {
    const missing = inds.filter((i) => i.weight === null);
    if (missing.length === 0 || missing.length === inds.length) continue;
    const names =
      missing
        .slice(0, 5)
        .map((i) => quote(i.name, 50))
        .join(", ") + (missing.length > 5 ? ", …" : "");
    out.push(
      ctx.finding(
        "WEIGHT_MISSING",
        "warning",
        `${missing.length === 1 ? "1 indicatore" : `${missing.length} indicatori`} su ${inds.length} dell'obiettivo ${code} ${missing.length === 1 ? "non ha" : "non hanno"} un peso (${names}), mentre gli altri ne hanno uno: indicare il peso di ciascun indicatore`,
        {
          objectiveCode: code,
          where: rangeOf(missing.map((i) => i.weightSource ?? i.source)),
          params: { level: "indicator", missing: missing.length, indicators: inds.length },
        }
      )
    );
  }
  return out;
}

function objectiveLevel(ctx: AuditContext): Finding[] {
  const out: Finding[] = [];
  const ops = ctx.model.operationalObjectives;
  const groups = [...weightGroups(ops).values()];
  const anyWeighted = ops.some((o) => o.weight !== null);
  const reports = new Map<string, Report>();
  for (const r of ctx.model.reports)
    if (r.components.length > 0 && !reports.has(r.objectiveCode)) reports.set(r.objectiveCode, r);
  const flag = (o: OperationalObjective | StrategicObjective, others: string, key: string) =>
    out.push(
      ctx.finding(
        "WEIGHT_MISSING",
        "warning",
        `L'obiettivo ${objectiveName(o)} non ha un peso, mentre ${others}${reportNote(key, reports)}: indicare il peso dell'obiettivo`,
        {
          objectiveCode: key,
          where: ("weightSource" in o ? o.weightSource : undefined) ?? o.source,
          params: { level: "objective", objective: objectiveName(o) },
        }
      )
    );
  for (const group of groups) {
    const weighted = group.filter((o) => o.weight !== null);
    if (weighted.length > 0) {
      const list = weightList(weighted);
      for (const o of group)
        if (o.weight === null)
          flag(o, `gli altri obiettivi ${weightGroupLabel(o)} ${list}`, objectiveKey(o));
    } else if (anyWeighted && groups.length > 1) {
      // A whole dirigente without pesi while others have them.
      for (const o of group) flag(o, "altri obiettivi del piano hanno un peso", objectiveKey(o));
    }
  }
  const strategic = ctx.model.strategicObjectives;
  const sWeighted = strategic.filter((o) => typeof o.weight === "number");
  if (sWeighted.length > 0) {
    const list = weightList(sWeighted);
    for (const o of strategic)
      if (typeof o.weight !== "number")
        flag(o, `gli altri obiettivi strategici ${list}`, o.code ?? o.id);
  }
  return out;
}

export const weightMissing: Check = {
  code: "WEIGHT_MISSING",
  run: (ctx) => [...indicatorLevel(ctx), ...objectiveLevel(ctx)],
};
