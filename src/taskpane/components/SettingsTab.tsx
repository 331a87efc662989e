/** Impostazioni: plan year, check date, score maxima, achievement bands; validated by the core schema. */
import { useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles } from "@fluentui/react-components";
import { DEFAULT_SETTINGS, parseSettings, type Band } from "../../core/settings";
import { isPegInputError } from "../../core/errors";
import type { PaneSettings } from "../analysis";
import type { Key } from "../i18n";

// A 350 px pane: rows wrap, fields shrink (an Input's own minimum width is wider than the pane).
const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", rowGap: "10px", minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", columnGap: "6px", rowGap: "4px", alignItems: "flex-end", minWidth: 0 },
  grow: { flex: "1 1 110px", minWidth: 0 },
  small: { flex: "0 1 64px", minWidth: "52px" },
  input: { width: "100%", minWidth: 0 },
  remove: { minWidth: "auto" },
});

export interface SettingsTabProps {
  t: (k: Key) => string;
  mode: "office" | "standalone";
  settings: PaneSettings;
  /** The plan year read from the file: fills the year when the settings have none. */
  planYear?: number;
  onSave: (s: PaneSettings) => Promise<void>;
}

/** "12,5" or "12.5" -> 12.5; blank or junk -> NaN (the schema then says what is wrong). */
function num(s: string): number {
  return s.trim() === "" ? Number.NaN : Number(s.replace(",", "."));
}

const pct = (f: number | undefined) => (f === undefined ? "" : String(Math.round(f * 10000) / 100).replace(".", ","));

export function SettingsTab({ t, mode, settings, planYear, onSave }: SettingsTabProps) {
  const styles = useStyles();
  const fromFile = !settings.year && !!planYear;
  const [year, setYear] = useState(settings.year ? String(settings.year) : planYear ? String(planYear) : "");
  const [asOf, setAsOf] = useState(settings.asOf ?? "");
  const [maxima, setMaxima] = useState<[string, string][]>(
    Object.entries(settings.maxima ?? DEFAULT_SETTINGS.maxima).map(([k, v]) => [k, String(v).replace(".", ",")])
  );
  const [bands, setBands] = useState<[string, string, string][]>(
    (settings.bands ?? []).map((b) => [pct(b.from), pct(b.to), pct(b.score)])
  );
  const [note, setNote] = useState<{ text: string; ok: boolean } | null>(null);

  const save = async () => {
    const next: PaneSettings = {};
    if (year.trim()) next.year = num(year);
    if (asOf.trim()) next.asOf = asOf.trim();
    next.maxima = Object.fromEntries(maxima.filter(([k]) => k.trim()).map(([k, v]) => [k.trim(), num(v)]));
    next.bands = bands.map(([f, to, s]) => {
      const b: Band = { from: num(f) / 100, to: num(to) / 100 };
      if (s.trim()) b.score = num(s) / 100;
      else b.mode = "linear";
      return b;
    });
    try {
      parseSettings(next, t("tabSettings"));
      await onSave(next);
      setNote({ text: t(mode === "office" ? "saved" : "savedStandalone"), ok: true });
    } catch (e) {
      setNote({ text: isPegInputError(e) ? e.message : t("unexpected"), ok: false });
    }
  };

  return (
    <section className={styles.col} aria-label={t("tabSettings")}>
      <Field label={t("year")} hint={fromFile && year === String(planYear) ? t("yearFromFile") : undefined}>
        <Input className={styles.input} type="number" value={year} onChange={(_, d) => setYear(d.value)} data-testid="year" />
      </Field>
      <Field label={t("asOf")}>
        <Input className={styles.input} type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} data-testid="as-of" />
      </Field>
      <Text weight="semibold">{t("maxima")}</Text>
      {maxima.map(([k, v], i) => (
        <div key={i} className={styles.row}>
          <Field className={styles.grow} label={t("maxLabel")}>
            <Input className={styles.input} value={k} onChange={(_, d) => setMaxima(maxima.map((m, j) => (j === i ? [d.value, m[1]] : m)))} />
          </Field>
          <Field className={styles.small} label={t("maxValue")}>
            <Input className={styles.input} value={v} onChange={(_, d) => setMaxima(maxima.map((m, j) => (j === i ? [m[0], d.value] : m)))} />
          </Field>
          <Button className={styles.remove} size="small" appearance="subtle" onClick={() => setMaxima(maxima.filter((_, j) => j !== i))}>
            {t("remove")}
          </Button>
        </div>
      ))}
      <Button onClick={() => setMaxima([...maxima, ["", ""]])}>{t("addMax")}</Button>
      <Text weight="semibold">{t("bands")}</Text>
      {bands.map((b, i) => (
        <div key={i} className={styles.row}>
          {(["bandFrom", "bandTo", "bandScore"] as const).map((label, c) => (
            <Field key={label} className={styles.small} label={t(label)}>
              <Input
                className={styles.input}
                value={b[c]}
                onChange={(_, d) => setBands(bands.map((x, j) => (j === i ? (x.map((y, cc) => (cc === c ? d.value : y)) as [string, string, string]) : x)))}
              />
            </Field>
          ))}
          <Button className={styles.remove} size="small" appearance="subtle" onClick={() => setBands(bands.filter((_, j) => j !== i))}>
            {t("remove")}
          </Button>
        </div>
      ))}
      <Button onClick={() => setBands([...bands, ["", "", ""]])}>{t("addBand")}</Button>
      <Button appearance="primary" onClick={save} data-testid="save-settings">
        {t("save")}
      </Button>
      {note && (
        <MessageBar intent={note.ok ? "success" : "error"}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      <Text size={200}>{t("settingsNote")}</Text>
    </section>
  );
}
