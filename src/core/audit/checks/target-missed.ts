/** TARGET_MISSED (warning): status `missed` or `partial` (manual verdicts included). */
import type { Check } from "../context";
import { pct } from "../../scores";
import { indicatorLabel, quote } from "../text";

/** The indicator named by its target itself ("Erogazione di almeno 100 pasti"): said once. */
function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  const n = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim().toLowerCase();
  return n(a) !== "" && n(a) === n(b);
}

export const targetMissed: Check = {
  code: "TARGET_MISSED",
  run(ctx) {
    const out = [];
    for (const ind of ctx.model.indicators) {
      if (ind.status !== "missed" && ind.status !== "partial") continue;
      const what = ind.status === "partial" ? "raggiunto solo in parte" : "non raggiunto";
      const actual =
        ind.actual === null || ind.actual === ""
          ? ""
          : `, consuntivo ${quote(String(ind.actual), 60)}`;
      const grade =
        ind.achievement !== null ? ` (grado di raggiungimento ${pct(ind.achievement)})` : "";
      const manual =
        ind.manual?.status || ind.manual?.achievement !== undefined ? " — giudizio manuale" : "";
      const note = ind.manual?.note?.trim() ? `: ${ind.manual.note.trim()}` : "";
      out.push(
        ctx.finding(
          "TARGET_MISSED",
          "warning",
          `Target ${quote(ind.target ?? "", 60)} ${what}${sameText(ind.target, ind.name) ? "" : ` per ${indicatorLabel(ind)}`}${actual}${grade}${manual}${manual ? note : ""}`,
          {
            objectiveCode: ind.objectiveCode,
            indicatorId: ind.id,
            where: ind.actualSource ?? ind.targetSource ?? ind.source,
            params: {
              target: ind.target ?? undefined,
              indicator: ind.name,
              actual: ind.actual === null ? undefined : String(ind.actual),
              achievement: ind.achievement ?? undefined,
              partial: ind.status === "partial" ? 1 : 0,
            },
          }
        )
      );
    }
    return out;
  },
};
