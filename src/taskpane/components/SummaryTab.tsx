/** Riepilogo: the summary table, written as a sheet and copied for Word. */
import { useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetSpec, WorkbookSpec } from "../../core/sheets/types";
import type { Summary } from "../../core/summary";
import { objectivesTable } from "../../report/format";
import { summarySpec } from "../analysis";
import { copyTable } from "../summary";
import type { Key } from "../i18n";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", rowGap: "8px" },
  row: { display: "flex", columnGap: "8px", rowGap: "8px", flexWrap: "wrap" },
  // The table scrolls inside the pane; the pane itself never gets wider than 350 px.
  scroll: { overflowX: "auto", maxWidth: "100%", minWidth: 0 },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: "2px 4px", textAlign: "left" },
    "& th": { backgroundColor: tokens.colorNeutralBackground3 },
  },
});

export interface SummaryTabProps {
  t: (k: Key) => string;
  spec: WorkbookSpec | null;
  /** The deliberation summary: its objectives table is shown and copied for Word. */
  summary: Summary | null;
  onWrite: (summary: SheetSpec) => Promise<Key>;
  onError: (e: unknown) => void;
}

export function SummaryTab({ t, spec, summary: deliberation, onWrite, onError }: SummaryTabProps) {
  const styles = useStyles();
  const tableRef = useRef<HTMLTableElement>(null);
  const [note, setNote] = useState<{ text: string; ok: boolean } | null>(null);
  const summary = spec ? summarySpec(spec) : null;
  if (!summary || !deliberation) return <Text>{t("noResults")}</Text>;
  // What Word gets: the objectives table of the summary document, not the sheet's counts.
  const table = objectivesTable(deliberation);
  return (
    <section className={styles.col} aria-label={t("tabSummary")}>
      <div className={styles.row}>
        <Button
          appearance="primary"
          onClick={async () => {
            try {
              setNote({ text: t(await onWrite(summary)), ok: true });
            } catch (e) {
              onError(e);
            }
          }}
        >
          {t("writeSummary")}
        </Button>
        <Button
          onClick={async () => {
            const ok = await copyTable(table, deliberation.title, tableRef.current);
            setNote({ text: t(ok ? "copied" : "copyFailed"), ok });
          }}
        >
          {t("copyForWord")}
        </Button>
      </div>
      {note && (
        <MessageBar intent={note.ok ? "success" : "warning"}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.scroll}>
        <table ref={tableRef} className={styles.table} data-testid="summary-table">
          <thead>
            <tr>
              {table.headers.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
