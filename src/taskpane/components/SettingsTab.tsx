/** Impostazioni: plan year, check date, score maxima, achievement bands; validated by the core schema. */
import { useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles } from "@fluentui/react-components";
import { DEFAULT_SETTINGS, parseSettings, type Band } from "../../core/settings";
import { isPegInputError } from "../../core/errors";
import type { PaneSettings } from "../analysis";
import type { Key } from "../i18n";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", rowGap: "10px" },
  row: { display: "flex", columnGap: "6px", alignItems: "flex-end" },
  small: { width: "80px" },
});

export interface SettingsTabProps {
  t: (k: Key) => string;
  mode: "office" | "standalone";
  settings: PaneSettings;
  onSave: (s: PaneSettings) => Promise<void>;
}

/** "12,5" or "12.5" -> 12.5; blank or junk -> NaN (the schema then says what is wrong). */
function num(s: string): number {
  return s.trim() === "" ? Number.NaN : Number(s.replace(",", "."));
}

const pct = (f: number | undefined) => (f === undefined ? "" : String(Math.round(f * 10000) / 100).replace(".", ","));

export function SettingsTab({ t, mode, settings, onSave }: SettingsTabProps) {
  const styles = useStyles();
  const [year, setYear] = useState(settings.year ? String(settings.year) : "");
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
      <Field label={t("year")}>
        <Input type="number" value={year} onChange={(_, d) => setYear(d.value)} data-testid="year" />
      </Field>
      <Field label={t("asOf")}>
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} data-testid="as-of" />
      </Field>
      <Text weight="semibold">{t("maxima")}</Text>
      {maxima.map(([k, v], i) => (
        <div key={i} className={styles.row}>
          <Field label={t("maxLabel")}>
            <Input value={k} onChange={(_, d) => setMaxima(maxima.map((m, j) => (j === i ? [d.value, m[1]] : m)))} />
          </Field>
          <Field label={t("maxValue")}>
            <Input className={styles.small} value={v} onChange={(_, d) => setMaxima(maxima.map((m, j) => (j === i ? [m[0], d.value] : m)))} />
          </Field>
          <Button appearance="subtle" onClick={() => setMaxima(maxima.filter((_, j) => j !== i))}>
            {t("remove")}
          </Button>
        </div>
      ))}
      <Button onClick={() => setMaxima([...maxima, ["", ""]])}>{t("addMax")}</Button>
      <Text weight="semibold">{t("bands")}</Text>
      {bands.map((b, i) => (
        <div key={i} className={styles.row}>
          {(["bandFrom", "bandTo", "bandScore"] as const).map((label, c) => (
            <Field key={label} label={t(label)}>
              <Input
                className={styles.small}
                value={b[c]}
                onChange={(_, d) => setBands(bands.map((x, j) => (j === i ? (x.map((y, cc) => (cc === c ? d.value : y)) as [string, string, string]) : x)))}
              />
            </Field>
          ))}
          <Button appearance="subtle" onClick={() => setBands(bands.filter((_, j) => j !== i))}>
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
