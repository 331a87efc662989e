/**
 * The `peg audit` report as Italian text: one block per file, findings grouped by objective
 * (severity, code, objective, message, where), then a total line over all files.
 */
import type { Finding, Severity } from "../core/model";

const SEVERITY_LABEL: Record<Severity, string> = {
  error: "ERRORE",
  warning: "AVVISO",
  info: "INFO",
};
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface FileFindings {
  file: string;
  findings: Finding[];
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(findings: Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.severity in c) c[f.severity]++;
  return c;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function countsText(c: Counts): string {
  return [
    plural(c.error, "errore", "errori"),
    plural(c.warning, "avviso", "avvisi"),
    plural(c.info, "informazione", "informazioni"),
  ].join(", ");
}

/** Message text on one line: a finding message must not break the table. */
function oneLine(s: string | undefined): string {
  return (s ?? "").replace(/[\r\n\t]+/g, " ").trim();
}

export function formatFileReport(report: FileFindings): string {
  const lines: string[] = [];
  const counts = countFindings(report.findings);
  lines.push(`Verifica di "${report.file}": ${countsText(counts)}`);
  if (report.findings.length === 0) {
    lines.push("  Nessun problema trovato.");
    return lines.join("\n") + "\n";
  }
  // Group by objective, in order of first appearance; general findings (no objective) first.
  const groups = new Map<string, Finding[]>();
  const general: Finding[] = [];
  for (const f of report.findings) {
    if (!f.objectiveCode) {
      general.push(f);
      continue;
    }
    const list = groups.get(f.objectiveCode) ?? [];
    list.push(f);
    groups.set(f.objectiveCode, list);
  }
  const ordered: [string, Finding[]][] = [];
  if (general.length > 0) ordered.push(["Piano (non legate a un obiettivo)", general]);
  for (const [code, list] of groups) ordered.push([`Obiettivo ${code}`, list]);
  const codeWidth = Math.max(4, ...report.findings.map((f) => f.code.length));
  for (const [title, list] of ordered) {
    lines.push("");
    lines.push(`${title}`);
    const sorted = [...list].sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    );
    for (const f of sorted) {
      const where = f.where ? `  [${oneLine(f.where)}]` : "";
      lines.push(
        `  ${SEVERITY_LABEL[f.severity].padEnd(7)} ${f.code.padEnd(codeWidth)}  ${oneLine(f.message)}${where}`
      );
    }
  }
  return lines.join("\n") + "\n";
}

export function formatAuditReport(reports: FileFindings[]): string {
  const parts = reports.map(formatFileReport);
  const all = reports.flatMap((r) => r.findings);
  const total = `Totale: ${plural(reports.length, "file", "file")}, ${countsText(countFindings(all))}`;
  return parts.join("\n") + "\n" + total + "\n";
}
