/**
 * Colonne: how each sheet was read and, for a sheet read badly, the user's column mapping. A
 * preview of the first rows, a Dropdown per column, the header row; the counts come from the core
 * on the grid already read; "Applica" reads the workbook again with the mapping (and saves it).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Grid } from "../../core/grid";
import { cellText } from "../../core/grid";
import {
  COLUMN_ROLES,
  SINGLE_ROLES,
  type ColumnRole,
  type SheetReading,
} from "../../core/recognize/reading";
import { layoutLabel, roleLabel } from "../../core/roles";
import { parseSettings } from "../../core/settings";
import { isPegInputError } from "../../core/errors";
import { checkLayouts, sheetCellText, type SavedLayout } from "../../core/mapping";
import type { RowsRequest } from "../../excel/read";
import { cleanLayouts, previewCounts } from "../analysis";
import {
  draftLayout,
  initialDraft,
  needsColumns,
  previewRequest,
  sheetBounds,
  sheetLetters,
  type Draft,
} from "../columns";
import type { Key, Lang } from "../i18n";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", rowGap: "10px" },
  row: { display: "flex", columnGap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  sheets: {
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    maxWidth: "140px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  header: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  columns: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: "6px" },
  counts: { display: "flex", columnGap: "12px" },
  field: { gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)" },
  dropdown: { minWidth: 0, width: "100%" },
  small: { width: "90px" },
  hidden: { display: "none" },
});

export interface ColumnsTabProps {
  t: (k: Key) => string;
  lang: Lang;
  mode: "office" | "standalone";
  readings: SheetReading[] | null;
  grids: Grid[] | null;
  /** The mappings kept (the workbook's, or this browser's). */
  layouts: SavedLayout[];
  /** The mappings that applied at the last reading (sheet and header row as found). */
  applied: SavedLayout[];
  year?: number;
  busy: boolean;
  onPreview: (req: RowsRequest) => Promise<Grid>;
  onApply: (layouts: SavedLayout[]) => Promise<void>;
  onError: (e: unknown) => void;
}

export function ColumnsTab(props: ColumnsTabProps) {
  const {
    t,
    lang,
    mode,
    readings,
    grids,
    layouts,
    applied,
    year,
    busy,
    onPreview,
    onApply,
    onError,
  } = props;
  const styles = useStyles();
  const importInput = useRef<HTMLInputElement>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [preview, setPreview] = useState<Grid | null>(null);
  const [note, setNote] = useState<{ text: string; ok: boolean } | null>(null);

  // The sheet shown first: the first one that needs the user, else the first.
  useEffect(() => {
    if (!readings || readings.length === 0) return;
    if (sheet && readings.some((r) => r.sheet === sheet)) return;
    setSheet((readings.find(needsColumns) ?? readings[0]).sheet);
  }, [readings, sheet]);

  const grid = useMemo(() => grids?.find((g) => g.sheet === sheet) ?? null, [grids, sheet]);
  const reading = readings?.find((r) => r.sheet === sheet);
  const draft = useMemo<Draft | null>(() => {
    if (!grid) return null;
    return (
      drafts.get(grid.sheet) ??
      initialDraft(
        grid,
        reading,
        applied.find((l) => l.sheet === grid.sheet)
      )
    );
  }, [grid, drafts, reading, applied]);
  const setDraft = (d: Draft) => {
    if (!grid) return;
    const next = new Map(drafts);
    next.set(grid.sheet, d);
    setDrafts(next);
  };

  // The preview: only the rows it shows (in Excel one range, one sync).
  const headerRow = draft?.headerRow ?? 1;
  // Read again only when the rows change (not when a new reading hands over equal grids).
  const request = grid ? previewRequest(grid, headerRow) : null;
  const requestKey = request ? JSON.stringify(request) : "";
  useEffect(() => {
    if (!requestKey) return;
    let live = true;
    onPreview(JSON.parse(requestKey) as RowsRequest).then(
      (g) => live && setPreview(g),
      (e: unknown) => live && onError(e)
    );
    return () => {
      live = false;
    };
  }, [requestKey, onPreview, onError]);

  const layout = useMemo(() => (grid && draft ? draftLayout(grid, draft) : null), [grid, draft]);
  const counts = useMemo(
    () => (grid ? previewCounts(grid, layout, year) : null),
    [grid, layout, year]
  );

  if (!readings || !grids) {
    return (
      <section className={styles.col} aria-label={t("tabColumns")}>
        <Text>{t("columnsNone")}</Text>
      </section>
    );
  }

  const letters = grid ? sheetLetters(grid) : [];
  const bounds = grid ? sheetBounds(grid) : null;
  const headerTextOf = (letter: string): string =>
    grid && draft ? sheetCellText(grid, draft.headerRow, letter) : "";

  const apply = async () => {
    if (!grid || !draft) return;
    setNote(null);
    const mine = draftLayout(grid, draft);
    // The new mapping first: it wins over an older one that matches the same header.
    const others = layouts.filter((l) => l.sheet !== grid.sheet);
    const next = mine ? [mine, ...others] : others;
    try {
      await onApply(next);
      setNote({ text: t("columnsApplied"), ok: true });
    } catch (e) {
      onError(e);
    }
  };

  const backToAuto = async () => {
    if (!grid) return;
    const next = new Map(drafts);
    next.set(grid.sheet, { headerRow: draft?.headerRow ?? 1, columns: {} });
    setDrafts(next);
    try {
      await onApply(layouts.filter((l) => l.sheet !== grid.sheet));
    } catch (e) {
      onError(e);
    }
  };

  const exportJson = () => {
    const text = JSON.stringify({ layouts }, null, 2);
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "peg-colonne.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const importJson = async (file: File) => {
    setNote(null);
    try {
      const raw: unknown = JSON.parse(await readText(file));
      const list = Array.isArray(raw) ? raw : (raw as { layouts?: unknown })?.layouts;
      parseSettings({ layouts: list ?? [] }, file.name);
      const loaded = cleanLayouts(list);
      if (loaded.length === 0) throw new Error("empty");
      // Checked against this workbook's sheets now, so the message says what does not fit.
      const here = loaded.filter((l) => grids?.some((g) => g.sheet === l.sheet));
      checkLayouts(here, grids ?? []);
      setDrafts(new Map());
      await onApply([
        ...loaded,
        ...layouts.filter((l) => !loaded.some((n) => n.sheet === l.sheet)),
      ]);
      setNote({ text: t("columnsImported"), ok: true });
    } catch (e) {
      setNote({
        text: `${t("columnsBadFile")}${isPegInputError(e) ? `: ${e.message}` : "."}`,
        ok: false,
      });
    }
  };

  const roleText = (role: ColumnRole) => roleLabel(role, lang);

  return (
    <section className={styles.col} aria-label={t("tabColumns")} data-testid="columns-step">
      <Text size={200}>{t("columnsIntro")}</Text>
      <ul className={styles.sheets} aria-label={t("columnsSheet")}>
        {readings.map((r) => (
          <li key={r.sheet}>
            <Button
              appearance={r.sheet === sheet ? "primary" : "subtle"}
              size="small"
              aria-pressed={r.sheet === sheet}
              onClick={() => setSheet(r.sheet)}
              data-testid="columns-sheet"
            >
              {`${r.sheet}: ${layoutLabel(r.layout, lang)}, ${r.objectives} ${t("objectives").toLowerCase()}, ${r.indicators} ${t("indicators").toLowerCase()}`}
            </Button>{" "}
            {needsColumns(r) && (
              <Badge color="warning" appearance="tint">
                {t("columnsLow")}
              </Badge>
            )}
          </li>
        ))}
      </ul>
      {grid && draft && bounds && (
        <>
          <div className={styles.row}>
            <Field label={t("columnsHeaderRow")}>
              <Input
                className={styles.small}
                type="number"
                min={bounds.firstRow}
                max={bounds.lastRow}
                value={String(draft.headerRow)}
                data-testid="columns-header-row"
                onChange={(_, d) => {
                  const n = Math.floor(Number(d.value));
                  if (Number.isFinite(n) && n >= bounds.firstRow && n <= bounds.lastRow)
                    setDraft({ ...draft, headerRow: n });
                }}
              />
            </Field>
            {counts && (
              <div className={styles.counts} data-testid="columns-counts" aria-live="polite">
                <Text size={200}>{t("columnsWith")}:</Text>
                <Text size={200} weight="semibold" data-testid="columns-count-objectives">
                  {counts.objectives} {t("objectives").toLowerCase()}
                </Text>
                <Text size={200} weight="semibold" data-testid="columns-count-indicators">
                  {counts.indicators} {t("indicators").toLowerCase()}
                </Text>
              </div>
            )}
          </div>
          {preview && (
            <div
              className={styles.scroll}
              tabIndex={0}
              role="region"
              aria-label={t("columnsPreview")}
            >
              <table className={styles.table} data-testid="columns-preview">
                <caption className={styles.hidden}>{t("columnsPreview")}</caption>
                <thead>
                  <tr>
                    <th className={styles.cell} scope="col">
                      {t("columnsRow")}
                    </th>
                    {letters.map((l) => (
                      <th key={l} className={styles.cell} scope="col">
                        {l}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((_, r) => {
                    const o = preview.origin ?? { row: 0, col: 0 };
                    const row1 = o.row + r + 1;
                    const isHeader = row1 === draft.headerRow;
                    return (
                      <tr key={row1} className={isHeader ? styles.header : undefined}>
                        <th className={styles.cell} scope="row">
                          {row1}
                        </th>
                        {letters.map((l, c) => (
                          <td key={l} className={styles.cell} title={cellText(preview, r, c)}>
                            {cellText(preview, r, c)}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <div className={styles.columns}>
            {letters.map((letter) => {
              const role: ColumnRole = Object.hasOwn(draft.columns, letter)
                ? draft.columns[letter]
                : "ignore";
              const header = headerTextOf(letter);
              const label = `${t("columnsRoleOf")} ${letter}${header ? ` (${t("columnsHeaderText")} «${header}»)` : ""}`;
              return (
                <Field
                  key={letter}
                  label={header ? `${letter} · ${header}` : letter}
                  orientation="horizontal"
                  className={styles.field}
                >
                  <Dropdown
                    aria-label={label}
                    data-testid={`role-${letter}`}
                    className={styles.dropdown}
                    value={roleText(role)}
                    selectedOptions={[role]}
                    onOptionSelect={(_, d) => {
                      const next = d.optionValue as ColumnRole | undefined;
                      if (!next) return;
                      const columns = { ...draft.columns };
                      if (next === "ignore") delete columns[letter];
                      else {
                        // A role that takes one column moves: the column that had it is ignored.
                        for (const [k, v] of Object.entries(columns))
                          if (v === next && k !== letter && SINGLE_ROLES.has(next))
                            delete columns[k];
                        columns[letter] = next;
                      }
                      setDraft({ ...draft, columns });
                    }}
                  >
                    {COLUMN_ROLES.map((r) => (
                      <Option key={r} value={r}>
                        {roleText(r)}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              );
            })}
          </div>
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={apply}
              disabled={busy}
              data-testid="columns-apply"
            >
              {t("columnsApply")}
            </Button>
            <Button onClick={backToAuto} disabled={busy} data-testid="columns-auto">
              {t("columnsAuto")}
            </Button>
          </div>
        </>
      )}
      <div className={styles.row}>
        <Button onClick={exportJson} disabled={layouts.length === 0} data-testid="columns-export">
          {t("columnsExport")}
        </Button>
        <input
          ref={importInput}
          className={styles.hidden}
          type="file"
          accept=".json,application/json"
          aria-label={t("columnsImport")}
          data-testid="columns-import-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importJson(f);
            e.target.value = "";
          }}
        />
        <Button onClick={() => importInput.current?.click()} disabled={busy}>
          {t("columnsImport")}
        </Button>
      </div>
      {note && (
        <MessageBar intent={note.ok ? "success" : "error"} data-testid="columns-note">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      <Text size={200}>
        {t(mode === "office" ? "columnsSavedNote" : "columnsSavedNoteStandalone")}
      </Text>
    </section>
  );
}

/** A small local file's text (File.text where there is one, else a FileReader). */
function readText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("read"));
    reader.readAsText(file);
  });
}
