/**
 * DUPLICATE_CODE (error): two different objectives of the same level share a code. The same
 * objective written twice (an index table and its own scheda, same title) is not a duplicate.
 */
import type { Finding, OperationalObjective, StrategicObjective } from "../../model";
import type { AuditContext, Check } from "../context";
import { quote } from "../text";

function titleWords(t: string): Set<string> {
  return new Set(
    t
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3 || /^\d+$/.test(w))
  );
}

/** Same objective written twice (an index table and its scheda): titles share most words. */
function sameObjective(wa: Set<string>, wb: Set<string>): boolean {
  if (wa.size === 0 || wb.size === 0) return wa.size === wb.size;
  // One-word titles say too little: only an identical one is the same objective.
  if (Math.min(wa.size, wb.size) < 2) return wa.size === wb.size && [...wa].every((w) => wb.has(w));
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.min(wa.size, wb.size) >= 0.8;
}

/**
 * One representative per distinct objective among those sharing a code. Pairwise comparison is
 * bounded: past 100 distinct titles (a hostile plan) only identical titles are merged.
 */
function distinctObjectives<T extends { title: string }>(list: readonly T[]): T[] {
  const out: { o: T; words: Set<string>; key: string }[] = [];
  const seen = new Set<string>();
  for (const o of list) {
    const words = titleWords(o.title);
    const key = [...words].sort().join(" ");
    if (seen.has(key)) continue;
    if (out.length < 100 && out.some((d) => sameObjective(d.words, words))) continue;
    seen.add(key);
    out.push({ o, words, key });
  }
  return out.map((d) => d.o);
}

function normal(code: string): string {
  return code.replace(/\s+/g, " ").trim().toLowerCase();
}

function duplicates(
  ctx: AuditContext,
  objectives: readonly (OperationalObjective | StrategicObjective)[],
  level: string
): Finding[] {
  const byCode = new Map<string, (OperationalObjective | StrategicObjective)[]>();
  for (const o of objectives) {
    if (o.code === null || !o.code.trim()) continue;
    const k = normal(o.code);
    const list = byCode.get(k);
    if (list) list.push(o);
    else byCode.set(k, [o]);
  }
  const out: Finding[] = [];
  for (const all of byCode.values()) {
    // The same objective repeated (same code, same title) is not two objectives.
    const list = distinctObjectives(all);
    if (list.length < 2) continue;
    const code = list[0].code ?? "";
    const which = list.map((o) => `${quote(o.title, 50)} (${o.source})`).join(", ");
    out.push(
      ctx.finding(
        "DUPLICATE_CODE",
        "error",
        `Il codice ${code} è usato da ${list.length} obiettivi ${level}: ${which}. Assegnare un codice diverso a ciascuno`,
        {
          objectiveCode: code,
          where: list.map((o) => o.source).join(", "),
          params: { code, count: list.length },
        }
      )
    );
  }
  return out;
}

export const duplicateCode: Check = {
  code: "DUPLICATE_CODE",
  run: (ctx) => [
    ...duplicates(ctx, ctx.model.strategicObjectives, "strategici"),
    ...duplicates(ctx, ctx.model.operationalObjectives, "operativi"),
  ],
};
