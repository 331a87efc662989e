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
  /** Name the source files under the title (`--con-file`); off by default. */
  withFiles?: boolean;
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
  /** Settore (or servizio / area); a heading for the plan when the plan does not say. */
  title: string;
  /** Only with names: the group's dirigente(s). */
  dirigente?: string;
  rows: SummaryRow[];
  totals: SummaryTotals;
}

/** The objectives of one ente and year (one section of the document). */
export interface SummarySection {
  /** "Comune di Prova — anno 2025"; a heading when the document holds several sections. */
  title: string;
  ente: string | null;
  year: number | null;
  kind: string | null;
  groups: SummaryGroup[];
  totals: SummaryTotals;
}

export interface Summary {
  title: string;
  ente: string | null;
  year: number | null;
  kind: string | null;
  files: string[];
  /** Every group of every section, in order. */
  groups: SummaryGroup[];
  totals: SummaryTotals;
  /**
   * One section per ente and year. A single one for one plan; several when the files given belong
   * to different enti or years (the document then has one part for each).
   */
  sections: SummarySection[];
  withNames: boolean;
  /** Files named under the title (`--con-file`). */
  withFiles: boolean;
  /** Footer lines (privacy, how the figures are computed). */
  notes: string[];
}

/** Heading of the objectives whose settore the plan does not give. */
export const PLAN_HEADING = "Obiettivi del piano";
/** The same when other objectives do have a settore. */
export const OTHER_HEADING = "Altri obiettivi del piano";

export const PRIVACY_NOTE =
  "I nomi del personale (dirigenti, responsabili, referenti) sono omessi: per la pubblicazione si " +
  "riportano dati aggregati, secondo il d.lgs. 33/2013, art. 20, e le indicazioni del Garante per la " +
  "protezione dei dati personali.";

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

/** The groups of one plan (one ente and year). */
function buildGroups(model: PegModel, options: SummaryOptions): SummaryGroup[] {
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
  // A document to attach says what the objectives are, not that a field is missing.
  for (const g of ordered)
    if (g.title === NO_SETTORE) g.title = ordered.length === 1 ? PLAN_HEADING : OTHER_HEADING;
  return ordered;
}

function planTitle(ente: string | null, year: number | null): string {
  return [ente, year !== null ? `anno ${year}` : null].filter(Boolean).join(" — ");
}

function sectionOf(model: PegModel, options: SummaryOptions): SummarySection {
  const groups = buildGroups(model, options);
  const ente = model.plan.ente?.trim() || null;
  const year = model.plan.year ?? null;
  return {
    title: planTitle(ente, year) || "Ente e anno non indicati",
    ente,
    year,
    kind: model.plan.kind?.trim() || null,
    groups,
    totals: totalsOf(groups.flatMap((g) => g.rows)),
  };
}

/** The summary of one plan (the files analyzed together as one model). */
export function buildSummary(model: PegModel, options: SummaryOptions): Summary {
  return buildSummaryOfPlans([model], options);
}

/**
 * The summary of one or more plans: one section for each model (each ente and year), the title
 * of the only one when there is one, a neutral title when they differ.
 */
export function buildSummaryOfPlans(models: readonly PegModel[], options: SummaryOptions): Summary {
  const withNames = options.withNames === true;
  const sections = models.map((m) => sectionOf(m, options));
  const one = sections.length === 1 ? sections[0] : null;
  const title = one
    ? [
        "Risultati degli obiettivi",
        one.year !== null ? `anno ${one.year}` : null,
        one.ente ? `— ${one.ente}` : null,
      ]
        .filter(Boolean)
        .join(" ")
    : "Risultati degli obiettivi";
  const notes = [METHOD_NOTE];
  const bandsLine = bandsNote(options.bands ?? []);
  if (bandsLine) notes.push(bandsLine);
  if (!withNames) notes.push(PRIVACY_NOTE);
  const groups = sections.flatMap((x) => x.groups);
  return {
    title,
    ente: one?.ente ?? null,
    year: one?.year ?? null,
    kind: one?.kind ?? null,
    files: models.flatMap((m) => m.source.files),
    groups,
    totals: totalsOf(groups.flatMap((g) => g.rows)),
    sections,
    withNames,
    withFiles: options.withFiles === true,
    notes,
  };
}

/** Files whose plans give a different ente or year: the key they are grouped by. */
export function planKey(model: PegModel): string | null {
  // "Città di Trezzo" and "Citta di TREZZO" are one ente: case, accents, apostrophes and
  // spacing do not count.
  const ente =
    model.plan.ente
      ?.normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[’'`]/g, "'")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim() || "";
  const year = model.plan.year ?? "";
  return ente === "" && year === "" ? null : `${ente}|${year}`;
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
