/** Struttura cartella: (standalone) pick a file, run, see progress and counts, download. */
import { useRef } from "react";
import { Button, Field, Link, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Key } from "../i18n";
import type { StructureOutcome } from "../host";
import { countsOf } from "../analysis";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", rowGap: "10px" },
  counts: { display: "grid", gridTemplateColumns: "repeat(3, 1fr)", columnGap: "8px" },
  count: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  number: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  hidden: { display: "none" },
});

export interface StructureTabProps {
  t: (k: Key) => string;
  mode: "office" | "standalone";
  fileName: string | null;
  busy: boolean;
  progress: { value: number; step: Key } | null;
  result: StructureOutcome | null;
  onPickFile: (f: File) => void;
  onRun: () => void;
}

export function StructureTab({ t, mode, fileName, busy, progress, result, onPickFile, onRun }: StructureTabProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const counts = result ? countsOf(result.model) : null;
  const canRun = !busy && (mode === "office" || !!fileName);
  return (
    <section className={styles.col} aria-label={t("tabStructure")}>
      {mode === "standalone" && (
        <div className={styles.col}>
          <input
            ref={input}
            className={styles.hidden}
            type="file"
            accept=".xlsx,.xlsm,.tsv,.txt,.csv"
            data-testid="file-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) onPickFile(f);
            }}
          />
          <Button onClick={() => input.current?.click()} disabled={busy}>
            {t("chooseFile")}
          </Button>
          <Text size={200} data-testid="file-name">
            {fileName ? `${t("chosenFile")}: ${fileName}` : t("noFile")}
          </Text>
        </div>
      )}
      <Button appearance="primary" onClick={onRun} disabled={!canRun} data-testid="run-structure">
        {t("runStructure")}
      </Button>
      {progress && (
        <Field validationMessage={t(progress.step)} validationState="none">
          <ProgressBar value={progress.value} max={1} data-testid="progress" />
        </Field>
      )}
      {counts && (
        <div className={styles.counts} data-testid="counts">
          {(
            [
              ["objectives", counts.objectives],
              ["indicators", counts.indicators],
              ["findings", counts.findings],
            ] as const
          ).map(([k, n]) => (
            <div key={k} className={styles.count} data-testid={`count-${k}`}>
              <span className={styles.number}>{n}</span>
              <Text size={200}>{t(k)}</Text>
            </div>
          ))}
        </div>
      )}
      {result && mode === "office" && (
        <Text size={200}>
          {t("sheetsWritten")}: {result.spec.sheets.map((s) => s.name).join(", ")}
        </Text>
      )}
      {result?.download && (
        <Link href={result.download.url} download={result.download.fileName} data-testid="download">
          {t("download")}
        </Link>
      )}
    </section>
  );
}
