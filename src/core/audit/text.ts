/** Small Italian wording helpers shared by the checks. */
import type { Indicator, OperationalObjective, StrategicObjective } from "../model";

/** A name in quotes, cut to a readable length. */
export function quote(s: string | null | undefined, max = 80): string {
  const t = String(s ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return `'${t.length > max ? `${t.slice(0, max - 1)}…` : t}'`;
}

export function objectiveName(o: OperationalObjective | StrategicObjective): string {
  return o.code ?? quote(o.title, 60);
}

/**
 * "l'indicatore 'n. tavoli'". The objective is not repeated: every finding carries its
 * objectiveCode, shown beside the message (the audit's heading, the Verifiche column, the pane).
 */
export function indicatorLabel(ind: Indicator): string {
  return `l'indicatore ${quote(ind.name)}`;
}

/** ISO date to dd/mm/yyyy. */
export function itDate(iso: string | undefined | null): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(iso ?? "");
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
