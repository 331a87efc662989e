/**
 * The names a person reads for column roles and layouts (docs/mapping.md), Italian and English.
 * One module for `peg inspect` and the task pane's "Colonne" step.
 */
import type { ColumnRole, LayoutName } from "./recognize/reading";

export type LabelLang = "it" | "en";

const ROLE_IT: Record<ColumnRole, string> = {
  orgUnit: "Settore",
  owner: "Responsabile",
  strategicCode: "Codice obiettivo strategico",
  strategicTitle: "Obiettivo strategico",
  operationalCode: "Codice obiettivo operativo",
  operationalTitle: "Obiettivo operativo",
  objectiveWeight: "Peso dell'obiettivo",
  indicatorCode: "Codice indicatore",
  indicator: "Indicatore",
  dimension: "Dimensione",
  measureUnit: "Unità di misura",
  baseline: "Valore di partenza",
  target: "Target",
  targetYear: "Anno del target",
  weight: "Peso",
  actual: "Consuntivo",
  declaredAchievement: "Grado di raggiungimento dichiarato",
  note: "Note",
  ignore: "Ignora",
};

const ROLE_EN: Record<ColumnRole, string> = {
  orgUnit: "Unit",
  owner: "Owner",
  strategicCode: "Strategic objective code",
  strategicTitle: "Strategic objective",
  operationalCode: "Operational objective code",
  operationalTitle: "Operational objective",
  objectiveWeight: "Objective weight",
  indicatorCode: "Indicator code",
  indicator: "Indicator",
  dimension: "Dimension",
  measureUnit: "Unit of measure",
  baseline: "Baseline",
  target: "Target",
  targetYear: "Target year",
  weight: "Weight",
  actual: "Actual",
  declaredAchievement: "Declared achievement",
  note: "Notes",
  ignore: "Ignore",
};

const LAYOUT_IT: Record<LayoutName, string> = {
  table: "tabella",
  schede: "schede",
  lines: "righe di testo",
  labels: "etichette e valori",
  mapped: "tabella con le colonne indicate",
  none: "non letto",
};

const LAYOUT_EN: Record<LayoutName, string> = {
  table: "table",
  schede: "forms",
  lines: "text lines",
  labels: "labels and values",
  mapped: "table with the given columns",
  none: "not read",
};

/** The role's name for a person: `operationalTitle` -> "Obiettivo operativo". */
export function roleLabel(role: ColumnRole, lang: LabelLang = "it"): string {
  return (lang === "en" ? ROLE_EN : ROLE_IT)[role];
}

/** The layout's name for a person: `table` -> "tabella". */
export function layoutLabel(layout: LayoutName, lang: LabelLang = "it"): string {
  return (lang === "en" ? LAYOUT_EN : LAYOUT_IT)[layout];
}
