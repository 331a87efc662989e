/**
 * The audit as an Italian text table, grouped by objective in document order (what `peg audit`
 * prints without --json).
 */
import type { Finding, PegModel } from "../model";
import { sortFindings } from "./index";

const SEVERITY_IT: Record<string, string> = { error: "ERRORE", warning: "AVVISO", info: "INFO" };

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const c: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.severity in c) c[f.severity as keyof FindingCounts]++;
  return c;
}

/** "2 errori, 1 avviso, 0 informazioni" */
export function countsLine(c: FindingCounts): string {
  const w = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${w(c.error, "errore", "errori")}, ${w(c.warning, "avviso", "avvisi")}, ${w(c.info, "informazione", "informazioni")}`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function shortTitle(t: string): string {
  const s = t.replace(/\s+/g, " ").trim();
  return s.length > 70 ? `${s.slice(0, 69)}…` : s;
}

export function formatAuditTable(model: PegModel, options: { fileLabel?: string } = {}): string {
  const lines: string[] = [];
  const findings = sortFindings(model.findings, model);
  const counts = countFindings(findings);
  lines.push(
    `Verifiche${options.fileLabel ? ` — ${options.fileLabel}` : ""}: ${countsLine(counts)}`
  );
  if (findings.length === 0) {
    lines.push("Nessun rilievo: il piano supera tutte le verifiche.");
    return lines.join("\n");
  }
  const titles = new Map<string, string>();
  for (const o of [...model.operationalObjectives, ...model.strategicObjectives]) {
    const key = o.code ?? o.id;
    if (!titles.has(key)) titles.set(key, o.title);
  }
  // Group by objective, groups in the order of their first (most severe) finding.
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.objectiveCode ?? "";
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  let codeWidth = 0;
  let whereWidth = 4;
  for (const f of findings) {
    codeWidth = Math.max(codeWidth, f.code.length);
    whereWidth = Math.max(whereWidth, (f.where ?? "").length);
  }
  whereWidth = Math.min(30, whereWidth);
  for (const [key, list] of groups) {
    lines.push("");
    if (key === "") lines.push("Piano (rilievi non legati a un obiettivo)");
    else {
      const title = titles.get(key);
      lines.push(`Obiettivo ${key}${title && title !== key ? ` — ${shortTitle(title)}` : ""}`);
    }
    for (const f of list) {
      const sev = pad(SEVERITY_IT[f.severity] ?? f.severity.toUpperCase(), 7);
      lines.push(
        `  ${sev} ${pad(f.code, codeWidth)}  ${pad(f.where ?? "", whereWidth)}  ${f.message}`
      );
    }
  }
  return lines.join("\n");
}
