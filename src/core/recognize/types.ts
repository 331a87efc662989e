/** What the sheet recognizer produces before it becomes the PEG model (src/core/structure.ts). */

export interface RawIndicator {
  name: string;
  description?: string;
  dimension?: string | null;
  unit?: string | null;
  baseline?: Map<string, string>;
  target: string | null;
  targets?: Map<string, string | null>;
  weight: number | null;
  weightSource?: string;
  actual: string | number | null;
  actualSource?: string;
  source: string;
  targetSource?: string;
  /** The office's own declared achievement (`% di raggiungimento`), 0..1, and its cell. */
  declaredAchievement?: number;
  declaredAchievementSource?: string;
  /** Row number (the `N` column) used to attach it to an action of its scheda. */
  ref?: string;
}

export interface RawReport {
  dirigente?: string;
  text?: string;
  components: { label: string; value: number; max: number | null; source?: string }[];
  declaredTotal: number | null;
  source: string;
}

export interface RawPeople {
  area?: string;
  settore?: string;
  servizio?: string;
  dirigente?: string;
  responsabile?: string;
  referentePolitico?: string;
  source?: string;
}

export interface RawObjective {
  /** Unique inside the model. */
  key: string;
  code: string | null;
  title: string;
  level: "strategic" | "operational";
  description?: string;
  missione?: string;
  programma?: string;
  /** Key of the strategic parent inside this model. */
  parentKey?: string;
  /** Strategic code as written on the row (matrices), even when no parent is found. */
  strategicCode?: string | null;
  people: RawPeople;
  weight: number | null;
  weightSource?: string;
  criteria?: Record<string, string>;
  phases: { id: string; label: string; months?: number[]; deadline?: string; source?: string }[];
  declaredWeightTotal?: number | null;
  declaredWeightTotalSource?: string;
  indicators: RawIndicator[];
  reports: RawReport[];
  source: string;
  /** A title read from a weak cue (a number before capitals): kept only if indicators follow. */
  weak?: boolean;
  /** From an index table (code + title only): dropped when a scheda gives the same code. */
  indexOnly?: boolean;
  /** Named only by its code (`Codice obiettivo` beside indicators): joined to the objective with that code. */
  refOnly?: boolean;
  /** Action rows of a scheda (seed: `N | Descrizione | Risultato atteso`), by their number. */
  children?: Map<string, RawObjective>;
  /** Text of the action rows, for attaching unnumbered indicators by content. */
  matchText?: string;
}

export interface SheetResult {
  objectives: RawObjective[];
  units: RawPeople[];
  recognized: boolean;
}
