/**
 * Header rows: which column says what, found by synonyms in any order and language variant,
 * over one or two rows (a year under `Valori storici`, `valutazione di risultato` under
 * `REPORT DEL DIRIGENTE`).
 */
import type { Grid } from "../grid";
import { asYear, cleanText, fold } from "./text";
import type { RowReader } from "./rows";

export type Role =
  | "indicator"
  | "target"
  | "actual"
  | "weight"
  | "objWeight"
  | "unit"
  | "baseline"
  | "description"
  | "code"
  | "stratCode"
  | "opCode"
  | "stratTitle"
  | "opTitle"
  | "dirigente"
  | "responsabile"
  | "referente"
  | "reportText"
  | "score"
  | "total"
  | "criterion"
  | "notes"
  | "phase"
  | "month"
  | "expected"
  | "person"
  | "unitArea"
  | "unitSettore"
  | "unitServizio"
  | "dimension"
  | "yearMark"
  | "budget"
  /** How the indicator is computed (`Formula di calcolo`): its description when none is given. */
  | "formula"
  /** `Descrizione indicatore` beside an `Indicatore` column (set in buildHeader). */
  | "indDescription"
  /** The office's own declared achievement (`% di raggiungimento`): read as nothing else. */
  | "achievement"
  /** Columns read as nothing: data source, stakeholders, deviation. */
  | "ignored"
  | "deadline"
  | "missione"
  | "programma";

interface Rule {
  re: RegExp;
  role: Role;
}

// Order matters: the first rule that matches wins.
const RULES: Rule[] = [
  {
    re: /^(gen|genn|gennaio|feb|febb|febbraio|mar|marzo|apr|aprile|mag|maggio|giu|giugno|lug|luglio|ago|agosto|set|sett|settembre|ott|ottobre|nov|novembre|dic|dicembre|jan|may|jun|jul|aug|sep|oct|dec)\.?$/,
    role: "month",
  },
  // Accounting columns: a table of them is the budget, not the plan.
  {
    re: /^(capitol[oi]\b|cap\.$|stanziament|impegnat|impegni\b|accertat|pagat[oi]\b|pagamenti\b|riscoss|residu[io]\b|competenza$|cassa$|macroaggregat|piano dei conti|importo|variazion)/,
    role: "budget",
  },
  {
    re: /peso (dell'? ?|del |degli |obiettiv)|peso ob\b|ponderazione (dell'? ?)?obiettiv|objective weight/,
    role: "objWeight",
  },
  {
    re: /report.{0,20}dirigent|relazione (del |finale|sull)|rendiconto del|^report finale|^relazione$|^commento del responsabile/,
    role: "reportText",
  },
  {
    re: /^(punteggio|punti) ?(totale|complessivo|finale)|^totale|^tot\.?$|^valutazione (totale|complessiva|finale)|^total score/,
    role: "total",
  },
  { re: /^(valutazione|punteggio|punti|score)\b/, role: "score" },
  { re: /cod(ice|\.)? ?(ob(iettivo|\.)? ?)?strateg/, role: "stratCode" },
  {
    re: /cod(ice|\.)? ?(ob(iettivo|\.)? ?)?(operativ|gestional|specific|esecutiv)/,
    role: "opCode",
  },
  {
    re: /^(cod(ice|\.)?|n\.?|n°|nr\.?|num(ero|\.)?|id|#|prog(ressivo|r)?\.?|code)$|^cod(ice|\.)? (ob|obiettivo|obb|dup|peg)\.?$/,
    role: "code",
  },
  // Before the title rules: `Obiettivo raggiunto`, `Target raggiunto` are actuals.
  {
    re: /^(target|obiettivo|valore (obiettivo|target|atteso)|livello|risultato|dato)( \d{4})? (raggiunt|conseguit|ottenut|realizzat|rilevat)/,
    role: "actual",
  },
  {
    re: /^(formula\b|(modalita'?|metodo|metodologia|criterio?|regola) di calcolo|algoritmo|calcolo\b|calculation|computation)/,
    role: "formula",
  },
  {
    re: /^(% ?|percentuale |grado |livello |tasso )(di )?(raggiungimento|realizzazione|attuazione)\b|^(stato (di )?)?raggiungimento|(raggiungimento|realizzazione) ?%|^achievement|^% ?achieved|^(% ?|grado (di )?|perc\.? (di )?)ragg\.?( \d{4})?$/,
    role: "achievement",
  },
  {
    re: /^(fonte|fonti|source|data source)\b|^stakeholder|^portatori (di )?interess|^modalita'? di rilevazione|^strumento di rilevazione|^scostament|^deviation/,
    role: "ignored",
  },
  {
    re: /obiettiv[oi] strategic|linea strategica|linee strategiche|indirizz[oi] strategic|area strategica|ambito strategico|strategic (goal|objective)/,
    role: "stratTitle",
  },
  {
    re: /^((descrizione|nome|denominazione|titolo) (dell'?)?)?indicator|^kpi\b|^misurator|^indicators?\b|^parametr/,
    role: "indicator",
  },
  {
    re: /descrizione (dell'?)?obiettivo|modalita'? di attuazione|fasi di attuazione|^fasi$|^fase$|^n\.? fasi$|tempi programmati|^azioni$|cronoprogramma|^attivita'?( previste)?$|^tempistica/,
    role: "phase",
  },
  {
    re: /obiettiv[oi] (operativ|gestional|specific|esecutiv|di peg|di performance|individual|di budget|aziendal|annual|di gestione)|denominazione|^obiettiv[oi]( \w+)?$|^titolo|^progett[oi]$|operational (goal|objective)|^objective$|^goal$/,
    role: "opTitle",
  },
  { re: /risultat[oi] attes|^innovazion/, role: "expected" },
  { re: /unita'? di misura|^u\.? ?m\.?$|^unit\b|^unita'?$/, role: "unit" },
  {
    re: /valor[ei] storic|valore (attuale|iniziale|di partenza|di riferimento|di base)|baseline|^storico|^dato storico|^serie storica|^anno precedente/,
    role: "baseline",
  },
  // DUP references as columns: `Missione | Programma`, or both in one (`Missione/Programma`).
  {
    re: /^mission[ei]\s*[/-]\s*programm[ai]$|^miss\.?\s*[/-]\s*progr?\.?$/,
    role: "missione",
  },
  { re: /^mission[ei](\s*(n\.?|n°|dup|di bilancio))?$|^miss\.?$/, role: "missione" },
  { re: /^programm[ai](\s*(n\.?|n°|dup|di bilancio|di spesa))?$|^progr\.?$/, role: "programma" },
  {
    re: /^scadenz[ae]( prevista)?$|^termine( ultimo| previsto)?$|^data (prevista|di scadenza|di completamento prevista)$|^tempi di (realizzazione|attuazione)$|^entro il$|^deadline$/,
    role: "deadline",
  },
  {
    re: /\btarget\b|valor[ei] attes|valore (obiettivo|programmato|previsto)|^previsione|^previst[oi]\b|^attes[oi]\b|risultato programmato|^expected|^obiettivo atteso|^traguardo|^standard\b/,
    role: "target",
  },
  {
    re: /consuntiv|^risultat[oi]( (al|raggiunt|ottenut|conseguit|effettiv)|\s*\d{4}|$)|valore (rilevato|raggiunto|effettivo|realizzato|conseguito)|^rendicontazion|^report\b|^actual|^rilevat|^raggiunt|verifica finale|^realizzato|^result|^stato (di )?(attuazione|avanzamento)|^(valore|risultato) finale|^livello raggiunt|^valore al\b|^dato al\b|^situazione al\b/,
    role: "actual",
  },
  { re: /\bpeso\b|ponder|^weight|^% ?peso|^pesatura/, role: "weight" },
  {
    re: /strategicit|complessit|^impatto|innovativit|^economicit|^rilevanza|^priorita'?$|^fattibilit/,
    role: "criterion",
  },
  { re: /^note\b|^notes?$|^not e$|^osservazion|^commenti|^motivazion/, role: "notes" },
  { re: /^descrizione\b|^description|^definizione/, role: "description" },
  { re: /referente politico|^assessore/, role: "referente" },
  { re: /^dirigente|^direttore|^manager/, role: "dirigente" },
  { re: /^resp(\.|onsabil)/, role: "responsabile" },
  { re: /^area\b/, role: "unitArea" },
  {
    re: /^settore\b|^centro di (costo|responsabilita)|^direzione\b|^dipartiment/,
    role: "unitSettore",
  },
  {
    re: /^servizio\b|^ufficio\b|^u\.? ?o\.? ?(c|s|sd)?\.?$|^unita'? (organizzativa|operativa)/,
    role: "unitServizio",
  },
  { re: /^nome( e cognome)?$|^qualifica|^cognome|^categoria$|^profilo/, role: "person" },
  {
    re: /^dimensione|^ambito di misurazione|^tipologia( indicatore)?$|^tipo( indicatore)?$/,
    role: "dimension",
  },
];

type RoleHit = { role: Role; year?: number } | null;
// Big sheets repeat the same texts: remember recent answers (bounded, keyed by the raw text).
const roleCache = new Map<string, RoleHit>();

export function roleOf(text: string): RoleHit {
  if (text.length > 90) return null;
  const hit = roleCache.get(text);
  if (hit !== undefined) return hit;
  const out = computeRole(text);
  if (roleCache.size > 5000) roleCache.clear();
  roleCache.set(text, out);
  return out;
}

function computeRole(text: string): RoleHit {
  const c = cleanText(text);
  if (c.length === 0 || c.length > 70) return null;
  const y = asYear(c) ?? asYear(c.replace(/\s+/g, ""));
  if (y !== null) return { role: "yearMark", year: y };
  const f = fold(c).replace(/\s+/g, " ").trim();
  // PDF extraction splits words (`Risultat o 2026`, `Innovazio ne`): retry with the pieces joined.
  const joined = f.replace(/([a-z]) ([a-z]{1,2})\b/g, "$1$2");
  for (const text of joined === f ? [f] : [f, joined]) {
    for (const rule of RULES) {
      if (rule.re.test(text)) {
        const ym = /\b((?:19|20)\d\d)\b/.exec(text);
        return ym ? { role: rule.role, year: Number(ym[1]) } : { role: rule.role };
      }
    }
  }
  return null;
}

/** Roles that make a row a table header (a row of people or places alone is not enough). */
const KEY_ROLES = new Set<Role>([
  "indicator",
  "target",
  "actual",
  "weight",
  "objWeight",
  "stratCode",
  "opCode",
  "stratTitle",
  "opTitle",
  "phase",
  "expected",
  "reportText",
  "score",
  "month",
]);

const SUBLABEL_RE =
  /^(verifica|valutazion|tabella|totale|tot\.|max|massimo|previsione|previsto|risultato|target|peso|i sem|ii sem|intermedia|finale|\d{1,2}\/\d{1,2}(\/\d{2,4})?( (19|20)\d\d)?|al \d|anno|valore|consuntivo|punteggio|%)/;

export interface Column {
  col: number;
  role: Role | null;
  year?: number;
  label: string;
  sub?: string;
  /** Covered by a label merged from a column to its left. */
  spanned?: boolean;
  /** Role of the merged group label over this column (`OBIETTIVO OPERATIVO` over `Codice | Descrizione`). */
  group?: Role;
}

export interface Header {
  row: number;
  /** Last header row (row or row + 1/2 with a second header line). */
  lastRow: number;
  columns: Column[];
  roles: Set<Role>;
}

/** The header starting at row r, or null. */
export function detectHeader(g: Grid, rows: RowReader, r: number): Header | null {
  const cells = rows.cells(r);
  if (cells.length < 2) return null;
  let roleCells = 0;
  let monthCells = 0;
  let key = 0;
  const roleSet = new Set<Role>();
  for (const cell of cells) {
    if (cell.text.length > 90) return null;
    // Labels carry no numbers but years (`Indicatore 1.2 …` is data, `Target 2025` a label).
    if (typeof cell.value === "number" && asYear(cell.text) === null) continue;
    // Dates (`al 31/12`, `31.12.2025`) and years may sit in a label; `Indicatore 1.5` is data.
    const undated = cell.text.replace(
      /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b(19|20)\d\d\b/g,
      ""
    );
    if (/\d/.test(undated)) continue;
    const ro = roleOf(cell.text);
    if (!ro) continue;
    if (ro.role === "month") monthCells++;
    roleCells++;
    if (ro.role === "yearMark") continue;
    roleSet.add(ro.role);
    if (KEY_ROLES.has(ro.role)) key++;
  }
  if (monthCells >= 6) return buildHeader(g, rows, r, r);
  if (roleSet.size < 2 || key === 0) return null;
  if (
    roleSet.has("budget") &&
    !roleSet.has("indicator") &&
    !roleSet.has("weight") &&
    !roleSet.has("objWeight")
  )
    return null;
  if (cells.length - roleCells > 2 && roleCells * 2 < cells.length + 2) return null;
  if (roleCells * 2 < cells.length) return null;
  // A lone indicator/description pair with a long first cell is a data row, not a header.
  // Second header line: the next non-empty row, if every cell is a year or a sub-label.
  let last = r;
  const k = rows.nextFilled(r, 4);
  const next = k >= 0 ? rows.cells(k) : [];
  const allSub =
    next.length > 0 &&
    next.every((c) => {
      const t = fold(cleanText(c.text));
      if (t.length > 45) return false;
      return (
        asYear(t) !== null ||
        SUBLABEL_RE.test(t) ||
        (roleOf(t) !== null && roleOf(t)?.role !== "yearMark" && !/^\d/.test(t))
      );
    });
  if (
    allSub &&
    next.some((c) => asYear(c.text) !== null || SUBLABEL_RE.test(fold(cleanText(c.text))))
  )
    last = k;
  return buildHeader(g, rows, r, last);
}

function buildHeader(g: Grid, rows: RowReader, r: number, last: number): Header {
  const first = rows.cells(r);
  let width = Math.max(rows.width(r), last > r ? rows.width(last) : 0);
  // Data rows may run wider than a header whose last label is merged across columns.
  for (let k = last + 1, seen = 0; k < rows.count && seen < 6; k++) {
    if (rows.isBlank(k)) continue;
    seen++;
    width = Math.max(width, rows.width(k));
  }
  width = Math.min(width, 400);
  const columns: Column[] = [];
  for (let c = 0; c < width; c++) columns.push({ col: c, role: null, label: "" });
  for (const cell of first) {
    const ro = roleOf(cell.text);
    const colm = columns[cell.col];
    colm.label = cleanText(cell.text);
    if (ro) {
      colm.role = ro.role === "yearMark" ? "yearMark" : ro.role;
      if (ro.year !== undefined) colm.year = ro.year;
    }
  }
  // A label merged across columns (`Valori storici` over three years) spans them.
  const o = g.origin ?? { row: 0, col: 0 };
  for (const m of g.merges ?? []) {
    if (m.top - o.row !== r || m.right <= m.left) continue;
    const lead = columns[m.left - o.col];
    if (!lead || !lead.role) continue;
    const spanRole: Role = lead.role === "reportText" ? "score" : lead.role;
    lead.group = lead.role;
    for (let c = m.left - o.col + 1; c <= m.right - o.col && c < columns.length; c++) {
      if (c < 0 || columns[c].label !== "") continue;
      columns[c].role = spanRole;
      columns[c].spanned = true;
      columns[c].group = lead.role;
    }
  }
  // Text pastes lose merges: a title group label followed by empty labels, with sub-labels under
  // each (`Obiettivo operativo` over `Codice | Descrizione`), spans them as a merge would.
  const mergedHere = (g.merges ?? []).some((m) => m.top - o.row === r && m.right > m.left);
  if (last > r && !mergedHere) {
    const subAt = new Set(rows.cells(last).map((c) => c.col));
    for (let c = 0; c < columns.length; c++) {
      const lead = columns[c];
      if (lead.role !== "opTitle" && lead.role !== "stratTitle" && lead.role !== "indicator")
        continue;
      if (!subAt.has(c)) continue;
      let k = c + 1;
      while (k < columns.length && columns[k].label === "" && subAt.has(k)) k++;
      if (k === c + 1) continue;
      lead.group = lead.role;
      for (let j = c + 1; j < k; j++) {
        columns[j].role = lead.role;
        columns[j].spanned = true;
        columns[j].group = lead.role;
      }
    }
  }
  if (last > r) {
    for (const cell of rows.cells(last)) {
      const colm = columns[cell.col];
      if (!colm) continue;
      const t = cleanText(cell.text);
      colm.sub = t;
      const y = asYear(t) ?? yearAtEnd(t);
      if (y !== null && colm.year === undefined) colm.year = y;
      // A sub-label with a role of its own (`Note` under `Rendicontazione`) beats the span.
      if (colm.role === null || colm.spanned || colm.group) {
        const ro = roleOf(t);
        if (ro && ro.role !== "yearMark")
          colm.role = colm.group ? roleUnderGroup(colm.group, ro.role) : ro.role;
      }
    }
    // An unlabeled column under a spanning label (`Valori storici` over three years) takes its role.
    for (let c = 1; c < columns.length; c++) {
      const colm = columns[c];
      if (colm.role !== null || colm.label !== "") continue;
      if (colm.sub === undefined) continue;
      // Its left neighbour, past columns with neither label nor sub-label.
      let k = c - 1;
      while (k > 0 && columns[k].label === "" && columns[k].sub === undefined) k--;
      const left = columns[k].role;
      if (left === "baseline" || left === "target" || left === "actual") colm.role = left;
    }
  }
  // Report group: unlabeled columns right of a report/score column belong to it.
  let inReport = false;
  for (const colm of columns) {
    if (colm.role === "reportText" || colm.role === "score" || colm.role === "total")
      inReport = true;
    else if (colm.role !== null && colm.label !== "") inReport = false;
    else if (inReport && colm.role === null) colm.role = "score";
  }
  // A table that lost its target label: the consuntivo column followed by an unlabeled year column.
  if (!columns.some((c) => c.role === "target")) {
    const ai = columns.findIndex((c) => c.role === "actual");
    // The next column with a label or sub-label (an empty column between them is no column).
    const after = ai >= 0 ? columns.slice(ai + 1).find((c) => c.label !== "" || c.sub) : undefined;
    if (
      ai >= 0 &&
      after &&
      after.label === "" &&
      after.year !== undefined &&
      columns[ai].year !== undefined
    ) {
      columns[ai].role = "target";
      after.role = "actual";
    }
  }
  // `Indicatore | Descrizione indicatore`: the first names the indicator, the second describes it.
  const own = columns.filter((c) => c.role === "indicator" && !c.spanned && !c.group);
  const described = own.filter((c) => /^(descrizione|definizione)\b/.test(fold(c.label)));
  if (described.length > 0 && described.length < own.length)
    for (const c of described) c.role = "indDescription";
  const roles = new Set<Role>();
  for (const c of columns) if (c.role) roles.add(c.role);
  return { row: r, lastRow: last, columns, roles };
}

/** A sub-label under a group label: `Codice`/`Descrizione` name the group's own code and title. */
function roleUnderGroup(group: Role, sub: Role): Role {
  const titled = group === "opTitle" || group === "stratTitle" || group === "indicator";
  if (sub === "code" && group === "opTitle") return "opCode";
  if (sub === "code" && group === "stratTitle") return "stratCode";
  if (titled && (sub === "description" || sub === "opTitle" || sub === "phase")) return group;
  // A year or a plain caption (`Previsione`) under `Target` keeps the group's role.
  if ((group === "target" || group === "baseline" || group === "actual") && sub === group)
    return group;
  return sub;
}

function yearAtEnd(t: string): number | null {
  const m = /\b((?:19|20)\d\d)\s*$/.exec(t);
  return m ? Number(m[1]) : null;
}
