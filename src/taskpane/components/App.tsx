/**
 * The pane: four tabs over one PaneHost. State lives here; tabs get data and plain callbacks.
 */
import { useCallback, useEffect, useState } from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { PaneHost, StructureOutcome } from "../host";
import type { PaneSettings } from "../analysis";
import { translator, type Key, type Lang } from "../i18n";
import { isPegInputError } from "../../core/errors";
import { StructureTab } from "./StructureTab";
import { ChecksTab } from "./ChecksTab";
import { SummaryTab } from "./SummaryTab";
import { SettingsTab } from "./SettingsTab";
import { ColumnsTab } from "./ColumnsTab";
import { needsColumns } from "../columns";
import type { SavedLayout } from "../../core/mapping";

const useStyles = makeStyles({
  // Every tab fits a 350 px pane: nothing is wider than the pane (long words break, tables scroll).
  root: { padding: "8px 12px", display: "flex", flexDirection: "column", rowGap: "8px", minHeight: "100vh", boxSizing: "border-box", width: "100%", maxWidth: "100vw", minWidth: 0, overflowWrap: "anywhere" },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: "8px" },
  note: { color: tokens.colorNeutralForeground3 },
  tabs: { flexWrap: "wrap" },
});

type TabId = "structure" | "columns" | "checks" | "summary" | "settings";

export interface AppProps {
  host: PaneHost;
  initialLang?: Lang;
}

/** Text of an error for the user: our own messages as they are, anything else generic. */
export function errorText(e: unknown, unexpected: string, t?: (k: Key) => string): string {
  // Nothing read: said in the pane's words (the core's message speaks of the command line).
  if (isPegInputError(e) && e.code === "NO_PLAN" && t) return t("noPlan").replace("{file}", e.file ?? "");
  if (isPegInputError(e)) return e.message;
  // CustomFunctions/Office errors carry no message a user can act on; log it for support.
  console.error(e);
  return unexpected;
}

export function App({ host, initialLang = "it" }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = translator(lang);
  const [tab, setTab] = useState<TabId>("structure");
  const [settings, setSettings] = useState<PaneSettings>({});
  const [result, setResult] = useState<StructureOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ value: number; step: Key } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(host.fileName());

  useEffect(() => {
    host.loadSettings().then(setSettings, (e: unknown) => setError(errorText(e, translator("it")("unexpected"))));
  }, [host]);

  const read = useCallback(
    async (current: PaneSettings, save: boolean) => {
      setBusy(true);
      setError(null);
      try {
        const outcome = await host.structure(current, (value, step) => setProgress({ value, step }), { save });
        setResult(outcome);
        // Nothing read: said in words (nothing was written); the Colonne step is where to say more.
        if (outcome.nothingRead) setError(t("noPlan").replace("{file}", host.fileName() ?? ""));
        return outcome;
      } catch (e) {
        setProgress(null);
        throw e;
      } finally {
        setBusy(false);
      }
    },
    [host, t]
  );

  const run = useCallback(async () => {
    try {
      const outcome = await read(settings, false);
      // A sheet read with low confidence, or not read: the Colonne step opens by itself.
      if (outcome.readings.some(needsColumns)) setTab("columns");
    } catch (e) {
      setError(errorText(e, t("unexpected"), t));
    }
  }, [read, settings, t]);

  /** Colonne: keep the mapping and read the workbook again with it (one batch with the write). */
  const applyLayouts = useCallback(
    async (layouts: SavedLayout[]) => {
      const next = { ...settings, layouts };
      setSettings(next);
      await read(next, true);
    },
    [read, settings]
  );
  const reportError = useCallback((e: unknown) => setError(errorText(e, t("unexpected"))), [t]);

  const pickFile = useCallback(
    async (file: File) => {
      setError(null);
      setResult(null);
      setProgress(null);
      await host.setFile?.(file);
      setFileName(host.fileName());
    },
    [host]
  );

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "it" ? "it-IT" : "en-US"}>
      <main className={styles.root}>
        <div className={styles.header}>
          <Text weight="semibold" size={500}>
            {t("title")}
          </Text>
          <Button size="small" appearance="subtle" onClick={() => setLang(lang === "it" ? "en" : "it")} data-testid="lang">
            {t("language")}
          </Button>
        </div>
        <Text size={200} className={styles.note}>
          {host.mode === "standalone" ? t("standaloneNote") : t("officeNote")}
        </Text>
        <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
          <Tab value="structure">{t("tabStructure")}</Tab>
          <Tab value="columns" data-testid="tab-columns">
            {t("tabColumns")}
          </Tab>
          <Tab value="checks" data-testid="tab-checks">
            {t("tabChecks")}
            {result ? ` (${result.model.findings.length})` : ""}
          </Tab>
          <Tab value="summary">{t("tabSummary")}</Tab>
          <Tab value="settings">{t("tabSettings")}</Tab>
        </TabList>
        {error && (
          <MessageBar intent="error" data-testid="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {tab === "structure" && (
          <StructureTab
            t={t}
            mode={host.mode}
            fileName={fileName}
            busy={busy}
            progress={progress}
            result={result}
            onPickFile={pickFile}
            onRun={run}
          />
        )}
        {tab === "columns" && (
          <ColumnsTab
            t={t}
            lang={lang}
            mode={host.mode}
            readings={result?.readings ?? null}
            grids={result?.grids ?? null}
            layouts={settings.layouts ?? []}
            applied={result?.layouts ?? []}
            year={settings.year}
            busy={busy}
            onPreview={host.preview}
            onApply={applyLayouts}
            onError={reportError}
          />
        )}
        {tab === "checks" && <ChecksTab t={t} lang={lang} findings={result?.model.findings ?? null} onSelect={host.select} />}
        {tab === "summary" && (
          <SummaryTab t={t} spec={result?.spec ?? null} summary={result?.summary ?? null} onWrite={host.writeSummary} onError={(e) => setError(errorText(e, t("unexpected")))} />
        )}
        {tab === "settings" && (
          <SettingsTab
            t={t}
            mode={host.mode}
            settings={settings}
            planYear={result?.model.plan.year}
            onSave={async (s) => {
              // The Impostazioni tab edits year, date, maxima, bands: the column mappings stay.
              const next = { ...s, layouts: settings.layouts };
              await host.saveSettings(next);
              setSettings(next);
            }}
          />
        )}
      </main>
    </FluentProvider>
  );
}
