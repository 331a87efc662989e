/** DUPLICATE_CODE (error): two objectives of the same level share a code. */
import type { Finding, OperationalObjective, StrategicObjective } from "../../model";
import type { AuditContext, Check } from "../context";
import { quote } from "../text";

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
  for (const list of byCode.values()) {
    if (list.length < 2) continue;
    const code = list[0].code ?? "";
    const which = list.map((o) => `${quote(o.title, 50)} (${o.source})`).join(", ");
    out.push(
      ctx.finding(
        "DUPLICATE_CODE",
        "error",
        `Il codice ${code} è usato da ${list.length} obiettivi ${level}: ${which}. Assegnare un codice diverso a ciascuno`,
        { objectiveCode: code, where: list.map((o) => o.source).join(", ") }
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
