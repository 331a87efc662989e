/**
 * A rule in short Italian, for PEG.REGOLA and the sheets: `≥ 15`, `≥ 75%`, `≤ 0 gg`, `= 7`,
 * `entro 30/09/2025`, `SÌ`, `+5% rispetto al valore base`, several joined with ` e `.
 */
import type { TargetRule } from "../model";
import { formatItalianDate } from "../dates";
import { formatItalianNumber } from "../numbers";

const SYMBOL: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

function num(v: number | undefined): string {
  if (typeof v !== "number" || !Number.isFinite(v)) return "?";
  // At most 6 decimals: 0.1 + 0.2 shows as 0,3.
  const r = Math.round(v * 1e6) / 1e6;
  return formatItalianNumber(Number.isFinite(r) && Math.abs(v) < 1e15 ? r : v);
}

function quantity(rule: TargetRule, v: number | undefined): string {
  const s = num(v);
  switch (rule.unit) {
    case "percent":
      return s + "%";
    case "euro":
      return "€ " + s;
    case "days":
      return s + " gg";
    case "ratio":
      return typeof rule.valueMax === "number" ? s + "/" + num(rule.valueMax) : s;
    default:
      return s;
  }
}

function firstNoun(rule: TargetRule): string {
  if (!rule.noun) return "";
  const w = rule.noun.split(/\s+/).slice(0, 2);
  while (w.length > 1 && /^(?:di|del|dei|degli|delle|della|dello|da|in|a)$/.test(w[w.length - 1]))
    w.pop();
  return w.length ? " " + w.join(" ") : "";
}

function renderOne(rule: TargetRule, withNoun: boolean): string {
  switch (rule.op) {
    case ">=":
    case ">":
    case "<=":
    case "<":
    case "=":
      return SYMBOL[rule.op] + " " + quantity(rule, rule.value) + (withNoun ? firstNoun(rule) : "");
    case "between": {
      const noun = withNoun ? firstNoun(rule) : "";
      // `tra 3 e 5 gg`: the days once.
      if (rule.unit === "days")
        return "tra " + num(rule.value) + " e " + num(rule.valueMax) + " gg" + noun;
      return "tra " + quantity(rule, rule.value) + " e " + quantity(rule, rule.valueMax) + noun;
    }
    case "done":
      return rule.direction === "lower" ? "NO" : "SÌ";
    case "deadline": {
      const to = rule.date ? formatItalianDate(rule.date) : "?";
      return rule.from ? "dal " + formatItalianDate(rule.from) + " entro " + to : "entro " + to;
    }
    case "relative": {
      const rel = rule.relative ?? { mode: "percent", sign: 1 };
      const v = typeof rule.value === "number" ? Math.abs(rule.value) : 0;
      if (v === 0)
        return rel.sign === -1
          ? "≤ valore base"
          : rel.sign === 0
            ? "= valore base"
            : "≥ valore base";
      const sign = rel.sign === 1 ? "+" : rel.sign === -1 ? "-" : "±";
      return sign + num(v) + (rel.mode === "percent" ? "%" : "") + " rispetto al valore base";
    }
    case "all": {
      const subs = Array.isArray(rule.rules) ? rule.rules : [];
      if (subs.length === 0) return "non leggibile";
      return subs.map((s) => renderOne(s, true)).join(" e ");
    }
    case "qualitative":
      return "da valutare";
    default:
      return "non leggibile";
  }
}

/** The rule rendered back in short Italian. Never throws. */
export function renderTargetRule(rule: TargetRule): string {
  if (!rule || typeof rule !== "object") return "non leggibile";
  try {
    return renderOne(rule, false);
  } catch {
    return "non leggibile";
  }
}
