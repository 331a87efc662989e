/**
 * One sheet -> raw objectives. A single top-to-bottom walk: table headers (found by synonyms)
 * start tables that are read whole; block titles start schede; `key | value` rows fill the
 * current scheda; a line-text indicators section (PDF paste) is read line by line.
 */
import { cellRef, rangeRef, type Grid } from "../grid";
import { parseItalianDate } from "../dates";
import { parseItalianNumber } from "../numbers";
import { readWeight } from "../weights";
import { detectHeader, roleOf, type Column, type Header, type Role } from "./header";
import { dimensionOf, readLineSection, type LineItem } from "./lines";
import { RowReader, type Cell } from "./rows";
import { matchActuals, nameFromTarget, splitTargets } from "./split";
import { detectTitle, splitCodeTitle } from "./titles";
import { cleanText, fold, letterCount, overlap, stems, countShared } from "./text";
import type { RawIndicator, RawObjective, RawPeople, RawReport, SheetResult } from "./types";

export interface SheetContext {
  planYear?: number;
  newKey: () => string;
}

const SECTION_END_RE =
  /^(personale|note|report al|commenti|considerazioni|risorse|budget|descrizione del servizio|finalita|come si attiva|prestazioni|modalita di erogazione|riferimenti|fasi\b|dati-prodotti|individuazione)/;
const UNIT_ROLES = new Set<Role>([
  "unitArea",
  "unitSettore",
  "unitServizio",
  "dirigente",
  "responsabile",
  "referente",
]);
const MISSIONE_RE =
  /missione\s*n?\.?\s*(\d{1,2})\s*[-–,;]?\s*(?:programm[aie]|prog\.)\s*n?\.?\s*(\d{1,4}(?:\s*(?:e|,|-)\s*\d{1,4})*)/i;
/** A row number as written (`3`, `3.`, `3)`): the number alone; other text unchanged. */
export function rowNumber(text: string): string {
  const m = /^(\d{1,2})\s*[.)]$/.exec(text);
  return m ? m[1] : text;
}
const LONE_ACCENT_RE = /^(?![A-Za-z])\p{L}$/u;
const TOTAL_RE = /^\s*total[ei]\b/i;
/** A cell that is only a code: `0101`, `01010601`, `2_1201_0401`, `OB.3.2`, `A1`. */
const CODE_ONLY_RE = /^(?=.*\d)[A-Za-z]{0,3}\.?\d[\d._\-/]{0,18}$/;
const DUP_CODE_RE = /^\d{1,2}_(\d{2})(\d{2})(?:_\d+)?$/;
/** Lines a PDF repeats on every page: `Pagina 2 di 5`, `pag. 3`, `- 4 -`. */
const PAGE_NOISE_RE = /^(pag(ina|\.)?\s*\d+(\s*(di|\/|of)\s*\d+)?|-\s*\d+\s*-|\d+\s*\/\s*\d+)$/i;
/** A unit as a section row: `SETTORE 3 - LAVORI PUBBLICI`, `AREA AMMINISTRATIVA: …`, `U.O.C. Farmacia - …`. */
const UNIT_SECTION_RE =
  /^(settore|area|servizio|dipartimento|direzione|ufficio|centro di (?:costo|responsabilit[aà])|u\.?o\.?c?\.?)\s*(?:n\.?\s*)?(?:\d{1,3}|[IVX]{1,4})?\s*[-–:]\s*\S/i;
/**
 * A unit section row with words and a person (`SETTORE AFFARI GENERALI - Responsabile: dott.ssa
 * Rossi`, `Area Tecnica – Dirigente: Ing. Verdi`): the unit, and who leads it.
 */
const UNIT_PERSON_RE =
  /^((?:settore|area|servizio|dipartimento|direzione|ufficio|centro di (?:costo|responsabilit[aà]))\b[^:]{2,90}?)\s*[-–—,;(]\s*(dirigente|direttore|responsabile(?: del (?:settore|servizio|l'area))?|referente politico|assessore)\s*[:.]?\s*(\S.{1,80}?)\)?$/i;
/** A unit name alone in capitals: `SETTORE AFFARI GENERALI`, `AREA TECNICA`. */
const UNIT_CAPS_RE =
  /^(settore|area|servizio|dipartimento|direzione|centro di (?:costo|responsabilit[aà]))\s+[A-ZÀ-Ý0-9'’.\s-]{3,70}$/i;

export function parseUnitLine(text: string): {
  kind: "area" | "settore" | "servizio";
  name: string;
  role?: keyof RawPeople;
  person?: string;
} | null {
  const t = text.trim();
  if (t.length > 140 || /strateg|obiettiv|missione|programma|indicator/i.test(t)) return null;
  const kindOf = (name: string): "area" | "settore" | "servizio" => {
    const f = fold(name);
    return /^area/.test(f) ? "area" : /^(servizio|ufficio)/.test(f) ? "servizio" : "settore";
  };
  const m = UNIT_PERSON_RE.exec(t);
  if (m) {
    const name = m[1].trim();
    const r = fold(m[2]);
    const role: keyof RawPeople = /^(dirigente|direttore)/.test(r)
      ? "dirigente"
      : /^(referente|assessore)/.test(r)
        ? "referentePolitico"
        : "responsabile";
    return { kind: kindOf(name), name, role, person: m[3].trim() };
  }
  if (UNIT_CAPS_RE.test(t) && t === t.toUpperCase() && letterCount(t) >= 8)
    return { kind: kindOf(t), name: t };
  return null;
}

/** First cells of the `key | value` rows that open a scheda. */
const SCHEDA_KEY_ROLES = new Set<Role>([
  ...UNIT_ROLES,
  "stratTitle",
  "opTitle",
  "stratCode",
  "opCode",
  "objWeight",
]);
/** Fields of an indicator written as a card of `key: value` lines. */
const CARD_ROLES = new Set<Role>([
  "indicator",
  "target",
  "actual",
  "weight",
  "unit",
  "baseline",
  "formula",
  "achievement",
]);
const MATRIX_UNIT_FIELDS: [Role, "area" | "settore" | "servizio"][] = [
  ["unitArea", "area"],
  ["unitSettore", "settore"],
  ["unitServizio", "servizio"],
];
const HEADING_SKIP_RE =
  /^(indicatori|anno\b|peg\b|piano\b|comune\b|citta\b|provincia\b|scheda obiettivi|performance \d)/;

export function recognizeSheet(grid: Grid, ctx: SheetContext): SheetResult {
  return new SheetWalker(grid, ctx).run();
}

class SheetWalker {
  private rows: RowReader;
  private objectives: RawObjective[] = [];
  private units: RawPeople[] = [];
  private cur: RawObjective | null = null;
  private sheetPeople: RawPeople = {};
  private headings: { text: string; row: number }[] = [];
  /** Heading texts seen so far: the same text again inside a table is a repeated page header. */
  private headingTexts = new Set<string>();
  private byCode = new Map<string, RawObjective>();
  private strategicBlock: RawObjective | null = null;
  /** Objectives named after a heading (no scheda title): a new heading starts a new one. */
  private fromHeading = new Set<RawObjective>();
  private lastTableEnd = -1;

  constructor(
    private grid: Grid,
    private ctx: SheetContext
  ) {
    this.rows = new RowReader(grid);
  }

  run(): SheetResult {
    const n = this.rows.count;
    for (let r = 0; r < n; r++) {
      const cells = this.rows.cells(r);
      if (cells.length === 0) continue;
      if (cells.length === 1 && PAGE_NOISE_RE.test(cells[0].text.trim())) continue;
      const header = detectHeader(this.grid, this.rows, r);
      if (header) {
        r = this.readTable(header);
        continue;
      }
      if (this.readUnitRows(r, cells)) {
        r++;
        continue;
      }
      if (
        cells.length === 1 &&
        ((!/:/.test(cells[0].text.slice(0, 40)) && this.readUnitSection(r, cells[0].text)) ||
          this.readUnitLine(r, cells[0].text))
      )
        continue;
      const title = detectTitle(this.rows, r);
      if (title) {
        const o = this.startBlock(title.code, title.title, r, !title.strong);
        if (title.level === "strategic") {
          o.level = "strategic";
          this.strategicBlock = o;
        } else if (title.level === "operational" && this.strategicBlock) {
          o.parentKey = this.strategicBlock.key;
          o.strategicCode = this.strategicBlock.code;
        }
        r = title.lastRow;
        continue;
      }
      if (cells.length === 1 && this.isLineTrigger(cells[0].text)) {
        r = this.readLines(r);
        continue;
      }
      this.readInfoRow(r, cells);
    }
    this.linkByCode();
    const kept = this.objectives.filter(
      (o) => !o.weak || o.indicators.length > 0 || (o.children?.size ?? 0) > 0
    );
    return { objectives: kept, units: this.units, recognized: kept.length > 0 };
  }

  // ---- blocks -------------------------------------------------------------------------------

  /**
   * Numbered titles without a level word (`1. MANUTENZIONE …` over `1.1 …`, `1.2 …`): a title whose
   * code is the prefix of other codes and that holds no indicators itself is their strategic objective.
   */
  private linkByCode(): void {
    const byCode = new Map<string, RawObjective>();
    for (const o of this.objectives) if (o.code && !byCode.has(o.code)) byCode.set(o.code, o);
    for (const o of this.objectives) {
      if (o.parentKey || o.level !== "operational" || !o.code) continue;
      const m = /^(\d{1,3}(?:\.\d{1,3})*)\.\d{1,3}$/.exec(o.code);
      if (!m) continue;
      const p = byCode.get(m[1]);
      if (!p || p === o || p.indicators.length > 0 || (p.children?.size ?? 0) > 0) continue;
      if (p.indexOnly) continue;
      p.level = "strategic";
      p.weak = false;
      o.parentKey = p.key;
      o.strategicCode = p.code;
    }
  }

  private startBlock(code: string | null, title: string, r: number, weak: boolean): RawObjective {
    const o = this.newObjective(code, title, "operational", this.firstRef(r));
    o.weak = weak;
    o.people = { ...this.sheetPeople };
    this.cur = o;
    return o;
  }

  /** The row's first non-empty cell (column A on an empty row): a line of text sits there. */
  private firstRef(r: number): string {
    return cellRef(this.grid, r, this.rows.cells(r)[0]?.col ?? 0);
  }

  private newObjective(
    code: string | null,
    title: string,
    level: "strategic" | "operational",
    source: string
  ): RawObjective {
    const o: RawObjective = {
      key: this.ctx.newKey(),
      code: code && code.trim() ? code.trim() : null,
      title: cleanText(title),
      level,
      people: {},
      weight: null,
      phases: [],
      indicators: [],
      reports: [],
      source,
    };
    this.objectives.push(o);
    return o;
  }

  /** The objective for indicators found outside any scheda: named by the nearest heading above. */
  private orphan(r: number): RawObjective {
    let title = "";
    let headingRow = -1;
    for (let i = this.headings.length - 1; i >= 0; i--) {
      const h = this.headings[i];
      if (this.rows.distance(h.row, r, 12) > 12) break;
      if (HEADING_SKIP_RE.test(fold(h.text))) continue;
      title = h.text;
      headingRow = h.row;
      break;
    }
    // Keep the current objective unless it was itself named by a heading and a new heading came.
    if (this.cur && !(this.fromHeading.has(this.cur) && headingRow > this.lastTableEnd))
      return this.cur;
    const o = this.newObjective(
      null,
      title || `Indicatori (riga ${r + 1})`,
      "operational",
      this.firstRef(r)
    );
    o.people = { ...this.sheetPeople };
    if (title) this.fromHeading.add(o);
    this.cur = o;
    return o;
  }

  private readInfoRow(r: number, cells: Cell[]): void {
    const joined = cells.map((c) => c.text).join(" ");
    const mm = MISSIONE_RE.exec(joined);
    if (mm && this.cur) {
      this.cur.missione ??= mm[1];
      this.cur.programma ??= mm[2].replace(/\s+/g, " ").trim();
      return;
    }
    if (this.readCardRow(r, cells)) return;
    if (cells.length === 1) {
      const t = cells[0].text;
      const kv =
        /^(dirigente|responsabile[^:]{0,30}|referente politico|settore|area|servizio|centro di (?:costo|responsabilit[aà]))\s*:\s*(.+)$/i.exec(
          t
        );
      if (kv) {
        this.setPerson(kv[1], kv[2], r);
        return;
      }
      // `Peso: 25%` on its own line: the objective's weight, as written.
      const pw =
        /^(?:peso|ponderazione)(?: (?:dell'?\s?|del )?obiettivo)?\s*(?:%\s*)?[:=]\s*(\d[\d.,]*)\s*%?$/i.exec(
          t
        );
      if (pw && this.cur && this.cur.weight === null) {
        const w = parseItalianNumber(pw[1]);
        if (w !== null) {
          this.cur.weight = w;
          this.cur.weightSource = cellRef(this.grid, r, cells[0].col);
        }
        return;
      }
      if (t.length <= 120 && letterCount(t) >= 4) {
        this.headings.push({ text: t, row: r });
        this.headingTexts.add(t);
      }
      if (
        this.cur &&
        !this.cur.description &&
        t.length > 60 &&
        this.rows.distance(this.rowOf(this.cur), r, 4) <= 4
      ) {
        this.cur.description = t.replace(/^descrizione\s*:?\s*/i, "");
      }
      return;
    }
    if (cells.length <= 3) {
      const key = fold(cells[0].text);
      const value = cells[cells.length - 1].text;
      if (
        key.length <= 40 &&
        /^(settore|area|servizio|ufficio|resp|dirigente|direttore|referente|centro di)/.test(key) &&
        value !== cells[0].text
      ) {
        this.setPerson(key, value, r);
        return;
      }
      if (this.cur && /^descrizione/.test(key) && !this.cur.description)
        this.cur.description = value;
      // `Peso obiettivo | 15`: the objective's weight, as written.
      const last = cells[cells.length - 1];
      const keyRole = roleOf(cells[0].text)?.role;
      // `Peso | 15` in a scheda's heading rows (no indicator read yet) weighs the objective too.
      if (
        this.cur &&
        cells.length === 2 &&
        (keyRole === "objWeight" || (keyRole === "weight" && this.cur.indicators.length === 0))
      ) {
        const w = objectiveWeight(last);
        if (w !== null && this.cur.weight === null) {
          this.cur.weight = w;
          this.cur.weightSource = cellRef(this.grid, r, last.col);
        }
      }
    }
  }

  /**
   * An indicator written as a card, one `key: value` line (or `key | value` row) per field, as
   * schede pasted from Word and relazioni sulla performance do: `Indicatore: …`, `Target: …`,
   * `Risultato: …`, `Peso: …`. An `Indicatore` line opens a new indicator; the other fields fill it.
   */
  private readCardRow(r: number, cells: Cell[]): boolean {
    let key: string;
    let value: string;
    let valueCell: Cell | undefined;
    if (cells.length === 1) {
      const m = /^([^:]{2,40}?)\s*:\s*(\S.*)$/.exec(cells[0].text);
      if (!m) return false;
      [key, value] = [m[1], m[2].trim()];
    } else if (cells.length <= 3) {
      key = cells[0].text.replace(/\s*:\s*$/, "");
      valueCell = cells[cells.length - 1];
      value = valueCell.text;
      if (key.length > 40 || value === key) return false;
    } else return false;
    const role = roleOf(key)?.role;
    if (!role || !CARD_ROLES.has(role)) return false;
    const col = (valueCell ?? cells[0]).col;
    const ref = cellRef(this.grid, r, col);
    let ind = this.card && this.cur?.indicators.includes(this.card) ? this.card : null;
    if (role === "indicator" || !ind || (role === "target" && ind.target !== null)) {
      if (role !== "indicator" && role !== "target") return false;
      const owner = this.cur && !this.fromHeading.has(this.cur) ? this.cur : this.orphan(r);
      ind = {
        name: role === "indicator" ? value : nameFromTarget(value) || owner.title,
        target: null,
        weight: null,
        actual: null,
        source: ref,
      };
      owner.indicators.push(ind);
      this.card = ind;
      if (role === "indicator") return true;
    }
    switch (role) {
      case "target":
        ind.target = value;
        ind.targetSource = ref;
        break;
      case "actual":
        ind.actual = valueCell ? actualValue(valueCell) : value;
        ind.actualSource = ref;
        break;
      case "weight":
        ind.weight = valueCell ? readWeight(valueCell.value, valueCell.shown) : readWeight(value);
        ind.weightSource = ref;
        break;
      case "unit":
        ind.unit = value;
        break;
      case "formula":
        ind.description ??= value;
        break;
      case "achievement": {
        const a = valueCell ? declaredAchievement(valueCell) : declaredAchievement(value);
        if (a === null) return false;
        ind.declaredAchievement = a;
        ind.declaredAchievementSource = ref;
        break;
      }
      case "baseline": {
        const y = roleOf(key)?.year;
        ind.baseline ??= new Map();
        ind.baseline.set(y !== undefined ? String(y) : String(ind.baseline.size), value);
        break;
      }
    }
    return true;
  }
  private card: RawIndicator | null = null;

  private rowOf(o: RawObjective): number {
    const m = /(\d+)$/.exec(o.source);
    return m ? Number(m[1]) - 1 : 0;
  }

  /**
   * Where a unit line (`CENTRO DI RESPONSABILITÀ: …`, `SETTORE 3 - …`) goes: the open scheda while
   * nothing of it has been read yet, else a new unit for the blocks below it.
   */
  private unitTarget(r: number): RawPeople {
    const o = this.cur;
    const filled =
      !!o &&
      (o.indicators.length > 0 ||
        (o.children?.size ?? 0) > 0 ||
        o.phases.length > 0 ||
        this.lastTableEnd > this.rowOf(o) ||
        this.rows.distance(this.rowOf(o), r, 12) > 12);
    if (o && !filled) return o.people;
    this.cur = null;
    if (this.sheetPeople.area || this.sheetPeople.settore || this.sheetPeople.servizio) {
      this.sheetPeople = {};
      this.units.push(this.sheetPeople);
    } else if (!this.units.includes(this.sheetPeople)) this.units.push(this.sheetPeople);
    return this.sheetPeople;
  }

  /** A single-cell unit section row (`SETTORE 3 - LAVORI PUBBLICI`). */
  private readUnitSection(r: number, text: string): boolean {
    if (text.length > 120 || !UNIT_SECTION_RE.test(text) || /:\s*$/.test(text)) return false;
    const f = fold(text);
    const p = this.unitTarget(r);
    if (/^area/.test(f)) p.area = text;
    else if (/^(servizio|ufficio|u\.?o)/.test(f)) p.servizio = text;
    else p.settore = text;
    p.source = cellRef(this.grid, r, this.rows.cells(r)[0].col);
    return true;
  }

  /** `SETTORE AFFARI GENERALI - Responsabile: …`: a new unit for the objectives below it. */
  private readUnitLine(r: number, text: string): boolean {
    const u = parseUnitLine(text);
    if (!u) return false;
    const p = this.unitTarget(r);
    p[u.kind] = u.name;
    if (u.role && u.person) p[u.role] = u.person;
    p.source = cellRef(this.grid, r, this.rows.cells(r)[0].col);
    return true;
  }

  private setPerson(keyRaw: string, value: string, r: number): void {
    const key = fold(keyRaw);
    const p = /^(area|settore|servizio|ufficio|centro di)/.test(key)
      ? this.unitTarget(r)
      : this.cur
        ? this.cur.people
        : this.sheetPeople;
    if (/^referente/.test(key)) p.referentePolitico = value;
    else if (/^(dirigente|direttore)/.test(key)) p.dirigente = value;
    else if (/^resp/.test(key)) p.responsabile = value;
    else if (/^area/.test(key)) p.area = value;
    else if (/^(settore|centro di)/.test(key)) p.settore = value;
    else if (/^(servizio|ufficio)/.test(key)) p.servizio = value;
    p.source ??= this.firstRef(r);
  }

  /** `AREA | SETTORE | SERVIZIO` over their values; `REFERENTE POLITICO | DIRIGENTE | RESP.` too. */
  private readUnitRows(r: number, cells: Cell[]): boolean {
    if (cells.length < 2) return false;
    // Two cells are a `key | value` row unless both are short captions in capitals.
    if (
      cells.length === 2 &&
      !cells.every((c) => c.text.length <= 25 && c.text === c.text.toUpperCase())
    )
      return false;
    const roles = cells.map((c) => roleOf(c.text)?.role ?? null);
    if (!roles.every((x) => x !== null && UNIT_ROLES.has(x))) return false;
    const values = this.rows.cells(r + 1);
    if (values.length === 0 || values.some((c) => roleOf(c.text) !== null)) return false;
    const p = this.cur ? this.cur.people : this.sheetPeople;
    for (let i = 0; i < cells.length; i++) {
      const v = values.find((x) => x.col === cells[i].col)?.text;
      if (!v) continue;
      const role = roles[i];
      const label = fold(cells[i].text);
      if (role === "unitArea") p.area = v;
      else if (role === "unitSettore") p.settore = v;
      else if (role === "unitServizio") p.servizio = v;
      else if (role === "referente") p.referentePolitico = v;
      else if (role === "dirigente") p.dirigente = v;
      else if (role === "responsabile") {
        if (/settore/.test(label) && !p.responsabile) p.responsabile = v;
        else p.responsabile ??= v;
      }
    }
    p.source ??= rangeRef(this.grid, r, cells[0].col, r + 1, cells[cells.length - 1].col);
    if (!this.cur) this.units.push(p);
    return true;
  }

  // ---- line text ----------------------------------------------------------------------------

  private isLineTrigger(text: string): boolean {
    const f = fold(text);
    if (/^indicatori\b/.test(f) && f.length < 60) return true;
    return /\btarget\b/.test(f) && /ponder|peso/.test(f);
  }

  private readLines(r0: number): number {
    const items: LineItem[] = [];
    let r = r0 + 1;
    let last = r0;
    for (; r < this.rows.count && r - r0 < 200; r++) {
      const cells = this.rows.cells(r);
      if (cells.length === 0) continue;
      if (cells.length > 1) {
        // A real table after all: let the walker read it.
        if (detectHeader(this.grid, this.rows, r)) break;
        items.push({ row: r, text: cells.map((c) => c.text).join(" ") });
        last = r;
        continue;
      }
      const t = cells[0].text;
      // A page footer or the document title repeated on a new page: not a line of the section.
      if (this.isPageNoise(t)) continue;
      const f = fold(t);
      const title = detectTitle(this.rows, r);
      if (title && title.strong) break;
      if (/^(commenti|considerazioni|note\b|personale)/.test(f)) break;
      items.push({ row: r, text: t });
      last = r;
      if (/^total[ei]\b/.test(f)) break;
    }
    const section = readLineSection(items);
    if (section.indicators.length === 0 && !section.total) return r0;
    const obj = this.cur && !this.fromHeading.has(this.cur) ? this.cur : this.orphan(r0);
    this.lastTableEnd = Math.max(last, r0);
    for (const li of section.indicators) {
      const w = li.weight !== null ? readWeight(li.weight) : null;
      obj.indicators.push({
        name: li.name,
        dimension: li.dimension,
        target: li.target,
        weight: w,
        weightSource: li.weight !== null ? this.firstRef(li.valueRow) : undefined,
        actual: null,
        source: this.firstRef(li.row),
        targetSource: this.firstRef(li.valueRow),
      });
    }
    if (section.total) {
      const v = readWeight(section.total.text);
      if (v !== null) {
        obj.declaredWeightTotal = v;
        obj.declaredWeightTotalSource = this.firstRef(section.total.row);
      }
    }
    return Math.max(last, r0);
  }

  // ---- tables -------------------------------------------------------------------------------

  private tableEnd(r: number, weakTitlesEnd: boolean): boolean {
    const cells = this.rows.cells(r);
    if (cells.length === 0) return false;
    if (detectHeader(this.grid, this.rows, r)) return true;
    const title = detectTitle(this.rows, r);
    if (title && (title.strong || weakTitlesEnd)) return true;
    if (cells.length === 1) {
      const f = fold(cells[0].text);
      if (SECTION_END_RE.test(f)) return true;
      if (/^indicatori\b/.test(f) && f.length < 60) return true;
    }
    return false;
  }

  /** Data rows of a table: from below its header to before its end. */
  private tableRows(h: Header, weakTitlesEnd: boolean): number[] {
    const out: number[] = [];
    let blanks = 0;
    const left = this.tableLeft(h);
    const firstCol = h.columns[left] && h.columns[left].label !== "" ? left : -1;
    for (let r = h.lastRow + 1; r < this.rows.count; r++) {
      if (this.rows.isBlank(r)) {
        blanks++;
        continue;
      }
      const cells = this.rows.cells(r);
      // After two or more blank rows, only a row that still fits the table goes on with it: a
      // dimension caption, or cells within the header's columns (not a lone first-column caption).
      if (blanks >= 2 && !this.fitsTable(h, cells)) break;
      // Page footers and the document title repeated on each page of a PDF: not rows of the table.
      // A section caption (`Personale coinvolto`, `Note`) repeats in every scheda: it still ends the table.
      if (
        cells.length === 1 &&
        this.isPageNoise(cells[0].text) &&
        !SECTION_END_RE.test(fold(cells[0].text))
      )
        continue;
      if (this.tableEnd(r, weakTitlesEnd)) break;
      // After a blank row, `Centro di responsabilità | …`, `Obiettivo operativo | …`: the next
      // scheda's heading rows, not more of this table.
      if (
        blanks > 0 &&
        cells.length >= 2 &&
        cells.length <= 3 &&
        SCHEDA_KEY_ROLES.has(roleOf(cells[0].text)?.role ?? "notes")
      )
        break;
      // After a blank row, a lone caption in the first column is text below the table; so is
      // one right below it when that column holds codes (text there is no code), unless it names
      // the unit of the rows that follow (`Area Tecnica – Dirigente: …`).
      const codeColumn =
        ["code", "stratCode", "opCode"].includes(h.columns[firstCol]?.role ?? "") &&
        cells.length === 1 &&
        !parseUnitLine(cells[0].text) &&
        !UNIT_SECTION_RE.test(cells[0].text) &&
        !UNIT_CAPS_RE.test(cells[0].text);
      if (
        (blanks > 0 || codeColumn) &&
        cells.length === 1 &&
        cells[0].col === firstCol &&
        !dimensionOf(cells[0].text) &&
        !/^[A-Za-z]{0,3}\d[\w.\-_/]*$/.test(cells[0].text) &&
        cells[0].text.length > 6
      )
        break;
      blanks = 0;
      out.push(r);
      // A TOTALE row closes the table.
      if (TOTAL_RE.test(this.rows.cells(r)[0].text)) break;
    }
    return out;
  }

  /** Leftmost column of a table: its header's first cell, or further left under an unlabeled column. */
  private tableLeft(h: Header): number {
    let left = this.rows.cells(h.row)[0]?.col ?? 0;
    for (let r = h.lastRow + 1, seen = 0; r < this.rows.count && seen < 6; r++) {
      const c = this.rows.cells(r)[0];
      if (!c) continue;
      seen++;
      if (c.col < left) left = c.col;
    }
    return left;
  }

  /**
   * A row that still belongs to a table after blank rows: a dimension caption, or cells inside
   * the table's columns (a name running on under its column counts; a lone caption in the first
   * column does not).
   */
  private fitsTable(h: Header, cells: Cell[]): boolean {
    if (cells.length === 1 && dimensionOf(cells[0].text) !== null) return true;
    // Captions only (`Nome e cognome | Qualifica | Area/Ufficio`): the header of another table.
    if (cells.length >= 2 && cells.every((c) => roleOf(c.text) !== null)) return false;
    const left = this.tableLeft(h);
    const labelled = h.columns.filter((c) => c.label !== "" || c.sub).map((c) => c.col);
    if (labelled.length === 0) return false;
    const right = Math.max(...labelled);
    if (!cells.every((c) => c.col >= left && c.col <= right)) return false;
    return cells.length >= 2 || cells[0].col !== left;
  }

  private isPageNoise(text: string): boolean {
    if (PAGE_NOISE_RE.test(text.trim())) return true;
    return text.length >= 12 && this.headingTexts.has(text);
  }

  private readTable(h: Header): number {
    const roles = h.roles;
    const has = (x: Role) => roles.has(x);
    let kind: "phases" | "actions" | "matrix" | "indicators" | "other" = "other";
    if (has("month") || (has("phase") && !has("indicator") && !has("target"))) kind = "phases";
    else if (has("expected") && !has("indicator") && !has("target")) kind = "actions";
    else if (has("stratCode") || has("opCode") || has("stratTitle") || has("opTitle"))
      kind = "matrix";
    else if (
      has("indicator") ||
      has("target") ||
      (has("description") && (has("actual") || has("weight")))
    )
      kind = "indicators";
    // Rows of a matrix or action list may start with a number and a title: only strong titles end them.
    const rows = this.tableRows(h, kind === "indicators" || kind === "phases" || kind === "other");
    const last = rows.length > 0 ? rows[rows.length - 1] : h.lastRow;
    if (kind === "indicators" && this.cur && this.fromHeading.has(this.cur)) this.orphan(h.row);
    if (kind === "phases") this.readPhases(h, rows);
    else if (kind === "actions") this.readActions(h, rows);
    else if (kind === "matrix") this.readMatrix(h, rows);
    else if (kind === "indicators") this.readIndicators(h, rows);
    if (kind !== "other") this.lastTableEnd = last;
    return last;
  }

  /** Target columns; else `Risultato atteso`; else a `Scadenza` column (a deadline is the target). */
  private targetColumns(h: Header): Column[] {
    for (const role of ["target", "expected", "deadline"] as const) {
      const cs = this.cols(h, role);
      if (cs.length > 0) return cs;
    }
    return [];
  }

  private col(h: Header, role: Role): Column | undefined {
    return h.columns.find((c) => c.role === role);
  }

  private cols(h: Header, role: Role): Column[] {
    return h.columns.filter((c) => c.role === role);
  }

  private readPhases(h: Header, rows: number[]): void {
    const o = this.cur;
    if (!o) return;
    const months = h.columns.filter((c) => c.role === "month");
    const labelCol =
      h.columns.find(
        (c) => c.role === "phase" && /modalit|fasi|fase|azioni|attivit/.test(fold(c.label))
      ) ?? h.columns.find((c) => c.role === "phase");
    const descCol = h.columns.find((c) => /descrizione/.test(fold(c.label)));
    const deadlineCol = this.col(h, "deadline");
    for (const r of rows) {
      const cells = this.rows.cells(r);
      let label = labelCol ? this.rows.text(r, labelCol.col) : "";
      let id = "";
      // `Fase | Descrizione | Scadenza` with `A`, `B` under Fase: ids, the words are the description.
      const idOnly = /^[A-Za-z0-9]{1,3}[.)]?$/.test(label);
      if (idOnly) {
        id = label.replace(/[.)]$/, "");
        label = descCol ? this.rows.text(r, descCol.col) : "";
      } else if (descCol && !o.description) {
        const d = this.rows.text(r, descCol.col);
        if (d.length > 30) o.description = d;
      }
      for (const c of cells) {
        if (
          !idOnly &&
          c.text.length <= 3 &&
          /^[A-Za-z0-9]{1,3}\.?$/.test(c.text) &&
          (!labelCol || c.col < labelCol.col)
        )
          id = c.text.replace(/\.$/, "");
      }
      if (!label) {
        const longest = cells
          .filter((c) => c.text.length > 3 && (!descCol || c.col !== descCol.col))
          .sort((a, b) => b.text.length - a.text.length)[0];
        label = longest?.text ?? "";
      }
      if (!label || letterCount(label) < 3) continue;
      const marked = months
        .filter((m) => this.rows.text(r, m.col) !== "")
        .map((m) => months.indexOf(m) + 1);
      const phase: RawObjective["phases"][number] = {
        id: id || String(o.phases.length + 1),
        label,
        source: labelCol ? cellRef(this.grid, r, labelCol.col) : this.firstRef(r),
      };
      if (marked.length > 0 && months.length === 12) phase.months = marked;
      const dl = deadlineCol ? this.rows.text(r, deadlineCol.col) : "";
      if (dl && (this.ctx.planYear !== undefined || /\b(19|20)\d\d\b/.test(dl))) {
        const d = parseItalianDate(dl, this.ctx.planYear);
        if (d) phase.deadline = d.date;
      }
      o.phases.push(phase);
    }
  }

  /** `N | Descrizione | Risultato atteso | 2024 | 2025`: the actions of a scheda, one objective each. */
  private readActions(h: Header, rows: number[]): void {
    const parent = this.cur;
    const codeCol = this.col(h, "code")?.col ?? this.tableLeft(h);
    const descCol = this.col(h, "description")?.col;
    const expCol = h.columns.find(
      (c) => c.role === "expected" && /risultat/.test(fold(c.label))
    )?.col;
    let prev: RawObjective | null = null;
    for (const r of rows) {
      const num = rowNumber(this.rows.text(r, codeCol));
      const desc = descCol !== undefined ? this.rows.text(r, descCol) : "";
      const exp = expCol !== undefined ? this.rows.text(r, expCol) : "";
      if (/^\d{1,2}$/.test(num)) {
        const code = parent?.code ? `${parent.code}.${num}` : num;
        const o = this.newObjective(
          code,
          desc || exp || code,
          "operational",
          cellRef(this.grid, r, descCol ?? codeCol)
        );
        o.matchText = `${desc} ${exp}`;
        o.people = { ...(parent?.people ?? this.sheetPeople) };
        if (parent) {
          o.parentKey = parent.key;
          o.strategicCode = parent.code;
          parent.children ??= new Map();
          parent.children.set(num, o);
        }
        prev = o;
      } else if (prev) {
        prev.matchText = `${prev.matchText ?? ""} ${desc} ${exp}`;
      }
    }
  }

  private readIndicators(h: Header, rows: number[]): void {
    const nameCol =
      this.col(h, "indicator") ?? this.col(h, "description") ?? this.inferNameColumn(h, rows);
    const descCol = this.col(h, "indicator")
      ? (this.col(h, "description") ?? this.col(h, "indDescription"))
      : undefined;
    const formulaCol = this.col(h, "formula");
    // Columns empty in the header and in every row are no columns of the table.
    const empty = this.emptyColumns(h, rows);
    const leftOfName = nameCol ? this.columnsFrom(nameCol.col, -1, 1, empty)[0] : undefined;
    const codeCol =
      this.col(h, "code") ??
      (leftOfName !== undefined && h.columns[leftOfName].role === null
        ? h.columns[leftOfName]
        : undefined);
    // `Risultato atteso` (else `Scadenza`) is the target when the table names no other.
    const targetCols = this.targetColumns(h);
    // Results written in the table (a full row with a value under a result column right after
    // the name): then a short row is read in place, not as a row that lost its empty cells.
    const nameStd = nameCol?.col ?? this.tableLeft(h);
    const nextStd = this.columnsFrom(nameStd, 1, targetCols.length, empty);
    // Rows that keep their empty trailing cells (text exports): a row much shorter than the
    // header lost cells. Rows trimmed at their last value (or all padded alike) tell nothing.
    const widthsKept = [h.row, ...rows].some((r) => {
      const row = this.grid.rows[r];
      return (
        Array.isArray(row) && row.length > 0 && String(row[row.length - 1] ?? "").trim() === ""
      );
    });
    const resultsGiven = rows.some((r) => {
      const cells = this.rows.cells(r).filter((c) => !LONE_ACCENT_RE.test(c.text));
      const last = cells[cells.length - 1];
      return (
        !!last &&
        last.col > Math.max(...nextStd) &&
        cells.some((c) => nextStd.includes(c.col) && h.columns[c.col]?.role === "actual")
      );
    });
    const actualCols = this.actualCols(h);
    const baseCols = this.cols(h, "baseline");
    const weightCol = this.col(h, "weight");
    const unitCol = this.col(h, "unit");
    const dimCol = this.col(h, "dimension");
    const achCols = this.cols(h, "achievement");
    const width = h.columns.length;
    let dimension: string | null = null;
    let prev = null as RawIndicator | null;
    let owner: RawObjective | null = null;
    // `Codice obiettivo | Indicatore | …` outside any scheda: each row names its objective by code
    // (objectives listed on another sheet; structure.ts joins them).
    const objectiveRefs =
      !!codeCol &&
      /obiettiv|\bob\b/.test(fold(codeCol.label)) &&
      (!this.cur || this.fromHeading.has(this.cur));
    // For each row, the number of the next numbered row below it (one pass, from the bottom).
    const nextRefs: number[] = new Array<number>(rows.length).fill(Infinity);
    if (codeCol) {
      let next = Infinity;
      for (let i = rows.length - 1; i >= 0; i--) {
        nextRefs[i] = next;
        const m = /^(\d{1,2})\b/.exec(rowNumber(this.rows.text(rows[i], codeCol.col)));
        if (m) next = Number(m[1]);
      }
    }
    for (let ri = 0; ri < rows.length; ri++) {
      const r = rows[ri];
      const cells = this.rows.cells(r);
      if (cells.every((c) => letterCount(c.text) === 0 && !/\d/.test(c.text) && c.text !== "-"))
        continue;
      const first = cells[0];
      const f = fold(first.text);
      if (/^total[ei]\b/.test(f)) {
        const o = owner ?? this.orphan(r);
        const wc =
          (weightCol && this.rows.at(r, weightCol.col)) ??
          cells.find((c) => c !== first && readWeight(c.value, c.shown) !== null);
        if (wc) {
          o.declaredWeightTotal = readWeight(wc.value, wc.shown);
          o.declaredWeightTotalSource = cellRef(this.grid, r, wc.col);
        }
        continue;
      }
      let name = nameCol ? this.rows.text(r, nameCol.col) : "";
      let desc = descCol ? this.rows.text(r, descCol.col) : "";
      let ref = codeCol ? rowNumber(this.rows.text(r, codeCol.col)) : "";
      let targetCells = targetCols.map((c) => this.valueAt(r, c.col));
      let actualCells = actualCols.map((c) => this.valueAt(r, c.col));
      // A row that lost columns (PDF page break): its values follow the name in order, one per year.
      const rowWidth = this.rows.width(r);
      let nameAt = nameCol?.col ?? this.tableLeft(h);
      let shifted = false;
      const merged = codeCol ? /^(\d{1,2})\s+(\S.{2,})$/.exec(ref) : null;
      if (merged && codeCol && letterCount(merged[2]) >= 3) {
        // Number and name in one cell, the values shifted one column left.
        ref = merged[1];
        name = merged[2];
        nameAt = codeCol.col;
        shifted = true;
      }
      // Targets right after the name are read in place: a short row there only lacks side columns.
      const next = this.columnsFrom(nameAt, 1, targetCols.length, empty);
      const inPlace = targetCols.every((c, i) => c.col === next[i]);
      if (
        targetCols.length >= 2 &&
        rowWidth > 0 &&
        !inPlace &&
        (shifted ||
          (widthsKept && rowWidth <= width - 3) ||
          (!resultsGiven && this.lostColumns(h, cells, nameAt, next)))
      ) {
        const after = cells.filter((c) => c.col > nameAt);
        const seq: (Cell | undefined)[] = [];
        for (const c of next) seq.push(this.valueAt(r, c));
        if (after.length > 0) {
          targetCells = seq;
          actualCells = [];
        }
      }
      const hasValues =
        targetCells.some((c) => c) ||
        actualCells.some((c) => c) ||
        (weightCol && this.rows.at(r, weightCol.col) !== undefined) ||
        baseCols.some((c) => this.rows.at(r, c.col));
      if (dimCol) {
        const d = this.rows.text(r, dimCol.col);
        if (d) dimension = dimensionOf(d) ?? fold(d);
      }
      const dimText = name || first.text;
      if (!hasValues && dimensionOf(dimText) && !ref) {
        dimension = dimensionOf(dimText);
        continue;
      }
      if (/^indicator[ei]\s+(di\s+)?[a-z]+$/i.test(fold(name)) && desc) {
        name = desc;
        desc = "";
      }
      if (!name && desc && hasValues) {
        name = desc;
        desc = "";
      }
      if (!hasValues && !/^\d{1,2}$/.test(ref)) {
        // A name that runs on from the row above.
        const text = cells
          .map((c) => c.text)
          .filter((t) => letterCount(t) >= 3)
          .join(" ");
        if (prev && text) prev.name = `${prev.name} ${text}`.trim();
        continue;
      }
      if (!name) name = cells.find((c) => letterCount(c.text) >= 4)?.text ?? "";
      if (!name) continue;
      owner =
        objectiveRefs && ref && !/^\d{1,2}\.?$/.test(ref)
          ? this.objectiveByRef(ref, r, codeCol!.col)
          : this.ownerFor(ref, name, r, nextRefs[ri]);
      const targets = new Map<string, string | null>();
      const yearsOf = targetCols.map((c) => c.year);
      let target: string | null = null;
      let targetCell: Cell | undefined;
      const planIdx = this.ctx.planYear !== undefined ? yearsOf.indexOf(this.ctx.planYear) : -1;
      targetCells.forEach((c, i) => {
        const y = yearsOf[i];
        if (y !== undefined && targetCols.length >= 2 && !targets.has(String(y)))
          targets.set(String(y), c ? c.text : null);
      });
      const pick =
        planIdx >= 0 && targetCols.filter((c) => c.year === this.ctx.planYear).length >= 1
          ? planIdx
          : 0;
      targetCell = targetCells[pick];
      target = targetCell ? targetCell.text : null;
      const actualCell = this.pickActual(actualCells, actualCols);
      const baseline = new Map<string, string>();
      baseCols.forEach((c, i) => {
        const cell = this.rows.at(r, c.col);
        if (cell) baseline.set(c.year !== undefined ? String(c.year) : String(i), cell.text);
      });
      this.pastResults(r, actualCols, targetCols, baseline);
      const wCell = weightCol ? this.rows.at(r, weightCol.col) : undefined;
      const pieces = target ? splitTargets(target) : [null];
      const actuals =
        pieces.length > 1 && actualCell ? matchActuals(pieces as string[], actualCell.text) : null;
      pieces.forEach((piece, i) => {
        const ind: RawIndicator = {
          name: pieces.length > 1 ? `${name}: ${nameFromTarget(piece ?? "")}` : name,
          dimension,
          target: pieces.length > 1 ? piece : target,
          weight: wCell ? readWeight(wCell.value, wCell.shown) : null,
          weightSource: wCell ? cellRef(this.grid, r, wCell.col) : undefined,
          actual: actuals ? actuals[i] : actualCell ? actualValue(actualCell) : null,
          actualSource: actualCell ? cellRef(this.grid, r, actualCell.col) : undefined,
          source: cellRef(this.grid, r, nameAt),
          targetSource: targetCell ? cellRef(this.grid, r, targetCell.col) : undefined,
          ref: ref || undefined,
        };
        const formula = formulaCol ? this.rows.text(r, formulaCol.col) : "";
        if (desc || formula) ind.description = desc || formula;
        if (unitCol) ind.unit = this.rows.text(r, unitCol.col) || null;
        if (baseline.size > 0) ind.baseline = baseline;
        if (targets.size > 0) ind.targets = targets;
        this.setDeclared(ind, r, achCols);
        owner!.indicators.push(ind);
        prev = ind;
      });
    }
  }

  /**
   * A row that lost its empty cells (a PDF page pasted as text): in a table where results
   * interleave the targets right after the name, its values all sit in those first columns and
   * some fall under a result column, one value per year.
   */
  private lostColumns(h: Header, cells: Cell[], nameAt: number, next: number[]): boolean {
    const after = cells.filter((c) => c.col > nameAt && !LONE_ACCENT_RE.test(c.text));
    if (after.length === 0 || !after.every((c) => next.includes(c.col))) return false;
    const role = (col: number) => h.columns[col]?.role ?? null;
    if (!next.every((c) => role(c) === "target" || role(c) === "actual")) return false;
    return after.some((c) => role(c.col) === "actual");
  }

  /** A value cell; a lone accented letter (`Ì`, `İ`: scanning noise) is none. */
  private valueAt(r: number, col: number): Cell | undefined {
    const c = this.rows.at(r, col);
    return c && LONE_ACCENT_RE.test(c.text) ? undefined : c;
  }

  /** Columns with no label and no value in any row of the table. */
  private emptyColumns(h: Header, rows: number[]): Set<number> {
    const used = new Set<number>();
    for (const r of [h.row, h.lastRow, ...rows])
      for (const c of this.rows.cells(r)) used.add(c.col);
    const out = new Set<number>();
    for (const c of h.columns) if (!used.has(c.col)) out.add(c.col);
    return out;
  }

  /** Up to n columns from `col` (excluded) going `dir`, skipping the table's empty columns. */
  private columnsFrom(col: number, dir: 1 | -1, n: number, empty: Set<number>): number[] {
    const out: number[] = [];
    for (
      let c = col + dir;
      out.length < n && c >= 0 && Math.abs(c - col) <= n + empty.size;
      c += dir
    )
      if (!empty.has(c)) out.push(c);
    return out;
  }

  /** A header without a name label: the unlabeled column, left of the values, that holds text. */
  private inferNameColumn(h: Header, rows: number[]): Column | undefined {
    const firstRole = h.columns.findIndex((c) => c.role !== null);
    let best: Column | undefined;
    let bestN = 0;
    for (let c = 0; c < (firstRole < 0 ? h.columns.length : firstRole); c++) {
      let n = 0;
      for (const r of rows) if (letterCount(this.rows.text(r, c)) >= 4) n++;
      if (n > bestN) {
        bestN = n;
        best = h.columns[c];
      }
    }
    return best;
  }

  /** The target of the plan year (else the first column) and, with several years, all of them. */
  private yearTargets(
    r: number,
    cols: Column[]
  ): { cell: Cell | undefined; byYear: Map<string, string | null> } {
    const cells = cols.map((c) => this.rows.at(r, c.col));
    const byYear = new Map<string, string | null>();
    if (cols.length >= 2)
      cols.forEach((c, i) => {
        if (c.year !== undefined && !byYear.has(String(c.year)))
          byYear.set(String(c.year), cells[i]?.text ?? null);
      });
    const y = this.ctx.planYear;
    const planIdx = y !== undefined ? cols.findIndex((c) => c.year === y) : -1;
    // docs/targets.md: the plan year's target, or the first one (an empty first year is no target).
    const cell = cells[planIdx >= 0 ? planIdx : 0];
    return { cell, byYear };
  }

  /** Actual columns, a textual `Stato di attuazione` after the value columns. */
  private actualCols(h: Header): Column[] {
    const all = this.cols(h, "actual");
    const status = (c: Column) => /^stato\b/.test(fold(c.label || c.sub || ""));
    return [...all.filter((c) => !status(c)), ...all.filter(status)];
  }

  /**
   * `Risultato 2024` beside `Previsione 2025`: results of years before the plan year are history,
   * kept with the baseline (a target at or below them is not challenging).
   */
  private pastResults(
    r: number,
    actualCols: Column[],
    targetCols: Column[],
    into: Map<string, string>
  ): void {
    if (actualCols.length === 0) return;
    let plan = this.ctx.planYear;
    if (plan === undefined)
      for (const c of [...actualCols, ...targetCols])
        if (c.year !== undefined && (plan === undefined || c.year > plan)) plan = c.year;
    if (plan === undefined) return;
    for (const c of actualCols) {
      if (c.year === undefined || c.year >= plan || into.has(String(c.year))) continue;
      const t = this.rows.text(r, c.col);
      if (t) into.set(String(c.year), t);
    }
  }

  /** The office's declared achievement (`% di raggiungimento`) of row r: the plan year's column first. */
  private setDeclared(ind: RawIndicator, r: number, cols: Column[]): void {
    if (cols.length === 0) return;
    const cell = this.pickActual(
      cols.map((c) => this.rows.at(r, c.col)),
      cols
    );
    const a = cell ? declaredAchievement(cell) : null;
    if (a === null || !cell) return;
    ind.declaredAchievement = a;
    ind.declaredAchievementSource = cellRef(this.grid, r, cell.col);
  }

  /**
   * The actual: the plan year's column first, then the latest reading (`al 31/12`, `finale`) before
   * an intermediate one (`al 30/06`); a past year's result is history, never this year's actual.
   */
  private pickActual(cells: (Cell | undefined)[], cols: Column[]): Cell | undefined {
    for (const i of this.actualOrder(cols)) if (cells[i]) return cells[i];
    return undefined;
  }

  /** The order pickActual tries a table's actual columns in: computed once per table. */
  private actualOrder(cols: Column[]): number[] {
    let order = this.actualOrders.get(cols);
    if (order) return order;
    const y = this.ctx.planYear;
    const late = cols.map(lateness);
    order = cols
      .map((_, i) => i)
      .filter((i) => y === undefined || cols[i].year === undefined || cols[i].year! >= y)
      .sort(
        (a, b) =>
          Number(cols[b].year === y) - Number(cols[a].year === y) || late[b] - late[a] || a - b
      );
    this.actualOrders.set(cols, order);
    return order;
  }
  private actualOrders = new WeakMap<Column[], number[]>();

  /** The objective a row names by its code: one per code on this sheet, marked as a reference. */
  private objectiveByRef(code: string, r: number, col: number): RawObjective {
    const key = `R:${code}`;
    let o = this.byCode.get(key);
    if (!o) {
      o = this.newObjective(code, code, "operational", cellRef(this.grid, r, col));
      o.refOnly = true;
      o.people = { ...this.sheetPeople };
      this.byCode.set(key, o);
    }
    return o;
  }

  /** Where an indicator row goes: the action of its scheda named by the row number, else the scheda. */
  private ownerFor(ref: string, name: string, r: number, upper: number): RawObjective {
    const block = this.cur ?? this.orphan(r);
    const children = block.children;
    if (!children || children.size === 0) return block;
    if (/^\d{1,2}$/.test(ref)) {
      let child = children.get(ref);
      if (!child) {
        const code = block.code ? `${block.code}.${ref}` : ref;
        child = this.newObjective(code, `Azione ${ref}`, "operational", this.firstRef(r));
        child.parentKey = block.key;
        child.strategicCode = block.code;
        child.people = { ...block.people };
        children.set(ref, child);
      }
      this.lastChild = child;
      return child;
    }
    // No number (lost in a PDF): an action between the last one used and the next numbered row,
    // the one whose text shares most words with the name; a bare `-` marks a new item.
    const list = [...children.entries()]
      .sort((a, b) => Number(a[0]) - Number(b[0]))
      .map((e) => e[1]);
    const from = this.lastChild ? Math.max(0, list.indexOf(this.lastChild)) : 0;
    let to = list.length - 1;
    while (
      to > from &&
      Number([...children.entries()].find((e) => e[1] === list[to])?.[0]) >= upper
    )
      to--;
    const nameStems = stems(name);
    let best = ref === "-" && this.lastChild && from + 1 <= to ? list[from + 1] : list[from];
    let bestScore = 0;
    for (let i = from; i <= to; i++) {
      const s = countShared(nameStems, stems(list[i].matchText ?? list[i].title));
      if (s > bestScore) {
        bestScore = s;
        best = list[i];
      }
    }
    this.lastChild = best;
    return best;
  }
  private lastChild: RawObjective | null = null;

  /** One row per objective (strategic / operational codes and titles), with indicators and reports. */
  private readMatrix(h: Header, rows: number[]): void {
    const sCode = this.col(h, "stratCode");
    const sTitle = this.col(h, "stratTitle");
    const oCode = this.col(h, "opCode") ?? this.col(h, "code");
    const opTitles = this.cols(h, "opTitle");
    const indCol = this.col(h, "indicator");
    const targetCols = this.targetColumns(h);
    const actualCols = this.actualCols(h);
    const indDescCol = this.col(h, "indDescription") ?? this.col(h, "formula");
    const objWeightCol = this.col(h, "objWeight");
    const weightCol = this.col(h, "weight");
    const dirCol = this.col(h, "dirigente") ?? this.col(h, "responsabile");
    const critCols = this.cols(h, "criterion");
    const descCol = this.col(h, "description");
    const unitCol = this.col(h, "unit");
    const baseCols = this.cols(h, "baseline");
    const achCols = this.cols(h, "achievement");
    const reportCols = h.columns.filter(
      (c) => c.role === "reportText" || c.role === "score" || c.role === "total"
    );
    // Several title columns (`rivisti o accorpati` / `collegati`): the one filled most often.
    const filled = (c: Column) => rows.filter((r) => this.rows.text(r, c.col) !== "").length;
    const oTitle = opTitles.sort((a, b) => filled(b) - filled(a) || a.col - b.col)[0];
    const indicatorsHere = !!(indCol || targetCols.length > 0);
    const indexOnly =
      !indicatorsHere && reportCols.length === 0 && !objWeightCol && !weightCol && !dirCol;
    // Code column and title column of one level only: an index or list of objectives.
    const onlyStrategic = !oTitle && !this.col(h, "opCode") && !!(sCode || sTitle);
    const strategicIndex =
      !!sCode && !sTitle && !!oTitle && !this.col(h, "opCode") && !this.col(h, "code");
    const maxima = this.columnMaxima(reportCols, rows);
    let op: RawObjective | null = null;
    let strat: RawObjective | null = null;
    // The same header again just after a matrix (a new PDF page): the table goes on.
    const sig = h.columns.map((c) => `${c.role ?? ""}:${fold(c.label)}`).join("|");
    const prev = this.lastMatrix;
    if (prev && prev.sig === sig && this.rows.distance(prev.end, h.row, 6) <= 6) {
      op = prev.op;
      strat = prev.strat;
    }
    const missioneCol = this.col(h, "missione");
    const programmaCol = this.col(h, "programma");
    const made: RawObjective[] = [];
    const carried = new Map<string, { v: string; src: string }>();
    const weightCells = new Map<RawIndicator, Cell>();
    for (const r of rows) {
      const cells = this.rows.cells(r);
      if (cells.length === 0) continue;
      let sc = sCode ? this.rows.text(r, sCode.col) : "";
      let st = sTitle ? this.rows.text(r, sTitle.col) : "";
      let oc = oCode ? this.rows.text(r, oCode.col) : "";
      let ot = oTitle ? this.rows.text(r, oTitle.col) : "";
      if (TOTAL_RE.test(cells[0].text)) continue;
      // `SETTORE … - Responsabile: …` between the rows: the objectives below belong to it.
      if (cells.length === 1) {
        const u = parseUnitLine(cells[0].text);
        if (u) {
          const p: RawPeople = { [u.kind]: u.name, source: cellRef(this.grid, r, cells[0].col) };
          if (u.role && u.person) p[u.role] = u.person;
          this.sheetPeople = p;
          this.units.push(p);
          continue;
        }
      }
      // No code column: a code written before the title in the same cell.
      if (!sCode && st) {
        const ct = splitCodeTitle(st);
        if (ct) [sc, st] = [ct.code, ct.title];
      }
      if (!oCode && ot) {
        const ct = splitCodeTitle(ot);
        if (ct) [oc, ot] = [ct.code, ct.title];
      }
      // Title columns holding only codes (`0101`, `01010601`), the words in `Descrizione`.
      let titleFromDesc = false;
      if (st && !sc && CODE_ONLY_RE.test(st)) [sc, st] = [st, ""];
      if (ot && CODE_ONLY_RE.test(ot) && (!oc || /^\d{1,3}\.?$/.test(oc))) {
        oc = ot;
        ot = descCol ? this.rows.text(r, descCol.col) : "";
        titleFromDesc = ot !== "";
      }
      if (strategicIndex || (onlyStrategic && !indicatorsHere)) {
        const code = sc || oc || null;
        const title = ot || st || code || "";
        if (!title) continue;
        const o = this.newObjective(
          code,
          title,
          strategicIndex || onlyStrategic ? "strategic" : "operational",
          cellRef(this.grid, r, (oTitle ?? sTitle ?? sCode)!.col)
        );
        o.indexOnly = indexOnly;
        if (code) this.setDup(o, code);
        continue;
      }
      if (sc || st) {
        const key = sc || st;
        const known = this.byCode.get(`S:${key}`);
        if (known) strat = known;
        else {
          strat = this.newObjective(
            sc || null,
            st || sc,
            "strategic",
            cellRef(this.grid, r, (sTitle ?? sCode)!.col)
          );
          strat.indexOnly = indexOnly;
          if (sc) this.setDup(strat, sc);
          this.byCode.set(`S:${key}`, strat);
        }
      }
      const newOp =
        (oc || ot) && !(op && ((oc && oc === op.code) || (!oc && ot && ot === op.title)));
      if (newOp) {
        op = this.newObjective(
          oc || null,
          ot || oc,
          "operational",
          cellRef(this.grid, r, (oTitle ?? oCode)!.col)
        );
        // Only a code, no title anywhere on the row: a reference to an objective listed elsewhere.
        if (!ot && oc) op.refOnly = true;
        op.indexOnly = indexOnly;
        op.people = { ...this.sheetPeople };
        if (oc) this.setDup(op, oc);
        // A strategic cell left empty (merged down in the source) still covers the rows below it.
        if (strat) {
          op.parentKey = strat.key;
          op.strategicCode = strat.code;
        }
        if (descCol && !titleFromDesc) op.description = this.rows.text(r, descCol.col) || undefined;
      } else if (!op && !(sc || st)) {
        continue;
      }
      const target = op ?? strat;
      if (!target) continue;
      if (dirCol) {
        let d = this.rows.text(r, dirCol.col);
        if (d) carried.set("dirigente", { v: d, src: "" });
        // A dirigente cell merged down over several objectives covers each of them.
        else if (newOp && this.inMerge(r, dirCol.col)) d = carried.get("dirigente")?.v ?? "";
        if (d) target.people.dirigente ??= d;
      }
      for (const [role, field] of MATRIX_UNIT_FIELDS) {
        const uc = this.col(h, role);
        if (!uc) continue;
        let v = this.rows.text(r, uc.col);
        let src = cellRef(this.grid, r, uc.col);
        if (v) carried.set(field, { v, src });
        else if (newOp) {
          // An empty unit cell (merged down, or left blank as "same as above"): the unit above.
          const c = carried.get(field);
          if (c) [v, src] = [c.v, c.src];
        }
        if (v) {
          target.people[field] ??= v;
          target.people.source ??= src;
        }
      }
      const objW = objWeightCol ?? (!indicatorsHere ? weightCol : undefined);
      if (objW && newOp) {
        const c = this.rows.at(r, objW.col);
        if (c) {
          target.weight = objectiveWeight(c);
          target.weightSource = cellRef(this.grid, r, c.col);
        }
      }
      if (missioneCol || programmaCol)
        this.readDupColumns(r, missioneCol, programmaCol, newOp ? op : null, strat);
      if (critCols.length > 0 && newOp) {
        const crit: Record<string, string> = {};
        for (const cc of critCols) {
          const v = this.rows.text(r, cc.col);
          if (v) crit[criterionKey(cc.label)] = v;
        }
        if (Object.keys(crit).length > 0) target.criteria = crit;
      }
      const report = this.readReport(r, reportCols, maxima, target);
      if (indicatorsHere) {
        const indText = indCol ? this.rows.text(r, indCol.col) : "";
        const { cell: tCell, byYear } = this.yearTargets(r, targetCols);
        // No target column: the indicator cell states the target (`Almeno 8 utilizzi …`).
        const ownTarget = targetCols.length === 0;
        const tText = tCell ? tCell.text : ownTarget ? indText : "";
        const aCell = this.pickActual(
          actualCols.map((c) => this.rows.at(r, c.col)),
          actualCols
        );
        if (!indText && !tText) continue;
        const pieces = tText ? splitTargets(tText) : [""];
        const reportText = aCell ? aCell.text : (report?.text ?? "");
        const actuals =
          aCell && pieces.length === 1
            ? [actualValue(aCell)]
            : reportText
              ? matchActuals(pieces, reportText)
              : pieces.map(() => null);
        const wCell = indicatorsHere && weightCol ? this.rows.at(r, weightCol.col) : undefined;
        pieces.forEach((piece, i) => {
          const name = !ownTarget
            ? pieces.length > 1
              ? `${indText}: ${nameFromTarget(piece)}`
              : indText || piece
            : nameFromTarget(piece);
          const ind: RawIndicator = {
            name,
            target: piece || null,
            weight: wCell ? readWeight(wCell.value, wCell.shown) : null,
            weightSource: wCell ? cellRef(this.grid, r, wCell.col) : undefined,
            actual: actuals[i] ?? null,
            actualSource: aCell
              ? cellRef(this.grid, r, aCell.col)
              : report
                ? report.source
                : undefined,
            source: cellRef(this.grid, r, (indCol ?? targetCols[0])!.col),
            targetSource: tCell
              ? cellRef(this.grid, r, tCell.col)
              : ownTarget && indCol
                ? cellRef(this.grid, r, indCol.col)
                : undefined,
          };
          if (unitCol) ind.unit = this.rows.text(r, unitCol.col) || null;
          const about = indDescCol ? this.rows.text(r, indDescCol.col) : "";
          if (about && indCol) ind.description = about;
          if (byYear.size > 0 && pieces.length === 1) ind.targets = byYear;
          const b = new Map<string, string>();
          baseCols.forEach((c, k) => {
            const t = this.rows.text(r, c.col);
            if (t) b.set(c.year !== undefined ? String(c.year) : String(k), t);
          });
          this.pastResults(r, actualCols, targetCols, b);
          if (b.size > 0) ind.baseline = b;
          this.setDeclared(ind, r, achCols);
          target.indicators.push(ind);
          if (wCell) weightCells.set(ind, wCell);
        });
      }
      if (newOp && op) made.push(op);
    }
    if (weightCol && !objWeightCol && !/indicator/.test(fold(weightCol.label)))
      this.weightsToObjectives(made, weightCells);
    this.lastMatrix = { sig, end: rows.length > 0 ? rows[rows.length - 1] : h.lastRow, op, strat };
    this.cur = null;
  }
  private lastMatrix: {
    sig: string;
    end: number;
    op: RawObjective | null;
    strat: RawObjective | null;
  } | null = null;

  /**
   * One row per objective and a plain `Peso` column: when every objective has a single weighted
   * indicator and the weights are not all 100%, the column weighs the objectives (within their
   * settore), not the indicators — else each objective would "miss" 100% by construction.
   */
  private weightsToObjectives(made: RawObjective[], cells: Map<RawIndicator, Cell>): void {
    const weighted = made.filter((o) => o.indicators.some((i) => cells.has(i)));
    if (weighted.length < 2) return;
    for (const o of weighted) {
      if (o.indicators.filter((i) => cells.has(i)).length !== 1 || o.weight !== null) return;
      // Several indicators read from one cell (`1) … 2) …`) share it: still one row.
      const srcs = new Set(o.indicators.map((i) => i.weightSource).filter(Boolean));
      if (srcs.size > 1) return;
    }
    const values = weighted.map((o) => o.indicators.find((i) => cells.has(i))!.weight);
    if (values.every((w) => w !== null && Math.abs(w - 1) < 1e-9)) return;
    for (const o of weighted) {
      const ind = o.indicators.find((i) => cells.has(i))!;
      const cell = cells.get(ind)!;
      o.weight = objectiveWeight(cell);
      o.weightSource = ind.weightSource;
      for (const i of o.indicators) {
        i.weight = null;
        i.weightSource = undefined;
      }
    }
  }

  /**
   * `Missione | Programma` columns (or one `Missione/Programma` column: `12/07`, `Missione 12 -
   * Programma 7`): the DUP reference of the row's objectives, as written.
   */
  private readDupColumns(
    r: number,
    mCol: Column | undefined,
    pCol: Column | undefined,
    op: RawObjective | null,
    strat: RawObjective | null
  ): void {
    let m = mCol ? this.rows.text(r, mCol.col) : "";
    let p = pCol ? this.rows.text(r, pCol.col) : "";
    const both = MISSIONE_RE.exec(m) ?? /^(\d{1,2})\s*[/.\-–]\s*(\d{1,4})$/.exec(m);
    if (both) [m, p] = [both[1], p || both[2]];
    m = /^(?:missione\s*)?(?:n\.?\s*)?(\d{1,2})\b/i.exec(m)?.[1] ?? "";
    p = /^(?:programma\s*)?(?:n\.?\s*)?(\d{1,4})\b/i.exec(p)?.[1] ?? "";
    for (const o of [op, strat]) {
      if (!o) continue;
      if (m) o.missione ??= m;
      if (p) o.programma ??= p;
    }
  }

  /** Whether (r, c) lies inside a merged area below its first row. */
  private inMerge(r: number, c: number): boolean {
    const o = this.grid.origin ?? { row: 0, col: 0 };
    const ar = r + o.row;
    const ac = c + o.col;
    return (this.grid.merges ?? []).some(
      (m) => m.top < ar && ar <= m.bottom && m.left <= ac && ac <= m.right
    );
  }

  private setDup(o: RawObjective, code: string): void {
    const dd = DUP_CODE_RE.exec(code);
    if (dd) {
      o.missione = dd[1];
      o.programma = dd[2];
    }
  }

  private columnMaxima(cols: Column[], rows: number[]): Map<number, number> {
    const out = new Map<number, number>();
    for (const c of cols) {
      let m = -Infinity;
      for (const r of rows) {
        const cell = this.rows.at(r, c.col);
        const v = cell ? numeric(cell) : null;
        if (v !== null && v > m) m = v;
      }
      if (m > -Infinity) out.set(c.col, m);
    }
    return out;
  }

  /** Report columns of one row: text cells are the report, numbers are scores, the last of 3+ is the total. */
  private readReport(
    r: number,
    cols: Column[],
    maxima: Map<number, number>,
    o: RawObjective
  ): RawReport | null {
    if (cols.length === 0) return null;
    const texts: string[] = [];
    const nums: { value: number; col: number }[] = [];
    for (const c of cols) {
      const cell = this.rows.at(r, c.col);
      if (!cell) continue;
      const v = numeric(cell);
      if (v !== null) nums.push({ value: v, col: c.col });
      else texts.push(cell.text);
    }
    if (texts.length === 0 && nums.length === 0) return null;
    const totalCol = cols.find((c) => c.role === "total");
    let declared: { value: number; col: number } | null = null;
    let comps = nums;
    if (totalCol && nums.some((n) => n.col === totalCol.col)) {
      declared = nums.find((n) => n.col === totalCol.col) ?? null;
      comps = nums.filter((n) => n.col !== totalCol.col);
    } else if (nums.length >= 3) {
      declared = nums[nums.length - 1];
      comps = nums.slice(0, -1);
    }
    const labels = cols
      .map((c) => c.sub || c.label)
      .filter((l) => l && !/^(totale|tabella|tot\.?)$/i.test(l) && !/report|relazione/i.test(l));
    const report: RawReport = {
      dirigente: o.people.dirigente,
      text: texts.join("\n") || undefined,
      components: comps.map((n, i) => ({
        label: labels[i] ?? `componente ${i + 1}`,
        value: n.value,
        max: labelMax(labels[i]) ?? maxima.get(n.col) ?? null,
        source: cellRef(this.grid, r, n.col),
      })),
      declaredTotal: declared ? declared.value : null,
      source: rangeRef(this.grid, r, cols[0].col, r, cols[cols.length - 1].col),
    };
    o.reports.push(report);
    return report;
  }
}

/** How late in the year a result column reads: `al 31/12` and `finale` after `al 30/06`. */
function lateness(c: Column): number {
  const t = fold(`${c.label} ${c.sub ?? ""}`);
  const d = /\b(\d{1,2})[/.](\d{1,2})\b/.exec(t);
  if (d) return Number(d[2]) * 40 + Number(d[1]);
  if (/intermedi|semestr|trimestr|monitoraggio/.test(t)) return -1;
  // No date: a year-end result (`Consuntivo`, `Risultato finale`, `Valore raggiunto`).
  return /finale|conclusiv|annual|consuntiv/.test(t) ? 1000 : 500;
}

function labelMax(label: string | undefined): number | null {
  if (!label) return null;
  const m = /max(?:imo)?\.?\s*(\d+(?:[.,]\d+)?)/i.exec(label);
  return m ? parseItalianNumber(m[1]) : null;
}

function numeric(cell: Cell): number | null {
  if (typeof cell.value === "number") return Number.isFinite(cell.value) ? cell.value : null;
  const t = cell.text.trim();
  if (!/^[-+]?\d{1,6}(?:[.,]\d+)?$/.test(t)) return null;
  return parseItalianNumber(t);
}

function actualValue(cell: Cell): string | number | null {
  if (typeof cell.value === "number") return cell.shown.includes("%") ? cell.shown : cell.value;
  return cell.text;
}

/**
 * A declared achievement as a fraction: `80%`, 0,8 shown as `80%`, `80` (points: > 1), `0,8`,
 * `100 %`; over 100% counts as 100%. Text that is not one number (`raggiunto`) is null.
 */
function declaredAchievement(cell: Cell | string): number | null {
  const a = typeof cell === "string" ? readWeight(cell) : readWeight(cell.value, cell.shown);
  return a === null || !Number.isFinite(a) ? null : Math.min(1, a);
}

function objectiveWeight(cell: Cell): number | null {
  if (typeof cell.value === "number")
    return cell.shown.includes("%") ? Math.round(cell.value * 100 * 1e6) / 1e6 : cell.value;
  return parseItalianNumber(cell.text.replace(/%/g, "").trim());
}

function criterionKey(label: string): string {
  const f = fold(label);
  if (/strategic/.test(f)) return "strategicita";
  if (/complessit/.test(f)) return "complessita";
  if (/impatto|innovativ/.test(f)) return "impatto";
  if (/economicit/.test(f)) return "economicita";
  return f.replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "criterio";
}

export { overlap };
