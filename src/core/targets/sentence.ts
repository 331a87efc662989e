/**
 * One Italian sentence for a person saying how a target was read and how it came out
 * (`peg target` without --json): `≥ 3: non raggiunto, grado 67 %`.
 */
import type { Status, TargetRule } from "../model";
import type { Evaluation } from "./index";
import { renderTargetRule } from "./render";

const WORD: Readonly<Record<Status, string>> = {
  met: "raggiunto",
  partial: "raggiunto in parte",
  missed: "non raggiunto",
  pending: "in corso (manca il consuntivo)",
  overdue: "scaduto senza consuntivo",
  qualitative: "da valutare: il target non è misurabile, decide una persona",
  unparsed: "non leggibile",
};

/** A grade as a whole percent, `67 %`; one decimal only below 1 % or just under 100 %. */
function grade(a: number): string {
  const p = a * 100;
  const whole = Math.round(p);
  const text =
    (whole === 100 && p < 100) || (whole === 0 && p > 0)
      ? (Math.floor(p * 10) / 10).toFixed(1).replace(".", ",")
      : String(whole);
  return `${text} %`;
}

function quoted(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `"${t.length > 80 ? `${t.slice(0, 79)}…` : t}"`;
}

export function targetSentence(rule: TargetRule, ev: Evaluation): string {
  if (rule.op === "unparsed" || ev.status === "unparsed") {
    return (
      `${quoted(rule.text ?? "")}: target non leggibile; scrivilo per esempio come ` +
      `"almeno 3", ">= 15", "entro il 30/06/2025" o "SI"`
    );
  }
  const read = rule.op === "qualitative" ? quoted(rule.text ?? "") : renderTargetRule(rule);
  const assumed = rule.assumed ? " (numero senza segno: letto come «almeno»)" : "";
  const achievement =
    typeof ev.achievement === "number" && Number.isFinite(ev.achievement)
      ? `, grado ${grade(ev.achievement)}`
      : "";
  return `${read}${assumed}: ${WORD[ev.status]}${achievement}`;
}
