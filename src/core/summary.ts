/**
 * The consolidated results for a Giunta deliberation (`peg summary`): per settore, each operational
 * objective with its peso, % raggiungimento, punteggio and esito; totals and averages. The figures
 * are those of the structured sheets (src/core/sheets/compute.ts), so the summary and the workbook
 * never disagree. Staff names are left out unless asked for.
 */
import type { PegModel } from "./model";
import { pct } from "./scores";
import type { Band } from "./settings";
import {
  NO_SETTORE,
  indicatorsByObjective,
  objectiveFigures,
  objectiveKey,
  settoreOf,
} from "./sheets/compute";

export interface SummaryOptions {
  /** Include dirigente / responsabile names (`--con-nomi`). */
  withNames: boolean;
  /**
   * The settings' achievement bands (peg.config.json / --config / the pane's Impostazioni): each
   * indicator's grade counts as the bands say, as in the Riepilogo sheet. None = as it is.
   */
  bands?: readonly Band[];
}

export interface SummaryRow {
  code: string;
  title: string;
  /** Peso dell'obiettivo as written, or null. */
  peso: number | null;
  /** % raggiungimento as a fraction (0..1), or null while nothing is evaluated. */
  achievement: number | null;
  /** Punteggio = peso × raggiungimento, or null. */
  score: number | null;
  /** Esito word (RAGGIUNTO, PARZIALE, ...). */
  esito: string;
  indicators: number;
  /** Only with names. */
  dirigente?: string;
}

export interface SummaryTotals {
  objectives: number;
  /** Sum of pesi, null when no objective has one. */
  peso: number | null;
  /** Sum of punteggi, null when none. */
  score: number | null;
  /** Mean % raggiungimento over the evaluated objectives (as the Riepilogo sheet computes it). */
  averageAchievement: number | null;
  /** Objectives by Esito word. */
  byEsito: Map<string, number>;
}

export interface SummaryGroup {
  /** Settore (or servizio / area); NO_SETTORE when the plan does not say. */
  title: string;
  /** Only with names: the group's dirigente(s). */
  dirigente?: string;
  rows: SummaryRow[];
  totals: SummaryTotals;
}

export interface Summary {
  title: string;
  ente: string | null;
  year: number | null;
  kind: string | null;
  files: string[];
  groups: SummaryGroup[];
  totals: SummaryTotals;
  withNames: boolean;
  /** Footer lines (privacy, how the figures are computed). */
  notes: string[];
}

export const PRIVACY_NOTE =
  "I nomi del personale (dirigenti, responsabili, referenti) sono omessi: per la pubblicazione si " +
  "riportano dati aggregati, secondo il d.lgs. 33/2013, art. 20, e le indicazioni del Garante per la " +
  "protezione dei dati personali. Per includerli: peg summary --con-nomi.";

export const METHOD_NOTE =
  "% raggiungimento: somma di peso × grado degli indicatori dell'obiettivo (media dei gradi quando " +
  "gli indicatori non hanno pesi). Punteggio: peso dell'obiettivo × % raggiungimento. Nei totali: " +
  "somma di pesi e punteggi, media semplice del % raggiungimento.";

/** One band in words: "da 0% a meno di 50% vale 0%", "da 50% a 100% in proporzione". */
function bandText(b: Band): string {
  const range = `da ${pct(b.from)} a ${b.to >= 1 ? "" : "meno di "}${pct(b.to)}`;
  if (b.mode !== "linear")
    return b.score === undefined ? `${range} conta il grado` : `${range} vale ${pct(b.score)}`;
  if (b.scoreFrom === undefined && b.scoreTo === undefined) return `${range} conta il grado`;
  return `${range} vale da ${pct(b.scoreFrom ?? b.from)} a ${pct(b.scoreTo ?? b.to)} in proporzione`;
}

/** The note saying how the bands change the grades, or null without bands. */
export function bandsNote(bands: readonly Band[]): string | null {
  if (bands.length === 0) return null;
  const sorted = [...bands].sort((x, y) => x.from - y.from);
  let end = 0;
  for (const band of sorted) if (band.from <= end + 1e-9) end = Math.max(end, band.to);
  const rest = end >= 1 - 1e-9 ? "" : "; fuori dalle fasce conta il grado stesso";
  return (
    "Fasce di raggiungimento (impostazioni): il grado di ogni indicatore conta secondo le fasce " +
    `(${bands.map(bandText).join("; ")})${rest}.`
  );
}

export function buildSummary(model: PegModel, options: SummaryOptions): Summary {
  const withNames = options.withNames === true;
  const bands = options.bands ?? [];
  const byObjective = indicatorsByObjective(model);
  const groups = new Map<string, SummaryGroup>();
  const names = new Map<string, Set<string>>();
  // Operational objectives, and strategic ones whose indicators hang on them directly (plans
  // with one level only).
  const operationalKeys = new Set(model.operationalObjectives.map(objectiveKey));
  const objectives: {
    code: string | null;
    id: string;
    title: string;
    unitId?: string;
    dirigente?: string;
    weight: number | null;
  }[] = [
    ...model.operationalObjectives,
    ...model.strategicObjectives
      .filter((s) => byObjective.has(objectiveKey(s)) && !operationalKeys.has(objectiveKey(s)))
      .map((s) => ({ ...s, weight: s.weight ?? null })),
  ];
  for (const o of objectives) {
    const key = objectiveKey(o);
    const fig = objectiveFigures(o, byObjective.get(key) ?? [], bands);
    const unit = o.unitId ? model.units.find((u) => u.id === o.unitId) : undefined;
    const dirigente = o.dirigente ?? unit?.dirigente;
    // Without a settore, a summary with names groups by dirigente; without names it cannot.
    let title = settoreOf(model, o.unitId);
    if (title === NO_SETTORE && withNames && dirigente) title = `Dirigente: ${dirigente}`;
    let g = groups.get(title);
    if (!g) {
      g = { title, rows: [], totals: emptyTotals() };
      groups.set(title, g);
      names.set(title, new Set());
    }
    const row: SummaryRow = {
      code: key,
      title: o.title,
      peso: typeof o.weight === "number" && Number.isFinite(o.weight) ? o.weight : null,
      achievement: fig.achievement,
      score: fig.score,
      esito: fig.esito,
      indicators: fig.indicators.length,
    };
    if (withNames && dirigente) {
      row.dirigente = dirigente;
      names.get(title)?.add(dirigente);
    }
    g.rows.push(row);
  }
  const ordered = [...groups.values()].sort((a, b) => {
    // The group without a settore goes last.
    if (a.title === NO_SETTORE) return 1;
    if (b.title === NO_SETTORE) return -1;
    return a.title.localeCompare(b.title, "it");
  });
  for (const g of ordered) {
    g.totals = totalsOf(g.rows);
    const n = names.get(g.title);
    if (withNames && n && n.size) g.dirigente = [...n].join(", ");
  }
  const all = ordered.flatMap((g) => g.rows);
  const ente = model.plan.ente?.trim() || null;
  const year = model.plan.year ?? null;
  const title = [
    "Risultati degli obiettivi",
    year !== null ? `anno ${year}` : null,
    ente ? `— ${ente}` : null,
  ]
    .filter(Boolean)
    .join(" ");
  const notes = [METHOD_NOTE];
  const bandsLine = bandsNote(bands);
  if (bandsLine) notes.push(bandsLine);
  if (!withNames) notes.push(PRIVACY_NOTE);
  return {
    title,
    ente,
    year,
    kind: model.plan.kind?.trim() || null,
    files: [...model.source.files],
    groups: ordered,
    totals: totalsOf(all),
    withNames,
    notes,
  };
}

function emptyTotals(): SummaryTotals {
  return { objectives: 0, peso: null, score: null, averageAchievement: null, byEsito: new Map() };
}

function totalsOf(rows: SummaryRow[]): SummaryTotals {
  const t = emptyTotals();
  t.objectives = rows.length;
  let peso = 0;
  let anyPeso = false;
  let score = 0;
  let anyScore = false;
  for (const r of rows) {
    if (r.peso !== null) {
      peso += r.peso;
      anyPeso = true;
    }
    if (r.score !== null) {
      score += r.score;
      anyScore = true;
    }
    t.byEsito.set(r.esito, (t.byEsito.get(r.esito) ?? 0) + 1);
  }
  t.peso = anyPeso ? peso : null;
  t.score = anyScore ? score : null;
  // A simple mean, as the Riepilogo sheet's AVERAGEIFS computes it (the punteggio carries the pesi).
  const evaluated = rows.filter((r) => r.achievement !== null);
  if (evaluated.length > 0)
    t.averageAchievement =
      evaluated.reduce((a, r) => a + (r.achievement ?? 0), 0) / evaluated.length;
  return t;
}
