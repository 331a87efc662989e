/** Verifiche: findings by severity, then objective; a click selects the finding's cells. */
import { useState } from "react";
import { MessageBar, MessageBarBody, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/model";
import type { SelectResult } from "../../excel/select";
import type { Key, Lang } from "../i18n";
import { findingMessage } from "../findings";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", rowGap: "8px" },
  group: { display: "flex", flexDirection: "column", rowGap: "4px" },
  objective: { color: tokens.colorNeutralForeground3, marginTop: "4px" },
  code: {
    alignSelf: "flex-start",
    padding: "0 6px",
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorPaletteMarigoldForeground2 },
  info: { backgroundColor: tokens.colorPaletteBlueBackground2, color: tokens.colorPaletteBlueForeground2 },
  finding: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: "2px",
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: "left",
    cursor: "pointer",
    width: "100%",
    boxSizing: "border-box",
    minWidth: 0,
    overflowWrap: "anywhere",
    font: "inherit",
  },
});

const ORDER: Severity[] = ["error", "warning", "info"];

export interface ChecksTabProps {
  t: (k: Key) => string;
  lang: Lang;
  findings: Finding[] | null;
  onSelect: (where: string) => Promise<SelectResult>;
}

/** Severity -> objective -> findings, keeping the order the audit gave. */
export function groupFindings(findings: Finding[]): [Severity, [string | null, Finding[]][]][] {
  return ORDER.map((sev) => {
    const byObjective = new Map<string | null, Finding[]>();
    for (const f of findings.filter((x) => x.severity === sev)) {
      const key = f.objectiveCode ?? null;
      const list = byObjective.get(key) ?? [];
      list.push(f);
      byObjective.set(key, list);
    }
    return [sev, [...byObjective.entries()]] as [Severity, [string | null, Finding[]][]];
  }).filter(([, groups]) => groups.length > 0);
}

export function ChecksTab({ t, lang, findings, onSelect }: ChecksTabProps) {
  const styles = useStyles();
  const [note, setNote] = useState<string | null>(null);
  if (!findings) return <Text>{t("noResults")}</Text>;
  if (findings.length === 0) return <Text data-testid="no-findings">{t("noFindings")}</Text>;
  const select = async (where: string) => {
    setNote(null);
    try {
      const r = await onSelect(where);
      if (!r.ok) setNote(r.message ?? where);
    } catch {
      setNote(`${t("cellsAt")}: ${where}`);
    }
  };
  return (
    <section className={styles.col} aria-label={t("tabChecks")} data-testid="findings">
      {note && (
        <MessageBar intent="info">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {groupFindings(findings).map(([sev, groups]) => (
        <div key={sev} className={styles.group} data-testid={`severity-${sev}`}>
          <Text weight="semibold">
            {t(sev)} ({groups.reduce((n, [, l]) => n + l.length, 0)})
          </Text>
          {groups.map(([objective, list]) => (
            <div key={objective ?? "-"} className={styles.group}>
              <Text size={200} className={styles.objective}>
                {objective ? `${t("objective")} ${objective}` : t("noObjective")}
              </Text>
              {list.map((f, i) => (
                <button
                  key={i}
                  type="button"
                  className={styles.finding}
                  data-testid="finding"
                  data-code={f.code}
                  disabled={!f.where}
                  title={f.where ? `${t("goToCells")}: ${f.where}` : undefined}
                  onClick={() => f.where && select(f.where)}
                >
                  <span className={mergeClasses(styles.code, styles[sev])}>{f.code}</span>
                  <Text size={300} data-testid="finding-message">{findingMessage(f, lang)}</Text>
                  {f.where && (
                    <Text size={200} className={styles.objective}>
                      {t("cellsAt")}: {f.where}
                    </Text>
                  )}
                </button>
              ))}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
